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

    /// <summary>content/situaties.txt: situations, crisis and general words (empty when the file is missing).</summary>
    public string Situaties { get; init; } = "";

    /// <summary>content/talen.txt: the multilingual concept list (empty when the file is missing).</summary>
    public string Talen { get; init; } = "";
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
    public const string SituatiesPath = "situaties.txt";
    public const string TalenPath = "talen.txt";
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
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var line = e is YamlDotNet.Core.YamlException y ? (int)y.Start.Line : 1;
                problems.Add(new(TaxonomiePath, line, $"de taxonomie klopt niet: {e.Message}"));
            }
        }

        var synoniemen = await store.ReadAsync(SynoniemenPath, cancellationToken) ?? "";
        var synonymProblems = new List<Synonyms.Problem>();
        Synonyms.Parse(synoniemen, synonymProblems);
        problems.AddRange(synonymProblems.Select(p => new ContentProblem(SynoniemenPath, p.Line, p.Message)));

        // The situation rules and the concept list are checked like the synonyms: every problem with its line.
        var situaties = await store.ReadAsync(SituatiesPath, cancellationToken) ?? "";
        var situatieProblems = new List<Situaties.Problem>();
        Situaties.Parse(situaties, taxonomie?.Levensdomeinen.Select(d => d.Id).ToList(), situatieProblems);
        problems.AddRange(situatieProblems.Select(p => new ContentProblem(SituatiesPath, p.Line, p.Message)));

        var talen = await store.ReadAsync(TalenPath, cancellationToken) ?? "";
        var talenProblems = new List<Talen.Problem>();
        Talen.Parse(talen, talenProblems);
        problems.AddRange(talenProblems.Select(p => new ContentProblem(TalenPath, p.Line, p.Message)));

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
            var gelezen = new List<(string Path, Aanbod Aanbod)>();
            await foreach (var path in store.ListAsync(AanbodFolder, cancellationToken))
            {
                if (!path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                bestanden++;
                if (await LeesAanbodAsync(parser, path, problems, cancellationToken) is { } a)
                {
                    gelezen.Add((path, a));
                }

                if (bestanden % 1000 == 0)
                {
                    progress?.Report(bestanden);
                }
            }

            aanbod.AddRange(ZonderDubbeleIds(gelezen, problems));
        }

        return new KaartContent(taxonomie, taxonomieYaml ?? "", synoniemen, postcodes, woorden, aanbod, problems, bestanden)
        {
            Situaties = situaties,
            Talen = talen,
        };
    }

    /// <summary>One aanbod file read and parsed, or null with its problems added. Whatever the file holds, or whatever
    /// goes wrong reading it, it never stops the other files.</summary>
    private async Task<Aanbod?> LeesAanbodAsync(AanbodParser parser, string path, List<ContentProblem> problems, CancellationToken cancellationToken)
    {
        if (!path.EndsWith(".md", StringComparison.Ordinal))
        {
            // "x.MD" beside "x.md" would be a second file with the same id on a case-sensitive disk, and the same file
            // on another: one spelling only.
            problems.Add(new(path, 1, "een aanbodbestand eindigt op .md in kleine letters; dit bestand is overgeslagen."));
            return null;
        }

        try
        {
            var result = parser.Parse(path, await store.ReadAsync(path, cancellationToken) ?? "");
            problems.AddRange(result.Problems);
            return result.Aanbod;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems.Add(new(path, 1, $"dit bestand kon niet worden gelezen ({e.GetType().Name}); het is overgeslagen."));
            return null;
        }
    }

    /// <summary>
    /// Each id once. The file at <c>aanbod/{id}.md</c> is the aanbod; any other file with that id (a copy in a subfolder)
    /// is reported and skipped, so adding a copy can never replace or hide the original. Without a file at that path,
    /// the first in path order wins.
    /// </summary>
    private static IEnumerable<Aanbod> ZonderDubbeleIds(List<(string Path, Aanbod Aanbod)> gelezen, List<ContentProblem> problems)
    {
        foreach (var groep in gelezen.GroupBy(g => g.Aanbod.Id, StringComparer.Ordinal))
        {
            var origineel = groep.FirstOrDefault(g => g.Path == $"{AanbodFolder}/{groep.Key}.md");
            if (origineel.Aanbod is null)
            {
                origineel = groep.MinBy(g => g.Path, StringComparer.Ordinal);
            }

            foreach (var kopie in groep.Where(g => g.Path != origineel.Path))
            {
                problems.Add(new(kopie.Path, 2, $"id '{groep.Key}' bestaat al in {origineel.Path}; dit bestand is overgeslagen."));
            }

            yield return origineel.Aanbod;
        }
    }

    /// <summary>Renders and derives the index document of each aanbod. Internal fields go separately.</summary>
    /// <param name="vandaag">When given, aanbod whose activities are all over (<see cref="Versheid.IsAfgelopen"/>) is left out,
    /// as the portal's daily expiry takes it out of a running index.</param>
    public static IndexBatch Batch(KaartContent content, DateOnly? vandaag = null)
    {
        var taxonomie = content.Taxonomie ?? throw new InvalidOperationException("Geen taxonomie: er valt niets te indexeren.");
        var aanbod = content.Aanbod.Where(a => vandaag is not { } dag || !Versheid.IsAfgelopen(a, dag)).ToList();
        // Each aanbod is its own (the body's plain text is most of the work): in parallel, in the same order.
        var inputs = new IndexInput[aanbod.Count];
        Parallel.For(0, inputs.Length, i => inputs[i] = Input(aanbod[i], taxonomie, content.Postcodes));
        return new IndexBatch(inputs, content.TaxonomieYaml, content.Synoniemen, content.Postcodes)
        {
            Situaties = content.Situaties,
            Talen = content.Talen,
            Woorden = content.Woorden,
        };
    }

    /// <summary>The index document of one aanbod (the body's plain text, leefgebieden, coordinates) and its internal fields apart:
    /// the same for a full build and for a single update.</summary>
    public static IndexInput Input(Aanbod a, Taxonomie taxonomie, Postcodes postcodes)
    {
        var punten = a.Locations
            .Select(l => l.Latitude is { } lat && l.Longitude is { } lon ? new GeoPunt(lat, lon) : postcodes.Find(l.PostalCode))
            .OfType<GeoPunt>().Distinct().ToList();
        var document = new IndexDocument
        {
            Aanbod = a with { Intern = null },
            BodyTekst = MarkdownRenderer.Tekst(a.BodyMarkdown),
            Leefgebieden = a.Levensdomeinen.Select(taxonomie.LeefgebiedVan).Distinct().ToList(),
            Punten = punten,
        };
        return new IndexInput(document, a.Intern);
    }
}
