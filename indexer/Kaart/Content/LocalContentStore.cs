using System.Diagnostics;
using System.IO.Enumeration;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SocialeKaart.Kaart.Content;

/// <summary>
/// Content in a folder on disk (content/ in the repository by default). The files are plain content files; the store
/// keeps its own names, all starting with a dot, beside them, and never lists them:
/// <list type="bullet">
/// <item><c>.lock</c> in the root: every write and delete holds it (an OS file lock, so it holds across processes and is
/// released when a process dies), which makes check-version-then-write one step.</item>
/// <item><c>dir/.{name}.meta.json</c> beside each file that has metadata: <c>{"textSha256", "metadata", "previous"}</c>,
/// where previous is the text hash and metadata before the last write.</item>
/// <item><c>dir/.{name}.{random}.tmp</c> while a write is under way.</item>
/// </list>
/// A write writes the new text and sidecar to temporary files, flushes them to disk, renames the sidecar into place and
/// then the text (a rename replaces a file atomically). A crash between the two renames leaves the old text with a
/// sidecar whose "previous" still describes it, so a reader always sees a text with its own metadata. The version is
/// a hash of the text's bytes and the metadata: equal content and metadata give the same version.
/// </summary>
public sealed class LocalContentStore(string root, TimeSpan? lockTimeout = null) : IContentStore
{
    public const string LockFile = ".lock";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TimeSpan _lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(30);

    public string Root { get; } = Path.GetFullPath(root);

    public string Beschrijving => Root;

