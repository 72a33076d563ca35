using SocialeKaart.Portal.Features.Makelpunt;
using static SocialeKaart.Portal.Tests.Makelpunt.Voorbeeld;

namespace SocialeKaart.Portal.Tests.Makelpunt;

public sealed class BehandelingTests
{
    private static readonly DateTimeOffset Nu = Dinsdag.AddHours(2);

    private static Handeling Maak(string naam) => naam switch
    {
        "oppakken" => new Oppakken(),
        "toewijzen" => new Toewijzen(Bram),
        "contact" => new ContactGehad(),
        "doorverwijzen" => new Doorverwijzen("buurtteam-noord", "Buurtteam Noord"),
        "huisbezoek" => new HuisbezoekPlannen(Nu.AddDays(2)),
        "notitie" => new NotitieMaken("Gebeld, geen gehoor."),
        "afsluiten" => new Afsluiten(Uitkomst.AlgemeenToegankelijkAanbod),
        _ => throw new ArgumentOutOfRangeException(nameof(naam)),
    };

    /// <summary>A melding that Anna has taken.</summary>
    private static Melding VanAnna(MeldingStatus status = MeldingStatus.InBehandeling) =>
        Melding() with { Status = status, Behandelaar = Anna, Versie = 2 };

    private static Melding Gelukt(Resultaat resultaat)
    {
        Assert.Null(resultaat.Geweigerd);
        Assert.True(resultaat.Gelukt);
        return resultaat.Melding!;
    }

    private static string Geweigerd(Resultaat resultaat)
    {
        Assert.Null(resultaat.Melding);
        Assert.False(resultaat.Gelukt);
        return resultaat.Geweigerd!;
    }

    [Fact]
    public void Pas_OppakkenNieuw_InBehandelingForTheActor()
    {
        var melding = Gelukt(Behandeling.Pas(Melding(), new Oppakken(), Anna, Nu));

        Assert.Equal(MeldingStatus.InBehandeling, melding.Status);
        Assert.Equal(Anna, melding.Behandelaar);
    }

    [Fact]
    public void Pas_OppakkenOwnMelding_Refused()
    {
        Assert.Equal("U heeft deze melding al.", Geweigerd(Behandeling.Pas(VanAnna(), new Oppakken(), Anna, Nu)));
    }

    [Fact]
    public void Pas_OppakkenFromColleague_TakesOverAndKeepsStatus()
    {
        var melding = Gelukt(Behandeling.Pas(VanAnna(MeldingStatus.HuisbezoekGepland), new Oppakken(), Bram, Nu));

        Assert.Equal(Bram, melding.Behandelaar);
        Assert.Equal(MeldingStatus.HuisbezoekGepland, melding.Status);
    }

    [Fact]
    public void Pas_ToewijzenNieuw_InBehandelingForTheAssignee()
    {
        var melding = Gelukt(Behandeling.Pas(Melding(), new Toewijzen(Bram), Anna, Nu));

        Assert.Equal(MeldingStatus.InBehandeling, melding.Status);
        Assert.Equal(Bram, melding.Behandelaar);
    }

    [Fact]
    public void Pas_ToewijzenDoorverwezen_KeepsStatus()
    {
        var melding = Gelukt(Behandeling.Pas(VanAnna(MeldingStatus.Doorverwezen), new Toewijzen(Bram), Anna, Nu));

        Assert.Equal(MeldingStatus.Doorverwezen, melding.Status);
        Assert.Equal(Bram, melding.Behandelaar);
    }

    [Theory]
    [InlineData("contact")]
    [InlineData("doorverwijzen")]
    [InlineData("huisbezoek")]
    [InlineData("afsluiten")]
    public void Pas_Nieuw_RefusedUntilSomeoneHasIt(string handeling)
    {
        Assert.Equal("Pak de melding eerst op of wijs hem toe.", Geweigerd(Behandeling.Pas(Melding(), Maak(handeling), Anna, Nu)));
    }

