using System.Globalization;
using System.Text;

namespace SocialeKaart.Kaart.Analysis;

/// <summary>Lowercasing and diacritics folding: "Taalcafé" and "taalcafe" become the same word.</summary>
public static class TextFolding
{
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

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (c)
            {
                case 'ĳ' or 'Ĳ':
                    sb.Append("ij");
                    break;
                case 'ß':
                    sb.Append("ss");
                    break;
                case 'æ' or 'Æ':
                    sb.Append("ae");
                    break;
                case 'ø' or 'Ø':
                    sb.Append('o');
                    break;
                default:
                    sb.Append(char.ToLowerInvariant(c));
                    break;
            }
        }

        return sb.ToString();
    }
}
