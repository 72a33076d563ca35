using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// The files of an embedded index. Per build, <c>kaart-*.db</c>: a SQLite file written once and then only read,
/// with compact blobs (the columns readers keep in memory, the postings per term, the stored documents compressed
/// with zstd and a dictionary trained on the build). Next to it, <c>kaart-*.log.db</c>: the updates applied since
/// that build, one row per <see cref="Search.ISearchIndexWriter.UpdateAsync"/>, in WAL mode with synchronous=FULL.
/// </summary>
internal static class IndexFormat
{
    // 5: the search knowledge (situations, concept list, word list) in meta, and a term per place of a rule's phrase.
    // 6: the stored document no longer holds the body's HTML (the page renders it from the Markdown).
    public const int Version = 6;

    // The fields of an aanbod that are searched, and their weight in BM25F (title and keywords above the body).
    // Every weight is a multiple of ½, so term frequencies and lengths are exact as counts of half units: the
    // statistics after an update are the same numbers a rebuild computes, whatever the order.
    public static readonly (string Name, int HalfUnits)[] Fields =
        [("naam", 20), ("trefwoorden", 12), ("samenvatting", 6), ("categorie", 4), ("aanbieder", 3), ("tekst", 2)];

    public const string CreateBuild = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value BLOB NOT NULL);
        -- The stored aanbod by number: the public document (JSON, zstd) and its plain body text (UTF-8, zstd) for snippets.
        CREATE TABLE docs(nr INTEGER PRIMARY KEY, doc BLOB NOT NULL, tekst BLOB NOT NULL);
        -- Internal fields for consulenten only (toewijzingscriteria, notities): never part of a public answer.
        CREATE TABLE intern(nr INTEGER PRIMARY KEY, doc BLOB NOT NULL);
        -- The inverted index: per stem the aanbod numbers (ascending, delta varints) and weighted frequencies (varint half units).
        CREATE TABLE termen(term TEXT PRIMARY KEY, postings BLOB NOT NULL);
        -- What readers keep in memory, one blob per column or chunk of one (see ColumnFormat).
        CREATE TABLE kolommen(name TEXT PRIMARY KEY, data BLOB NOT NULL);
        """;

    public const string CreateLog = """
        CREATE TABLE IF NOT EXISTS wijzigingen(seq INTEGER PRIMARY KEY, payload BLOB NOT NULL);
        -- The newest version of every aanbod changed since the build (doc NULL: deleted), for the writer's next change.
        CREATE TABLE IF NOT EXISTS documenten(id TEXT PRIMARY KEY, doc BLOB, tekst BLOB, intern BLOB);
        """;

    public static string LogPath(string buildPath) => Path.ChangeExtension(buildPath, ".log.db");

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>Writes varints, strings and doubles into a growing buffer.</summary>
internal sealed class ByteWriter
{
    private byte[] _buffer;
    private int _length;

    public ByteWriter(int capacity = 256) => _buffer = new byte[Math.Max(16, capacity)];

    public int Length => _length;

    public void Varint(long value) => Varint((ulong)value);

    public void Varint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_length++] = (byte)value;
    }

    public void Double(double value)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    public void String(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        Varint(count);
        Ensure(count);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    /// <summary>Appends bytes as they are (no length before them).</summary>
    public void Raw(ReadOnlySpan<byte> value)
    {
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        Varint(value.Length);
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}

/// <summary>Reads what <see cref="ByteWriter"/> wrote.</summary>
internal ref struct ByteReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _at;

    public readonly bool End => _at >= _data.Length;

    public ulong Varint()
    {
        ulong value = 0;
        var shift = 0;
        byte part;
        do
        {
            part = _data[_at++];
            value |= (ulong)(part & 0x7F) << shift;
            shift += 7;
        }
        while ((part & 0x80) != 0);
        return value;
    }

    public int Int() => (int)Varint();

    public double Double()
    {
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_data[_at..]);
        _at += 8;
        return value;
    }

    public string String()
    {
        var count = Int();
        var value = Encoding.UTF8.GetString(_data.Slice(_at, count));
        _at += count;
        return value;
    }

    public ReadOnlySpan<byte> Bytes()
    {
        var count = Int();
        var value = _data.Slice(_at, count);
        _at += count;
        return value;
    }
}

/// <summary>
/// zstd compression of stored documents, with an optional dictionary trained on the build: a document of a few
/// kilobytes compresses poorly alone (its field names and common sentences are in every document); with a shared
/// dictionary each document stays readable on its own. zstd contexts are not thread-safe: one per thread.
/// </summary>
internal sealed class Codec
{
    private const int Level = 3;
    private readonly byte[] _dictionary;
    private readonly ThreadLocal<ZstdSharp.Compressor> _compressor;
    private readonly ThreadLocal<ZstdSharp.Decompressor> _decompressor;

    public Codec(byte[] dictionary)
    {
        _dictionary = dictionary;
        _compressor = new(() =>
        {
            var c = new ZstdSharp.Compressor(Level);
            if (_dictionary.Length > 0)
            {
                c.LoadDictionary(_dictionary);
            }

            return c;
        });
        _decompressor = new(() =>
        {
            var d = new ZstdSharp.Decompressor();
            if (_dictionary.Length > 0)
            {
                d.LoadDictionary(_dictionary);
            }

            return d;
        });
    }

    public static Codec Plain { get; } = new([]);

    public byte[] Dictionary => _dictionary;

    /// <summary>A dictionary from samples of the documents (empty when there are too few to learn from).</summary>
    public static byte[] Train(IReadOnlyList<byte[]> samples, int size = 112 * 1024)
    {
        if (samples.Count < 64 || samples.Sum(s => (long)s.Length) < 64 * 1024)
        {
            return [];
        }

        try
        {
            return ZstdSharp.DictBuilder.TrainFromBufferFastCover(samples, 3, size).ToArray();
        }
        catch (ZstdSharp.ZstdException)
        {
            return [];
        }
    }

    // Per thread: the worst-case output of one compression and the UTF-8 of one text, reused (a build compresses 200,000).
    [ThreadStatic]
    private static byte[]? t_output;

    [ThreadStatic]
    private static byte[]? t_utf8;

    public byte[] Compress(ReadOnlySpan<byte> data)
    {
        var bound = ZstdSharp.Compressor.GetCompressBound(data.Length);
        if (t_output is null || t_output.Length < bound)
        {
            t_output = new byte[Math.Max(bound, 16 * 1024)];
        }

        var written = _compressor.Value!.Wrap(data, t_output);
        return t_output.AsSpan(0, written).ToArray();
    }

    public byte[] Decompress(ReadOnlySpan<byte> data)
    {
        var d = _decompressor.Value!;
        var size = checked((int)ZstdSharp.Decompressor.GetDecompressedSize(data));
        var result = new byte[size];
        d.Unwrap(data, result);
        return result;
    }

    public byte[] CompressText(string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (t_utf8 is null || t_utf8.Length < max)
        {
            t_utf8 = new byte[Math.Max(max, 16 * 1024)];
        }

        var length = Encoding.UTF8.GetBytes(text, t_utf8);
        return Compress(t_utf8.AsSpan(0, length));
    }

    public string DecompressText(ReadOnlySpan<byte> data) => Encoding.UTF8.GetString(Decompress(data));
}
