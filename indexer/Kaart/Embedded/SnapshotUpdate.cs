using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// Applies one update to a snapshot and gives the next one; the old snapshot is not changed (searches on it go on).
/// Removals subtract exactly what the removed aanbod had added (live count, length, vocabulary, suggestions, postings),
/// additions add theirs, so the statistics equal those of a rebuild of the resulting aanbod.
/// </summary>
internal static class SnapshotUpdate
{
    /// <summary>When set (by the benchmark's profile), the time of each step of applying an update is added to it.</summary>
    internal static Dictionary<string, TimeSpan>? Profile { get; set; }

    private static void Mark(ref long last, string step)
    {
        if (Profile is { } profile)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            lock (profile)
            {
                profile[step] = profile.GetValueOrDefault(step) + System.Diagnostics.Stopwatch.GetElapsedTime(last, now);
            }

            last = now;
        }
    }

    public static Snapshot Apply(Snapshot s, IndexChange change, long seq)
    {
        var last = System.Diagnostics.Stopwatch.GetTimestamp();
        var changedIds = new Dictionary<string, int>(s.ChangedIds, StringComparer.Ordinal);
        var deltaDocs = new Dictionary<int, StoredDocument>(s.DeltaDocs);
        var newCount = s.Count + change.Added.Length;
        var live = new ulong[Bits.Words(newCount)];
        s.Live.AsSpan().CopyTo(live);
        var liveCount = s.LiveCount;
        var total = s.TotalLengthHalf;
        var baseHasDead = s.BaseHasDead;
        var words = new Dictionary<string, (string Stem, int Delta)>(StringComparer.Ordinal);
        var suggesties = new List<(SuggestieBijdrage, int)>();
        var removedPerTerm = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var removedNrs = new HashSet<int>();

        foreach (var r in change.Removed)
        {
            if (ResolveLive(s, changedIds, r.Id) is not { } nr)
            {
                throw new InvalidDataException($"Een wijziging haalt aanbod '{r.Id}' weg dat de zoekindex niet heeft.");
            }

            Bits.Clear(live, nr);
            removedNrs.Add(nr);
            liveCount--;
            total -= r.LengthHalf;
            baseHasDead |= nr < s.Build.BaseCount;
            changedIds[r.Id] = -1;
            deltaDocs.Remove(nr);
            for (var w = 0; w < r.Words.Length; w++)
            {
                words[r.Words[w]] = (r.Stems[w], words.GetValueOrDefault(r.Words[w]).Delta - 1);
            }

            suggesties.AddRange(r.Suggesties.Select(b => (b, -1)));
            foreach (var term in r.Terms)
            {
                if (!removedPerTerm.TryGetValue(term, out var set))
                {
                    removedPerTerm[term] = set = [];
                }

                set.Add(nr);
            }
        }

        Mark(ref last, "removals");
        var points = s.Columns.PuntStart[s.Count] + change.Added.Sum(a => a.Analysis.Kenmerken.Punten.Length);
        var columns = s.Columns.Reserve(newCount, points);
        var valueCounts = (int[])s.FacetValueCount.Clone();
        var deltaPostings = new Dictionary<string, (int[] Docs, int[] TfHalf)>(s.DeltaPostings, StringComparer.Ordinal);
        var addedPerTerm = new Dictionary<string, List<(int, float)>>(StringComparer.Ordinal);
        var metTijden = s.MetTijden.ToList();
        var nummer = s.Count;
        foreach (var added in change.Added)
        {
            var a = added.Analysis;
            if (ResolveLive(s, changedIds, a.Id) is not null)
            {
                throw new InvalidDataException($"Een wijziging voegt aanbod '{a.Id}' toe dat er al is.");
            }

            columns.Set(nummer, a.Kenmerken, a.LengthHalf / 2f, valueCounts);
            Bits.Set(live, nummer);
            liveCount++;
            total += a.LengthHalf;
            changedIds[a.Id] = nummer;
            deltaDocs[nummer] = new StoredDocument(added.Doc, added.Tekst, added.Intern);
            if (a.Kenmerken.Tijden.Length > 0)
            {
                metTijden.Add(nummer);
            }

            for (var w = 0; w < a.Words.Length; w++)
            {
                words[a.Words[w]] = (a.Stems[w], words.GetValueOrDefault(a.Words[w]).Delta + 1);
            }

            suggesties.AddRange(a.Suggesties.Select(b => (b, 1)));
            for (var t = 0; t < a.Terms.Length; t++)
            {
                var term = a.Terms[t];
                var (docs, tf) = deltaPostings.GetValueOrDefault(term, ([], []));
                deltaPostings[term] = ([.. docs, nummer], [.. tf, a.TfHalf[t]]);
                if (!addedPerTerm.TryGetValue(term, out var list))
                {
                    addedPerTerm[term] = list = [];
                }

                list.Add((nummer, a.TfHalf[t] / 2f));
            }

            nummer++;
        }

        Mark(ref last, "additions (columns, bits, postings)");

        // The name order: removed numbers out, added ones in at their place.
        var order = new List<int>(s.NameOrder.Length + change.Added.Length);
        foreach (var d in s.NameOrder)
        {
            if (removedNrs.Count == 0 || Bits.Get(live, d))
            {
                order.Add(d);
            }
        }

        var byName = Comparer<int>.Create((x, y) => ColumnFormat.CompareNames(columns.Namen[x], columns.Ids[x], columns.Namen[y], columns.Ids[y]));
        for (var d = s.Count; d < newCount; d++)
        {
            var at = order.BinarySearch(d, byName);
            order.Insert(at >= 0 ? at : ~at, d);
        }

        var nameRank = new int[newCount];
        for (var i = 0; i < order.Count; i++)
        {
            nameRank[order[i]] = i;
        }

        Mark(ref last, "name order");

        // Words that came or went change how compounds split; the others only change frequencies.
        var flipped = words.Where(w => w.Value.Delta != 0 && (s.Vocabulary.Df(w.Key) == 0) != (s.Vocabulary.Df(w.Key) + w.Value.Delta == 0))
            .Select(w => w.Key).ToList();
        var vocabulary = s.Vocabulary.With(words.Select(w => (w.Key, w.Value.Stem, w.Value.Delta)));
        Mark(ref last, "vocabulary");
        var highlighter = s.Highlighter.With(vocabulary, flipped);
        Mark(ref last, "highlighter");
        var suggestieLijst = s.Suggesties.With(suggesties);
        Mark(ref last, "suggestions");
        var postings = s.Postings.Patch(removedPerTerm, addedPerTerm);
        Mark(ref last, "posting cache");

        var next = new Snapshot
        {
            Build = s.Build,
            Seq = seq,
            Taxonomie = s.Taxonomie,
            Kennis = s.Kennis,
            Postcodes = s.Postcodes,
            Vocabulary = vocabulary,
            Planner = new QueryPlanner(vocabulary, s.Kennis),
            Highlighter = highlighter,
            Columns = columns,
            Count = newCount,
            FacetValueCount = valueCounts,
            Live = live,
            LiveCount = liveCount,
            TotalLengthHalf = total,
            NameOrder = order.ToArray(),
            NameRank = nameRank,
            Suggesties = suggestieLijst,
            BaseIds = s.BaseIds,
            ChangedIds = changedIds,
            DeltaPostings = deltaPostings,
            DeltaDocs = deltaDocs,
            MetTijden = metTijden.ToArray(),
            BaseHasDead = baseHasDead,
            Postings = postings,
        };
        _ = next.FacetsAfter(s);
        Mark(ref last, "facet view");
        return next;
    }

    private static int? ResolveLive(Snapshot s, Dictionary<string, int> changedIds, string id) =>
        changedIds.TryGetValue(id, out var nr) ? (nr < 0 ? null : nr) : s.BaseIds.TryGetValue(id, out var b) && Bits.Get(s.Live, b) ? b : null;
}
