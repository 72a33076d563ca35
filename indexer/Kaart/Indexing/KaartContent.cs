using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Indexing;

/// <summary>All content read and checked: what can be indexed, and every problem found on the way.</summary>
public sealed record KaartContent(
    Taxonomie? Taxonomie,
    string TaxonomieYaml,
    string Synoniemen,
    Postcodes Postcodes,
    HashSet<string> Woorden,
    IReadOnlyList<Aanbod> Aanbod,
    IReadOnlyList<ContentProblem> Problems,
    int Bestanden)
{
    public int Ongeldig => Bestanden - Aanbod.Count;
}

/// <summary>
/// The indexer's steps, in order: read content → parse → validate → render → analyse → build index → swap.
/// A broken aanbod file is reported with file and line and skipped; the others are indexed.
/// </summary>
public sealed class ContentIndexer(IContentStore store)
{
    public const string AanbodFolder = "aanbod";
    public const string TaxonomiePath = "taxonomie.yml";
    public const string SynoniemenPath = "synoniemen.txt";
    public const string PostcodesPath = "postcodes/pc4.tsv";
    public const string WoordenPath = "taal/woorden.txt";

    public async Task<KaartContent> ReadAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var problems = new List<ContentProblem>();

        var taxonomieYaml = await store.ReadAsync(TaxonomiePath, cancellationToken);
        Taxonomie? taxonomie = null;
        if (taxonomieYaml is null)
        {
            problems.Add(new(TaxonomiePath, 1, "het bestand met de taxonomie ontbreekt; zonder taxonomie kan geen aanbod worden gecontroleerd."));
        }
        else
        {
            try
            {
                taxonomie = Taxonomie.Parse(taxonomieYaml);
            }
            catch (Exception e) when (e is YamlDotNet.Core.YamlException or InvalidDataException)
            {
                var line = e is YamlDotNet.Core.YamlException y ? (int)y.Start.Line : 1;
                problems.Add(new(TaxonomiePath, line, $"de taxonomie klopt niet: {e.Message}"));
            }
        }

        var synoniemen = await store.ReadAsync(SynoniemenPath, cancellationToken) ?? "";
        var synonymProblems = new List<Synonyms.Problem>();
        Synonyms.Parse(synoniemen, synonymProblems);
        problems.AddRange(synonymProblems.Select(p => new ContentProblem(SynoniemenPath, p.Line, p.Message)));

        var postcodesTsv = await store.ReadAsync(PostcodesPath, cancellationToken);
        if (postcodesTsv is null)
        {
            problems.Add(new(PostcodesPath, 1, "de postcodetabel ontbreekt: zoeken op afstand werkt dan niet."));
        }

        var postcodes = Postcodes.Parse(postcodesTsv ?? "");
        var woordenText = await store.ReadAsync(WoordenPath, cancellationToken);
        if (woordenText is null)
        {
            problems.Add(new(WoordenPath, 1, "de woordenlijst ontbreekt: samengestelde woorden worden niet gesplitst. Maak hem met scripts/woordenlijst.sh."));
        }

        var woorden = (woordenText ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);

        var aanbod = new List<Aanbod>();
        var bestanden = 0;
        if (taxonomie is not null)
        {
            var parser = new AanbodParser(taxonomie);
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var path in store.ListAsync(AanbodFolder, cancellationToken))
            {
                if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                bestanden++;
                var text = await store.ReadAsync(path, cancellationToken) ?? "";
                var result = parser.Parse(path, text);
                problems.AddRange(result.Problems);
                if (result.Aanbod is { } a)
                {
                    if (ids.TryGetValue(a.Id, out var other))
                    {
                        problems.Add(new(path, 2, $"id '{a.Id}' komt ook voor in {other}."));
                        continue;
                    }

                    ids[a.Id] = path;
                    aanbod.Add(a);
                }

                if (bestanden % 1000 == 0)
                {
                    progress?.Report(bestanden);
                }
            }
        }

        return new KaartContent(taxonomie, taxonomieYaml ?? "", synoniemen, postcodes, woorden, aanbod, problems, bestanden);
    }

    /// <summary>Renders and derives the index document of each aanbod. Internal fields go separately.</summary>
    public static IndexBatch Batch(KaartContent content)
    {
        var taxonomie = content.Taxonomie ?? throw new InvalidOperationException("Geen taxonomie: er valt niets te indexeren.");
        var inputs = content.Aanbod.Select(a =>
        {
            var (html, tekst) = MarkdownRenderer.Render(a.BodyMarkdown);
            var punten = a.Locations
                .Select(l => l.Latitude is { } lat && l.Longitude is { } lon ? new GeoPunt(lat, lon) : content.Postcodes.Find(l.PostalCode))
                .OfType<GeoPunt>().Distinct().ToList();
            var document = new IndexDocument
            {
                Aanbod = a with { Intern = null },
                BodyHtml = html,
                BodyTekst = tekst,
                Leefgebieden = a.Levensdomeinen.Select(taxonomie.LeefgebiedVan).Distinct().ToList(),
                Punten = punten,
            };
            return new IndexInput(document, a.Intern);
        }).ToList();
        return new IndexBatch(inputs, content.TaxonomieYaml, content.Synoniemen, content.Postcodes);
    }
}
