using System.Numerics;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Benchmarks.Peers;

/// <summary>
/// What a peer engine keeps in memory per document to do what our engine does after matching: filters, disjunctive
/// facet counts, distance, "open nu" and ordering. The same technique as our engine (per facet value the set of
/// documents as bits; points; a name rank), so the comparison measures matching and scoring, not a weaker facet code.
/// </summary>
internal sealed class PeerFacets
{
    public required int Count { get; init; }
    public required string[] Facets { get; init; }                 // Facetten.Alle without wanneer
    public required string[][] Values { get; init; }               // per facet: value names
    public required ulong[][][] ValueBits { get; init; }           // per facet, per value: documents
    public required int[] PointStart { get; init; }
    public required double[] Lat { get; init; }
    public required double[] Lon { get; init; }
    public required Tijden[]?[] Tijden { get; init; }
    public required int[] NameRank { get; init; }
    public required Dictionary<string, GeoPunt> Postcodes { get; init; }

    private (long Minute, ulong[] OpenNu, ulong[] DezeWeek)? _wanneer;
    private double[]? _distances;
    private ulong[]? _result;
    private ulong[]? _over;

    public static int Words(int count) => (count + 63) >> 6;

    public static PeerFacets Create(int count, IReadOnlyList<Dictionary<string, string[]>> facetValues, IReadOnlyList<GeoPunt[]> points,
        IReadOnlyList<Tijden[]> tijden, IReadOnlyList<string> names, IReadOnlyList<string> ids, Dictionary<string, GeoPunt> postcodes)
    {
        var facets = Facetten.Alle.Where(f => f != Facetten.Wanneer).ToArray();
        var values = new string[facets.Length][];
        var bits = new ulong[facets.Length][][];
        for (var f = 0; f < facets.Length; f++)
        {
            var ids2 = new Dictionary<string, int>(StringComparer.Ordinal);
            var sets = new List<ulong[]>();
            for (var d = 0; d < count; d++)
            {
                foreach (var v in facetValues[d].GetValueOrDefault(facets[f]) ?? [])
                {
                    if (!ids2.TryGetValue(v, out var id))
                    {
                        ids2[v] = id = sets.Count;
                        sets.Add(new ulong[Words(count)]);
                    }

                    sets[id][d >> 6] |= 1UL << d;
                }
            }

            values[f] = ids2.OrderBy(x => x.Value).Select(x => x.Key).ToArray();
            bits[f] = sets.ToArray();
        }

        var start = new int[count + 1];
        for (var d = 0; d < count; d++)
        {
            start[d + 1] = start[d] + points[d].Length;
        }

        var comparer = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);
        var order = Enumerable.Range(0, count).OrderBy(d => names[d], comparer).ThenBy(d => ids[d], StringComparer.Ordinal).ToArray();
        var rank = new int[count];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        return new PeerFacets
        {
            Count = count,
            Facets = facets,
            Values = values,
            ValueBits = bits,
            PointStart = start,
            Lat = points.SelectMany(p => p).Select(p => p.Lat).ToArray(),
            Lon = points.SelectMany(p => p).Select(p => p.Lon).ToArray(),
            Tijden = tijden.Select(t => t.Length == 0 ? null : t).ToArray(),
            NameRank = rank,
            Postcodes = postcodes,
        };
    }

    public (ulong[] OpenNu, ulong[] DezeWeek) Wanneer(DateTime lokaal)
    {
        var minute = lokaal.Ticks / TimeSpan.TicksPerMinute;
        if (_wanneer is { } w && w.Minute == minute)
        {
            return (w.OpenNu, w.DezeWeek);
        }

        var open = new ulong[Words(Count)];
        var week = new ulong[Words(Count)];
        var today = DateOnly.FromDateTime(lokaal);
        for (var d = 0; d < Count; d++)
        {
            if (Tijden[d] is { } t)
            {
                if (t.Any(x => x.IsOpen(lokaal)))
                {
                    open[d >> 6] |= 1UL << d;
                }

                if (t.InWeek(today))
                {
                    week[d >> 6] |= 1UL << d;
                }
            }
        }

        _wanneer = (minute, open, week);
        return (open, week);
    }

    /// <summary>Haversine to the nearest point (as our engine and Elasticsearch's arc distance), or null without points.</summary>
    public double? Distance(int d, GeoPunt origin)
    {
        double? best = null;
        for (var p = PointStart[d]; p < PointStart[d + 1]; p++)
        {
            var km = new GeoPunt(Lat[p], Lon[p]).AfstandKm(origin);
            if (best is null || km < best)
            {
                best = km;
            }
        }

        return best;
    }

    /// <summary>
    /// Filters, radius, disjunctive facet counts and the top of the page over the matched documents
    /// (<paramref name="candidates"/>, with <paramref name="scores"/> when words were given). Returns the total and the page.
    /// </summary>
    public (int Totaal, int[] Page, int[][] Counts) Finish(SearchQuery query, ulong[] candidates, float[]? scores, DateTime lokaal)
    {
        var words = candidates.Length;
        var origin = Kaart.Content.Postcodes.Pc4(query.Postcode) is { } pc4 && Postcodes.TryGetValue(pc4, out var o) ? o : (GeoPunt?)null;
        var distances = origin is null ? null : _distances ??= new double[Count];
        if (distances is not null)
        {
            Array.Fill(distances, double.NaN);
        }

        double? DistanceOf(int d)
        {
            if (double.IsNaN(distances![d]))
            {
                distances[d] = Distance(d, origin!.Value) ?? double.PositiveInfinity;
            }

            return double.IsPositiveInfinity(distances[d]) ? null : distances[d];
        }

        if (origin is not null && query.StraalKm is { } straal)
        {
            for (var w = 0; w < words; w++)
            {
                var word = candidates[w];
                while (word != 0)
                {
                    var d = (w << 6) + BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    if (DistanceOf(d) is { } km && km > straal)
                    {
                        candidates[w] &= ~(1UL << d);
                    }
                }
            }
        }

        var wanneer = Wanneer(lokaal);
        var all = Facetten.Alle;
        var masks = new ulong[]?[all.Count];
        for (var f = 0; f < all.Count; f++)
        {
            var chosen = query.Waarden(all[f]);
            if (chosen.Count == 0)
            {
                continue;
            }

            var mask = new ulong[words];
            if (all[f] == Facetten.Wanneer)
            {
                Or(mask, chosen.Contains(Facetten.OpenNu) ? wanneer.OpenNu : null);
                Or(mask, chosen.Contains(Facetten.DezeWeek) ? wanneer.DezeWeek : null);
            }
            else
            {
                for (var v = 0; v < Values[f].Length; v++)
                {
                    Or(mask, chosen.Contains(Values[f][v]) ? ValueBits[f][v] : null);
                }
            }

            masks[f] = mask;
        }

        var result = _result ??= new ulong[words];
        candidates.CopyTo(result, 0);
        foreach (var m in masks)
        {
            if (m is not null)
            {
                And(result, m);
            }
        }

        var counts = new int[all.Count][];
        for (var f = 0; f < all.Count; f++)
        {
            var over = result;
            if (masks[f] is not null)
            {
                over = _over ??= new ulong[words];
                candidates.CopyTo(over, 0);
                for (var g = 0; g < all.Count; g++)
                {
                    if (g != f && masks[g] is { } other)
                    {
                        And(over, other);
                    }
                }
            }

            counts[f] = all[f] == Facetten.Wanneer
                ? [CountAnd(over, wanneer.OpenNu), CountAnd(over, wanneer.DezeWeek)]
                : ValueBits[f].Select(b => CountAnd(over, b)).ToArray();
        }

        var totaal = result.Sum(w => BitOperations.PopCount(w));
        var k = (int)Math.Min(totaal, (long)Math.Clamp(query.Pagina, 1, 100_000) * Math.Clamp(query.PerPagina, 1, 100));
        var byDistance = query.Sortering == Sortering.Afstand && origin is not null;
        var byScore = scores is not null && !byDistance && query.Sortering != Sortering.Naam;
        var heap = new PriorityQueue<int, (double, float, int)>(k + 1, Comparer<(double, float, int)>.Create((x, y) =>
            x.Item1 != y.Item1 ? y.Item1.CompareTo(x.Item1) : x.Item2 != y.Item2 ? x.Item2.CompareTo(y.Item2) : y.Item3.CompareTo(x.Item3)));
        for (var w = 0; w < words && k > 0; w++)
        {
            var word = result[w];
            while (word != 0)
            {
                var d = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                var key = (byDistance ? DistanceOf(d) ?? double.MaxValue : 0, byScore || byDistance ? scores?[d] ?? 0 : 0, NameRank[d]);
                heap.Enqueue(d, key);
                if (heap.Count > k)
                {
                    heap.Dequeue();
                }
            }
        }

        var page = new int[heap.Count];
        for (var i = page.Length - 1; i >= 0; i--)
        {
            page[i] = heap.Dequeue();
        }

        var skip = (Math.Clamp(query.Pagina, 1, 100_000) - 1) * Math.Clamp(query.PerPagina, 1, 100);
        return (totaal, page.Skip(skip).ToArray(), counts);
    }

    private static void Or(ulong[] target, ulong[]? other)
    {
        if (other is null)
        {
            return;
        }

        for (var i = 0; i < target.Length; i++)
        {
            target[i] |= other[i];
        }
    }

    private static void And(ulong[] target, ulong[] other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] &= other[i];
        }
    }

    private static int CountAnd(ulong[] a, ulong[] b)
    {
        var n = 0;
        for (var i = 0; i < a.Length; i++)
        {
            n += BitOperations.PopCount(a[i] & b[i]);
        }

        return n;
    }
}
