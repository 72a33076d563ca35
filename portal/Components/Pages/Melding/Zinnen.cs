using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace SocialeKaart.Portal.Components.Pages.Melding;

/// <summary>
/// A sentence with links or emphasis in it, translated as a whole (word order differs per language): the translation
/// is HTML-encoded, then the parts go in as trusted markup.
/// </summary>
internal static class Zinnen
{
    public static MarkupString Met(IStringLocalizer t, string zin, params object[] delen) =>
        new(string.Format(CultureInfo.InvariantCulture, WebUtility.HtmlEncode(t[zin]), delen));

    public static string Sterk(string tekst, string? klasse = null) =>
        klasse is null ? $"<strong>{WebUtility.HtmlEncode(tekst)}</strong>" : $"<strong class=\"{klasse}\">{WebUtility.HtmlEncode(tekst)}</strong>";

    public static string Link(string href, string tekst) => $"<a href=\"{WebUtility.HtmlEncode(href)}\">{WebUtility.HtmlEncode(tekst)}</a>";
}
