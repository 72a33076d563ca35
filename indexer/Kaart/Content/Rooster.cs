namespace SocialeKaart.Kaart.Content;

/// <summary>When schedules (HSDS-style <see cref="Tijden"/>) take place: on a date, open at a moment, next dates.</summary>
public static class Rooster
{
    private static readonly string[] DayCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];

    public static bool OccursOn(this Tijden t, DateOnly date)
    {
        if ((t.DtStart is { } start && date < start) || (t.Until is { } until && date > until))
        {
            return false;
        }

        if (t.Freq is null)
        {
            return t.DtStart == date;
        }

        var code = DayCodes[(int)date.DayOfWeek];
        foreach (var byDay in t.ByDay)
        {
            var day = byDay[^2..];
            if (day != code)
            {
                continue;
            }

            if (t.Freq == "WEEKLY")
            {
                if (t.Interval <= 1 || t.DtStart is null)
                {
                    return true;
                }

                var weeks = (StartOfWeek(date).DayNumber - StartOfWeek(t.DtStart.Value).DayNumber) / 7;
                if (weeks % t.Interval == 0)
                {
                    return true;
                }
            }
            else if (t.Freq == "MONTHLY")
            {
                if (byDay.Length == 2)
                {
                    return true;
                }

                var n = int.Parse(byDay[..^2], System.Globalization.CultureInfo.InvariantCulture);
                var nth = (date.Day - 1) / 7 + 1;
                var fromEnd = (DateTime.DaysInMonth(date.Year, date.Month) - date.Day) / 7 + 1;
                if ((n > 0 && nth == n) || (n < 0 && fromEnd == -n))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Open at this local moment: takes place today and the time is between opens_at and closes_at.</summary>
    public static bool IsOpen(this Tijden t, DateTime local) =>
        t.OpensAt is { } opens && t.ClosesAt is { } closes
        && t.OccursOn(DateOnly.FromDateTime(local))
        && TimeOnly.FromDateTime(local) >= opens && TimeOnly.FromDateTime(local) < closes;

    /// <summary>The next dates (from today on) on which any of the schedules takes place.</summary>
    public static IReadOnlyList<(DateOnly Datum, Tijden Tijden)> Volgende(this IEnumerable<Tijden> schedules, DateOnly from, int max, int days = 370)
    {
        var list = schedules.ToList();
        var result = new List<(DateOnly, Tijden)>();
        for (var d = from; d < from.AddDays(days) && result.Count < max; d = d.AddDays(1))
        {
            foreach (var t in list.Where(t => t.OccursOn(d)).OrderBy(t => t.OpensAt))
            {
                result.Add((d, t));
            }
        }

        return result.Take(max).ToList();
    }

    /// <summary>Takes place in the seven days from today (today included).</summary>
    public static bool InWeek(this IEnumerable<Tijden> schedules, DateOnly today)
    {
        foreach (var t in schedules)
        {
            for (var d = 0; d < 7; d++)
            {
                if (t.OccursOn(today.AddDays(d)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static DateOnly StartOfWeek(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>Dutch local time (Europe/Amsterdam) for a moment.</summary>
    public static DateTime Lokaal(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Amsterdam).DateTime;

    public static TimeZoneInfo Amsterdam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
}
