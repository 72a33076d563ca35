using SocialeKaart.Portal.Features.Makelpunt;
using static SocialeKaart.Portal.Tests.Makelpunt.Voorbeeld;

namespace SocialeKaart.Portal.Tests.Makelpunt;

public sealed class SchuldhulpEnToewijzenTests
{
    private static readonly DateTimeOffset Nu = Dinsdag.AddHours(2);

    private static Melding Rondkomen() =>
        Melding(Antwoorden(levensdomeinen: "rondkomen")) with { Status = MeldingStatus.InBehandeling, Behandelaar = Anna, Versie = 2 };

    [Fact]
    public void Termijn_WgsStaysOpenAfterFirstContact_UntilTheSchuldhulpConversation()
    {
        var melding = Rondkomen();
        var wgs = melding.Termijnen.SchuldhulpEersteGesprek!.Value;

        var naContact = Behandeling.Pas(melding, new ContactGehad(), Anna, Nu).Melding!;
        Assert.Equal(wgs, Termijnbewaking.Eerstvolgende(naContact));

        var naGesprek = Behandeling.Pas(naContact, new SchuldhulpgesprekGehad(), Anna, Nu).Melding!;
        Assert.Equal(melding.Termijnen.WmoOnderzoekKlaar, Termijnbewaking.Eerstvolgende(naGesprek));
    }

    [Fact]
    public void Pas_SchuldhulpgesprekMeetsFirstContactToo()
    {
        var melding = Behandeling.Pas(Rondkomen(), new SchuldhulpgesprekGehad(), Anna, Nu).Melding!;
        Assert.Equal(Nu, melding.EersteContactOp);
        Assert.Equal(Nu, melding.SchuldhulpgesprekOp);
    }

    [Fact]
    public void Pas_SchuldhulpgesprekWithoutWgsTerm_Refused()
    {
        var melding = Melding(Antwoorden(levensdomeinen: "wonen")) with { Status = MeldingStatus.InBehandeling, Behandelaar = Anna };
        Assert.Equal("Deze melding gaat niet over schuldhulp.", Behandeling.Pas(melding, new SchuldhulpgesprekGehad(), Anna, Nu).Geweigerd);
    }

    [Fact]
    public void Pas_SchuldhulpgesprekTwice_Refused()
    {
        var melding = Behandeling.Pas(Rondkomen(), new SchuldhulpgesprekGehad(), Anna, Nu).Melding!;
        Assert.NotNull(Behandeling.Pas(melding, new SchuldhulpgesprekGehad(), Anna, Nu).Geweigerd);
    }

    [Fact]
    public void Pas_ToewijzenToTheCurrentBehandelaar_Refused()
    {
        Assert.Equal("Anna de Vries heeft deze melding al.", Behandeling.Pas(Rondkomen(), new Toewijzen(Anna), Bram, Nu).Geweigerd);
    }

    [Fact]
    public void Pas_HuisbezoekMoreThanAYearAhead_Refused()
    {
        Assert.NotNull(Behandeling.Pas(Rondkomen(), new HuisbezoekPlannen(Nu.AddYears(2)), Anna, Nu).Geweigerd);
    }
}
