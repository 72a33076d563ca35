using System.Globalization;
using System.Text;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Elasticsearch;

/// <summary>
/// Autocomplete with the embedded engine's rule: per folded phrase the sum of the weights of everything that adds it
/// (name 3, trefwoord 1, levensdomein 2), in its weightiest spelling; phrases that start with what was typed first, then
/// phrases with a word that starts with it. Elasticsearch counts, per contribution ("phrase, spelling, weight"), the live
/// aanbod that add it (a <c>terms</c> aggregation whose <c>include</c> regex keeps only those phrases); C# adds them up.
/// </summary>
internal static class SuggestieVerzoek
{
    public const string Naam = "suggesties";
    public const int MaxBijdragen = 10_000;

    public static SearchRequest Bouw(string index, string folded) => new(index)
    {
        Size = 0,
        Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
        {
            [Naam] = new Aggregation
            {
                Terms = new TermsAggregation { Field = Velden.Suggesties, Include = new TermsInclude(Patroon(folded)), Size = MaxBijdragen },
            },
        },
    };

    /// <summary>The phrase (before the first separator) starts with the prefix, or has a word that does.</summary>
    public static string Patroon(string folded)
    {
        var s = DocumentMapper.Scheiding;
        return $"([^{s}]* )?{Escape(folded)}[^{s}]*{s}.*";
    }

    /// <summary>Lucene's regular expressions: every character that is not a letter, digit or space is taken literally.</summary>
    private static string Escape(string text)
    {
        var b = new StringBuilder(text.Length * 2);
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && c != ' ')
            {
                b.Append('\\');
            }

            b.Append(c);
        }

        return b.ToString();
    }

    public static IReadOnlyList<Suggestie> Lees(SearchResponse<HitBron> response, string folded, int max, Taxonomie taxonomie)
    {
        var bijdragen = new List<SuggestieBijdrage>();
        foreach (var bucket in response.Aggregations?.GetStringTerms(Naam)?.Buckets ?? [])
        {
            var parts = (bucket.Key.Value as string ?? "").Split(DocumentMapper.Scheiding);
            if (parts.Length == 3 && int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var gewicht))
            {
                bijdragen.Add(new SuggestieBijdrage(parts[1], gewicht * (int)bucket.DocCount));
            }
        }

        bijdragen.AddRange(DocumentAnalyser.VasteSuggesties(taxonomie));
        var needle = " " + folded;
        var winners = SuggestieLijst.Group(bijdragen)
            .Select(g => (Key: " " + g.Key, Suggestie: SuggestieLijst.Winner(g.Value)))
            .Where(w => w.Suggestie is not null && w.Key.Contains(needle, StringComparison.Ordinal))
            .OrderBy(w => w.Suggestie, Comparer<Suggestie?>.Create((x, y) => SuggestieLijst.Order(x!, y!)))
            .ToList();
        return winners.Where(w => w.Key.StartsWith(needle, StringComparison.Ordinal))
            .Concat(winners.Where(w => !w.Key.StartsWith(needle, StringComparison.Ordinal)))
            .Take(max)
            .Select(w => w.Suggestie!)
            .ToList();
    }
}
