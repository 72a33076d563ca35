using System.Globalization;
using System.Text;

namespace SocialeKaart.Kaart.Content;

/// <summary>
/// Writes an <see cref="Aanbod"/> back as a content file (YAML front matter + Markdown body) in the format of
/// content/README.md, fields in its order, that <see cref="AanbodParser"/> reads back as the same aanbod. The file
/// stays one a person can read and edit: a value is written plain where YAML reads it back as the same text, and in
/// double quotes otherwise (a colon or '#' that YAML would read, a leading '-' or digit, "ja"/"true"/"null", times,
/// phone numbers, any line break or control character as an escape). So every value is one line and nothing in a value
/// can end the front matter or add a field. Empty values and defaults (false, interval 1, empty lists) are left out.
/// Writing checks nothing: the parser is the gate (parse what you wrote before you store it).
/// </summary>
public static class AanbodWriter
{
    private static readonly HashSet<string> YamlWoorden = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "true", "false", "yes", "no", "on", "off", "y", "n", "ja", "nee", "nan", "inf",
    };

    public static string Write(Aanbod a)
    {
        var b = new StringBuilder("---\n");
        Field(b, 0, "id", a.Id);
        Field(b, 0, "name", a.Name);
        Field(b, 0, "samenvatting", a.Samenvatting);
        Field(b, 0, "toegang", a.Toegang == Toegang.AchterHetLoket ? "achter-het-loket" : "algemeen-toegankelijk");
        Flag(b, 0, "bemoeizorg", a.Bemoeizorg);
        List(b, "levensdomeinen", a.Levensdomeinen);
        List(b, "doelgroepen", a.Doelgroepen);
        Number(b, 0, "minimum_age", a.MinimumAge);
        Number(b, 0, "maximum_age", a.MaximumAge);
        Field(b, 0, "vorm", a.Vorm);
        Field(b, 0, "uitvoering", a.Uitvoering);
        b.Append("organization:\n");
        Field(b, 1, "name", a.Organization.Name);
        Field(b, 1, "soort", a.Organization.Soort);
        Field(b, 1, "url", a.Organization.Url);
        Field(b, 1, "email", a.Organization.Email);
        Field(b, 1, "phone", a.Organization.Phone);
        Field(b, 0, "url", a.Url);
        Field(b, 0, "email", a.Email);
        Items(b, "phones", a.Phones, (b, p) =>
        {
            Field(b, 2, "number", p.Number);
            Field(b, 2, "description", p.Description);
        });
        Items(b, "locations", a.Locations, (b, l) =>
        {
            Field(b, 2, "name", l.Name);
            Field(b, 2, "address_1", l.Address1);
            Field(b, 2, "postal_code", l.PostalCode);
            Field(b, 2, "city", l.City);
            Field(b, 2, "wijk", l.Wijk);
            Number(b, 2, "latitude", l.Latitude);
            Number(b, 2, "longitude", l.Longitude);
            Bool(b, 2, "rolstoeltoegankelijk", l.Rolstoeltoegankelijk);
        });
        List(b, "bereik", a.Bereik);
        List(b, "wijken", a.Wijken);
        Items(b, "schedules", a.Schedules, (b, t) =>
        {
            Field(b, 2, "freq", t.Freq);
            Field(b, 2, "byday", t.ByDay.Count == 0 ? null : string.Join(',', t.ByDay));
            Number<int>(b, 2, "interval", t.Interval == 1 ? null : t.Interval);
            Date(b, 2, "dtstart", t.DtStart);
            Date(b, 2, "until", t.Until);
            Field(b, 2, "opens_at", t.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture));
            Field(b, 2, "closes_at", t.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture));
            Field(b, 2, "description", t.Description);
        });
        Items(b, "cost_options", a.CostOptions, (b, k) =>
        {
            Field(b, 2, "option", k.Option);
            Number(b, 2, "amount", k.Amount);
        });
        Field(b, 0, "fees_description", a.FeesDescription);
        Flag(b, 0, "inkomensafhankelijk", a.Inkomensafhankelijk);
        List(b, "languages", a.Languages);
        Bool(b, 0, "rolstoeltoegankelijk", a.Rolstoeltoegankelijk);
        Field(b, 0, "identiteit", a.Identiteit);
        Field(b, 0, "application_process", a.ApplicationProcess);
        List(b, "trefwoorden", a.Trefwoorden);
        Date(b, 0, "assured_date", a.AssuredDate);
        List(b, "wettelijk_kader", a.WettelijkKader);
        if (a.Intern is { } intern)
        {
            if (Leeg(intern.Toewijzingscriteria) && Leeg(intern.Notities))
            {
                b.Append("intern: {}\n");
            }
            else
            {
                b.Append("intern:\n");
                Field(b, 1, "toewijzingscriteria", intern.Toewijzingscriteria);
                Field(b, 1, "notities", intern.Notities);
            }
        }

        b.Append("---\n").Append(a.BodyMarkdown.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()).Append('\n');
        return b.ToString();
    }

    /// <summary>A text value as YAML: plain when that reads back as exactly this text, else double-quoted.</summary>
    public static string Scalar(string value, bool inFlow = false) => IsPlain(value, inFlow) ? value : Quoted(value);

    private static bool IsPlain(string v, bool inFlow)
    {
        if (v.Length == 0 || !char.IsLetter(v[0]) || char.IsWhiteSpace(v[^1]) || v[^1] == ':' || YamlWoorden.Contains(v))
        {
            return false;
        }

        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            var next = i + 1 < v.Length ? v[i + 1] : ' ';
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' or '"' or '\'' or '\\')
            {
                return false;
            }

            if ((c == ':' && (next == ' ' || inFlow)) || (c == '#' && v[i - 1] == ' ') || (inFlow && c is ',' or '[' or ']' or '{' or '}'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Quoted(string v)
    {
        var b = new StringBuilder(v.Length + 8).Append('"');
        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            switch (c)
            {
                case '"':
                    b.Append("\\\"");
                    break;
                case '\\':
                    b.Append("\\\\");
                    break;
                case '\n':
                    b.Append("\\n");
                    break;
                case '\r':
                    b.Append("\\r");
                    break;
                case '\t':
                    b.Append("\\t");
                    break;
                case var _ when char.IsHighSurrogate(c) && i + 1 < v.Length && char.IsLowSurrogate(v[i + 1]):
                    b.Append(c).Append(v[++i]);
                    break;
                case var _ when char.IsSurrogate(c):
                    throw new ArgumentException("De tekst bevat een ongeldig Unicode-teken (een half teken).", nameof(v));
                case var _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF':
                    b.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default:
                    b.Append(c);
                    break;
            }
        }

        return b.Append('"').ToString();
    }

    private static bool Leeg(string? v) => string.IsNullOrWhiteSpace(v);

    private static void Key(StringBuilder b, int depth, string key) => b.Append(' ', depth * 2).Append(key).Append(':');

    private static void Field(StringBuilder b, int depth, string key, string? value)
    {
        if (!Leeg(value))
        {
            Key(b, depth, key);
            b.Append(' ').Append(Scalar(value!)).Append('\n');
        }
    }

    private static void Flag(StringBuilder b, int depth, string key, bool value)
    {
        if (value)
        {
            Bool(b, depth, key, true);
        }
    }

    private static void Bool(StringBuilder b, int depth, string key, bool? value)
    {
        if (value is { } v)
        {
            Key(b, depth, key);
            b.Append(v ? " true\n" : " false\n");
        }
    }

    private static void Number<T>(StringBuilder b, int depth, string key, T? value)
        where T : struct, IFormattable
    {
        if (value is { } v)
        {
            Key(b, depth, key);
            b.Append(' ').Append(v.ToString(null, CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static void Date(StringBuilder b, int depth, string key, DateOnly? value)
    {
        if (value is { } v)
        {
            Key(b, depth, key);
            b.Append(' ').Append(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private static void List(StringBuilder b, string key, IReadOnlyList<string> values)
    {
        var items = values.Where(v => !Leeg(v)).ToList();
        if (items.Count > 0)
        {
            Key(b, 0, key);
            b.Append(" [").AppendJoin(", ", items.Select(v => Scalar(v, inFlow: true))).Append("]\n");
        }
    }

    private static void Items<T>(StringBuilder b, string key, IReadOnlyList<T> items, Action<StringBuilder, T> fields)
    {
        if (items.Count == 0)
        {
            return;
        }

        b.Append(key).Append(":\n");
        foreach (var item in items)
        {
            var one = new StringBuilder();
            fields(one, item);
            if (one.Length == 0)
            {
                b.Append("  - {}\n");
                continue;
            }

            // The first field goes on the "- " line; the others are already indented to match it.
            b.Append("  - ").Append(one.ToString(4, one.Length - 4));
        }
    }
}
