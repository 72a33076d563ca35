using SocialeKaart.Portal.Features.Makelpunt;

namespace SocialeKaart.Portal.Tests.Makelpunt;

public sealed class WerkdagenTests
{
    private static readonly Werkdagen Kalender = Werkdagen.Standaard;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    // Checked against the published calendars of those years (Easter from the Church tables, not from our algorithm).
    public static TheoryData<int, string[]> BekendeFeestdagen => new()
    {
        { 2024, ["2024-01-01", "2024-03-29", "2024-03-31", "2024-04-01", "2024-04-27", "2024-05-05", "2024-05-09", "2024-05-19", "2024-05-20", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-20", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29", "2025-06-08", "2025-06-09", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-05", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-28", "2027-03-29", "2027-04-27", "2027-05-05", "2027-05-06", "2027-05-16", "2027-05-17", "2027-12-25", "2027-12-26"] },
        { 2028, ["2028-01-01", "2028-04-14", "2028-04-16", "2028-04-17", "2028-04-27", "2028-05-05", "2028-05-25", "2028-06-04", "2028-06-05", "2028-12-25", "2028-12-26"] },
        { 2029, ["2029-01-01", "2029-03-30", "2029-04-01", "2029-04-02", "2029-04-27", "2029-05-05", "2029-05-10", "2029-05-20", "2029-05-21", "2029-12-25", "2029-12-26"] },
        { 2030, ["2030-01-01", "2030-04-19", "2030-04-21", "2030-04-22", "2030-04-27", "2030-05-05", "2030-05-30", "2030-06-09", "2030-06-10", "2030-12-25", "2030-12-26"] },
    };

