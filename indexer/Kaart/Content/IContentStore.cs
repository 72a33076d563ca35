namespace SocialeKaart.Kaart.Content;

/// <summary>
/// Where the content files live. Adapters: a local folder (<see cref="LocalContentStore"/>, the default) and an Azure Blob
/// container (<see cref="BlobContentStore"/>, production). Paths are relative and use '/', e.g. "aanbod/taalcafe-de-brug.md"
/// (rules in <see cref="ContentPad"/>). A file's text is exactly what the indexer reads; its metadata (workflow state,
/// who, when) travels beside it and never changes what the indexer reads, so a full rebuild from the store stays possible.
/// Writes are optimistic: each carries the version it expects, and a stale one is refused with a
/// <see cref="ContentConflictException"/>, never applied.
/// </summary>
public interface IContentStore
{
    /// <summary>A human description of where the content is, for messages. Never holds a secret.</summary>
    string Beschrijving { get; }

    /// <summary>Every file below <paramref name="folder"/> ("" for all), in ordinal path order.</summary>
    IAsyncEnumerable<string> ListAsync(string folder, CancellationToken cancellationToken = default);

    /// <summary>Every file below <paramref name="folder"/> with its metadata, in ordinal path order.</summary>
    IAsyncEnumerable<ContentEntry> ListEntriesAsync(string folder, CancellationToken cancellationToken = default);

    /// <summary>The text of a file, or null when it does not exist.</summary>
    Task<string?> ReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The text of a file with its version and metadata, or null when it does not exist.</summary>
    Task<ContentFile?> ReadFileAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a file with its metadata (the metadata replaces the old metadata whole) and returns the new version.
    /// <paramref name="expectedVersion"/> null: create only, refused when the file exists. Otherwise the file must still
    /// have that version. Anything else throws <see cref="ContentConflictException"/> and changes nothing.
    /// </summary>
    Task<string> WriteAsync(string path, string text, string? expectedVersion, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a file and its metadata when it still has <paramref name="expectedVersion"/>; else <see cref="ContentConflictException"/>.</summary>
    Task DeleteAsync(string path, string expectedVersion, CancellationToken cancellationToken = default);
}

/// <summary>One file as read: its text, its opaque version (pass it to the next write) and its metadata.</summary>
public sealed record ContentFile(string Path, string Text, string Version, IReadOnlyDictionary<string, string> Metadata);

/// <summary>One file in a listing, with its metadata (no text: a listing stays cheap).</summary>
public sealed record ContentEntry(string Path, IReadOnlyDictionary<string, string> Metadata);

/// <summary>Why a write or delete was refused.</summary>
public enum ContentConflict
{
    /// <summary>Create-only, but the file exists.</summary>
    BestaatAl,

    /// <summary>Someone else changed the file since it was read.</summary>
    Gewijzigd,

    /// <summary>The file was expected, but it does not exist (any more).</summary>
    BestaatNiet,
}

/// <summary>A write or delete with a stale expectation. Nothing was changed.</summary>
public sealed class ContentConflictException(string path, ContentConflict reden)
    : Exception(reden switch
    {
        ContentConflict.BestaatAl => $"{path} bestaat al; het is niet overschreven.",
        ContentConflict.BestaatNiet => $"{path} bestaat niet (meer); er is niets veranderd.",
        _ => $"{path} is intussen door iemand anders gewijzigd; uw wijziging is niet opgeslagen. Open het opnieuw en probeer het nog eens.",
    })
{
    public string Path { get; } = path;

    public ContentConflict Reden { get; } = reden;
}
