using System.Globalization;
using SocialeKaart.Portal.Features.Talen;

namespace SocialeKaart.Portal.Features.Melding;

/// <summary>Dates on the melding pages in the language they are shown in (Dutch or English); the culture is given
/// explicitly, <c>CurrentCulture</c> stays as it is.</summary>
public static class MeldingDatum
{
    private static readonly CultureInfo Engels = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"dinsdag 24 november 2026" or "Tuesday 24 November 2026".</summary>
    public static string Datum(DateOnly datum, Taal taal) =>
        taal == Taal.Engels ? datum.ToString("dddd d MMMM yyyy", Engels) : NederlandseTekst.Datum(datum);

    /// <summary>"dinsdag 1 december 2026 om 14:30" or "Tuesday 1 December 2026 at 14:30", in Dutch time.</summary>
    public static string DatumTijd(DateTimeOffset moment, Taal taal)
    {
        if (taal != Taal.Engels)
        {
            return NederlandseTekst.DatumTijd(moment);
        }

        var lokaal = TimeZoneInfo.ConvertTime(moment, NederlandseTekst.Tijdzone);
        return $"{Datum(DateOnly.FromDateTime(lokaal.DateTime), taal)} at {lokaal.ToString("HH:mm", Engels)}";
    }
}
