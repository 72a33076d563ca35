// Dutch stemmer: a hand-written C# port of Martin Porter's Dutch stemming algorithm as
// defined in the Snowball source `algorithms/dutch_porter.sbl` (called `dutch` in Snowball
// 2.x; the algorithm behind Lucene's DutchStemmer and Elasticsearch's `dutch` analyzer),
// see https://snowballstem.org/algorithms/dutch/stemmer.html ("Porter" variant).
//
// Ported from: https://github.com/snowballstem/snowball/blob/master/algorithms/dutch_porter.sbl
// Each Snowball routine maps onto one method below (Prelude, MarkRegions, StandardSuffix with
// its e_ending/en_ending/undouble helpers, Postlude), preserving Snowball's semantics exactly
// (longest-match `among`, cursor/limit handling, `do`/`try`/`or` fallbacks). Verified against
// the Snowball test vocabulary (dutch/voc.txt -> dutch_porter/output.txt, 45,670 pairs).
//
// Original algorithm and Snowball source:
//   Copyright (c) 2001, Dr Martin Porter
//   Copyright (c) 2004,2005, Richard Boulton
//   Copyright (c) 2013, Yoshiki Shibukawa
//   Copyright (c) 2006,2007,2009,2010,2011,2014-2019, Olly Betts
//   All rights reserved.
// Licensed under the BSD 3-Clause licence:
//   Redistribution and use in source and binary forms, with or without modification, are
//   permitted provided that the following conditions are met:
//   1. Redistributions of source code must retain the above copyright notice, this list of
//      conditions and the following disclaimer.
//   2. Redistributions in binary form must reproduce the above copyright notice, this list of
//      conditions and the following disclaimer in the documentation and/or other materials
//      provided with the distribution.
//   3. Neither the name of the Snowball project nor the names of its contributors may be used
//      to endorse or promote products derived from this software without specific prior
//      written permission.
//   THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS
//   OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF
//   MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE
//   COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL,
//   EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF
//   SUBSTITUTE GOODS OR SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION)
//   HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR
//   TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
//   SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
//
// Implementation notes: the word is copied into a stack (or pooled) char buffer and stemmed
// in place; the algorithm only ever shortens the word. No shared mutable state, so Stem is
// thread-safe. Snowball's C runtime counts code points (UTF-8) where .NET counts UTF-16 code
// units; the two places where that could matter for supplementary characters (`hop 3` and the
// `non-v_I` step back in the final undoubling) handle surrogate pairs explicitly.

using System.Buffers;

namespace SocialeKaart.Kaart.Analysis;

/// <summary>Porter's Dutch Snowball stemmer (<c>dutch_porter</c>). Input: one lowercase word.</summary>
public static class DutchStemmer
{
    private const int StackLimit = 128;

    /// <summary>Stems a single lowercase Dutch word. Returns <paramref name="word"/> itself when unchanged.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0)
        {
            return word;
        }

