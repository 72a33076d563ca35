using System.Text;

namespace SocialeKaart.Kaart.Analysis;

/// <summary>
/// The Dutch word list (content/taal/woorden.txt, OpenTaal) as readers keep it: the folded words sorted, as one UTF-8
/// block with offsets (300,000 words in about 5 MB instead of 30 MB of strings). The planner asks it whether a word is
/// a correctly spelled Dutch word, so that "bedoelde u" never rewrites one.
/// </summary>
public sealed class Woordenlijst
{
    private readonly byte[] _data;
    private readonly int[] _starts; // word i is _data[_starts[i] .. _starts[i + 1] - 1] (the byte before the next start is '\n')

    private Woordenlijst(byte[] data)
    {
        _data = data;
        var starts = new List<int>(data.Length / 10 + 1);
        var at = 0;
        while (at < data.Length)
        {
            starts.Add(at);
            var end = Array.IndexOf(data, (byte)'\n', at);
            at = end < 0 ? data.Length + 1 : end + 1;
        }

        starts.Add(data.Length + 1);
        _starts = starts.ToArray();
    }

    public static Woordenlijst Empty { get; } = new([]);

    public int Count => _starts.Length - 1;

    /// <summary>A list of these words (folded here; duplicates and empty lines go).</summary>
    public static Woordenlijst Van(IEnumerable<string> woorden)
    {
        var sorted = woorden.Select(w => TextFolding.Fold(w.Trim())).Where(w => w.Length > 0 && !w.Contains('\n'))
            .Select(Encoding.UTF8.GetBytes).ToList();
        sorted.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        var buffer = new MemoryStream();
        byte[]? last = null;
        foreach (var w in sorted)
        {
            if (last is not null && last.AsSpan().SequenceEqual(w))
            {
                continue;
            }

            if (buffer.Length > 0)
            {
                buffer.WriteByte((byte)'\n');
            }

            buffer.Write(w);
            last = w;
        }

        return new Woordenlijst(buffer.ToArray());
    }

    /// <summary>The stored form: the words, sorted, one per line.</summary>
    public byte[] ToBytes() => _data;

    public static Woordenlijst FromBytes(byte[] data) => data.Length == 0 ? Empty : new Woordenlijst(data);

    /// <summary>True when the folded word is in the list.</summary>
    public bool Contains(string folded)
    {
        if (Count == 0 || folded.Length == 0 || folded.Length > 64)
        {
            return false;
        }

        Span<byte> key = stackalloc byte[Encoding.UTF8.GetMaxByteCount(folded.Length)];
        key = key[..Encoding.UTF8.GetBytes(folded, key)];
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var word = _data.AsSpan(_starts[mid], _starts[mid + 1] - 1 - _starts[mid]);
            var c = word.SequenceCompareTo(key);
            if (c == 0)
            {
                return true;
            }

            if (c < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }
}
