using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// A search over one snapshot, on the calling thread: (1) the aanbod that match the words, with their BM25F score;
/// (2) filters and facet counts as operations on sets of aanbod; (3) the page, ordered by a bounded heap;
/// (4) the hits, highlighted.
/// </summary>
internal static class Searcher
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    /// <summary>Per thread, reused: arrays as long as the index (scores, sets), so a search allocates little.</summary>
    private sealed class Scratch
    {
        public float[] Total = [];
        public float[] Group = [];
        public float[] Coord = [];
        public ulong[] Candidates = [];
        public ulong[] GroupBits = [];
        public ulong[] Required = [];
        public ulong[] Any = [];
        public ulong[] Result = [];
        public ulong[] Counting = [];

        public void Ensure(int count)
        {
            if (Total.Length < count)
            {
                var size = count + count / 8 + 64;
                Total = new float[size];
                Group = new float[size];
                Coord = new float[size];
                var words = Bits.Words(size);
                Candidates = new ulong[words];
                GroupBits = new ulong[words];
                Required = new ulong[words];
                Any = new ulong[words];
                Result = new ulong[words];
                Counting = new ulong[words];
            }
        }
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>When set (by the benchmark's profile), the time of each stage of each search on this thread is added to it.</summary>
    [ThreadStatic]
    internal static StageTimes? t_profile;

    internal sealed class StageTimes(Func<double> clock)
    {
        public static readonly string[] Names = ["plan", "match (postings + BM25F)", "filters + facet counts", "order (top k)", "hits + highlighting", "facet lists"];

        /// <summary>Milliseconds per stage (by <see cref="Clock"/>: the benchmark uses the thread's CPU time).</summary>
        public readonly double[] Ms = new double[Names.Length];
        public double Last;

        public Func<double> Clock { get; } = clock;

        public void Start() => Last = Clock();

        public void Mark(int stage)
        {
            var now = Clock();
            Ms[stage] += now - Last;
            Last = now;
        }
    }

    public static SearchResults Search(Snapshot s, SearchQuery query, DateTime lokaal)
    {
        var profile = t_profile;
        profile?.Start();

        var scratch = t_scratch ??= new Scratch();
        scratch.Ensure(s.Count);
        var words = Bits.Words(s.Count);
        var plan = s.Planner.Plan(query.Tekst ?? "");
        profile?.Mark(0);
        var tekstGegeven = !string.IsNullOrWhiteSpace(query.Tekst);

        // 1. Which aanbod match the words, with their score (see QueryPlan for the rules every engine follows).
        var candidates = scratch.Candidates.AsSpan(0, words);
        var verbreed = false;
        string? bedoeldeU = null;
        if (tekstGegeven)
        {
            var any = !plan.IsEmpty && Match(s, plan, scratch, out verbreed);
            if (!any && plan.HeeftTerugval && s.Planner.PlanTerugval(query.Tekst!) is { IsEmpty: false } terugval
                && Match(s, terugval, scratch, out verbreed))
            {
                // Nothing with the words as typed; the nearest words of the index (offered as "bedoelde u") or the
                // concept of a word that is Dutch too but no aanbod has do find aanbod.
                plan = terugval;
                any = true;
            }

            if (!any)
            {
                candidates.Clear();
                verbreed = false;
            }

            // "Bedoelde u" only when the corrected words found something.
            bedoeldeU = any ? plan.BedoeldeU : null;
        }
        else
        {
            s.Live.AsSpan(0, words).CopyTo(candidates);
        }

        profile?.Mark(1);

        // 2. Filters and facet counts. A facet's counts ignore that facet's own selection, so an inwoner
        //    sees what choosing another value would give (Elasticsearch: post_filter + filtered aggregations).
        var view = s.Facets;
        var facetCount = Facetten.Alle.Count;
        var wanneerFacet = Columns.StaticFacets.Length;
        var wanneer = s.Wanneer(lokaal);
        var origin = s.Postcodes.TryGetValue(Content.Postcodes.Pc4(query.Postcode) ?? "", out var o) ? o : (GeoPunt?)null;
        var (ox, oy, oz) = origin is { } op ? Columns.UnitVector(op) : (0, 0, 0);

        // The radius is a filter on everything, counts included; aanbod without a place (online, aan huis) stay in.
        if (origin is not null && query.StraalKm is { } straal)
        {
            var half = straal / (2 * 6371.0088);
            var max = half >= Math.PI / 2 ? double.PositiveInfinity : Math.Pow(2 * Math.Sin(half), 2);
            ForEach(candidates, d =>
            {
                if (s.Columns.HasPoints(d) && s.Columns.NearestChord2(d, ox, oy, oz, out _) > max)
                {
                    Bits.Clear(scratch.Candidates, d);
                }
            });
        }

        // Per facet with a selection: the aanbod with one of the chosen values.
        var masks = new ulong[]?[facetCount];
        for (var f = 0; f < facetCount; f++)
        {
            var chosen = query.Waarden(Facetten.Alle[f]);
            if (chosen.Count == 0)
            {
                continue;
            }

            var mask = new ulong[words];
            if (f == wanneerFacet)
            {
                if (chosen.Contains(Facetten.OpenNu))
                {
                    Bits.Or(mask, wanneer.OpenNu);
                }

                if (chosen.Contains(Facetten.DezeWeek))
                {
                    Bits.Or(mask, wanneer.DezeWeek);
                }
            }
            else
            {
                var names = s.Columns.FacetValues[f];
                for (var v = 0; v < s.FacetValueCount[f]; v++)
                {
                    if (chosen.Contains(names[v]))
                    {
                        Bits.Or(mask, s.Columns.FacetBits[f][v].AsSpan(0, words));
                    }
                }
            }

            masks[f] = mask;
        }

        var result = scratch.Result.AsSpan(0, words);
        candidates.CopyTo(result);
        foreach (var mask in masks)
        {
            if (mask is not null)
            {
                Bits.And(result, mask);
            }
        }

        var counts = new int[facetCount][];
        var counting = scratch.Counting.AsSpan(0, words);
        for (var f = 0; f < facetCount; f++)
        {
            // Without a selection of its own a facet counts the results; with one, the candidates that pass the other facets.
            ReadOnlySpan<ulong> over = result;
            if (masks[f] is not null)
            {
                candidates.CopyTo(counting);
                for (var g = 0; g < facetCount; g++)
                {
                    if (g != f && masks[g] is { } other)
                    {
                        Bits.And(counting, other);
                    }
                }

                over = counting;
            }

            if (f == wanneerFacet)
            {
                counts[f] = [Bits.CountAnd(over, wanneer.OpenNu), Bits.CountAnd(over, wanneer.DezeWeek)];
                continue;
            }

            counts[f] = new int[s.FacetValueCount[f]];
            foreach (var v in view.Facets[f].Ids)
            {
                counts[f][v] = Bits.CountAnd(over, s.Columns.FacetBits[f][v].AsSpan(0, words));
            }
        }

        var totaal = Bits.Count(result);
        profile?.Mark(2);

        // 3. Order and page: only the aanbod up to the requested page are ordered (a bounded heap).
        var perPagina = Math.Clamp(query.PerPagina, 1, SearchQuery.MaxPerPagina);
        var pagina = Math.Clamp(query.Pagina, 1, 100_000);
        var sortering = query.Sortering switch
        {
            Sortering.Afstand when origin is not null => Sortering.Afstand,
            Sortering.Relevantie or Sortering.Afstand when tekstGegeven => Sortering.Relevantie,
            _ => Sortering.Naam,
        };
        var skip = (long)(pagina - 1) * perPagina;
        var page = skip >= totaal ? [] : Top(s, scratch, result, (int)Math.Min(totaal, skip + perPagina), sortering, tekstGegeven && sortering != Sortering.Naam, ox, oy, oz);

        profile?.Mark(3);

        // 4. The hits: from memory; the body text is read (compressed plain text) only for a snippet.
        var hits = new List<Hit>(perPagina);
        for (var i = (int)Math.Min(skip, page.Length); i < page.Length; i++)
        {
            var d = page[i].Doc;
            var c = s.Columns;
            double? afstand = null;
            if (origin is { } from && c.HasPoints(d))
            {
                c.NearestChord2(d, ox, oy, oz, out var nearest);
                afstand = Math.Round(new GeoPunt(c.Lat[nearest], c.Lon[nearest]).AfstandKm(from), 1);
            }

            var samenvatting = c.Samenvattingen[d];
            hits.Add(new Hit
            {
                Id = c.Ids[d],
                Naam = c.Namen[d],
                Samenvatting = samenvatting,
                Markering = s.Highlighter.Mark(samenvatting, () => Documents.BodyTekst(s, d), plan.Stems),
                Toegang = (c.Flags[d] & Columns.AchterHetLoket) != 0 ? Content.Toegang.AchterHetLoket : Content.Toegang.AlgemeenToegankelijk,
                Bemoeizorg = (c.Flags[d] & Columns.Bemoeizorg) != 0,
                Aanbieder = c.Aanbieders[d],
                Levensdomeinen = c.Levensdomeinen[d],
                Gratis = (c.Flags[d] & Columns.Gratis) != 0,
                Score = tekstGegeven ? Math.Round(scratch.Total[d], 4) : 0,
                AfstandKm = afstand,
                Plaats = c.Plaatsen[d],
            });
        }

        profile?.Mark(4);
        var facetten = new List<Facet>(facetCount);
        for (var f = 0; f < facetCount; f++)
        {
            var name = Facetten.Alle[f];
            var chosen = query.Waarden(name);
            var (ids, values, labels, rank, fixedOrder) = view.Facets[f];
            var fCounts = counts[f];
            var order = Enumerable.Range(0, ids.Length).ToArray();
            Array.Sort(order, (x, y) => fixedOrder || fCounts[ids[x]] == fCounts[ids[y]] ? rank[x].CompareTo(rank[y]) : fCounts[ids[y]].CompareTo(fCounts[ids[x]]));
            facetten.Add(new Facet(name, order.Select(i => new FacetWaarde(values[i], labels[i], fCounts[ids[i]], chosen.Contains(values[i]))).ToList()));
        }

        profile?.Mark(5);
        return new SearchResults
        {
            Query = query,
            Totaal = totaal,
            Hits = hits,
            Facetten = facetten,
            BedoeldeU = bedoeldeU,
            Verbreed = verbreed,
            NietGevonden = plan.NietGevonden,
            GeenZoekwoord = tekstGegeven && plan.GeenZoekwoord,
            Crisis = plan.Crisis,
            Taal = plan.Taal,
            PostcodeBekend = string.IsNullOrWhiteSpace(query.Postcode) || origin is not null,
        };
    }

    /// <summary>
    /// The aanbod that match the plan go into the candidates, their score into Total (see <see cref="QueryPlan"/>): per
    /// group the best alternative or phrase (BM25F) × the group's weight, summed over groups. Every required group must
    /// match; when no aanbod matches them all and there are enough of them, one of them (<paramref name="verbreed"/>); without required groups, any
    /// group. Broadened, a score is multiplied by the share of the groups' weight the aanbod matches; in a levensdomein
    /// of the plan by <see cref="QueryPlan.LevensdomeinFactor"/>. False when nothing matched.
    /// </summary>
    private static bool Match(Snapshot s, QueryPlan plan, Scratch scratch, out bool verbreed)
    {
        var words = Bits.Words(s.Count);
        var candidates = scratch.Candidates.AsSpan(0, words);
        var groupBits = scratch.GroupBits.AsSpan(0, words);
        var required = scratch.Required.AsSpan(0, words);
        var anyRequired = scratch.Counting.AsSpan(0, words);
        var any = scratch.Any.AsSpan(0, words);
        var total = scratch.Total;
        var group = scratch.Group;
        var coord = scratch.Coord;
        Array.Clear(total, 0, s.Count);
        Array.Clear(coord, 0, s.Count);
        required.Clear();
        anyRequired.Clear();
        any.Clear();
        var requiredCount = 0;
        var totalWeight = 0.0;
        foreach (var g in plan.Groups)
        {
            groupBits.Clear();
            foreach (var alternative in g.Alternatives)
            {
                var lists = new PostingList[alternative.Count];
                var complete = true;
                for (var k = 0; k < lists.Length && complete; k++)
                {
                    lists[k] = PostingReader.Get(s, alternative[k]);
                    complete = lists[k].Df > 0;
                }

                if (complete)
                {
                    Score(s, lists, group, scratch.GroupBits);
                }
            }

            foreach (var frase in g.Frasen)
            {
                // The index has a term for every place a rule's phrase occurs (Frasen.Term).
                var list = PostingReader.Get(s, Frasen.Term(frase));
                if (list.Df > 0)
                {
                    Score(s, [list], group, scratch.GroupBits);
                }
            }

            // The group's best per aanbod into the total; the group array is back to zero for the next group.
            var weight = (float)g.Gewicht;
            for (var w = 0; w < groupBits.Length; w++)
            {
                var word = groupBits[w];
                while (word != 0)
                {
                    var d = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                    total[d] += group[d] * weight;
                    coord[d] += weight;
                    group[d] = 0;
                    word &= word - 1;
                }
            }

            totalWeight += g.Gewicht;
            Bits.Or(any, groupBits);
            if (g.Verplicht)
            {
                if (requiredCount++ == 0)
                {
                    groupBits.CopyTo(required);
                }
                else
                {
                    Bits.And(required, groupBits);
                }

                Bits.Or(anyRequired, groupBits);
            }
        }

        verbreed = false;
        var coordinate = false;
        if (requiredCount > 0)
        {
            required.CopyTo(candidates);
            if (requiredCount >= QueryPlan.VerbredenVanaf && Bits.Count(candidates) == 0)
            {
                anyRequired.CopyTo(candidates);
                verbreed = coordinate = true;
            }
        }
        else
        {
            any.CopyTo(candidates);
            coordinate = plan.Groups.Count > 1;
        }

        if (Bits.Count(candidates) == 0)
        {
            return false;
        }

        var boost = Levensdomeinen(s, plan);
        for (var w = 0; w < candidates.Length; w++)
        {
            var word = candidates[w];
            while (word != 0)
            {
                var d = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                if (coordinate)
                {
                    total[d] *= (float)(coord[d] / totalWeight);
                }

                if (boost is not null && Bits.Get(boost, d))
                {
                    total[d] *= (float)QueryPlan.LevensdomeinFactor;
                }

                word &= word - 1;
            }
        }

        return true;
    }

    /// <summary>The aanbod in one of the plan's levensdomeinen, or null when the plan names none.</summary>
    private static ulong[]? Levensdomeinen(Snapshot s, QueryPlan plan)
    {
        if (plan.Levensdomeinen.Count == 0)
        {
            return null;
        }

        var f = Array.IndexOf(Columns.StaticFacets, Facetten.Levensdomein);
        var names = s.Columns.FacetValues[f];
        var mask = new ulong[Bits.Words(s.Count)];
        for (var v = 0; v < s.FacetValueCount[f]; v++)
        {
            if (plan.Levensdomeinen.Contains(names[v]))
            {
                Bits.Or(mask, s.Columns.FacetBits[f][v].AsSpan(0, mask.Length));
            }
        }

        return mask;
    }

    /// <summary>Adds an alternative (all of its stems must be there) to the group's best score per aanbod.</summary>
    private static void Score(Snapshot s, PostingList[] lists, float[] group, ulong[] groupBits)
    {
        var n = s.LiveCount;
        var idf = new float[lists.Length];
        var shortest = 0;
        for (var k = 0; k < lists.Length; k++)
        {
            idf[k] = (float)Math.Log(1 + (n - lists[k].Df + 0.5) / (lists[k].Df + 0.5));
            if (lists[k].Df < lists[shortest].Df)
            {
                shortest = k;
            }
        }

        var lengtes = s.Columns.Lengtes;
        var average = s.GemiddeldeLengte;
        var cursors = new int[lists.Length];
        var docs = lists[shortest].Docs;
        for (var p = 0; p < docs.Length; p++)
        {
            var d = docs[p];
            var score = 0f;
            var norm = K1 * (1 - B + B * lengtes[d] / average);
            for (var k = 0; k < lists.Length; k++)
            {
                var list = lists[k];
                int at;
                if (k == shortest)
                {
                    at = p;
                }
                else
                {
                    at = Seek(list.Docs, cursors[k], d);
                    cursors[k] = at;
                    if (at >= list.Docs.Length || list.Docs[at] != d)
                    {
                        score = -1;
                        break;
                    }
                }

                var tf = list.Tf[at];
                score += idf[k] * tf * (K1 + 1) / (tf + norm);
            }

            if (score > 0 && score > group[d])
            {
                if (group[d] == 0)
                {
                    Bits.Set(groupBits, d);
                }

                group[d] = score;
            }
        }
    }

    /// <summary>The first position at or after <paramref name="from"/> whose number is at least <paramref name="d"/> (galloping search).</summary>
    private static int Seek(int[] docs, int from, int d)
    {
        var step = 1;
        var hi = from;
        while (hi < docs.Length && docs[hi] < d)
        {
            from = hi + 1;
            hi += step;
            step <<= 1;
        }

        var lo = from;
        hi = Math.Min(hi, docs.Length - 1);
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (docs[mid] < d)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private readonly record struct Ranked(int Doc, double Primary, float Score, int Rank);

    private static int Compare(in Ranked x, in Ranked y) =>
        x.Primary != y.Primary ? x.Primary.CompareTo(y.Primary) : x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Rank.CompareTo(y.Rank);

    /// <summary>The best <paramref name="k"/> of the results, in order.</summary>
    private static Ranked[] Top(Snapshot s, Scratch scratch, ReadOnlySpan<ulong> result, int k, Sortering sortering, bool scored, double ox, double oy, double oz)
    {
        if (k <= 0)
        {
            return [];
        }

        var rank = s.NameRank;
        if (sortering == Sortering.Naam && (long)Bits.Count(result) * 16 >= s.LiveCount)
        {
            // Walk the name order and take the first k results: no heap needed.
            var top = new Ranked[k];
            var n = 0;
            foreach (var d in s.NameOrder)
            {
                if (Bits.Get(scratch.Result, d))
                {
                    top[n++] = new Ranked(d, 0, 0, rank[d]);
                    if (n == k)
                    {
                        break;
                    }
                }
            }

            return n == k ? top : top[..n];
        }

        // A max-heap of the k best so far, its worst on top.
        var heap = new Ranked[k];
        var size = 0;
        var total = scratch.Total;
        for (var w = 0; w < result.Length; w++)
        {
            var word = result[w];
            while (word != 0)
            {
                var d = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                var primary = sortering == Sortering.Afstand ? s.Columns.NearestChord2(d, ox, oy, oz, out _) : 0;
                var item = new Ranked(d, primary, scored ? total[d] : 0, rank[d]);
                if (size < k)
                {
                    heap[size] = item;
                    SiftUp(heap, size++);
                }
                else if (Compare(item, heap[0]) < 0)
                {
                    heap[0] = item;
                    SiftDown(heap, size);
                }
            }
        }

        var sorted = heap[..size];
        Array.Sort(sorted, (x, y) => Compare(x, y));
        return sorted;
    }

    private static void SiftUp(Ranked[] heap, int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (Compare(heap[i], heap[parent]) <= 0)
            {
                return;
            }

            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    private static void SiftDown(Ranked[] heap, int size)
    {
        var i = 0;
        while (true)
        {
            var worst = i;
            var l = 2 * i + 1;
            var r = l + 1;
            if (l < size && Compare(heap[l], heap[worst]) > 0)
            {
                worst = l;
            }

            if (r < size && Compare(heap[r], heap[worst]) > 0)
            {
                worst = r;
            }

            if (worst == i)
            {
                return;
            }

            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }

    private static void ForEach(ReadOnlySpan<ulong> bits, Action<int> visit)
    {
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                visit((w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word));
                word &= word - 1;
            }
        }
    }
}
