using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Indexer.Tests.Support;

/// <summary>The repository's taxonomy, postcodes and word list, and a builder for aanbod in tests.</summary>
internal static class TestContent
{
    private static readonly Lazy<HashSet<string>> LazyWoorden = new(() =>
        File.ReadAllLines(Path.Combine(ContentRoot, ContentIndexer.WoordenPath)).Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal));

    private static readonly Lazy<Postcodes> LazyPostcodes = new(() =>
        Postcodes.Parse(File.ReadAllText(Path.Combine(ContentRoot, ContentIndexer.PostcodesPath))));

    public static string ContentRoot => Path.Combine(RepoPaths.Root, "content");
    public static string TaxonomieYaml => File.ReadAllText(Path.Combine(ContentRoot, ContentIndexer.TaxonomiePath));
    public static Taxonomie Taxonomie => Taxonomie.Parse(TaxonomieYaml);
    public static HashSet<string> Woorden => LazyWoorden.Value;
    public static Postcodes Postcodes => LazyPostcodes.Value;
    public static DutchAnalyzer Analyzer => new(new Decompounder(Woorden.Contains));

    public const string Synoniemen = """
        # test synonyms
        schulden, geldzorgen, geldproblemen
        alleen, niemand om mee te praten => alleen, eenzaamheid
        baan, werk, vacature
        """;

    public static IndexBatch Batch(IEnumerable<Aanbod> aanbod, string? synoniemen = null)
    {
        var list = aanbod.ToList();
        var content = new KaartContent(Taxonomie, TaxonomieYaml, synoniemen ?? Synoniemen, Postcodes, Woorden, list, [], list.Count);
        return ContentIndexer.Batch(content);
    }

    public static Aanbod Aanbod(
        string id,
        string name,
        string samenvatting = "Een aanbod in Veenendaal.",
        string body = "Meer informatie volgt.",
        Toegang toegang = Toegang.AlgemeenToegankelijk,
        string[]? levensdomeinen = null,
        string[]? doelgroepen = null,
        string[]? trefwoorden = null,
        string? vorm = null,
        string[]? talen = null,
        decimal? prijs = null,
        Locatie[]? locaties = null,
        string[]? bereik = null,
        Tijden[]? tijden = null,
        InternAanbod? intern = null,
        string aanbieder = "Stichting Voorbeeld") => new()
    {
        Id = id,
        Name = name,
        Samenvatting = samenvatting,
        BodyMarkdown = body,
        Toegang = toegang,
        Levensdomeinen = levensdomeinen ?? ["meedoen"],
        Doelgroepen = doelgroepen ?? [],
        Trefwoorden = trefwoorden ?? [],
        Vorm = vorm,
        Languages = talen ?? [],
        CostOptions = prijs is { } p ? [new Kosten("Per keer", p)] : [],
        Locations = locaties ?? [],
        Bereik = bereik ?? (locaties is null ? ["online"] : []),
        Schedules = tijden ?? [],
        Organization = new Organisatie(aanbieder, "vrijwilligersorganisatie", null, null, null),
        AssuredDate = new DateOnly(2026, 10, 1),
        WettelijkKader = toegang == Toegang.AchterHetLoket ? ["Wmo"] : [],
        Intern = intern,
    };

    public static Locatie Locatie(string postcode, string? wijk = null, double? lat = null, double? lon = null) =>
        new("Buurthuis", "Dorpsstraat 1", postcode, "Veenendaal", wijk, lat, lon, null);

    public static Tijden Wekelijks(string byday, string van, string tot) =>
        new("WEEKLY", byday.Split(','), 1, null, null, TimeOnly.Parse(van, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(tot, System.Globalization.CultureInfo.InvariantCulture), null);

    public static Tijden OpDatum(DateOnly datum, string van, string tot) =>
        new(null, [], 1, datum, null, TimeOnly.Parse(van, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.Parse(tot, System.Globalization.CultureInfo.InvariantCulture), null);
}
