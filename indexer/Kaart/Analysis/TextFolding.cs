using System.Globalization;
using System.Text;

namespace SocialeKaart.Kaart.Analysis;

/// <summary>
/// Lowercasing and folding, per script: "Taalcafé" and "taalcafe" become the same word. Latin letters lose their
/// accents (é → e, ł → l, Turkish ı → i), because inwoners type them or leave them out. Other scripts are not made into
/// ASCII: Cyrillic keeps its letters (й and ї are letters of their own, not и and і with a mark; only ё becomes е), and
/// Arabic is normalised the way Arabic search engines do it (no short vowels or tatweel; أ إ آ ٱ → ا, ى → ي, ة → ه,
/// ؤ → و, ئ → ي; Arabic-Indic digits → 0–9).
/// </summary>
public static class TextFolding
{
    // Latin-1 Supplement and Latin Extended-A/B, folded once (a build folds millions of words).
    private static readonly string?[] Latin = BuildLatin();

    public static string Fold(string text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c > 127 || char.IsUpper(c))
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return text;
        }

        // Composed first: a letter typed as base + combining mark (и + ̆) is the same letter as the composed one (й).
        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (c < 128)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c < Latin.Length)
            {
                sb.Append(Latin[c]);
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                sb.Append(c is 'ё' or 'Ё' ? 'е' : char.ToLowerInvariant(c));
            }
            else if (IsArabic(c))
            {
                AppendArabic(sb, c);
            }
            else
            {
                switch (c)
                {
                    case '\u2019' or '\u02BC' or '\u2018':
                        sb.Append('\''); // the apostrophe of zzp'er and of Ukrainian б'є, however it was typed
                        break;
                    default:
                        if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                        {
                            // Another script (Greek, …): its accents go, its letters stay.
                            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                            {
                                if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                                {
                                    sb.Append(char.ToLowerInvariant(d));
                                }
                            }
                        }

                        break;
                }
            }
        }

        return sb.ToString();
    }

    /// <summary>True for a letter of the Arabic script (Arabic, Persian and Urdu letters and their presentation forms).</summary>
    public static bool IsArabic(char c) =>
        c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static void AppendArabic(StringBuilder sb, char c)
    {
        if (c >= '\uFB50')
        {
            // Presentation forms (a letter's shape at the start, middle or end of a word) are the base letter.
            foreach (var b in c.ToString().Normalize(NormalizationForm.FormKC))
            {
                if (b != c)
                {
                    AppendArabic(sb, b);
                }
            }

            return;
        }

        switch (c)
        {
            case >= '\u064B' and <= '\u065F' or '\u0670' or (>= '\u06D6' and <= '\u06ED') or '\u0640':
                return; // short vowels, shadda, sukun, Quranic marks, tatweel
            case '\u0623' or '\u0625' or '\u0622' or '\u0671':
                sb.Append('\u0627'); // alef with hamza or madda → alef
                return;
            case '\u0624':
                sb.Append('\u0648');
                return;
            case '\u0626' or '\u0649' or '\u06CC':
                sb.Append('\u064A'); // ئ, alef maqsura, Persian yeh → yeh
                return;
            case '\u0629':
                sb.Append('\u0647'); // taa marbuta → haa
                return;
            case '\u06A9':
                sb.Append('\u0643'); // Persian kaf → kaf
                return;
            case >= '\u0660' and <= '\u0669':
                sb.Append((char)('0' + (c - '\u0660')));
                return;
            case >= '\u06F0' and <= '\u06F9':
                sb.Append((char)('0' + (c - '\u06F0')));
                return;
            default:
                sb.Append(c);
                return;
        }
    }

    private static string?[] BuildLatin()
    {
        var table = new string?[0x0250];
        for (var c = 128; c < table.Length; c++)
        {
            var ch = (char)c;
            table[c] = ch switch
            {
                'ĳ' or 'Ĳ' => "ij",
                'ß' => "ss",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ø' or 'Ø' => "o",
                'ł' or 'Ł' => "l",
                'ı' => "i",
                'đ' or 'Đ' or 'ð' or 'Ð' => "d",
                'þ' or 'Þ' => "th",
                _ when CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark => "",
                _ => string.Concat(ch.ToString().Normalize(NormalizationForm.FormD)
                    .Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                    .Select(char.ToLowerInvariant)),
            };
        }

        return table;
    }
}
