using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// What a reader keeps in memory per aanbod number, column by column: what a hit shows, the BM25 length, the places
/// (as unit vectors, for distances), the schedules, and per facet value the set of aanbod that have it.
/// Append-only: an update writes new aanbod after the last number a snapshot sees, so older snapshots that share these
/// arrays are not disturbed; when an array is full a copy with room is made for the new snapshot.
/// </summary>
internal sealed class Columns
{
    public const byte Bemoeizorg = 1;
    public const byte Gratis = 2;
    public const byte AchterHetLoket = 4;

    /// <summary>The static facets (all but wanneer), in <see cref="Facetten.Alle"/> order.</summary>
    public static readonly string[] StaticFacets = Facetten.Alle.Where(f => f != Facetten.Wanneer).ToArray();

    public int Capacity { get; private set; }
    public string[] Ids = [];

    // Names and samenvattingen are read only for the hits of a page: kept as UTF-8, half the memory of strings.
    public Utf8Column Namen = new();
    public Utf8Column Samenvattingen = new();
    public string[] Aanbieders = [];
    public string?[] Plaatsen = [];
    public string[][] Levensdomeinen = [];
    public byte[] Flags = [];
    public float[] Lengtes = [];
    public Tijden[]?[] Tijden = [];

    /// <summary>Aanbod d has the points PuntStart[d] to PuntStart[d + 1] - 1.</summary>
    public int[] PuntStart = [0];
    public double[] Lat = [];
    public double[] Lon = [];
    public double[] X = [];
    public double[] Y = [];
    public double[] Z = [];

    /// <summary>Per static facet: the value names and, per value, the aanbod that have it (bits by aanbod number).</summary>
    public string[][] FacetValues = [];
    public ulong[][][] FacetBits = [];

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _lists = new(StringComparer.Ordinal);

    public static Columns Create(int capacity, int points)
    {
        var c = new Columns();
        c.Grow(Math.Max(capacity, 16), Math.Max(points, 16));
        c.FacetValues = StaticFacets.Select(_ => Array.Empty<string>()).ToArray();
        c.FacetBits = StaticFacets.Select(_ => Array.Empty<ulong[]>()).ToArray();
        return c;
    }

    /// <summary>These columns, or a copy with more room, able to take aanbod numbers up to <paramref name="count"/> and that many points.</summary>
    public Columns Reserve(int count, int points)
    {
        if (count <= Capacity && points <= Lat.Length)
        {
            return this;
        }

        var copy = (Columns)MemberwiseClone();
        copy.Grow(count <= Capacity ? Capacity : Math.Max(count, Capacity + Capacity / 4 + 1024),
            points <= Lat.Length ? Lat.Length : Math.Max(points, Lat.Length + Lat.Length / 4 + 1024));
        return copy;
    }

    private void Grow(int capacity, int points)
    {
        if (capacity != Capacity)
        {
            Array.Resize(ref Ids, capacity);
            Array.Resize(ref Aanbieders, capacity);
            Array.Resize(ref Plaatsen, capacity);
            Array.Resize(ref Levensdomeinen, capacity);
            Array.Resize(ref Flags, capacity);
            Array.Resize(ref Lengtes, capacity);
            Array.Resize(ref Tijden, capacity);
            Array.Resize(ref PuntStart, capacity + 1);
            var words = Bits.Words(capacity);
            FacetBits = FacetBits.Select(values => values.Select(bits =>
            {
                var grown = new ulong[words];
                bits.AsSpan(0, Math.Min(bits.Length, words)).CopyTo(grown);
                return grown;
            }).ToArray()).ToArray();
            Capacity = capacity;
        }

        if (points != Lat.Length)
        {
            Array.Resize(ref Lat, points);
            Array.Resize(ref Lon, points);
            Array.Resize(ref X, points);
            Array.Resize(ref Y, points);
            Array.Resize(ref Z, points);
        }
    }

    /// <summary>The value id of a facet value, adding it (to a copy of the value arrays) when it is new.</summary>
    public int ValueId(int facet, string value, int knownValues)
    {
        var names = FacetValues[facet];
        for (var v = 0; v < knownValues; v++)
        {
            if (names[v] == value)
            {
                return v;
            }
        }

        // A new value: older snapshots keep their own (shorter) arrays.
        FacetValues = (string[][])FacetValues.Clone();
        FacetBits = (ulong[][][])FacetBits.Clone();
        FacetValues[facet] = [.. names.AsSpan(0, knownValues), value];
        FacetBits[facet] = [.. FacetBits[facet].AsSpan(0, knownValues), new ulong[Bits.Words(Capacity)]];
        return knownValues;
    }