    [Fact]
    public void Pas_NotitieOnNieuw_Allowed()
    {
        var melding = Gelukt(Behandeling.Pas(Melding(), new NotitieMaken("Eerst overleggen met het team."), Anna, Nu));

        Assert.Equal(MeldingStatus.Nieuw, melding.Status);
        Assert.Null(melding.Behandelaar);
    }

    [Fact]
    public void Pas_ContactGehad_RecordsTimeAndMeetsTheFirstContactDeadline()
    {
        var voor = VanAnna();

        var melding = Gelukt(Behandeling.Pas(voor, new ContactGehad(), Anna, Nu));

        Assert.Equal(Nu, melding.EersteContactOp);
        Assert.Equal(MeldingStatus.InBehandeling, melding.Status);
        Assert.Equal(voor.Termijnen.EersteContact, voor.EerstvolgendeTermijn);
        Assert.Equal(voor.Termijnen.WmoOnderzoekKlaar, melding.EerstvolgendeTermijn);
    }

    [Fact]
    public void Pas_ContactGehadTwice_Refused()
    {
        var melding = VanAnna() with { EersteContactOp = Nu.AddDays(-1) };

        Assert.Equal("Het eerste contact is al vastgelegd.", Geweigerd(Behandeling.Pas(melding, new ContactGehad(), Anna, Nu)));
    }

