using System.Globalization;
using System.Text;

namespace SocialeKaart.Portal.Features.Organisaties;

/// <summary>
/// An aanbieder is the organisation of an aanbod (<c>organization.name</c> in the content). Its id is the name as a
/// slug ("Stichting De Brug" → "stichting-de-brug"): stable, readable, and the same in the content, the accounts and
/// the handovers.
/// </summary>
public static class Aanbieders
{
    public static string Id(string naam)
    {
        var gevouwen = naam.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(gevouwen.Length);
        foreach (var c in gevouwen)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().Trim('-');
    }
}