    public async IAsyncEnumerable<string> ListAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in Files(folder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return path;
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<ContentEntry> ListEntriesAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var path in Files(folder))
        {
            var full = Path.Combine(Root, path);
            if (!File.Exists(SidecarPath(full)))
            {
                yield return new ContentEntry(path, ContentMetadata.Leeg);
                continue;
            }

            if (await ReadCurrentAsync(path, full, cancellationToken) is { } current)
            {
                yield return new ContentEntry(path, current.Metadata);
            }
        }
    }

    public async Task<string?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var bytes = await TryReadAsync(Full(path), cancellationToken);
        return bytes is null ? null : Decode(bytes);
    }

    public async Task<ContentFile?> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var current = await ReadCurrentAsync(path, Full(path), cancellationToken);
        return current is { } c ? new ContentFile(path, Decode(c.Text), Version(c.Text, c.Metadata), c.Metadata) : null;
    }

    public async Task<string> WriteAsync(string path, string text, string? expectedVersion, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        var full = Full(path);
        var meta = ContentMetadata.Check(metadata);
        var bytes = StrictUtf8.GetBytes(text);
        if (Directory.Exists(full))
        {
            throw new ArgumentException($"Ongeldig pad '{path}': er staat een map met die naam.", nameof(path));
        }

        using var _ = await LockAsync(cancellationToken);
        var current = await ReadCurrentAsync(path, full, cancellationToken);
        Expect(path, current, expectedVersion);

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var sidecar = new Sidecar(Sha256(bytes), meta, current is { } c ? new Previous(Sha256(c.Text), c.Metadata) : null);
        var sidecarPath = SidecarPath(full);
        var tempText = TempPath(full);
        var tempSidecar = TempPath(sidecarPath);
        try
        {
            await WriteDurablyAsync(tempText, bytes, cancellationToken);
            await WriteDurablyAsync(tempSidecar, JsonSerializer.SerializeToUtf8Bytes(sidecar, Json), cancellationToken);

            // Sidecar first (see the class): from here on nothing is cancelled halfway.
            File.Move(tempSidecar, sidecarPath, overwrite: true);
            File.Move(tempText, full, overwrite: true);
        }
        finally
        {
            TryDelete(tempText);
            TryDelete(tempSidecar);
        }

        return Version(bytes, meta);
    }

    public async Task DeleteAsync(string path, string expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expectedVersion);
        var full = Full(path);
        using var _ = await LockAsync(cancellationToken);
        var current = await ReadCurrentAsync(path, full, cancellationToken);
        Expect(path, current, expectedVersion);

        // The text first: a sidecar left behind by a crash belongs to no file and is replaced by the next create.
        File.Delete(full);
        TryDelete(SidecarPath(full));
    }

    private static void Expect(string path, (byte[] Text, SortedDictionary<string, string> Metadata)? current, string? expectedVersion)
    {
        if (expectedVersion is null)
        {
            if (current is not null)
            {
                throw new ContentConflictException(path, ContentConflict.BestaatAl);
            }

            return;
        }

        if (current is not { } c)
        {
            throw new ContentConflictException(path, ContentConflict.BestaatNiet);
        }

        if (!string.Equals(Version(c.Text, c.Metadata), expectedVersion, StringComparison.Ordinal))
        {
            throw new ContentConflictException(path, ContentConflict.Gewijzigd);
        }
    }

    private IEnumerable<string> Files(string folder)
    {
        folder = ContentPad.Folder(folder);
        var dir = folder.Length == 0 ? Root : Path.Combine(Root, folder);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        var files = new FileSystemEnumerable<string>(dir, (ref FileSystemEntry e) => e.ToFullPath(), new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && !e.FileName.StartsWith('.'),
            ShouldRecursePredicate = (ref FileSystemEntry e) => !e.FileName.StartsWith('.'),
        };
        return files.Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The text and its metadata, read without the lock: the sidecar is read before and after the text and the
    /// read is repeated when a write came between, so the pair always belongs together.</summary>
    private async Task<(byte[] Text, SortedDictionary<string, string> Metadata)?> ReadCurrentAsync(string path, string full, CancellationToken cancellationToken)
    {
        var sidecarPath = SidecarPath(full);
        for (var attempt = 0; ; attempt++)
        {
            var before = await TryReadAsync(sidecarPath, cancellationToken);
            var text = await TryReadAsync(full, cancellationToken);
            if (text is null)
            {
                return null;
            }

            var after = await TryReadAsync(sidecarPath, cancellationToken);
            if (attempt < 20 && !(before ?? []).AsSpan().SequenceEqual(after ?? []))
            {
                continue;
            }

            return (text, MetadataOf(path, text, after));
        }
    }

    private static SortedDictionary<string, string> MetadataOf(string path, byte[] text, byte[]? sidecarBytes)
    {
        if (sidecarBytes is null)
        {
            return new(StringComparer.Ordinal);
        }

        Sidecar sidecar;
        try
        {
            sidecar = JsonSerializer.Deserialize<Sidecar>(sidecarBytes, Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"De metadata van {path} is beschadigd (.{Path.GetFileName(path)}.meta.json); herstel of verwijder dat bestand.", e);
        }

        var hash = Sha256(text);
        var metadata = sidecar.Previous is { } previous && previous.TextSha256 == hash && sidecar.TextSha256 != hash
            ? previous.Metadata
            : sidecar.Metadata; // this text's own, or the text was edited outside the store: keep the latest
        return metadata is null ? new(StringComparer.Ordinal) : new(metadata, StringComparer.Ordinal);
    }

    private string Full(string path)
    {
        ContentPad.Check(path);
        var full = Path.GetFullPath(Path.Combine(Root, path));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Ongeldig pad '{ContentPad.Zichtbaar(path)}': het valt buiten de content.", nameof(path));
        }

        return full;
    }

    private static string SidecarPath(string full) => Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".meta.json");

    private static string TempPath(string full) =>
        Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + ".tmp");

    private async Task<FileStream> LockAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var path = Path.Combine(Root, LockFile);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive OS lock (flock on Unix), held by every process that opens the file so.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
            {
                if (waited.Elapsed > _lockTimeout)
                {
                    throw new TimeoutException($"De content in {Root} is al {_lockTimeout.TotalSeconds:0} seconden bezet door een andere schrijver.", e);
                }

                await Task.Delay(Random.Shared.Next(2, 20), cancellationToken);
            }
        }
    }

    private static async Task WriteDurablyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16384, FileOptions.Asynchronous);
        await stream.WriteAsync(bytes, cancellationToken);
        stream.Flush(flushToDisk: true);
    }

    private static async Task<byte[]?> TryReadAsync(string full, CancellationToken cancellationToken)
    {
        try
        {
            return File.Exists(full) ? await File.ReadAllBytesAsync(full, cancellationToken) : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left behind, it is a dot file: never listed, and overwritten or ignored later.
        }
    }

    /// <summary>UTF-8, a leading byte order mark dropped (editors add one), invalid bytes as U+FFFD: reading never fails on the text.</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Version(byte[] text, SortedDictionary<string, string> metadata)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(text);
        hash.AppendData([0]);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(metadata, Json));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..32];
    }

    private sealed record Sidecar(string TextSha256, SortedDictionary<string, string>? Metadata, Previous? Previous);

    private sealed record Previous(string TextSha256, SortedDictionary<string, string>? Metadata);
}
