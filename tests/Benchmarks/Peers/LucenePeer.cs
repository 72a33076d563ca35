using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;
using Directory = Lucene.Net.Store.Directory;

namespace SocialeKaart.Benchmarks.Peers;

/// <summary>
/// Lucene.Net 4.8 on the same corpus: a Dutch chain (StandardTokenizer → lowercase → ASCII folding → Dutch stop words
/// → Snowball DutchStemmer), BM25, our field weights as boosts, all words required; filters, disjunctive facet counts,
/// distance and ordering over facet values cached in memory at open (as our engine keeps them). It does less than our
/// engine: no synonyms, no compound splitting, no typo correction, no broadening, no highlighting.
/// </summary>
internal sealed class LucenePeer : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly (string Name, float Boost)[] Fields =
        [("naam", 10f), ("trefwoorden", 6f), ("samenvatting", 3f), ("categorie", 2f), ("aanbieder", 1.5f), ("tekst", 1f)];

    private readonly Directory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Analyzer _analyzer = new DutchChain();
    private readonly PeerFacets _facets;

    private LucenePeer(string folder)
    {
        _directory = FSDirectory.Open(folder);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        _facets = LoadFacets(_reader);
    }

    public string Name => "Lucene.Net 4.8";

    /// <summary>Writes the Lucene index of a batch into a folder (one segment, as after an optimise).</summary>
    public static void Build(IndexBatch batch, string folder, Taxonomie taxonomie)
    {
        using var directory = FSDirectory.Open(folder);
        using var analyzer = new DutchChain();
        var config = new IndexWriterConfig(Version, analyzer) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256, Similarity = new BM25Similarity() };
        using var writer = new IndexWriter(directory, config);
        foreach (var input in batch.Documents)
        {
            var d = input.Document;
            var a = d.Aanbod;
            var doc = new Document
            {
                new StringField("id", a.Id, Field.Store.YES),
                new TextField("naam", a.Name, Field.Store.YES),
                new TextField("trefwoorden", string.Join(" . ", a.Trefwoorden.Concat(a.WettelijkKader)), Field.Store.NO),
                new TextField("samenvatting", a.Samenvatting, Field.Store.YES),
                new TextField("categorie", string.Join(" . ", a.Levensdomeinen.Concat(d.Leefgebieden).Concat(a.Doelgroepen).Select(taxonomie.Naam)), Field.Store.NO),
                new TextField("aanbieder", a.Organization.Name, Field.Store.YES),
                new TextField("tekst", d.BodyTekst, Field.Store.YES),
                new BinaryDocValuesField("punten", new BytesRef(d.Punten.SelectMany(p => BitConverter.GetBytes(p.Lat).Concat(BitConverter.GetBytes(p.Lon))).ToArray())),
                new BinaryDocValuesField("tijden", new BytesRef(JsonSerializer.SerializeToUtf8Bytes(a.Schedules))),
            };
            foreach (var (facet, values) in FacetWaarden.Van(d, taxonomie))
            {
                foreach (var v in values.Distinct())
                {
                    doc.Add(new StringField("f_" + facet, v, Field.Store.NO));
                    doc.Add(new SortedSetDocValuesField("f_" + facet, new BytesRef(v)));
                }
            }

            writer.AddDocument(doc);
        }

        writer.ForceMerge(1);
        writer.Commit();
    }

    public static LucenePeer Open(string folder) => new(folder);

    /// <summary>The facet values, points, schedules and names of every document, read once from doc values and stored fields.</summary>
    private static PeerFacets LoadFacets(DirectoryReader reader)
    {
        var leaf = reader.Leaves.Single().AtomicReader;
        var count = reader.MaxDoc;
        var facetValues = new Dictionary<string, string[]>[count];
        for (var d = 0; d < count; d++)
        {
            facetValues[d] = new Dictionary<string, string[]>(StringComparer.Ordinal);
        }

        var term = new BytesRef();
        foreach (var facet in Facetten.Alle.Where(f => f != Facetten.Wanneer))
        {
            var dv = leaf.GetSortedSetDocValues("f_" + facet);
            if (dv is null)
            {
                continue;
            }

            var names = new string[dv.ValueCount];
            for (var o = 0; o < names.Length; o++)
            {
                dv.LookupOrd(o, term);
                names[o] = term.Utf8ToString();
            }

            for (var d = 0; d < count; d++)
            {
                dv.SetDocument(d);
                var list = new List<string>();
                for (var ord = dv.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = dv.NextOrd())
                {
                    list.Add(names[ord]);
                }

                facetValues[d][facet] = list.ToArray();
            }
        }

        var punten = leaf.GetBinaryDocValues("punten");
        var tijden = leaf.GetBinaryDocValues("tijden");
        var points = new GeoPunt[count][];
        var schedules = new Tijden[count][];
        var names2 = new string[count];
        var ids = new string[count];
        var bytes = new BytesRef();
        for (var d = 0; d < count; d++)
        {
            punten.Get(d, bytes);
            var p = new GeoPunt[bytes.Length / 16];
            for (var i = 0; i < p.Length; i++)
            {
                p[i] = new GeoPunt(BitConverter.ToDouble(bytes.Bytes, bytes.Offset + 16 * i), BitConverter.ToDouble(bytes.Bytes, bytes.Offset + 16 * i + 8));
            }

            points[d] = p;
            tijden.Get(d, bytes);
            schedules[d] = JsonSerializer.Deserialize<Tijden[]>(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length)) ?? [];
            var stored = reader.Document(d, new HashSet<string> { "id", "naam" });
            names2[d] = stored.Get("naam");
            ids[d] = stored.Get("id");
        }

        return PeerFacets.Create(count, facetValues, points, schedules, names2, ids, PeerPostcodes.Value);
    }

    internal static Lazy<Dictionary<string, GeoPunt>> PeerPostcodes { get; set; } = new(() => []);

    private sealed class AllMatches(ulong[] bits, float[] scores) : ICollector
    {
        private Scorer? _scorer;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void Collect(int doc)
        {
            bits[doc >> 6] |= 1UL << doc;
            scores[doc] = _scorer!.GetScore();
        }

        public void SetNextReader(AtomicReaderContext context)
        {
        }
    }

    /// <summary>One search as our engine answers it: total, facet counts, and the page with its stored fields.</summary>
    // Reused per search, as our engine reuses its arrays.
    private ulong[]? _candidates;
    private float[]? _scores;

    public int Search(SearchQuery query, DateTime lokaal)
    {
        var words = PeerFacets.Words(_facets.Count);
        var candidates = _candidates ??= new ulong[words];
        Array.Clear(candidates);
        float[]? scores = null;
        var terms = Analyse(query.Tekst ?? "");
        if (terms.Count == 0)
        {
            for (var d = 0; d < _facets.Count; d++)
            {
                candidates[d >> 6] |= 1UL << d;
            }
        }
        else
        {
            var q = new BooleanQuery();
            foreach (var t in terms)
            {
                var perWord = new BooleanQuery();
                foreach (var (field, boost) in Fields)
                {
                    perWord.Add(new TermQuery(new Term(field, t)) { Boost = boost }, Occur.SHOULD);
                }

                q.Add(perWord, Occur.MUST);
            }

            scores = _scores ??= new float[_facets.Count];
            _searcher.Search(q, new AllMatches(candidates, scores));
        }

        var (totaal, page, _) = _facets.Finish(query, candidates, scores, lokaal);
        foreach (var d in page)
        {
            var doc = _searcher.Doc(d, new HashSet<string> { "id", "naam", "samenvatting", "aanbieder" });
            _ = doc.Get("naam");
        }

        return totaal;
    }

    private List<string> Analyse(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream("tekst", text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var t = attribute.ToString();
            if (!terms.Contains(t))
            {
                terms.Add(t);
            }
        }

        stream.End();
        return terms;
    }

    public long Bytes(string folder) => System.IO.Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private sealed class DutchChain : Analyzer
    {
        private static readonly CharArraySet Stop = new(Version, Kaart.Analysis.StopWords.Dutch.ToList(), ignoreCase: true);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, source);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, Stop);
            stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
            return new TokenStreamComponents(source, stream);
        }
    }
}
