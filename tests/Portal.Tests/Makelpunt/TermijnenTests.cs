using SocialeKaart.Portal.Features.Makelpunt;

namespace SocialeKaart.Portal.Tests.Makelpunt;

public sealed class TermijnenTests
{
    private static readonly MakelpuntOptions Options = new();
    private static readonly Routering Regels = new(EchteTaxonomie.Instance, Options);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static Termijnen Bereken(string ontvangen, MeldingKenmerken melding) =>
        Termijnen.Bereken(DateTimeOffset.Parse(ontvangen, System.Globalization.CultureInfo.InvariantCulture),
            Regels.Bepaal(melding), melding, Werkdagen.Standaard, Options);

    private static MeldingKenmerken Melding(Urgentie urgentie, params string[] levensdomeinen) =>
        new(Soort.Zelf, levensdomeinen, NietPluis: false, urgentie);

    [Fact]
    public void Bereken_NotUrgent_EersteContactWithinThreeWerkdagen()
    {
        var termijnen = Bereken("2026-03-10T10:00:00+01:00", Melding(Urgentie.Geen, "wonen")); // Tuesday

        Assert.Equal(D("2026-03-13"), termijnen.EersteContact);
    }

    [Fact]
    public void Bereken_Urgent_EersteContactWithinOneWerkdag()
    {
        var termijnen = Bereken("2026-03-10T10:00:00+01:00", Melding(new Urgentie(true, false, false), "wonen"));

        Assert.Equal(D("2026-03-11"), termijnen.EersteContact);
    }

    [Fact]
    public void Bereken_UrgentReceivedOnFridayEvening_EersteContactOnMonday()
    {
        var termijnen = Bereken("2026-03-06T21:30:00+01:00", Melding(new Urgentie(true, false, false), "zorgen"));

        Assert.Equal(D("2026-03-09"), termijnen.EersteContact);
    }

    [Theory]
    [InlineData("2026-03-06T21:30:00+01:00")] // Friday evening
    [InlineData("2026-03-07T09:00:00+01:00")] // Saturday
    [InlineData("2026-03-08T16:00:00+01:00")] // Sunday
    public void Bereken_ReceivedInTheWeekend_CountsFromTheNextWerkdag(string ontvangen)
    {
        var termijnen = Bereken(ontvangen, Melding(Urgentie.Geen, "wonen"));

        Assert.Equal(D("2026-03-11"), termijnen.EersteContact); // Monday, Tuesday, Wednesday
    }

    [Fact]
    public void Bereken_ReceivedBeforeEaster_SkipsGoedeVrijdagAndTweedePaasdag()
    {
        var termijnen = Bereken("2026-04-02T11:00:00+02:00", Melding(Urgentie.Geen, "ontmoeten")); // Thursday

        Assert.Equal(D("2026-04-09"), termijnen.EersteContact);
    }

