using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Elasticsearch;

/// <summary>Turns Elasticsearch's answer into the port's results: hits (highlighted in C#, as the embedded engine), totals and facets.</summary>
internal static class ZoekAntwoord
{
    /// <summary>The number of aanbod that match the words, before radius and facet filters.</summary>
    public static long Treffers(SearchResponse<HitBron> response) =>
        response.Aggregations?.GetFilter(ZoekVerzoek.Treffers)?.DocCount ?? 0;

    public static SearchResults Lees(SearchResponse<HitBron> response, Zoekopdracht z, Kennis kennis)
    {
        var hits = new List<Hit>(response.Hits.Count);
        foreach (var hit in response.Hits)
        {
            var w = hit.Source?.Weergave ?? throw new InvalidOperationException($"Elasticsearch gaf aanbod {hit.Id} zonder weergave terug.");
            hits.Add(new Hit
            {
                Id = hit.Id!,
                Naam = w.Naam,
                Samenvatting = w.Samenvatting,
                Markering = kennis.Highlighter.Mark(w.Samenvatting, () => w.Tekst, z.Plan.Stems),
                Toegang = w.AchterHetLoket ? Toegang.AchterHetLoket : Toegang.AlgemeenToegankelijk,
                Bemoeizorg = w.Bemoeizorg,
                Aanbieder = w.Aanbieder,
                Levensdomeinen = w.Levensdomeinen,
                Gratis = w.Gratis,
                Score = z.TekstGegeven ? Math.Round(hit.Score ?? 0, 4) : 0,
                AfstandKm = Afstand(w.Punten, z.Oorsprong),
                Plaats = w.Plaats,
            });
        }

        return new SearchResults
        {
            Query = z.Query,
            Totaal = (int)response.Total,
            Hits = hits,
            Facetten = Facetten.Alle.Select(f => Facet(response, f, z.Query.Waarden(f), kennis)).ToList(),
            BedoeldeU = z.Plan.BedoeldeU,
            Verbreed = z.Verbreed,
            NietGevonden = z.Plan.NietGevonden,
            PostcodeBekend = string.IsNullOrWhiteSpace(z.Query.Postcode) || z.Oorsprong is not null,
        };
    }

    /// <summary>To the nearest location, in km with one decimal (haversine, as the embedded engine).</summary>
    public static double? Afstand(IEnumerable<Punt> punten, GeoPunt? oorsprong)
    {
        if (oorsprong is not { } o)
        {
            return null;
        }

        double? nearest = null;
        foreach (var p in punten)
        {
            var km = new GeoPunt(p.Lat, p.Lon).AfstandKm(o);
            if (nearest is null || km < nearest)
            {
                nearest = km;
            }
        }

        return nearest is { } n ? Math.Round(n, 1) : null;
    }

    private static Facet Facet(SearchResponse<HitBron> response, string facet, IReadOnlyList<string> chosen, Kennis kennis)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var filter = response.Aggregations?.GetFilter(ZoekVerzoek.FacetPrefix + facet);
        if (facet == Facetten.Wanneer)
        {
            var buckets = filter?.Aggregations?.GetFilters(ZoekVerzoek.Waarden)?.Buckets ?? [];
            foreach (var waarde in new[] { Facetten.OpenNu, Facetten.DezeWeek })
            {
                counts[waarde] = (int)(buckets.FirstOrDefault(b => b.Key == waarde)?.DocCount ?? 0);
            }
        }
        else
        {
            foreach (var bucket in filter?.Aggregations?.GetStringTerms(ZoekVerzoek.Waarden)?.Buckets ?? [])
            {
                counts[bucket.Key.Value as string ?? bucket.Key.ToString()] = (int)bucket.DocCount;
            }
        }

        return new Facet(facet, kennis.Facetten.Orden(facet, counts, chosen));
    }
}
