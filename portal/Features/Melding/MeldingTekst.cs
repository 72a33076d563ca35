using System.Globalization;

namespace SocialeKaart.Portal.Features.Melding;

/// <summary>Dates and times as the makelpunt and the inwoner read them: Dutch, in Dutch local time.</summary>
public static class MeldingTekst
{
    public static readonly CultureInfo Nederlands = CultureInfo.GetCultureInfo("nl-NL");

    public static readonly TimeZoneInfo Nederland = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>"dinsdag 24 november 2026".</summary>
    public static string Datum(DateOnly datum) => datum.ToString("dddd d MMMM yyyy", Nederlands);

    /// <summary>"24-11-2026 14:05" in Dutch local time.</summary>
    public static string Moment(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Nederland).ToString("dd-MM-yyyy HH:mm", Nederlands);

    /// <summary>A date and time entered in a form, taken as Dutch local time.</summary>
    public static DateTimeOffset VanLokaal(DateOnly datum, TimeOnly tijd)
    {
        var lokaal = datum.ToDateTime(tijd, DateTimeKind.Unspecified);
        return new DateTimeOffset(lokaal, Nederland.GetUtcOffset(lokaal));
    }
}
