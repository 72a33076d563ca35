using System.Text.Json;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>Opens a build file as the first snapshot of its generation: the columns into memory, postings stay on disk.</summary>
internal static class SnapshotLoader
{

    /// <param name="stage">Called after each step with its name (the benchmark's memory profile).</param>
    public static Snapshot Open(string path, string name, Action<string>? stage = null)
    {
        var build = BuildFile.Open(path, name);
        byte[] Column(string column) => build.Column(column) ?? throw new IndexNotFoundException($"De zoekindex {path} is onvolledig ({column} ontbreekt). Bouw de index opnieuw.");

        var taxonomie = Taxonomie.Parse(build.Text("taxonomie"));
        var kennis = new SearchKnowledge(
            Synonyms.Parse(build.Text("synoniemen")),
            Situaties.Parse(build.Text("situaties")),
            Talen.Parse(build.Text("talen")),
            Woordenlijst.FromBytes(Codec.Plain.Decompress(build.Meta["woordenlijst"])));
        var count = build.BaseCount;
        IEnumerable<byte[]> Chunks(string column)
        {
            for (var i = 0; build.Column(ColumnFormat.ChunkName(column, i)) is { } chunk; i++)
            {
                yield return chunk;
            }
        }

        var vocabulary = ReadWoorden(Chunks("woorden"));
        stage?.Invoke("vocabulary");

        // Per aanbod: what a hit shows, its length and places.
        var columns = Columns.Create(count + 64, int.Parse(build.Text("punten"), System.Globalization.CultureInfo.InvariantCulture) + 64);
        columns.Namen.Reserve(count + 64, count * 48);
        columns.Samenvattingen.Reserve(count + 64, count * 128);
        var ids = new Dictionary<string, int>(count, StringComparer.Ordinal);
        var nr = 0;
        foreach (var chunk in Chunks("docs"))
        {
            var docs = new ByteReader(ColumnFormat.Unpack(chunk));
            for (var n = docs.Int(); n > 0; n--, nr++)
            {
                // Straight into the columns: names and samenvattingen stay UTF-8, no strings made for them.
                var id = docs.String();
                columns.Ids[nr] = id;
                columns.Namen.SetUtf8(nr, docs.Bytes());
                columns.Samenvattingen.SetUtf8(nr, docs.Bytes());
                columns.Aanbieders[nr] = columns.Intern(docs.String());
                var plaats = docs.String();
                var flags = docs.Int();
                columns.Plaatsen[nr] = (flags & 4) != 0 ? columns.Intern(plaats) : null;
                columns.Flags[nr] = (byte)(((flags & 1) != 0 ? Columns.Bemoeizorg : 0) | ((flags & 2) != 0 ? Columns.Gratis : 0));
                columns.Lengtes[nr] = docs.Varint() / 2f;
                var p = columns.PuntStart[nr];
                for (var k = docs.Int(); k > 0; k--, p++)
                {
                    columns.SetPoint(p, new GeoPunt(docs.Double(), docs.Double()));
                }

                columns.PuntStart[nr + 1] = p;
                ids[id] = nr;
            }
        }

        if (nr != count)
        {
            throw new IndexNotFoundException($"De zoekindex {path} klopt niet. Bouw de index opnieuw.");
        }

        stage?.Invoke("docs");

        // Facet values as sets of aanbod, and each aanbod's levensdomeinen in its own order.
        var facets = new ByteReader(ColumnFormat.Unpack(Column("facetten")));
        var valueCounts = new int[Columns.StaticFacets.Length];
        var facetCount = facets.Int();
        for (var f = 0; f < facetCount; f++)
        {
            var facet = Array.IndexOf(Columns.StaticFacets, facets.String());
            var values = facets.Int();
            for (var v = 0; v < values; v++)
            {
                var value = facets.String();
                var id = columns.ValueId(facet, value, valueCounts[facet]);
                valueCounts[facet]++;
                var bits = columns.FacetBits[facet][id];
                var last = -1;
                for (var n = facets.Int(); n > 0; n--)
                {
                    last += facets.Int();
                    Bits.Set(bits, last);
                }
            }
        }

        var toegang = Array.IndexOf(Columns.StaticFacets, Facetten.Toegang);
        var loket = Array.IndexOf(columns.FacetValues[toegang], Facetten.AchterHetLoket);
        var lists = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (nr = 0; nr < count; nr++)
        {
            var list = new string[facets.Int()];
            for (var i = 0; i < list.Length; i++)
            {
                list[i] = facets.String();
            }

            var key = string.Join('\u0001', list);
            columns.Levensdomeinen[nr] = lists.TryGetValue(key, out var shared) ? shared : lists[key] = list;
            if (loket >= 0 && loket < valueCounts[toegang] && Bits.Get(columns.FacetBits[toegang][loket], nr))
            {
                columns.Flags[nr] |= Columns.AchterHetLoket;
            }
        }

        stage?.Invoke("facets");
        var metTijden = new List<int>();
        var byDays = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var chunk in Chunks("tijden"))
        {
            foreach (var row in JsonSerializer.Deserialize<ColumnFormat.TijdenRow[]>(ColumnFormat.Unpack(chunk), IndexFormat.Json) ?? [])
            {
                // The same few words ("WEEKLY", "TU", "Elke week") in tens of thousands of schedules: one string each.
                columns.Tijden[row.Nr] = row.Tijden.Select(t => t with
                {
                    Freq = t.Freq is null ? null : columns.Intern(t.Freq),
                    ByDay = byDays.TryGetValue(string.Join(',', t.ByDay), out var shared) ? shared : byDays[string.Join(',', t.ByDay)] = t.ByDay.Select(columns.Intern).ToArray(),
                    Description = t.Description is null ? null : columns.Intern(t.Description),
                }).ToArray();
                metTijden.Add(row.Nr);
            }
        }