        char[]? rented = null;
        Span<char> buffer = word.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(word.Length));
        try
        {
            var s = buffer[..word.Length];
            word.AsSpan().CopyTo(s);
            var length = StemInPlace(s);
            var stem = s[..length];
            return stem.SequenceEqual(word.AsSpan()) ? word : new string(stem);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Stems the word held in <paramref name="s"/> in place and returns the stem's length.</summary>
    private static int StemInPlace(Span<char> s)
    {
        Prelude(s);
        MarkRegions(s, out var p1, out var p2);
        var length = StandardSuffix(s, s.Length, p1, p2);
        Postlude(s[..length]);
        return length;
    }

    // define v 'aeiouy{e`}'
    private static bool IsV(char c) =>
        c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or '\u00E8';

    // define v_I v + 'I'
    private static bool IsVI(char c) => c == 'I' || IsV(c);

    // define v_j v + 'j'
    private static bool IsVj(char c) => c == 'j' || IsV(c);

    // ----- prelude (forward mode) -----
    private static void Prelude(Span<char> s)
    {
        var len = s.Length;

        // test repeat ( [substring] among ( ä á -> a, ë é -> e, ï í -> i, ö ó -> o, ü ú -> u, '' next ) )
        for (var i = 0; i < len; i++)
        {
            switch (s[i])
            {
                case '\u00E4': case '\u00E1': s[i] = 'a'; break;
                case '\u00EB': case '\u00E9': s[i] = 'e'; break;
                case '\u00EF': case '\u00ED': s[i] = 'i'; break;
                case '\u00F6': case '\u00F3': s[i] = 'o'; break;
                case '\u00FC': case '\u00FA': s[i] = 'u'; break;
                default: break;
            }
        }

        // try ( ['y'] <- 'Y' )
        if (s[0] == 'y')
        {
            s[0] = 'Y';
        }

        // repeat ( gopast v  try ( [('i'] do(v <- 'I')) or ('y'] <- 'Y') ) )
        var c = 0;
        while (true)
        {
            while (c < len && !IsV(s[c]))
            {
                c++;
            }

            if (c >= len)
            {
                break;
            }

            c++; // past the vowel
            if (c < len)
            {
                if (s[c] == 'i')
                {
                    if (c + 1 < len && IsV(s[c + 1]))
                    {
                        s[c] = 'I';
                    }

                    c++;
                }
                else if (s[c] == 'y')
                {
                    s[c] = 'Y';
                    c++;
                }
            }
        }
    }

    // ----- mark_regions (forward mode) -----
    private static void MarkRegions(ReadOnlySpan<char> s, out int p1, out int p2)
    {
        var len = s.Length;
        p1 = len;
        p2 = len;

        // test ( hop 3 setmark x )
        var x = Hop(s, 3);
        if (x < 0)
        {
            return;
        }

        // gopast v  gopast non-v  setmark p1
        var c = GoPastNonV(s, GoPastV(s, 0));
        if (c < 0)
        {
            return;
        }

        p1 = c;

        // try ( $p1 < x  $p1 = x )
        if (p1 < x)
        {
            p1 = x;
        }

        // gopast v  gopast non-v  setmark p2   (continues from the cursor, not from x)
        c = GoPastNonV(s, GoPastV(s, c));
        if (c < 0)
        {
            return;
        }

        p2 = c;
    }

    /// <summary>Snowball <c>hop n</c> from the start, counting code points. Returns the new cursor or -1.</summary>
    private static int Hop(ReadOnlySpan<char> s, int n)
    {
        var c = 0;
        for (var k = 0; k < n; k++)
        {
            if (c >= s.Length)
            {
                return -1;
            }

            c += char.IsHighSurrogate(s[c]) && c + 1 < s.Length && char.IsLowSurrogate(s[c + 1]) ? 2 : 1;
        }

        return c;
    }

    /// <summary>Snowball <c>gopast v</c>: cursor just after the next vowel, or -1.</summary>
    private static int GoPastV(ReadOnlySpan<char> s, int c)
    {
        if (c < 0)
        {
            return -1;
        }

        while (c < s.Length)
        {
            if (IsV(s[c++]))
            {
                return c;
            }
        }

        return -1;
    }

    /// <summary>Snowball <c>gopast non-v</c>: cursor just after the next non-vowel, or -1.</summary>
    private static int GoPastNonV(ReadOnlySpan<char> s, int c)
    {
        if (c < 0)
        {
            return -1;
        }

        while (c < s.Length)
        {
            if (!IsV(s[c++]))
            {
                return c;
            }
        }

        return -1;
    }

    // ----- postlude (forward mode): Y -> y, I -> i -----
    private static void Postlude(Span<char> s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == 'Y')
            {
                s[i] = 'y';
            }
            else if (s[i] == 'I')
            {
                s[i] = 'i';
            }
        }
    }

    // ----- backward mode -----
    // Every step in standard_suffix is wrapped in `do`, so each starts with the cursor at the
    // (current) end of the word; `len` is that end. A suffix match sets bra = len - |suffix|.

    private static bool EndsWith(ReadOnlySpan<char> s, int len, string suffix) =>
        len >= suffix.Length && s[..len].EndsWith(suffix.AsSpan(), StringComparison.Ordinal);

    // define undouble as ( test among('kk' 'dd' 'tt') [next] delete )
    private static int Undouble(ReadOnlySpan<char> s, int len)
    {
        if (len >= 2)
        {
            var last = s[len - 1];
            if ((last is 'k' or 'd' or 't') && s[len - 2] == last)
            {
                return len - 1;
            }
        }

        return len;
    }

    // define e_ending as ( unset e_found ['e'] R1 test non-v delete set e_found undouble )
    private static int EEnding(ReadOnlySpan<char> s, int len, int p1, out bool eFound)
    {
        eFound = false;
        if (len >= 1 && s[len - 1] == 'e')
        {
            var bra = len - 1;
            if (bra >= p1 && bra > 0 && !IsV(s[bra - 1]))
            {
                eFound = true;
                return Undouble(s, bra);
            }
        }

        return len;
    }

    // define en_ending as ( R1 non-v and not 'gem' delete undouble ), with bra = start of the suffix
    private static int EnEnding(ReadOnlySpan<char> s, int len, int bra, int p1)
    {
        if (bra >= p1 && bra > 0 && !IsV(s[bra - 1]) && !EndsWith(s, bra, "gem"))
        {
            return Undouble(s, bra);
        }

        return len;
    }

    private static int StandardSuffix(Span<char> s, int len, int p1, int p2)
    {
        // do ( [substring] among ( 'heden' (R1 <- 'heid')  'en' 'ene' (en_ending)  's' 'se' (R1 non-v_j delete) ) )
        // `among` picks the longest matching suffix; if its action fails there is no fallback.
        if (EndsWith(s, len, "heden"))
        {
            var bra = len - 5;
            if (bra >= p1)
            {
                "heid".AsSpan().CopyTo(s[bra..]);
                len = bra + 4;
            }
        }
        else if (EndsWith(s, len, "ene"))
        {
            len = EnEnding(s, len, len - 3, p1);
        }
        else if (EndsWith(s, len, "en"))
        {
            len = EnEnding(s, len, len - 2, p1);
        }
        else if (EndsWith(s, len, "se"))
        {
            var bra = len - 2;
            if (bra >= p1 && bra > 0 && !IsVj(s[bra - 1]))
            {
                len = bra;
            }
        }
        else if (EndsWith(s, len, "s"))
        {
            var bra = len - 1;
            if (bra >= p1 && bra > 0 && !IsVj(s[bra - 1]))
            {
                len = bra;
            }
        }

        // do e_ending
        len = EEnding(s, len, p1, out var eFound);

        // do ( ['heid'] R2 not 'c' delete  ['en'] en_ending )
        if (EndsWith(s, len, "heid"))
        {
            var bra = len - 4;
            if (bra >= p2 && !(bra > 0 && s[bra - 1] == 'c'))
            {
                len = bra;
                if (EndsWith(s, len, "en"))
                {
                    len = EnEnding(s, len, len - 2, p1);
                }
            }
        }

        // do ( [substring] among ( 'end' 'ing' (R2 delete (['ig'] R2 not 'e' delete) or undouble)
        //                          'ig' (R2 not 'e' delete)  'lijk' (R2 delete e_ending)
        //                          'baar' (R2 delete)  'bar' (R2 e_found delete) ) )
        if (EndsWith(s, len, "lijk"))
        {
            var bra = len - 4;
            if (bra >= p2)
            {
                len = EEnding(s, bra, p1, out _);
            }
        }
        else if (EndsWith(s, len, "baar"))
        {
            var bra = len - 4;
            if (bra >= p2)
            {
                len = bra;
            }
        }
        else if (EndsWith(s, len, "end") || EndsWith(s, len, "ing"))
        {
            var bra = len - 3;
            if (bra >= p2)
            {
                len = bra;
                var igBra = len - 2;
                if (EndsWith(s, len, "ig") && igBra >= p2 && !(igBra > 0 && s[igBra - 1] == 'e'))
                {
                    len = igBra;
                }
                else
                {
                    len = Undouble(s, len);
                }
            }
        }
        else if (EndsWith(s, len, "bar"))
        {
            var bra = len - 3;
            if (bra >= p2 && eFound)
            {
                len = bra;
            }
        }
        else if (EndsWith(s, len, "ig"))
        {
            var bra = len - 2;
            if (bra >= p2 && !(bra > 0 && s[bra - 1] == 'e'))
            {
                len = bra;
            }
        }

        // do ( non-v_I  test ( among('aa' 'ee' 'oo' 'uu') non-v )  [next] delete )
        if (len >= 1 && !IsVI(s[len - 1]))
        {
            // cursor after stepping back over the last code point
            var c = len >= 2 && char.IsLowSurrogate(s[len - 1]) && char.IsHighSurrogate(s[len - 2]) ? len - 2 : len - 1;
            if (c >= 3)
            {
                var v = s[c - 1];
                if ((v is 'a' or 'e' or 'o' or 'u') && s[c - 2] == v && !IsV(s[c - 3]))
                {
                    // delete the vowel at c - 1
                    s[c..len].CopyTo(s[(c - 1)..]);
                    len--;
                }
            }
        }

        return len;
    }
}