    [Fact]
    public void Pas_Doorverwijzen_AddsVerwijzingAndStatus()
    {
        var eerst = Gelukt(Behandeling.Pas(VanAnna(), new Doorverwijzen("a1", "Formulierenhulp"), Anna, Nu));
        var daarna = Gelukt(Behandeling.Pas(eerst, new Doorverwijzen("a2", "Maatjesproject"), Anna, Nu.AddHours(1)));

        Assert.Equal(MeldingStatus.Doorverwezen, daarna.Status);
        Assert.Equal([new Verwijzing("a1", "Formulierenhulp", Nu), new Verwijzing("a2", "Maatjesproject", Nu.AddHours(1))], daarna.Verwijzingen);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Pas_DoorverwijzenWithoutAanbod_Refused(string aanbodId)
    {
        Assert.Equal("Kies het aanbod waarnaar u doorverwijst.",
            Geweigerd(Behandeling.Pas(VanAnna(), new Doorverwijzen(aanbodId, "Iets"), Anna, Nu)));
    }

    [Fact]
    public void Pas_HuisbezoekInTheFuture_Planned()
    {
        var op = Nu.AddDays(3);

        var melding = Gelukt(Behandeling.Pas(VanAnna(), new HuisbezoekPlannen(op), Anna, Nu));

        Assert.Equal(MeldingStatus.HuisbezoekGepland, melding.Status);
        Assert.Equal(op, melding.HuisbezoekOp);
    }

    [Fact]
    public void Pas_HuisbezoekInThePast_Refused()
    {
        Assert.Equal("Een huisbezoek plant u in de toekomst.",
            Geweigerd(Behandeling.Pas(VanAnna(), new HuisbezoekPlannen(Nu.AddMinutes(-1)), Anna, Nu)));
    }

    [Theory]
    [InlineData("", "Schrijf een notitie.")]
    [InlineData(" \n ", "Schrijf een notitie.")]
    public void Pas_EmptyNotitie_Refused(string tekst, string waarom)
    {
        Assert.Equal(waarom, Geweigerd(Behandeling.Pas(VanAnna(), new NotitieMaken(tekst), Anna, Nu)));
    }

    [Fact]
    public void Pas_NotitieTooLong_Refused()
    {
        var tekst = new string('a', Behandeling.MaxNotitie + 1);

        Assert.Equal("Een notitie is maximaal 4000 tekens.", Geweigerd(Behandeling.Pas(VanAnna(), new NotitieMaken(tekst), Anna, Nu)));
    }

    [Fact]
    public void Pas_NotitieOfMaximumLength_Allowed()
    {
        Gelukt(Behandeling.Pas(VanAnna(), new NotitieMaken(new string('a', Behandeling.MaxNotitie)), Anna, Nu));
    }

    [Theory]
    [InlineData(MeldingStatus.InBehandeling)]
    [InlineData(MeldingStatus.HuisbezoekGepland)]
    [InlineData(MeldingStatus.Doorverwezen)]
    public void Pas_Afsluiten_ClosedWithUitkomstAndNoDeadlineLeft(MeldingStatus status)
    {
        var melding = Gelukt(Behandeling.Pas(VanAnna(status), new Afsluiten(Uitkomst.MaatwerkvoorzieningAangevraagd), Anna, Nu));

        Assert.Equal(MeldingStatus.Afgesloten, melding.Status);
        Assert.Equal(Uitkomst.MaatwerkvoorzieningAangevraagd, melding.Uitkomst);
        Assert.Equal(Nu, melding.AfgeslotenOp);
        Assert.Null(melding.EerstvolgendeTermijn);
        Assert.False(Termijnbewaking.TeLaat(melding, melding.Termijnen.WmoOnderzoekKlaar!.Value.AddDays(100)));
    }

    [Theory]
    [InlineData(MeldingStatus.Afgesloten, "oppakken")]
    [InlineData(MeldingStatus.Afgesloten, "toewijzen")]
    [InlineData(MeldingStatus.Afgesloten, "contact")]
    [InlineData(MeldingStatus.Afgesloten, "doorverwijzen")]
    [InlineData(MeldingStatus.Afgesloten, "huisbezoek")]
    [InlineData(MeldingStatus.Afgesloten, "notitie")]
    [InlineData(MeldingStatus.Afgesloten, "afsluiten")]
    [InlineData(MeldingStatus.Geanonimiseerd, "oppakken")]
    [InlineData(MeldingStatus.Geanonimiseerd, "notitie")]
    public void Pas_Closed_TakesNothing(MeldingStatus status, string handeling)
    {
        Assert.Equal("Deze melding is afgesloten. Er kan niets meer aan veranderen.",
            Geweigerd(Behandeling.Pas(VanAnna(status), Maak(handeling), Bram, Nu)));
    }

    [Theory]
    [InlineData("oppakken")]
    [InlineData("toewijzen")]
    [InlineData("contact")]
    [InlineData("doorverwijzen")]
    [InlineData("huisbezoek")]
    [InlineData("notitie")]
    [InlineData("afsluiten")]
    public void Pas_Allowed_IncrementsVersieOnce(string handeling)
    {
        // Bram acts, so oppakken is not refused as "already yours".
        var melding = Gelukt(Behandeling.Pas(VanAnna(), Maak(handeling), Bram, Nu));

        Assert.Equal(3, melding.Versie);
    }

    [Fact]
    public void Pas_FullPath_NieuwToAfgesloten()
    {
        var melding = Melding();
        foreach (var handeling in new Handeling[]
                 {
                     new Oppakken(), new ContactGehad(), new HuisbezoekPlannen(Nu.AddDays(1)), new NotitieMaken("Huisbezoek gedaan."),
                     new Doorverwijzen("a1", "Buurtteam"), new Afsluiten(Uitkomst.OpgelostMetEigenKrachtOfNetwerk),
                 })
        {
            melding = Gelukt(Behandeling.Pas(melding, handeling, Anna, Nu));
        }

        Assert.Equal(MeldingStatus.Afgesloten, melding.Status);
        Assert.Equal(7, melding.Versie);
    }

    [Fact]
    public void Actie_Afsluiten_NamesTheUitkomstInDutch()
    {
        Assert.Equal("Afgesloten: opgelost met eigen kracht of netwerk", new Afsluiten(Uitkomst.OpgelostMetEigenKrachtOfNetwerk).Actie);
        Assert.Equal("Toegewezen aan Bram Jansen", new Toewijzen(Bram).Actie);
    }
}
