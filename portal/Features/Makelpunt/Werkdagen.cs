using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace SocialeKaart.Portal.Features.Makelpunt;

/// <summary>
/// The public holidays a <see cref="Werkdagen"/> calendar can leave out. The default,
/// <see cref="AlgemeneTermijnenwet"/>, is exactly the list of the Algemene termijnenwet (Atw):
/// <list type="bullet">
/// <item>art. 3 lid 1: "de Nieuwjaarsdag, de Christelijke tweede Paas- en Pinksterdag, de beide Kerstdagen,
/// de Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt gevierd en de vijfde mei";</item>
/// <item>art. 3 lid 2: Goede Vrijdag is gelijkgesteld (made equal to those days).</item>
/// </list>
/// The fifth of May counts every year under the Atw; "once in five years" is a collective-agreement
/// (cao) rule about days off, not a rule about legal deadlines.
/// The days the Crown adds per period under art. 3 lid 3 (such as the Friday after Hemelvaartsdag) are
/// decrees, not a rule: configure them as <see cref="MakelpuntOptions.GelijkgesteldeDagen"/>.
/// </summary>
[Flags]
public enum Feestdag
{
    Geen = 0,
    Nieuwjaarsdag = 1,
    GoedeVrijdag = 2,

    /// <summary>Eerste and Tweede Paasdag (the Atw names only the second: the first is a Sunday anyway).</summary>
    Paasdagen = 4,

    /// <summary>27 April, or Saturday 26 April when the 27th is a Sunday (Koninginnedag, 30 April, before 2014).</summary>
    Koningsdag = 8,

    /// <summary>5 May, every year.</summary>
    Bevrijdingsdag = 16,

    Hemelvaartsdag = 32,

    /// <summary>Eerste and Tweede Pinksterdag (the Atw names only the second: the first is a Sunday anyway).</summary>
    Pinksterdagen = 64,

    Kerstdagen = 128,

    AlgemeneTermijnenwet = Nieuwjaarsdag | GoedeVrijdag | Paasdagen | Koningsdag | Bevrijdingsdag | Hemelvaartsdag | Pinksterdagen | Kerstdagen,
}

/// <summary>
/// The Dutch working-day calendar of the makelpunt: a working day is a day that is not a Saturday, not a
/// Sunday and not an algemeen erkende feestdag (the three kinds of day of Atw art. 1), nor a configured
/// gelijkgestelde dag. Thread-safe; register it once.
/// </summary>
public sealed class Werkdagen(Feestdag feestdagen = Feestdag.AlgemeneTermijnenwet, IEnumerable<DateOnly>? gelijkgesteldeDagen = null)
{
    private const string GelijkgesteldeDag = "Gelijkgestelde dag";

    private readonly FrozenSet<DateOnly> _gelijkgesteld = (gelijkgesteldeDagen ?? []).ToFrozenSet();
    private readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> _vrijPerJaar = new();

    /// <summary>The calendar of the Algemene termijnenwet, without decree days.</summary>
    public static Werkdagen Standaard { get; } = new();

    public bool IsWerkdag(DateOnly datum) =>
        datum.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !_vrijPerJaar.GetOrAdd(datum.Year, jaar => Feestdagen(jaar).Select(f => f.Datum).ToFrozenSet()).Contains(datum);

    /// <summary>
    /// The deadline that lies <paramref name="werkdagen"/> working days after <paramref name="start"/>.
    /// The start day itself never counts; the first counted day is the first working day after it. So a
    /// start on a Saturday or a holiday changes nothing but where counting begins: from Friday, Saturday
    /// and Sunday alike, 3 working days is the Wednesday. Zero gives the start itself when it is a working
    /// day, else the next working day.
    /// </summary>
    public DateOnly TelOp(DateOnly start, int werkdagen)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(werkdagen);
        var datum = start;
        if (werkdagen == 0)
        {
            while (!IsWerkdag(datum))
            {
                datum = datum.AddDays(1);
            }

            return datum;
        }

        for (var geteld = 0; geteld < werkdagen;)
        {
            datum = datum.AddDays(1);
            if (IsWerkdag(datum))
            {
                geteld++;
            }
        }