    [Theory]
    [InlineData("2026-03-09T23:30:00Z", "2026-03-10")] // 00:30 on Tuesday in winter time
    [InlineData("2026-07-06T22:30:00Z", "2026-07-07")] // 00:30 on Tuesday in summer time
    [InlineData("2026-07-06T21:30:00Z", "2026-07-06")] // 23:30 on Monday in summer time
    [InlineData("2026-03-10T01:00:00-05:00", "2026-03-10")] // New York offset: 07:00 in the Netherlands
    public void Ontvangstdatum_AnyOffset_IsTheDateInTheNetherlands(string ontvangen, string verwacht)
    {
        Assert.Equal(D(verwacht), Termijnen.Ontvangstdatum(DateTimeOffset.Parse(ontvangen, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Bereken_ReceivedJustAfterMidnightUtc_UsesTheDutchDate()
    {
        // 23:30 UTC on Monday is Tuesday in the Netherlands: three werkdagen after Tuesday.
        var termijnen = Bereken("2026-03-09T23:30:00Z", Melding(Urgentie.Geen, "wonen"));

        Assert.Equal(D("2026-03-13"), termijnen.EersteContact);
        Assert.Equal(D("2026-04-21"), termijnen.WmoOnderzoekKlaar);
    }

    [Fact]
    public void Bereken_Wmo_SixWeeksAfterTheMelding()
    {
        var termijnen = Bereken("2026-03-10T10:00:00+01:00", Melding(Urgentie.Geen, "wonen"));

        Assert.Equal(D("2026-04-21"), termijnen.WmoOnderzoekKlaar);
    }

    [Fact]
    public void Bereken_WmoEndsOnASaturday_MovesToMonday()
    {
        // Six weeks after Saturday 7 March is Saturday 18 April (Algemene termijnenwet art. 1).
        var termijnen = Bereken("2026-03-07T10:00:00+01:00", Melding(Urgentie.Geen, "wonen"));

        Assert.Equal(D("2026-04-20"), termijnen.WmoOnderzoekKlaar);
    }

    [Fact]
    public void Bereken_WmoEndsOnTweedePaasdag_MovesToTheNextWerkdag()
    {
        var termijnen = Bereken("2026-02-23T10:00:00+01:00", Melding(Urgentie.Geen, "zorgen"));

        Assert.Equal(D("2026-04-07"), termijnen.WmoOnderzoekKlaar);
    }

    [Fact]
    public void Bereken_RondkomenWithEvictionThreat_SchuldhulpWithinThreeWerkdagen()
    {
        var termijnen = Bereken("2026-04-02T11:00:00+02:00", Melding(new Urgentie(false, true, false), "rondkomen")); // Thursday before Easter

        Assert.Equal(D("2026-04-09"), termijnen.SchuldhulpEersteGesprek);
        Assert.Equal(D("2026-04-07"), termijnen.EersteContact); // urgent: one werkdag
    }

    [Fact]
    public void Bereken_RondkomenWithoutThreat_SchuldhulpWithinFourWeeks()
    {
        var termijnen = Bereken("2026-03-10T10:00:00+01:00", Melding(Urgentie.Geen, "rondkomen", "wonen"));

        Assert.Equal(D("2026-04-07"), termijnen.SchuldhulpEersteGesprek);
    }

    [Fact]
    public void Bereken_FourWeeksEndOnKoningsdag_MovesToTheNextWerkdag()
    {
        var termijnen = Bereken("2026-03-30T10:00:00+02:00", Melding(Urgentie.Geen, "rondkomen")); // + 28 days = Monday 27 April

        Assert.Equal(D("2026-04-28"), termijnen.SchuldhulpEersteGesprek);
    }

    [Fact]
    public void Bereken_RondkomenUrgentForOtherReasons_EersteContactUrgentButSchuldhulpFourWeeks()
    {
        var termijnen = Bereken("2026-03-10T10:00:00+01:00", Melding(new Urgentie(true, false, true), "rondkomen"));

        Assert.Equal(D("2026-03-11"), termijnen.EersteContact);
        Assert.Equal(D("2026-04-07"), termijnen.SchuldhulpEersteGesprek);
    }

    [Fact]
    public void Bereken_NotAboutRondkomen_NoSchuldhulpTermijn()
    {
        var termijnen = Bereken("2026-03-10T10:00:00+01:00", Melding(new Urgentie(false, true, false), "wonen"));

        Assert.Null(termijnen.SchuldhulpEersteGesprek);
    }

    [Fact]
    public void Bereken_ConfiguredTerms_AreUsed()
    {
        var options = new MakelpuntOptions { EersteContactWerkdagen = 5, EersteContactUrgentWerkdagen = 2, WmoOnderzoekDagen = 28 };
        var melding = Melding(Urgentie.Geen, "wonen");
        var ontvangen = new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(1));

        var termijnen = Termijnen.Bereken(ontvangen, Regels.Bepaal(melding), melding, Werkdagen.Standaard, options);

        Assert.Equal(D("2026-03-17"), termijnen.EersteContact);
        Assert.Equal(D("2026-04-07"), termijnen.WmoOnderzoekKlaar);
    }

    [Theory]
    [InlineData("wonen", true, false, false)]
    [InlineData("zorgen", true, false, false)]
    [InlineData("opgroeien", false, true, false)]
    [InlineData("leren", false, false, false)]
    [InlineData("werken", false, false, false)]
    public void Bereken_EachLawOnlyWhereTheMeldingTouchesIt(string levensdomein, bool wmo, bool jeugd, bool bijstand)
    {
        var termijnen = Bereken("2026-03-10T10:00:00+01:00", Melding(Urgentie.Geen, levensdomein));

        Assert.Equal(wmo, termijnen.WmoOnderzoekKlaar is not null);
        Assert.Equal(jeugd, termijnen.JeugdhulpBesluit is not null);
        Assert.Equal(bijstand, termijnen.BijstandBesluit is not null);
    }

    [Fact]
    public void Bereken_Opgroeien_JeugdhulpDecisionWithinEightWeeks()
    {
        var termijnen = Bereken("2026-03-10T10:00:00+01:00", Melding(Urgentie.Geen, "opgroeien"));

        // Eight weeks end on Tuesday 5 May, Bevrijdingsdag (Algemene termijnenwet art. 3): the next working day.
        Assert.Equal(D("2026-05-06"), termijnen.JeugdhulpBesluit);
        Assert.Null(termijnen.WmoOnderzoekKlaar);
    }

    [Fact]
    public void Bereken_NoIncome_BijstandDecisionWithinEightWeeksAndWgs()
    {
        var termijnen = Bereken("2026-03-10T10:00:00+01:00", Melding(new Urgentie(false, false, true), "rondkomen"));

        Assert.Equal(D("2026-05-06"), termijnen.BijstandBesluit);
        Assert.NotNull(termijnen.SchuldhulpEersteGesprek);
        Assert.Null(termijnen.WmoOnderzoekKlaar);
    }

    [Fact]
    public void Bereken_NoLevensdomein_WmoOnderzoekApplies()
    {
        Assert.NotNull(Bereken("2026-03-10T10:00:00+01:00", Melding(Urgentie.Geen)).WmoOnderzoekKlaar);
    }
}