    [Theory]
    [MemberData(nameof(BekendeFeestdagen))]
    public void Feestdagen_Years2024To2030_MatchKnownDates(int jaar, string[] verwacht)
    {
        var feestdagen = Kalender.Feestdagen(jaar);

        Assert.Equal(verwacht.Select(D), feestdagen.Select(f => f.Datum));
        Assert.Equal(
            ["Nieuwjaarsdag", "Goede Vrijdag", "Eerste Paasdag", "Tweede Paasdag", "Koningsdag", "Bevrijdingsdag",
             "Hemelvaartsdag", "Eerste Pinksterdag", "Tweede Pinksterdag", "Eerste Kerstdag", "Tweede Kerstdag"],
            feestdagen.Select(f => f.Naam));
    }

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2031, "2031-04-13")]
    [InlineData(2038, "2038-04-25")] // the latest possible date
    [InlineData(2285, "2285-03-22")] // the earliest possible date
    public void Pasen_KnownYears_IsEasterSunday(int jaar, string verwacht)
    {
        var pasen = Werkdagen.Pasen(jaar);

        Assert.Equal(D(verwacht), pasen);
        Assert.Equal(DayOfWeek.Sunday, pasen.DayOfWeek);
    }

    [Theory]
    [InlineData(2025, "2025-04-26")] // 27 April 2025 is a Sunday
    [InlineData(2031, "2031-04-26")] // 27 April 2031 is a Sunday
    [InlineData(2014, "2014-04-26")] // the first Koningsdag
    [InlineData(2026, "2026-04-27")]
    [InlineData(2024, "2024-04-27")] // a Saturday: it stays
    [InlineData(2013, "2013-04-30")] // Koninginnedag
    public void Feestdagen_Koningsdag_OnTheSaturdayWhenThe27thIsASunday(int jaar, string verwacht)
    {
        var koningsdag = Kalender.Feestdagen(jaar).Single(f => f.Naam is "Koningsdag" or "Koninginnedag");

        Assert.Equal(D(verwacht), koningsdag.Datum);
    }

    [Fact]
    public void IsWerkdag_KoningsdagOnSaturday_NoSubstituteDay()
    {
        Assert.False(Kalender.IsWerkdag(D("2025-04-26")));
        Assert.False(Kalender.IsWerkdag(D("2025-04-27")));
        Assert.True(Kalender.IsWerkdag(D("2025-04-25")));
        Assert.True(Kalender.IsWerkdag(D("2025-04-28")));
    }

    [Theory]
    [InlineData("2026-05-05")] // Tuesday, no lustrum year: the Atw counts the fifth of May every year
    [InlineData("2027-05-05")]
    [InlineData("2025-05-05")]
    public void IsWerkdag_Bevrijdingsdag_FalseEveryYear(string datum)
    {
        Assert.False(Kalender.IsWerkdag(D(datum)));
    }

    [Theory]
    [InlineData("2026-04-03", false)] // Goede Vrijdag (Atw art. 3 lid 2)
    [InlineData("2026-04-06", false)] // Tweede Paasdag
    [InlineData("2026-05-14", false)] // Hemelvaartsdag
    [InlineData("2026-05-15", true)] // the Friday after: only by decree, not by default
    [InlineData("2026-05-25", false)] // Tweede Pinksterdag
    [InlineData("2026-03-07", false)] // Saturday
    [InlineData("2026-03-08", false)] // Sunday
    [InlineData("2026-03-09", true)] // Monday
    [InlineData("2026-12-24", true)] // Christmas Eve is a working day
    [InlineData("2026-12-31", true)] // so is New Year's Eve
    public void IsWerkdag_Standaard_FollowsTheAlgemeneTermijnenwet(string datum, bool werkdag)
    {
        Assert.Equal(werkdag, Kalender.IsWerkdag(D(datum)));
    }

    [Fact]
    public void IsWerkdag_ChristmasOnAWeekend_NoSubstituteDays()
    {
        // 25 and 26 December 2027 are Saturday and Sunday.
        Assert.Equal([D("2027-12-25"), D("2027-12-26")], Kalender.Feestdagen(2027).Where(f => f.Naam.EndsWith("Kerstdag")).Select(f => f.Datum));
        Assert.True(Kalender.IsWerkdag(D("2027-12-24")));
        Assert.True(Kalender.IsWerkdag(D("2027-12-27")));
        Assert.True(Kalender.IsWerkdag(D("2027-12-28")));
    }

    [Fact]
    public void IsWerkdag_ConfiguredWithoutGoedeVrijdag_GoedeVrijdagIsAWerkdag()
    {
        var kalender = new Werkdagen(Feestdag.AlgemeneTermijnenwet & ~Feestdag.GoedeVrijdag);

        Assert.True(kalender.IsWerkdag(D("2026-04-03")));
        Assert.DoesNotContain(kalender.Feestdagen(2026), f => f.Naam == "Goede Vrijdag");
        Assert.False(kalender.IsWerkdag(D("2026-04-06")));
    }

    [Fact]
    public void IsWerkdag_GelijkgesteldeDag_FalseAndListed()
    {
        var kalender = new Werkdagen(gelijkgesteldeDagen: [D("2026-05-15")]);

        Assert.False(kalender.IsWerkdag(D("2026-05-15")));
        Assert.Contains((D("2026-05-15"), "Gelijkgestelde dag"), kalender.Feestdagen(2026));
        Assert.DoesNotContain(kalender.Feestdagen(2027), f => f.Naam == "Gelijkgestelde dag");
        Assert.Equal(D("2026-05-18"), kalender.TelOp(D("2026-05-13"), 1));
    }

    [Fact]
    public void Feestdagen_HemelvaartsdagOnBevrijdingsdag_BothListed()
    {
        var vijfMei = Kalender.Feestdagen(2016).Where(f => f.Datum == D("2016-05-05")).Select(f => f.Naam);

        Assert.Equal(["Bevrijdingsdag", "Hemelvaartsdag"], vijfMei);
    }

    [Theory]
    [InlineData("2026-04-02", 1, "2026-04-07")] // Thursday → over Goede Vrijdag, the weekend and Tweede Paasdag
    [InlineData("2026-04-01", 2, "2026-04-07")]
    [InlineData("2026-04-03", 1, "2026-04-07")] // from Goede Vrijdag itself
    [InlineData("2025-04-17", 3, "2025-04-24")] // 2025: Goede Vrijdag 18, Tweede Paasdag 21 April
    public void TelOp_AcrossEaster_SkipsGoedeVrijdagAndTweedePaasdag(string start, int werkdagen, string verwacht)
    {
        Assert.Equal(D(verwacht), Kalender.TelOp(D(start), werkdagen));
    }

    [Theory]
    [InlineData("2025-12-24", 3, "2025-12-31")] // over both Christmas days and a weekend
    [InlineData("2026-12-30", 3, "2027-01-05")] // over Nieuwjaarsdag and a weekend
    [InlineData("2025-12-23", 5, "2026-01-02")] // over both
    public void TelOp_AcrossChristmasAndNewYear_SkipsTheHolidays(string start, int werkdagen, string verwacht)
    {
        Assert.Equal(D(verwacht), Kalender.TelOp(D(start), werkdagen));
    }

    [Theory]
    [InlineData("2025-04-25", 1, "2025-04-28")] // Koningsdag on Saturday 26 April: no Monday off
    [InlineData("2025-04-25", 5, "2025-05-02")]
    [InlineData("2025-04-25", 6, "2025-05-06")] // Bevrijdingsdag, Monday 5 May
    public void TelOp_AcrossKoningsdagOnASunday_NoExtraDayOff(string start, int werkdagen, string verwacht)
    {
        Assert.Equal(D(verwacht), Kalender.TelOp(D(start), werkdagen));
    }

    [Theory]
    [InlineData("2026-03-06")] // Friday
    [InlineData("2026-03-07")] // Saturday
    [InlineData("2026-03-08")] // Sunday
    public void TelOp_StartOnSaturday_CountsFromTheNextWerkdag(string start)
    {
        Assert.Equal(D("2026-03-09"), Kalender.TelOp(D(start), 1));
        Assert.Equal(D("2026-03-11"), Kalender.TelOp(D(start), 3));
    }

    [Fact]
    public void TelOp_Zero_IsTheStartOrTheNextWerkdag()
    {
        Assert.Equal(D("2026-03-10"), Kalender.TelOp(D("2026-03-10"), 0));
        Assert.Equal(D("2026-03-09"), Kalender.TelOp(D("2026-03-07"), 0));
        Assert.Equal(D("2026-04-07"), Kalender.TelOp(D("2026-04-03"), 0));
    }

    [Fact]
    public void TelOp_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Kalender.TelOp(D("2026-03-10"), -1));
    }

    [Fact]
    public void Tussen_ForAnyStart_IsTheInverseOfTelOp()
    {
        for (var start = D("2025-12-01"); start < D("2026-06-01"); start = start.AddDays(1))
        {
            for (var n = 1; n <= 12; n++)
            {
                Assert.Equal(n, Kalender.Tussen(start, Kalender.TelOp(start, n)));
            }
        }
    }

    [Theory]
    [InlineData("2026-03-09", "2026-03-13", 4)]
    [InlineData("2026-03-13", "2026-03-09", -4)]
    [InlineData("2026-03-10", "2026-03-10", 0)]
    [InlineData("2026-03-07", "2026-03-09", 1)] // Saturday to Monday
    [InlineData("2026-04-02", "2026-04-07", 1)] // over Easter
    [InlineData("2025-12-24", "2026-01-02", 4)] // 29, 30, 31 December and 2 January
    public void Tussen_CountsWerkdagenAfterTheFirstUpToTheSecond(string a, string b, int verwacht)
    {
        Assert.Equal(verwacht, Kalender.Tussen(D(a), D(b)));
    }
}
