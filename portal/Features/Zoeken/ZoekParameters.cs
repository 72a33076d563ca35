using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Portal.Features.Zoeken;

/// <summary>
/// The search state in the URL: reads a <see cref="SearchQuery"/> from a query string (with a clear message per bad
/// parameter) and writes one back. Links for filters, paging and sorting are all made here.
/// </summary>
public static class ZoekParameters
{
    public const int MaxTekst = 200;
    public const int MaxPagina = 1000;
    public const int PerPagina = 10;

    public sealed record Resultaat(SearchQuery Query, IReadOnlyDictionary<string, string> Fouten)
    {
        public bool IsGeldig => Fouten.Count == 0;
    }

    /// <summary>
    /// The URL parameter of the aanbod's language. Not <c>taal</c>: on every page that is the inwoner's own language
    /// (<see cref="Talen.Taalkeuze.Parameter"/>), so a filter on Turkish-speaking help would turn the page Turkish and a
    /// Turkish page would only show Turkish-speaking help.
    /// </summary>
    public const string Voertaal = "voertaal";

    /// <summary>The URL parameter of a facet.</summary>
    public static string Parameter(string facet) => facet == Facetten.Taal ? Voertaal : facet;

    /// <param name="teksten">The messages' language: the page's; null for Dutch (the JSON API).</param>
    /// <param name="taalAlsFacet">The JSON API has no page language: there <c>taal</c> is still the aanbod's language
    /// (as it was before the pages had languages), besides <see cref="Voertaal"/>.</param>
    public static Resultaat Parse(IQueryCollection query, Taxonomie taxonomie, ZoekTeksten? teksten = null, bool taalAlsFacet = false)
    {
        var fouten = new Dictionary<string, string>();
        var tekst = query["q"].ToString().Trim();
        if (tekst.Length > MaxTekst)
        {
            fouten["q"] = ZoekTeksten.Fout(teksten, "Uw zoekvraag is te lang. Gebruik hoogstens {0} tekens.", MaxTekst);
            tekst = tekst[..MaxTekst];
        }

        var filters = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var facet in Facetten.Alle)
        {
            var waarden = query[Parameter(facet)];
            if (taalAlsFacet && facet == Facetten.Taal && waarden.Count == 0)
            {
                waarden = query[Facetten.Taal];
            }

            var values = waarden.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct().ToList();
            if (values.Count == 0)
            {
                continue;
            }

            var toegestaan = Toegestaan(facet, taxonomie);
            var onbekend = toegestaan is null ? [] : values.Where(v => !toegestaan.Contains(v)).ToList();
            if (onbekend.Count > 0)
            {
                var label = teksten is null || ZoekTeksten.IsNederlands
                    ? FacetWaarden.FacetLabel(facet).ToLowerInvariant()
                    : teksten.FacetLabel(facet);
                fouten[facet] = ZoekTeksten.Fout(teksten, "We kennen '{0}' niet als {1}. We zoeken zonder dit filter.", Kort(onbekend[0]), label);
                values = values.Except(onbekend).ToList();
            }

            if (values.Count > 0)
            {
                filters[facet] = values;
            }
        }

        string? postcode = query["postcode"].ToString().Trim();
        if (postcode.Length == 0)
        {
            postcode = null;
        }
        else if (Postcodes.Pc4(postcode) is null)
        {
            fouten["postcode"] = ZoekTeksten.Fout(teksten, "Vul een postcode in zoals 3901 of 3901 AB.");
            postcode = null;
        }

        double? straal = null;
        if (query["straal"].ToString() is { Length: > 0 } s)
        {
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var km) && km is > 0 and <= 100)
            {
                straal = km;
            }
            else
            {
                fouten["straal"] = ZoekTeksten.Fout(teksten, "Kies een afstand van 1 tot 100 kilometer.");
            }
        }

        var sortering = Sortering.Relevantie;
        switch (query["sorteer"].ToString())
        {
            case "" or "relevantie":
                break;
            case "afstand":
                sortering = Sortering.Afstand;
                break;
            case "naam":
                sortering = Sortering.Naam;
                break;
            default:
                fouten["sorteer"] = ZoekTeksten.Fout(teksten, "Sorteren kan op relevantie, afstand of naam.");
                break;
        }

        var pagina = 1;
        if (query["pagina"].ToString() is { Length: > 0 } p)
        {
            if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out pagina) || pagina < 1 || pagina > MaxPagina)
            {
                fouten["pagina"] = ZoekTeksten.Fout(teksten, "Het paginanummer moet een getal van 1 tot {0} zijn.", MaxPagina);
                pagina = 1;
            }
        }

        var searchQuery = new SearchQuery
        {
            Tekst = tekst,
            Filters = filters,
            Postcode = postcode,
            StraalKm = postcode is null ? null : straal,
            Sortering = sortering,
            Pagina = pagina,
            PerPagina = PerPagina,
        };
        return new Resultaat(searchQuery, fouten);
    }

    private static string Kort(string value) => value.Length > 40 ? value[..40] + "…" : value;

    private static HashSet<string>? Toegestaan(string facet, Taxonomie taxonomie) => facet switch
    {
        Facetten.Taal => null, // any language code: an unknown one simply finds nothing
        _ => FacetWaarden.Volgorde(facet, taxonomie).ToHashSet(StringComparer.Ordinal),
    };

    /// <summary>The URL of a search, with only the parameters that differ from the defaults.</summary>
    public static string Url(string path, SearchQuery q)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrEmpty(q.Tekst))
        {
            parts.Add(new("q", q.Tekst));
        }

        foreach (var facet in Facetten.Alle)
        {
            foreach (var value in q.Waarden(facet))
            {
                parts.Add(new(Parameter(facet), value));
            }
        }

        if (q.Postcode is not null)
        {
            parts.Add(new("postcode", q.Postcode));
        }

        if (q.StraalKm is { } straal)
        {
            parts.Add(new("straal", straal.ToString(CultureInfo.InvariantCulture)));
        }

        if (q.Sortering != Sortering.Relevantie)
        {
            parts.Add(new("sorteer", q.Sortering == Sortering.Afstand ? "afstand" : "naam"));
        }

        if (q.Pagina > 1)
        {
            parts.Add(new("pagina", q.Pagina.ToString(CultureInfo.InvariantCulture)));
        }

        return parts.Count == 0 ? path : QueryHelpers.AddQueryString(path, parts);
    }

    public static SearchQuery Met(this SearchQuery q, string facet, string value) =>
        q.WithFilter(facet, [.. q.Waarden(facet).Append(value).Distinct()]) with { Pagina = 1 };

    public static SearchQuery Zonder(this SearchQuery q, string facet, string value)
    {
        var rest = q.Waarden(facet).Where(v => v != value).ToArray();
        var filters = q.Filters.Where(f => f.Key != facet).ToDictionary(f => f.Key, f => f.Value);
        if (rest.Length > 0)
        {
            filters[facet] = rest;
        }

        return q with { Filters = filters, Pagina = 1 };
    }
}
