using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Elasticsearch;

/// <summary>One aanbod in the aanbod index (its <c>_source</c>).</summary>
internal sealed record AanbodBron
{
    [JsonPropertyName(Velden.Id)] public required string Id { get; init; }

    /// <summary>Dutch alphabetical order of the name, then the id, as bytes that sort as the embedded engine's comparer.</summary>
    [JsonPropertyName(Velden.NaamSortering)] public required string NaamSortering { get; init; }

    [JsonPropertyName(Velden.Weergave)] public required Weergave Weergave { get; init; }

    /// <summary>The <see cref="IndexDocument"/> for the aanbod's own page (stored, not indexed; never read by a search).</summary>
    [JsonPropertyName(Velden.Document)] public JsonElement? Document { get; init; }

    /// <summary>Per searchable field its analysed terms, separated by spaces (the index only splits them).</summary>
    [JsonPropertyName(Velden.Termen)] public required Dictionary<string, string> Termen { get; init; }

    [JsonPropertyName(Velden.Facet)] public required Dictionary<string, string[]> Facet { get; init; }

    [JsonPropertyName(Velden.Punten)] public required Punt[] Punten { get; init; }

    [JsonPropertyName(Velden.Tijden)] public required TijdenBron Tijden { get; init; }

    /// <summary>The surface words with their stem ("word stem"): the vocabulary is their count over the live aanbod.</summary>
    [JsonPropertyName(Velden.Woorden)] public required string[] Woorden { get; init; }

    /// <summary>Autocomplete contributions: folded phrase, spelling and weight, separated by <see cref="DocumentMapper.Scheiding"/>.</summary>
    [JsonPropertyName(Velden.Suggesties)] public required string[] Suggesties { get; init; }
}

/// <summary>What a search reads of an aanbod (its <c>_source</c> includes only this).</summary>
internal sealed record HitBron([property: JsonPropertyName(Velden.Weergave)] Weergave? Weergave);

/// <summary>What the aanbod's own page reads.</summary>
internal sealed record DocumentBron([property: JsonPropertyName(Velden.Document)] JsonElement? Document);

/// <summary>What a hit shows, stored so that a search needs no second read.</summary>
internal sealed record Weergave(
    [property: JsonPropertyName("naam")] string Naam,
    [property: JsonPropertyName("samenvatting")] string Samenvatting,
    [property: JsonPropertyName("aanbieder")] string Aanbieder,
    [property: JsonPropertyName("plaats")] string? Plaats,
    [property: JsonPropertyName("achter_het_loket")] bool AchterHetLoket,
    [property: JsonPropertyName("bemoeizorg")] bool Bemoeizorg,
    [property: JsonPropertyName("gratis")] bool Gratis,
    [property: JsonPropertyName("levensdomeinen")] string[] Levensdomeinen,
    [property: JsonPropertyName("punten")] Punt[] Punten,
    [property: JsonPropertyName("tekst")] string Tekst);

internal sealed record Punt([property: JsonPropertyName("lat")] double Lat, [property: JsonPropertyName("lon")] double Lon);

/// <summary>
/// The schedules as the days they take place and the moments they are open (local Dutch time, without zone), from the
/// day before the build for <see cref="DocumentMapper.HorizonDagen"/> days: "open nu" and "deze week" become range
/// queries. A rebuild (at least once a year) moves the horizon on.
/// </summary>
internal sealed record TijdenBron(
    [property: JsonPropertyName("dagen")] string[] Dagen,
    [property: JsonPropertyName("open")] Periode[] Open);

internal sealed record Periode([property: JsonPropertyName("gte")] string Van, [property: JsonPropertyName("lt")] string Tot);

/// <summary>A document of the intern index: the internal fields of one aanbod, or (id <see cref="DocumentMapper.KaartId"/>) the index's own data.</summary>
internal sealed record InternBron
{
    [JsonPropertyName(Velden.Intern)] public JsonElement? Intern { get; init; }

    [JsonPropertyName(Velden.Kaart)] public KaartBron? Kaart { get; init; }
}

/// <summary>Only the version of the kaart data: what a reader checks (the postcodes alone are some 100 kB).</summary>
internal sealed record VersieBron([property: JsonPropertyName(Velden.Kaart)] VersieBron.KaartVersie? Kaart)
{
    internal sealed record KaartVersie([property: JsonPropertyName("versie")] long Versie);
}

/// <summary>What readers need besides the aanbod: the index keeps it so that they need no content folder.</summary>
internal sealed record KaartBron(
    [property: JsonPropertyName("taxonomie")] string Taxonomie,
    [property: JsonPropertyName("synoniemen")] string Synoniemen,
    [property: JsonPropertyName("postcodes")] Dictionary<string, double[]> Postcodes,
    [property: JsonPropertyName("versie")] long Versie,
    [property: JsonPropertyName("situaties")] string Situaties = "",
    [property: JsonPropertyName("talen")] string Talen = "")
{
    /// <summary>What the planner knows of this kaart: synonyms, situations and languages (the Dutch word list is not kept
    /// in Elasticsearch; the planner then treats only the index's own words as Dutch).</summary>
    public SearchKnowledge Kennis() =>
        new(Synonyms.Parse(Synoniemen), Analysis.Situaties.Parse(Situaties), Analysis.Talen.Parse(Talen), Woordenlijst.Empty);

    /// <summary>The phrases (multi-word synonyms and situation words) that documents are analysed with.</summary>
    public Frasen Frasen() => SearchKnowledge.FrasenVan(Synoniemen, Situaties);
}

