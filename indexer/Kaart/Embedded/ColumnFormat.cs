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

    /// <summary>Per aanbod, in chunks of <see cref="ChunkSize"/>: what a hit shows, its length and its places.</summary>
    public static IEnumerable<byte[]> EncodeDocs(Kenmerken[] docs, long[] lengtes)
    {
        for (var start = 0; start < docs.Length; start += ChunkSize)
        {
            yield return EncodeDocs(docs, lengtes, start, Math.Min(docs.Length, start + ChunkSize));
        }
    }

    private static byte[] EncodeDocs(Kenmerken[] docs, long[] lengtes, int from, int to)
    {
        var w = new ByteWriter((to - from) * 256);
        w.Varint(to - from);
        for (var i = from; i < to; i++)
        {
            var k = docs[i];
            w.String(k.Id);
            w.String(k.Naam);
            w.String(k.Samenvatting);
            w.String(k.Aanbieder);
            w.String(k.Plaats ?? "");
            w.Varint((k.Bemoeizorg ? 1 : 0) | (k.Gratis ? 2 : 0) | (k.Plaats is null ? 0 : 4));
            w.Varint(lengtes[i]);
            w.Varint(k.Punten.Length);
            foreach (var p in k.Punten)
            {
                w.Double(p.Lat);
                w.Double(p.Lon);
            }
        }

        return Pack(w);
    }

    /// <summary>Per static facet, per value: the aanbod that have it (delta varints). Levensdomeinen keep their own order per aanbod.</summary>
    public static byte[] EncodeFacets(Kenmerken[] docs)
    {
        var w = new ByteWriter(docs.Length * 16);
        w.Varint(Columns.StaticFacets.Length);
        foreach (var facet in Columns.StaticFacets)
        {
            var values = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var i = 0; i < docs.Length; i++)
            {
                foreach (var v in docs[i].Facetten.GetValueOrDefault(facet) ?? [])
                {
                    if (!values.TryGetValue(v, out var list))
                    {
                        values[v] = list = [];
                    }

                    if (list.Count == 0 || list[^1] != i)
                    {
                        list.Add(i);
                    }
                }
            }

            w.String(facet);
            w.Varint(values.Count);
            foreach (var (value, list) in values)
            {
                w.String(value);
                w.Varint(list.Count);
                var last = -1;
                foreach (var d in list)
                {
                    w.Varint(d - last);
                    last = d;
                }
            }
        }

        // The levensdomeinen of each aanbod in their own order (a hit lists them as the aanbod does).
        for (var i = 0; i < docs.Length; i++)
        {
            var list = docs[i].Levensdomeinen;
            w.Varint(list.Length);
            foreach (var v in list)
            {
                w.String(v);
            }
        }

        return Pack(w);
    }

    public sealed record TijdenRow(int Nr, Tijden[] Tijden);

    public static IEnumerable<byte[]> EncodeTijden(Kenmerken[] docs) =>
        docs.Select((k, i) => new TijdenRow(i, k.Tijden)).Where(r => r.Tijden.Length > 0).Chunk(ChunkSize)
            .Select(rows => Codec.Plain.Compress(JsonSerializer.SerializeToUtf8Bytes(rows, IndexFormat.Json)));

    public static byte[] EncodeNameOrder(Kenmerken[] docs)
    {
        var order = Enumerable.Range(0, docs.Length).ToArray();
        Array.Sort(order, (x, y) => CompareNames(docs[x].Naam, docs[x].Id, docs[y].Naam, docs[y].Id));
        var w = new ByteWriter(docs.Length * 3);
        w.Varint(order.Length);
        foreach (var d in order)
        {
            w.Varint(d);
        }

        return Pack(w);
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