        var order = new ByteReader(ColumnFormat.Unpack(Column("naamvolgorde")));
        var nameOrder = new int[order.Int()];
        var nameRank = new int[count];
        for (var i = 0; i < nameOrder.Length; i++)
        {
            nameOrder[i] = order.Int();
            nameRank[nameOrder[i]] = i;
        }

        stage?.Invoke("tijden, name order");
        var live = new ulong[Bits.Words(count)];
        for (nr = 0; nr < count; nr++)
        {
            Bits.Set(live, nr);
        }

        var postcodes = ColumnFormat.DecodePostcodes(Column("postcodes"));

        var perKey = ColumnFormat.DecodeSuggesties(Column("suggesties"));
        var suggesties = SuggestieLijst.Create(perKey.Values.Select(SuggestieLijst.Winner).OfType<Suggestie>(),
            () => ColumnFormat.DecodeSuggesties(Column("suggesties")));
        perKey.Clear();
        stage?.Invoke("suggestions, postcodes");

        return new Snapshot
        {
            Build = build,
            Seq = 0,
            Taxonomie = taxonomie,
            Kennis = kennis,
            Postcodes = postcodes,
            Vocabulary = vocabulary,
            Planner = new QueryPlanner(vocabulary, kennis),
            Highlighter = new Highlighter(vocabulary),
            Columns = columns,
            Count = count,
            FacetValueCount = valueCounts,
            Live = live,
            LiveCount = count,
            TotalLengthHalf = long.Parse(build.Text("lengte"), System.Globalization.CultureInfo.InvariantCulture),
            NameOrder = nameOrder,
            NameRank = nameRank,
            Suggesties = suggesties,
            BaseIds = ids,
            ChangedIds = new Dictionary<string, int>(StringComparer.Ordinal),
            DeltaPostings = new Dictionary<string, (int[], int[])>(StringComparer.Ordinal),
            DeltaDocs = [],
            MetTijden = metTijden.ToArray(),
            BaseHasDead = false,
            Postings = new PostingCache(),
        };
    }

    private static Vocabulary ReadWoorden(IEnumerable<byte[]> chunks)
    {
        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        return new Vocabulary(chunks.SelectMany(chunk =>
        {
            var r = new ByteReader(ColumnFormat.Unpack(chunk));
            var entries = new Vocabulary.Entry[r.Int()];
            for (var i = 0; i < entries.Length; i++)
            {
                var word = r.String();
                var stem = r.String();
                // Most words are their own stem, and many share one: one string each.
                stem = stem == word ? word : stems.TryGetValue(stem, out var shared) ? shared : stems[stem] = stem;
                entries[i] = new Vocabulary.Entry(word, stem, r.Int());
            }

            return entries;
        }));
    }
}

/// <summary>The postings of a term in a snapshot: the build's (from the file) and the updates', live aanbod only.</summary>
internal static class PostingReader
{
    public static PostingList Get(Snapshot s, string term)
    {
        if (s.Postings.TryGet(term, out var cached))
        {
            return cached;
        }

        var docs = new List<int>();
        var tf = new List<float>();
        if (s.Build.Postings(term) is { } blob)
        {
            var r = new ByteReader(blob);
            var n = r.Int();
            docs.Capacity = n;
            tf.Capacity = n;
            var deltas = new int[n];
            var last = -1;
            for (var k = 0; k < n; k++)
            {
                last += r.Int();
                deltas[k] = last;
            }

            for (var k = 0; k < n; k++)
            {
                var half = r.Int();
                if (!s.BaseHasDead || Bits.Get(s.Live, deltas[k]))
                {
                    docs.Add(deltas[k]);
                    tf.Add(half / 2f);
                }
            }
        }

        if (s.DeltaPostings.TryGetValue(term, out var delta))
        {
            for (var k = 0; k < delta.Docs.Length; k++)
            {
                if (s.IsLive(delta.Docs[k]))
                {
                    docs.Add(delta.Docs[k]);
                    tf.Add(delta.TfHalf[k] / 2f);
                }
            }
        }

        var list = docs.Count == 0 ? PostingList.Empty : new PostingList(docs.ToArray(), tf.ToArray());
        s.Postings.Add(term, list);
        return list;
    }
}
