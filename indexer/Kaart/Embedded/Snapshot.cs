using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// One immutable state of the index as searches see it: a build and the updates applied to it up to <see cref="Seq"/>.
/// Aanbod are numbered: those of the build first, then those that updates added; a deleted or replaced aanbod keeps its
/// number but leaves <see cref="Live"/>. Everything ranking depends on (the number of aanbod, document frequencies,
/// lengths, the vocabulary) is counted over the live aanbod only, so a snapshot answers as a rebuild of its aanbod would.
/// </summary>
internal sealed class Snapshot
{
    public required BuildFile Build { get; init; }
    public required long Seq { get; init; }
    public required Taxonomie Taxonomie { get; init; }
    public required SearchKnowledge Kennis { get; init; }
    public required Dictionary<string, GeoPunt> Postcodes { get; init; }
    public required Vocabulary Vocabulary { get; init; }
    public required QueryPlanner Planner { get; init; }
    public required Highlighter Highlighter { get; init; }

    public required Columns Columns { get; init; }

    /// <summary>Aanbod numbers 0 to Count - 1 exist in this snapshot (live or not).</summary>
    public required int Count { get; init; }

    /// <summary>Per static facet: how many values the columns know in this snapshot.</summary>
    public required int[] FacetValueCount { get; init; }

    public required ulong[] Live { get; init; }
    public required int LiveCount { get; init; }

    /// <summary>The sum of the weighted lengths of the live aanbod, in half units (exact, whatever the order of updates).</summary>
    public required long TotalLengthHalf { get; init; }

    /// <summary>The live aanbod in Dutch alphabetical order of name (ties by id), and each number's place in it.</summary>
    public required int[] NameOrder { get; init; }
    public required int[] NameRank { get; init; }

    public required SuggestieLijst Suggesties { get; init; }

    /// <summary>Aanbod id → number (the build's, and those changed by updates: -1 when deleted).</summary>
    public required Dictionary<string, int> BaseIds { get; init; }
    public required Dictionary<string, int> ChangedIds { get; init; }

    /// <summary>The postings of aanbod added by updates (the build's are in the file), per term.</summary>
    public required Dictionary<string, (int[] Docs, int[] TfHalf)> DeltaPostings { get; init; }

    /// <summary>The stored documents of aanbod added by updates.</summary>
    public required Dictionary<int, StoredDocument> DeltaDocs { get; init; }

    /// <summary>The aanbod numbers with schedules (for "open nu" and "deze week").</summary>
    public required int[] MetTijden { get; init; }

    /// <summary>True when updates deleted or replaced aanbod of the build: its postings must then be filtered on <see cref="Live"/>.</summary>
    public required bool BaseHasDead { get; init; }

    public required PostingCache Postings { get; init; }

    public float GemiddeldeLengte => LiveCount == 0 ? 1 : Math.Max(1f, (float)(TotalLengthHalf / 2.0 / LiveCount));

    public int? Nummer(string id) =>
        ChangedIds.TryGetValue(id, out var changed) ? (changed < 0 ? null : changed) : BaseIds.TryGetValue(id, out var nr) ? nr : null;

    public bool IsLive(int nr) => nr < Count && Bits.Get(Live, nr);

    // ---- derived per snapshot, computed on first use ------------------------------------------------------------------

    private FacetView? _facets;

    /// <summary>Per facet (wanneer last): the values present among the live aanbod, their labels, and their fixed or alphabetical rank.</summary>
    public FacetView Facets => _facets ??= FacetView.Create(this, null);

    public FacetView FacetsAfter(Snapshot previous) => _facets ??= FacetView.Create(this, previous._facets);

    private sealed record WanneerCache(long Minute, ulong[] OpenNu, ulong[] DezeWeek);

    private WanneerCache? _wanneer;

    /// <summary>The aanbod open at this local minute and those with an activity in the coming seven days.</summary>
    public (ulong[] OpenNu, ulong[] DezeWeek) Wanneer(DateTime lokaal)
    {
        var minute = lokaal.Ticks / TimeSpan.TicksPerMinute;
        if (Volatile.Read(ref _wanneer) is { } cached && cached.Minute == minute)
        {
            return (cached.OpenNu, cached.DezeWeek);
        }

        var today = DateOnly.FromDateTime(lokaal);
        var openNu = new ulong[Bits.Words(Count)];
        var dezeWeek = new ulong[Bits.Words(Count)];
        foreach (var d in MetTijden)
        {
            if (!IsLive(d))
            {
                continue;
            }

            var tijden = Columns.Tijden[d]!;
            if (tijden.Any(t => t.IsOpen(lokaal)))
            {
                Bits.Set(openNu, d);
            }

            if (tijden.InWeek(today))
            {
                Bits.Set(dezeWeek, d);
            }
        }

        Volatile.Write(ref _wanneer, new WanneerCache(minute, openNu, dezeWeek));
        return (openNu, dezeWeek);
    }
}

/// <summary>The stored form of an aanbod: its document and body text (compressed), and its internal fields.</summary>
internal sealed record StoredDocument(byte[] Doc, byte[] Tekst, byte[]? Intern);

/// <summary>The facet values a snapshot shows, with labels and order (culture-aware comparison is slow: done once per snapshot).</summary>
internal sealed class FacetView
{
    /// <summary>Per facet in <see cref="Facetten.Alle"/> order: value ids present (for wanneer: 0 open-nu, 1 deze-week), names, labels, rank, fixed order.</summary>
    public required (int[] Ids, string[] Names, string[] Labels, int[] Rank, bool FixedOrder)[] Facets { get; init; }

    public required int[][] LiveCounts { get; init; }

    public static FacetView Create(Snapshot s, FacetView? previous)
    {
        var facetCount = Columns.StaticFacets.Length;
        var liveCounts = new int[facetCount][];
        var result = new (int[], string[], string[], int[], bool)[facetCount + 1];
        for (var f = 0; f < facetCount; f++)
        {
            var n = s.FacetValueCount[f];
            liveCounts[f] = new int[n];
            for (var v = 0; v < n; v++)
            {
                liveCounts[f][v] = Bits.CountAnd(s.Columns.FacetBits[f][v], s.Live);
            }

            var present = Enumerable.Range(0, n).Where(v => liveCounts[f][v] > 0).ToArray();
            var names = s.Columns.FacetValues[f];
            if (previous is not null && previous.Facets[f].Ids.AsSpan().SequenceEqual(present))
            {
                result[f] = previous.Facets[f];
                continue;
            }

            result[f] = Order(Columns.StaticFacets[f], present, present.Select(v => names[v]).ToArray(), s.Taxonomie);
        }

        result[facetCount] = previous?.Facets[facetCount] ?? Order(Facetten.Wanneer, [0, 1], [Facetten.OpenNu, Facetten.DezeWeek], s.Taxonomie);
        return new FacetView { Facets = result, LiveCounts = liveCounts };
    }

    private static (int[], string[], string[], int[], bool) Order(string facet, int[] ids, string[] names, Taxonomie taxonomie)
    {
        var labels = names.Select(v => FacetWaarden.Label(facet, v, taxonomie)).ToArray();
        var fixedOrder = FacetWaarden.Volgorde(facet, taxonomie).ToList();
        var order = Enumerable.Range(0, names.Length)
            .OrderBy(i => fixedOrder.IndexOf(names[i]) is var at && at >= 0 ? at : int.MaxValue)
            .ThenBy(i => labels[i], ColumnFormat.NameComparer)
            .ToArray();
        var rank = new int[names.Length];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        return (ids, names, labels, rank, fixedOrder.Count > 0);
    }
}
