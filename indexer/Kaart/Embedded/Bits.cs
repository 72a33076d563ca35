using System.Numerics;
using System.Runtime.CompilerServices;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// Sets of aanbod numbers as bits (64 aanbod per word). Filters and facet counts are ANDs and population counts
/// over these: at 100,000 aanbod one set is 1,563 words, so counting every facet value of a result costs about as
/// much as visiting a few thousand aanbod one by one.
/// </summary>
internal static class Bits
{
    public static int Words(int count) => (count + 63) >> 6;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Get(ulong[] bits, int i) => (bits[i >> 6] & (1UL << i)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(ulong[] bits, int i) => bits[i >> 6] |= 1UL << i;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Clear(ulong[] bits, int i) => bits[i >> 6] &= ~(1UL << i);

    public static int Count(ReadOnlySpan<ulong> bits)
    {
        var n = 0;
        foreach (var w in bits)
        {
            n += BitOperations.PopCount(w);
        }

        return n;
    }

    public static int CountAnd(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var n = 0;
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            n += BitOperations.PopCount(a[i] & b[i]);
        }

        return n;
    }

    public static void And(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var length = Math.Min(target.Length, other.Length);
        for (var i = 0; i < length; i++)
        {
            target[i] &= other[i];
        }

        target[length..].Clear();
    }

    public static void Or(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var length = Math.Min(target.Length, other.Length);
        for (var i = 0; i < length; i++)
        {
            target[i] |= other[i];
        }
    }
}