        return datum;
    }

    /// <summary>
    /// The working days after <paramref name="a"/> up to and including <paramref name="b"/>; negative
    /// when <paramref name="b"/> lies before <paramref name="a"/> (then: minus the working days after
    /// <paramref name="b"/> up to and including <paramref name="a"/>). It counts like <see cref="TelOp"/>:
    /// for a working day <paramref name="b"/> after <paramref name="a"/>, TelOp(a, Tussen(a, b)) == b.
    /// Tussen(today, deadline) is the number of working days left; 0 means the deadline is today
    /// (or on the next working day when today is not one).
    /// </summary>
    public int Tussen(DateOnly a, DateOnly b)
    {
        if (b < a)
        {
            return -Tussen(b, a);
        }

        var aantal = 0;
        for (var datum = a.AddDays(1); datum <= b; datum = datum.AddDays(1))
        {
            if (IsWerkdag(datum))
            {
                aantal++;
            }
        }

        return aantal;
    }

    /// <summary>The holidays this calendar leaves out in <paramref name="jaar"/>, in date order, with their Dutch names.</summary>
    public IReadOnlyList<(DateOnly Datum, string Naam)> Feestdagen(int jaar)
    {
        var pasen = Pasen(jaar);
        var lijst = new List<(DateOnly Datum, string Naam)>();

        void Voeg(Feestdag soort, DateOnly datum, string naam)
        {
            if (feestdagen.HasFlag(soort))
            {
                lijst.Add((datum, naam));
            }
        }

        Voeg(Feestdag.Nieuwjaarsdag, new DateOnly(jaar, 1, 1), "Nieuwjaarsdag");
        Voeg(Feestdag.GoedeVrijdag, pasen.AddDays(-2), "Goede Vrijdag");
        Voeg(Feestdag.Paasdagen, pasen, "Eerste Paasdag");
        Voeg(Feestdag.Paasdagen, pasen.AddDays(1), "Tweede Paasdag");
        Voeg(Feestdag.Koningsdag, Koningsdag(jaar), jaar >= 2014 ? "Koningsdag" : "Koninginnedag");
        Voeg(Feestdag.Bevrijdingsdag, new DateOnly(jaar, 5, 5), "Bevrijdingsdag");
        Voeg(Feestdag.Hemelvaartsdag, pasen.AddDays(39), "Hemelvaartsdag");
        Voeg(Feestdag.Pinksterdagen, pasen.AddDays(49), "Eerste Pinksterdag");
        Voeg(Feestdag.Pinksterdagen, pasen.AddDays(50), "Tweede Pinksterdag");
        Voeg(Feestdag.Kerstdagen, new DateOnly(jaar, 12, 25), "Eerste Kerstdag");
        Voeg(Feestdag.Kerstdagen, new DateOnly(jaar, 12, 26), "Tweede Kerstdag");
        lijst.AddRange(_gelijkgesteld.Where(d => d.Year == jaar).Select(d => (d, GelijkgesteldeDag)));

        // Stable sort: Hemelvaartsdag can fall on 5 May (2016, 2067); both names stay.
        return [.. lijst.OrderBy(f => f.Datum)];
    }

    /// <summary>Easter Sunday of the Gregorian calendar: the anonymous algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly Pasen(int jaar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jaar, 1583);
        var a = jaar % 19;
        var b = jaar / 100;
        var c = jaar % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var maand = (h + l - (7 * m) + 114) / 31;
        var dag = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(jaar, maand, dag);
    }

    // "De dag waarop de verjaardag van de Koning wordt gevierd" (Atw art. 3 lid 1): since 2014 on
    // 27 April, on Saturday the 26th when the 27th is a Sunday; before, Koninginnedag on 30 April,
    // on the 29th when the 30th was a Sunday.
    private static DateOnly Koningsdag(int jaar)
    {
        var datum = new DateOnly(jaar, 4, jaar >= 2014 ? 27 : 30);
        return datum.DayOfWeek == DayOfWeek.Sunday ? datum.AddDays(-1) : datum;
    }
}
