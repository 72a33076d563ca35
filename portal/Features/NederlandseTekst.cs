using System.Globalization;

namespace SocialeKaart.Portal.Features;

/// <summary>Numbers, dates and times as inwoners and the makelpunt read them: Dutch, in Dutch local time.</summary>
public static class NederlandseTekst
{
    public static readonly CultureInfo Cultuur = CultureInfo.GetCultureInfo("nl-NL");

    public static readonly TimeZoneInfo Tijdzone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>"dinsdag 24 november 2026".</summary>
    public static string Datum(DateOnly datum) => datum.ToString("dddd d MMMM yyyy", Cultuur);

    /// <summary>How long ago, in words: "vandaag", "2 weken geleden", "3 maanden geleden", "ruim een jaar geleden".</summary>
    public static string Geleden(DateOnly datum, DateOnly vandaag)
    {
        var dagen = vandaag.DayNumber - datum.DayNumber;
        var maanden = (vandaag.Year - datum.Year) * 12 + vandaag.Month - datum.Month - (vandaag.Day < datum.Day ? 1 : 0);
        return dagen switch
        {
            <= 0 => "vandaag",
            1 => "gisteren",
            < 14 => $"{dagen} dagen geleden",
            < 60 => $"{dagen / 7} weken geleden",
            _ when maanden < 12 => $"{maanden} maanden geleden",
            _ when maanden < 24 => "ruim een jaar geleden",
            _ => $"{maanden / 12} jaar geleden",
        };
    }

    /// <summary>"dinsdag 1 december 2026 om 14:30", in Dutch time.</summary>
    public static string DatumTijd(DateTimeOffset moment)
    {
        var lokaal = TimeZoneInfo.ConvertTime(moment, Tijdzone);
        return $"{Datum(DateOnly.FromDateTime(lokaal.DateTime))} om {lokaal.ToString("HH:mm", Cultuur)}";
    }

    /// <summary>"24-11-2026 14:05" in Dutch local time.</summary>
    public static string Moment(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Tijdzone).ToString("dd-MM-yyyy HH:mm", Cultuur);

    /// <summary>The date in Dutch local time, whatever the offset it came with.</summary>
    public static DateOnly Dag(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Tijdzone).DateTime);

    /// <summary>A date and time entered in a form, taken as Dutch local time.</summary>
    public static DateTimeOffset VanLokaal(DateOnly datum, TimeOnly tijd)
    {
        var lokaal = datum.ToDateTime(tijd, DateTimeKind.Unspecified);
        return new DateTimeOffset(lokaal, Tijdzone.GetUtcOffset(lokaal));
    }
}
