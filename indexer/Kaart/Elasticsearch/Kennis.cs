using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Elasticsearch;

/// <summary>
/// What a reader knows of one state of the index (a build and its version): taxonomy, synonyms, postcodes and the
/// vocabulary of the live aanbod, from which the query planner and highlighter are made, exactly as the embedded engine
/// makes them from its snapshot.
/// </summary>
internal sealed class Kennis
{
    public required string Index { get; init; }
    public required long Versie { get; init; }
    public required Taxonomie Taxonomie { get; init; }
    public required Dictionary<string, GeoPunt> Postcodes { get; init; }
    public required Vocabulary Vocabulary { get; init; }
    public required QueryPlanner Planner { get; init; }
    public required Highlighter Highlighter { get; init; }

    /// <summary>Per facet: the order of its values and their labels (as the embedded engine's facet view).</summary>
    public required FacetVolgorde Facetten { get; init; }

    public static Kennis Maak(string index, KaartBron kaart, IEnumerable<Vocabulary.Entry> woorden)
    {
        var taxonomie = Taxonomie.Parse(kaart.Taxonomie);
        var vocabulary = new Vocabulary(woorden);
        return new Kennis
        {
            Index = index,
            Versie = kaart.Versie,
            Taxonomie = taxonomie,
            Postcodes = kaart.Postcodes.ToDictionary(p => p.Key, p => new GeoPunt(p.Value[0], p.Value[1]), StringComparer.Ordinal),
            Vocabulary = vocabulary,
            Planner = new QueryPlanner(vocabulary, kaart.Kennis()),
            Highlighter = new Highlighter(vocabulary),
            Facetten = new FacetVolgorde(taxonomie),
        };
    }
}

/// <summary>The order and labels of facet values: fixed where the taxonomy gives one, else by label; then by count unless fixed.</summary>
internal sealed class FacetVolgorde(Taxonomie taxonomie)
{
    public IReadOnlyList<FacetWaarde> Orden(string facet, IReadOnlyDictionary<string, int> counts, IReadOnlyList<string> chosen)
    {
        var names = counts.Keys.ToArray();
        var labels = names.Select(v => FacetWaarden.Label(facet, v, taxonomie)).ToArray();
        var fixedOrder = FacetWaarden.Volgorde(facet, taxonomie).ToList();
        var order = Enumerable.Range(0, names.Length)
            .OrderBy(i => fixedOrder.IndexOf(names[i]) is var at && at >= 0 ? at : int.MaxValue)
            .ThenBy(i => labels[i], Embedded.ColumnFormat.NameComparer)
            .ToArray();
        var rank = new int[names.Length];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        var isFixed = fixedOrder.Count > 0;
        var sorted = Enumerable.Range(0, names.Length).ToArray();
        Array.Sort(sorted, (x, y) => isFixed || counts[names[x]] == counts[names[y]] ? rank[x].CompareTo(rank[y]) : counts[names[y]].CompareTo(counts[names[x]]));
        return sorted.Select(i => new FacetWaarde(names[i], labels[i], counts[names[i]], chosen.Contains(names[i]))).ToList();
    }
}