    /// <summary>
    /// Writes aanbod <paramref name="nr"/> (the next number after every snapshot's last). <paramref name="valueCounts"/> holds the
    /// number of values per facet and grows with new ones.
    /// </summary>
    public void Set(int nr, Kenmerken k, float lengte, int[] valueCounts)
    {
        Ids[nr] = k.Id;
        Namen.Set(nr, k.Naam);
        Samenvattingen.Set(nr, k.Samenvatting);
        Aanbieders[nr] = Intern(k.Aanbieder);
        Plaatsen[nr] = k.Plaats is null ? null : Intern(k.Plaats);
        Levensdomeinen[nr] = InternList(k.Levensdomeinen);
        Flags[nr] = (byte)((k.Bemoeizorg ? Bemoeizorg : 0) | (k.Gratis ? Gratis : 0)
            | (k.Facetten.GetValueOrDefault(Facetten.Toegang)?.Contains(Facetten.AchterHetLoket) == true ? AchterHetLoket : 0));
        Lengtes[nr] = lengte;
        Tijden[nr] = k.Tijden.Length == 0 ? null : k.Tijden;
        var p = PuntStart[nr];
        foreach (var punt in k.Punten)
        {
            SetPoint(p++, punt);
        }

        PuntStart[nr + 1] = p;
        for (var f = 0; f < StaticFacets.Length; f++)
        {
            // A number may have been half-written by an update that failed: clear it in every value first.
            for (var v = 0; v < valueCounts[f]; v++)
            {
                Bits.Clear(FacetBits[f][v], nr);
            }

            foreach (var value in k.Facetten.GetValueOrDefault(StaticFacets[f]) ?? [])
            {
                var id = ValueId(f, value, valueCounts[f]);
                if (id == valueCounts[f])
                {
                    valueCounts[f]++;
                }

                Bits.Set(FacetBits[f][id], nr);
            }
        }
    }

    public void SetPoint(int p, GeoPunt punt)
    {
        Lat[p] = punt.Lat;
        Lon[p] = punt.Lon;
        (X[p], Y[p], Z[p]) = UnitVector(punt);
    }

    public static (double X, double Y, double Z) UnitVector(GeoPunt p)
    {
        var lat = double.DegreesToRadians(p.Lat);
        var lon = double.DegreesToRadians(p.Lon);
        return (Math.Cos(lat) * Math.Cos(lon), Math.Cos(lat) * Math.Sin(lon), Math.Sin(lat));
    }

    /// <summary>The nearest point of aanbod d as the squared chord to the origin (monotonic in the great-circle distance), or +∞ without points.</summary>
    public double NearestChord2(int d, double ox, double oy, double oz, out int nearest)
    {
        var best = double.PositiveInfinity;
        nearest = -1;
        for (var p = PuntStart[d]; p < PuntStart[d + 1]; p++)
        {
            var dx = X[p] - ox;
            var dy = Y[p] - oy;
            var dz = Z[p] - oz;
            var c2 = dx * dx + dy * dy + dz * dz;
            if (c2 < best)
            {
                best = c2;
                nearest = p;
            }
        }

        return best;
    }

    public bool HasPoints(int d) => PuntStart[d + 1] > PuntStart[d];

    // Few distinct aanbieders, places and levensdomein lists: one string or array each.
    public string Intern(string s)
    {
        lock (_strings)
        {
            if (!_strings.TryGetValue(s, out var shared))
            {
                _strings[s] = shared = s;
            }

            return shared;
        }
    }

    private string[] InternList(string[] list)
    {
        var key = string.Join('\u0001', list);
        lock (_lists)
        {
            if (!_lists.TryGetValue(key, out var shared))
            {
                _lists[key] = shared = list;
            }

            return shared;
        }
    }
}

/// <summary>
/// Strings by aanbod number as UTF-8 in one array. Append-only like <see cref="Columns"/>: a value is written at the
/// next number after every snapshot's last, so readers of older snapshots never see a changing value.
/// </summary>
internal sealed class Utf8Column
{
    private byte[] _data = new byte[1024];
    private int[] _start = new int[17];

    public string this[int nr] => System.Text.Encoding.UTF8.GetString(_data, _start[nr], _start[nr + 1] - _start[nr]);

    /// <summary>Room for this many values of about this many bytes in all (a reader opening a build knows roughly).</summary>
    public void Reserve(int count, int bytes)
    {
        if (_start.Length < count + 1)
        {
            Array.Resize(ref _start, count + 1);
        }

        if (_data.Length < bytes)
        {
            Array.Resize(ref _data, bytes);
        }
    }

    public void Set(int nr, string value) => SetUtf8(nr, System.Text.Encoding.UTF8.GetBytes(value));

    public void SetUtf8(int nr, ReadOnlySpan<byte> value)
    {
        if (nr + 2 > _start.Length)
        {
            var start = new int[Math.Max(nr + 2, _start.Length * 3 / 2)];
            _start.AsSpan().CopyTo(start);
            _start = start;
        }

        var at = _start[nr];
        if (at + value.Length > _data.Length)
        {
            var data = new byte[Math.Max(at + value.Length, _data.Length * 3 / 2)];
            _data.AsSpan(0, at).CopyTo(data);
            _data = data;
        }

        value.CopyTo(_data.AsSpan(at));
        _start[nr + 1] = at + value.Length;
    }
}
