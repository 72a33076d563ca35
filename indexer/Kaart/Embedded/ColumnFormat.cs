using System.Globalization;
using System.Text.Json;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>The in-memory columns of a build file, encoded (written by <see cref="BuildWriter"/>, read by <see cref="SnapshotLoader"/>).</summary>
internal static class ColumnFormat
{
    private static byte[] Pack(ByteWriter w) => Codec.Plain.Compress(w.Span);

    public static ReadOnlySpan<byte> Unpack(byte[] data) => Codec.Plain.Decompress(data);

    public static readonly StringComparer NameComparer = StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);

    /// <summary>Dutch alphabetical order of names, ties by id: the order of "sorteer op naam" and of equal scores.</summary>
    public static int CompareNames(string naamX, string idX, string naamY, string idY)
    {
        var c = NameComparer.Compare(naamX, naamY);
        return c != 0 ? c : string.CompareOrdinal(idX, idY);
    }

    public const int ChunkSize = 8192;

    public static string ChunkName(string column, int chunk) => column + "/" + chunk.ToString(CultureInfo.InvariantCulture);

    public sealed record TijdenRow(int Nr, Tijden[] Tijden);

    /// <summary>
    /// Collects the columns while a build adds aanbod one by one, in chunks, so the build keeps no kenmerken of every
    /// aanbod (at 100,000 aanbod that would be hundreds of megabytes for the garbage collector to walk).
    /// </summary>
    public sealed class Builder
    {
        private readonly List<byte[]> _docs = [];
        private readonly List<byte[]> _tijden = [];
        private ByteWriter _chunk = new(ChunkSize * 256);
        private int _inChunk;
        private readonly List<TijdenRow> _rows = [];
        private readonly Dictionary<string, List<int>>[] _facets = Columns.StaticFacets.Select(_ => new Dictionary<string, List<int>>(StringComparer.Ordinal)).ToArray();
        private readonly ByteWriter _levensdomeinen = new(1024);
        private readonly List<string> _namen = [];
        private readonly List<string> _ids = [];

        public int Count { get; private set; }
        public long Punten { get; private set; }

        public void Add(Kenmerken k, long lengthHalf)
        {
            var nr = Count++;
            var w = _chunk;
            w.String(k.Id);
            w.String(k.Naam);
            w.String(k.Samenvatting);
            w.String(k.Aanbieder);
            w.String(k.Plaats ?? "");
            w.Varint((k.Bemoeizorg ? 1 : 0) | (k.Gratis ? 2 : 0) | (k.Plaats is null ? 0 : 4));
            w.Varint(lengthHalf);
            w.Varint(k.Punten.Length);
            foreach (var p in k.Punten)
            {
                w.Double(p.Lat);
                w.Double(p.Lon);
            }

            Punten += k.Punten.Length;
            if (++_inChunk == ChunkSize)
            {
                FlushDocs();
            }

            for (var f = 0; f < _facets.Length; f++)
            {
                foreach (var v in k.Facetten.GetValueOrDefault(Columns.StaticFacets[f]) ?? [])
                {
                    if (!_facets[f].TryGetValue(v, out var list))
                    {
                        _facets[f][v] = list = [];
                    }

                    if (list.Count == 0 || list[^1] != nr)
                    {
                        list.Add(nr);
                    }
                }
            }

            // The levensdomeinen of each aanbod in their own order (a hit lists them as the aanbod does).
            _levensdomeinen.Varint(k.Levensdomeinen.Length);
            foreach (var v in k.Levensdomeinen)
            {
                _levensdomeinen.String(v);
            }

            if (k.Tijden.Length > 0)
            {
                _rows.Add(new TijdenRow(nr, k.Tijden));
                if (_rows.Count == ChunkSize)
                {
                    FlushTijden();
                }
            }

            _namen.Add(k.Naam);
            _ids.Add(k.Id);
        }

        private void FlushDocs()
        {
            var w = new ByteWriter(_chunk.Length + 8);
            w.Varint(_inChunk);
            var packed = new byte[w.Length + _chunk.Length];
            w.Span.CopyTo(packed);
            _chunk.Span.CopyTo(packed.AsSpan(w.Length));
            _docs.Add(Codec.Plain.Compress(packed));
            _chunk = new ByteWriter(ChunkSize * 256);
            _inChunk = 0;
        }

        private void FlushTijden()
        {
            _tijden.Add(Codec.Plain.Compress(JsonSerializer.SerializeToUtf8Bytes(_rows, IndexFormat.Json)));
            _rows.Clear();
        }

        /// <summary>The columns by name (chunked ones as name/0, name/1 …).</summary>
        public Dictionary<string, byte[]> Finish()
        {
            if (_inChunk > 0)
            {
                FlushDocs();
            }

            if (_rows.Count > 0)
            {
                FlushTijden();
            }

            var columns = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            for (var i = 0; i < _docs.Count; i++)
            {
                columns[ChunkName("docs", i)] = _docs[i];
            }

            for (var i = 0; i < _tijden.Count; i++)
            {
                columns[ChunkName("tijden", i)] = _tijden[i];
            }

            // Per static facet, per value: the aanbod that have it (delta varints); then the levensdomeinen per aanbod.
            var f = new ByteWriter(Count * 16);
            f.Varint(Columns.StaticFacets.Length);
            for (var facet = 0; facet < _facets.Length; facet++)
            {
                f.String(Columns.StaticFacets[facet]);
                f.Varint(_facets[facet].Count);
                foreach (var (value, list) in _facets[facet])
                {
                    f.String(value);
                    f.Varint(list.Count);
                    var last = -1;
                    foreach (var d in list)
                    {
                        f.Varint(d - last);
                        last = d;
                    }
                }
            }

            f.Raw(_levensdomeinen.Span);
            columns["facetten"] = Pack(f);

            var order = Enumerable.Range(0, Count).ToArray();
            Array.Sort(order, (x, y) => CompareNames(_namen[x], _ids[x], _namen[y], _ids[y]));
            var o = new ByteWriter(Count * 3);
            o.Varint(order.Length);
            foreach (var d in order)
            {
                o.Varint(d);
            }

            columns["naamvolgorde"] = Pack(o);
            return columns;
        }
    }

    /// <summary>The vocabulary in chunks: word, stem, document frequency.</summary>
    public static IEnumerable<byte[]> EncodeWoorden(Dictionary<string, (string Stem, int Df)> woorden)
    {
        foreach (var chunk in woorden.Chunk(4 * ChunkSize))
        {
            var w = new ByteWriter(chunk.Length * 24);
            w.Varint(chunk.Length);
            foreach (var (word, (stem, df)) in chunk)
            {
                w.String(word);
                w.String(stem);
                w.Varint(df);
            }

            yield return Pack(w);
        }
    }

    public static byte[] EncodeSuggesties(Dictionary<string, SuggestieBijdrage[]> perKey)
    {
        var w = new ByteWriter(perKey.Count * 32);
        w.Varint(perKey.Count);
        foreach (var forms in perKey.Values)
        {
            w.Varint(forms.Length);
            foreach (var f in forms)
            {
                w.String(f.Tekst);
                w.Varint(f.Gewicht);
            }
        }

        return Pack(w);
    }

    public static byte[] EncodePostcodes(Postcodes postcodes)
    {
        var w = new ByteWriter(postcodes.Centres.Count * 24);
        w.Varint(postcodes.Centres.Count);
        foreach (var (pc4, point) in postcodes.Centres)
        {
            w.String(pc4);
            w.Double(point.Lat);
            w.Double(point.Lon);
        }

        return Pack(w);
    }

    public static Dictionary<string, GeoPunt> DecodePostcodes(byte[] data)
    {
        var pc = new ByteReader(Unpack(data));
        var postcodes = new Dictionary<string, GeoPunt>(StringComparer.Ordinal);
        for (var n = pc.Int(); n > 0; n--)
        {
            postcodes[pc.String()] = new GeoPunt(pc.Double(), pc.Double());
        }

        return postcodes;
    }

    public static Dictionary<string, SuggestieBijdrage[]> DecodeSuggesties(byte[] data)
    {
        var r = new ByteReader(Unpack(data));
        var count = r.Int();
        var result = new Dictionary<string, SuggestieBijdrage[]>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var forms = new SuggestieBijdrage[r.Int()];
            for (var f = 0; f < forms.Length; f++)
            {
                forms[f] = new SuggestieBijdrage(r.String(), r.Int());
            }

            result[DocumentAnalyser.SuggestieKey(forms[0].Tekst)] = forms;
        }

        return result;
    }
}