/// <summary>
/// Turns index input into the documents of both indexes, with the project's own Dutch analysis: the same fields, terms,
/// words, facet values and suggestions as the embedded engine (it uses the same <see cref="DocumentAnalyser"/>).
/// </summary>
internal sealed class DocumentMapper(DutchAnalyzer analyzer, Taxonomie taxonomie, Frasen frasen, TimeProvider clock)
{
    public const char Scheiding = '\u001F';
    public const string KaartId = "#kaart";
    public const int HorizonDagen = 400;

    private static readonly CompareInfo Nederlands = CultureInfo.GetCultureInfo("nl-NL").CompareInfo;

    private readonly DocumentAnalyser _analyser = new(analyzer, taxonomie, frasen);

    public Taxonomie Taxonomie => taxonomie;

    public AanbodBron Aanbod(IndexDocument doc)
    {
        var analysed = _analyser.Analyse(doc);
        var k = analysed.Kenmerken;
        var texts = _analyser.FieldTexts(doc);
        var termen = new Dictionary<string, string>(texts.Length, StringComparer.Ordinal);
        var terms = new List<string>(256);
        for (var f = 0; f < texts.Length; f++)
        {
            terms.Clear();
            analyzer.AnalyzeForIndex(texts[f], terms, frasen: frasen);
            // The analyser gives a phrase as its stems with spaces between (the embedded engine's term): one token here.
            termen[IndexFormat.Fields[f].Name] = string.Join(' ', terms.Select(t => t.Contains(' ', StringComparison.Ordinal) ? t.Replace(' ', '_') : t));
        }

        var punten = k.Punten.Select(p => new Punt(p.Lat, p.Lon)).ToArray();
        return new AanbodBron
        {
            Id = k.Id,
            NaamSortering = NaamSleutel(k.Naam, k.Id),
            Weergave = new Weergave(k.Naam, k.Samenvatting, k.Aanbieder, k.Plaats, doc.Aanbod.Toegang == Toegang.AchterHetLoket,
                k.Bemoeizorg, k.Gratis, k.Levensdomeinen, punten, doc.BodyTekst),
            Document = JsonSerializer.SerializeToElement(doc, IndexFormat.Json),
            Termen = termen,
            Facet = Velden.StatischeFacetten.ToDictionary(f => f, f => k.Facetten.GetValueOrDefault(f) ?? [], StringComparer.Ordinal),
            Punten = punten,
            Tijden = Tijden(k.Tijden),
            Woorden = analysed.Words.Select((w, i) => w + " " + analysed.Stems[i]).ToArray(),
            Suggesties = analysed.Suggesties.Select(s => Suggestie(s.Tekst, s.Gewicht)).ToArray(),
        };
    }

    public static InternBron Intern(InternAanbod intern) => new() { Intern = JsonSerializer.SerializeToElement(intern, IndexFormat.Json) };

    public static InternBron Kaart(IndexBatch batch, long versie) => new()
    {
        Kaart = new KaartBron(batch.Taxonomie, batch.Synoniemen,
            batch.Postcodes.Centres.ToDictionary(p => p.Key, p => new[] { p.Value.Lat, p.Value.Lon }, StringComparer.Ordinal), versie,
            batch.Situaties, batch.Talen),
    };

    public static string Suggestie(string tekst, int gewicht) =>
        string.Concat(DocumentAnalyser.SuggestieKey(tekst), Scheiding.ToString(), tekst, Scheiding.ToString(), gewicht.ToString(CultureInfo.InvariantCulture));

    /// <summary>Byte order of this string is the order of <c>ColumnFormat.CompareNames</c> (nl-NL, ignoring case; ties by id).</summary>
    public static string NaamSleutel(string naam, string id) =>
        Convert.ToHexStringLower(Nederlands.GetSortKey(naam, CompareOptions.IgnoreCase).KeyData) + " " + id;

    private TijdenBron Tijden(Tijden[] tijden)
    {
        if (tijden.Length == 0)
        {
            return new TijdenBron([], []);
        }

        var start = DateOnly.FromDateTime(Rooster.Lokaal(clock.GetUtcNow())).AddDays(-1);
        var dagen = new List<string>();
        var open = new List<Periode>();
        for (var d = start; d < start.AddDays(HorizonDagen); d = d.AddDays(1))
        {
            var vandaag = tijden.Where(t => t.OccursOn(d)).ToList();
            if (vandaag.Count == 0)
            {
                continue;
            }

            dagen.Add(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            foreach (var t in vandaag)
            {
                if (t.OpensAt is { } opens && t.ClosesAt is { } closes && opens < closes)
                {
                    open.Add(new Periode(Moment(d.ToDateTime(opens)), Moment(d.ToDateTime(closes))));
                }
            }
        }

        return new TijdenBron(dagen.ToArray(), open.ToArray());
    }

    public static string Moment(DateTime lokaal) => lokaal.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Dag(DateOnly dag) => dag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
