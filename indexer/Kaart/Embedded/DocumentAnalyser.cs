using System.Text.Json;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>What the reader keeps in memory per aanbod: filters, facets, distance, opening times, and what a hit shows.</summary>
internal sealed record Kenmerken(
    string Id,
    string Naam,
    string Samenvatting,
    string Aanbieder,
    string? Plaats,
    bool Bemoeizorg,
    bool Gratis,
    Dictionary<string, string[]> Facetten,
    GeoPunt[] Punten,
    Tijden[] Tijden)
{
    public string[] Levensdomeinen => Facetten.GetValueOrDefault(Search.Facetten.Levensdomein) ?? [];
}

/// <summary>A phrase an aanbod adds to autocomplete, with its weight (title 3, trefwoord 1).</summary>
internal sealed record SuggestieBijdrage(string Tekst, int Gewicht);

/// <summary>
/// One aanbod as the index sees it: its distinct stems with their weighted frequency (in half units, see
/// <see cref="IndexFormat.Fields"/>), its weighted length, the distinct surface words it adds to the vocabulary,
/// its autocomplete phrases and its kenmerken. A rebuild adds these up over all aanbod; an update subtracts those of
/// the old version and adds those of the new one, so both arrive at the same statistics.
/// </summary>
internal sealed record AnalysedDocument(
    string Id,
    string[] Terms,
    int[] TfHalf,
    long LengthHalf,
    string[] Words,
    string[] Stems,
    SuggestieBijdrage[] Suggesties,
    Kenmerken Kenmerken);

/// <summary>Analyses aanbod for the index (thread-safe: a rebuild analyses in parallel).</summary>
/// <param name="frasen">The phrases of the search rules: each place one occurs adds its term, so a search can ask for it as a phrase.</param>
internal sealed class DocumentAnalyser(DutchAnalyzer analyzer, Taxonomie taxonomie, Frasen frasen)
{
    public Taxonomie Taxonomie { get; } = taxonomie;

    /// <summary>The text of each searchable field, in the order of <see cref="IndexFormat.Fields"/> (every engine indexes these).</summary>
    public string[] FieldTexts(IndexDocument doc)
    {
        var a = doc.Aanbod;
        return
        [
            a.Name,
            string.Join(" . ", a.Trefwoorden.Concat(a.WettelijkKader)),
            a.Samenvatting,
            string.Join(" . ", a.Levensdomeinen.Concat(doc.Leefgebieden).Concat(a.Doelgroepen).Select(Taxonomie.Naam)),
            a.Organization.Name,
            doc.BodyTekst,
        ];
    }

    public AnalysedDocument Analyse(IndexDocument doc)
    {
        var a = doc.Aanbod;
        var texts = FieldTexts(doc);

        // Scratch space of this thread, cleared (a rebuild analyses 100,000 aanbod; these were most of its garbage).
        var scratch = t_scratch ??= new Scratch();
        var (tf, words, terms) = (scratch.Tf, scratch.Words, scratch.Terms);
        tf.Clear();
        words.Clear();
        long length = 0;
        for (var c = 0; c < texts.Length; c++)
        {
            terms.Clear();
            analyzer.AnalyzeForIndex(texts[c], terms, scratch.OnWord, frasen);
            var weight = IndexFormat.Fields[c].HalfUnits;
            foreach (var term in terms)
            {
                tf[term] = tf.GetValueOrDefault(term) + weight;
                length += weight;
            }
        }

        var suggesties = new List<SuggestieBijdrage>(1 + a.Trefwoorden.Count);
        AddSuggestion(suggesties, a.Name, 3);
        foreach (var trefwoord in a.Trefwoorden)
        {
            AddSuggestion(suggesties, trefwoord, 1);
        }

        var kenmerken = new Kenmerken(
            a.Id,
            a.Name,
            a.Samenvatting,
            a.Organization.Name,
            a.Locations.FirstOrDefault()?.City,
            a.Bemoeizorg,
            a.Gratis,
            FacetWaarden.Van(doc, Taxonomie),
            doc.Punten.ToArray(),
            a.Schedules.ToArray());
        return new AnalysedDocument(a.Id, tf.Keys.ToArray(), tf.Values.ToArray(), length,
            words.Keys.ToArray(), words.Values.ToArray(), suggesties.ToArray(), kenmerken);
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    private sealed class Scratch
    {
        public Scratch() => OnWord = (word, stem) => Words.TryAdd(word, stem);

        public Dictionary<string, int> Tf { get; } = new(256, StringComparer.Ordinal);
        public Dictionary<string, string> Words { get; } = new(256, StringComparer.Ordinal);
        public List<string> Terms { get; } = new(512);
        public Action<string, string> OnWord { get; }
    }

    private static void AddSuggestion(List<SuggestieBijdrage> suggesties, string tekst, int gewicht)
    {
        var trimmed = tekst.Trim();
        if (SuggestieKey(trimmed).Length >= 3)
        {
            suggesties.Add(new SuggestieBijdrage(trimmed, gewicht));
        }
    }

    /// <summary>The folded form under which phrases are one suggestion ("Taalcafé" and "taalcafe").</summary>
    public static string SuggestieKey(string tekst) => TextFolding.Fold(tekst.Trim());

    /// <summary>The phrases every index suggests besides those of the aanbod: the levensdomeinen (weight 2).</summary>
    public static IEnumerable<SuggestieBijdrage> VasteSuggesties(Taxonomie taxonomie) =>
        taxonomie.Levensdomeinen.Select(d => new SuggestieBijdrage(d.Naam.Trim(), 2)).Where(s => SuggestieKey(s.Tekst).Length >= 3);

    /// <summary>The stored form of a document: with the body's Markdown (the page renders it), without its plain text (stored apart, for snippets).</summary>
    public static byte[] StoredJson(IndexDocument doc) =>
        JsonSerializer.SerializeToUtf8Bytes(Stored(doc), IndexFormat.Json);

    /// <summary>The stored form as <see cref="StoredJson"/>, in a buffer of this thread that the next call reuses (a build writes 100,000).</summary>
    public static ReadOnlySpan<byte> StoredJsonOfThisThread(IndexDocument doc)
    {
        var buffer = t_json ??= new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_jsonWriter ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = IndexFormat.Json.Encoder, Indented = IndexFormat.Json.WriteIndented, SkipValidation = true });
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, Stored(doc), IndexFormat.Json);
        writer.Flush();
        return buffer.WrittenSpan;
    }

    [ThreadStatic]
    private static System.Buffers.ArrayBufferWriter<byte>? t_json;

    [ThreadStatic]
    private static Utf8JsonWriter? t_jsonWriter;

    // The plain text is stored apart (for snippets); the Markdown stays, the page renders it.
    private static IndexDocument Stored(IndexDocument doc) => doc with { BodyTekst = "" };

    public static IndexDocument FromStored(ReadOnlySpan<byte> json, string tekst) =>
        JsonSerializer.Deserialize<IndexDocument>(json, IndexFormat.Json)! with { BodyTekst = tekst };
}
