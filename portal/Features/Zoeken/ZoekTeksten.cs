using System.Globalization;
using Microsoft.Extensions.Localization;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Portal.Features.Zoeken;

/// <summary>
/// The search's own words in the page's language: facet names, the fixed facet values, the names of languages and the
/// messages about a bad search parameter. <see cref="FacetWaarden"/> keeps the Dutch labels for the engines and the JSON
/// API; the search page asks here instead. Resources: ZoekTeksten.xx.resx beside this file, the Dutch text as the key.
/// </summary>
public sealed class ZoekTeksten(IStringLocalizer<ZoekTeksten> t, Taxonomie taxonomie)
{
    private static string Taal => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    internal static bool IsNederlands => Taal is "nl" or "iv";

    public string FacetLabel(string facet) => IsNederlands ? FacetWaarden.FacetLabel(facet) : t[FacetWaarden.FacetLabel(facet)];

    /// <summary>The name of a facet value: taxonomy terms from the taxonomy's translations, fixed values from the resources.</summary>
    public string Label(string facet, string waarde)
    {
        var nederlands = FacetWaarden.Label(facet, waarde, taxonomie);
        if (IsNederlands)
        {
            return nederlands;
        }

        return facet switch
        {
            Facetten.Levensdomein or Facetten.Leefgebied or Facetten.Doelgroep => taxonomie.Naam(waarde, Taal),
            Facetten.Wijk => nederlands, // a place name: it stays as it is on the street signs
            _ when nederlands == waarde => waarde, // a value we have no name for (an unknown language code)
            _ => t[nederlands],
        };
    }

    /// <summary>True when <see cref="Label"/> gives a Dutch name as it is (a wijk), which the page marks <c>lang="nl"</c>.</summary>
    public static bool IsNaamInNederlands(string facet) => facet == Facetten.Wijk;

    /// <summary>A message with values in it, in the page's language (Dutch for the API, which passes no texts).</summary>
    internal static string Fout(ZoekTeksten? teksten, string sjabloon, params object[] waarden) =>
        teksten is null || IsNederlands
            ? string.Format(NederlandseTekst.Cultuur, sjabloon, waarden)
            : teksten.Vertaal(sjabloon, waarden);

    private string Vertaal(string sjabloon, object[] waarden) => t[sjabloon, waarden];
}
