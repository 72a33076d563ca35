using System.Text;

namespace SocialeKaart.Kaart.Content;

/// <summary>
/// The one rule for paths in a content store, the same for the folder and the Blob container, so that no path can reach
/// outside the store (or another file than it names) on either. A path is relative, '/'-separated, at most
/// <see cref="MaxLengte"/> characters; each part is non-empty, at most <see cref="MaxDeel"/> characters, does not start with a dot
/// (names starting with '.' are the store's own: metadata, lock, temporary files), does not end with a dot or a space,
/// and holds no control character and none of <c>\ : * ? " &lt; &gt; |</c>. Azure would resolve "a/../b" to "b" and
/// Windows would read "a:b" as a stream of "a"; so neither may pass.
/// </summary>
public static class ContentPad
{
    public const int MaxLengte = 1024;

    /// <summary>A part leaves room for the store's own names beside it (".{name}.meta.json") within the usual 255.</summary>
    public const int MaxDeel = 240;
    private const string Verboden = "\\:*?\"<>|";

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="path"/> is a valid file path.</summary>
    public static void Check(string path)
    {
        if (Probleem(path) is { } probleem)
        {
            throw new ArgumentException($"Ongeldig pad '{Zichtbaar(path)}': {probleem}", nameof(path));
        }
    }

    /// <summary>A folder to list: "" (everything) or a valid path, with or without a trailing '/'. Returns it without.</summary>
    public static string Folder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var trimmed = folder.EndsWith('/') ? folder[..^1] : folder;
        if (trimmed.Length > 0)
        {
            Check(trimmed);
        }

        return trimmed;
    }

    /// <summary>Why <paramref name="path"/> is not a valid path, or null when it is.</summary>
    public static string? Probleem(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "het pad is leeg.";
        }

        if (path.Length > MaxLengte)
        {
            return $"het pad is langer dan {MaxLengte} tekens.";
        }

        if (path.StartsWith('/'))
        {
            return "het pad moet relatief zijn (niet beginnen met '/').";
        }

        foreach (var deel in path.Split('/'))
        {
            if (deel.Length == 0)
            {
                return "het pad heeft een leeg deel ('//' of een '/' aan het eind).";
            }

            if (deel.Length > MaxDeel)
            {
                return $"een deel van het pad is langer dan {MaxDeel} tekens.";
            }

            if (deel[0] == '.')
            {
                return "een deel van het pad begint met een punt; zulke namen zijn van de opslag zelf.";
            }

            if (deel[^1] is '.' or ' ' || deel[0] == ' ')
            {
                return "een deel van het pad begint met een spatie of eindigt op een punt of spatie.";
            }

            foreach (var c in deel)
            {
                if (char.IsControl(c) || Verboden.Contains(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                {
                    return "het pad bevat een teken dat niet mag (een stuurteken of een van \\ : * ? \" < > |).";
                }
            }
        }

        if (!IsValidUnicode(path))
        {
            return "het pad bevat een ongeldig Unicode-teken.";
        }

        return null;
    }

    internal static bool IsValidUnicode(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The path as it can be shown in a message: control characters made visible, cut to a sane length.</summary>
    internal static string Zichtbaar(string? path)
    {
        if (path is null)
        {
            return "";
        }

        var b = new StringBuilder();
        foreach (var c in path.Length > 120 ? path[..120] + "…" : path)
        {
            b.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        }

        return b.ToString();
    }
}

/// <summary>
/// The one rule for metadata, the same in every adapter: at most <see cref="MaxSleutels"/> keys of lower-case letters,
/// digits and '_' (starting with a letter; Azure wants C# identifiers and compares them without case), each value non-empty
/// (leave a key out instead), none starting with <see cref="ReservedPrefix"/>, and all of it at most <see cref="MaxBytes"/> bytes as stored (values percent-encoded, see
/// <see cref="Encode"/>; Azure allows 8 KiB of metadata per blob).
/// </summary>
public static class ContentMetadata
{
    public const int MaxSleutels = 32;

    /// <summary>Keys starting so are the stores' own (never returned); a caller cannot use them.</summary>
    public const string ReservedPrefix = "sk_";
    public const int MaxBytes = 4096;

    public static IReadOnlyDictionary<string, string> Leeg { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>A checked, ordered copy; throws <see cref="ArgumentException"/> when the rule above is broken.</summary>
    public static SortedDictionary<string, string> Check(IReadOnlyDictionary<string, string>? metadata)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (metadata is null)
        {
            return result;
        }

        if (metadata.Count > MaxSleutels)
        {
            throw new ArgumentException($"Te veel metadata: {metadata.Count} sleutels, hoogstens {MaxSleutels}.", nameof(metadata));
        }

        var bytes = 0;
        foreach (var (key, value) in metadata)
        {
            if (!IsKey(key) || key.StartsWith(ReservedPrefix, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Ongeldige metadatasleutel '{ContentPad.Zichtbaar(key)}': gebruik kleine letters, cijfers en '_', beginnend met een letter, hoogstens 64 tekens, niet beginnend met '{ReservedPrefix}'.", nameof(metadata));
            }

            if (string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"Metadata '{key}' is leeg; laat de sleutel dan weg.", nameof(metadata));
            }

            if (!ContentPad.IsValidUnicode(value))
            {
                throw new ArgumentException($"Metadata '{key}' bevat een ongeldig Unicode-teken.", nameof(metadata));
            }

            bytes += key.Length + Encode(value).Length;
            result[key] = value;
        }

        if (bytes > MaxBytes)
        {
            throw new ArgumentException($"Te veel metadata: {bytes} bytes, hoogstens {MaxBytes}.", nameof(metadata));
        }

        return result;
    }

    private static bool IsKey(string key) =>
        key.Length is > 0 and <= 64 && key[0] is >= 'a' and <= 'z' && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    /// <summary>A value as HTTP headers can carry it (Blob metadata is sent as headers, ASCII only): percent-encoded UTF-8,
    /// which leaves letters, digits and <c>-._~</c> as they are, so "ingediend" stays readable in the Azure portal.</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value);

    public static string Decode(string value) => Uri.UnescapeDataString(value);
}
