using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SocialeKaart.Kaart.Content;

/// <summary>
/// Content in an Azure Blob container (production): one blob per content file, named by its path, holding exactly the
/// file's text (UTF-8). The version is the blob's ETag; writes are conditional on it (If-Match, or If-None-Match * to
/// create), so the service itself refuses a stale write. Metadata is the blob's own metadata, sent with every upload (an
/// upload without it would wipe it), values percent-encoded (<see cref="ContentMetadata.Encode"/>): an upload sets text
/// and metadata in one step.
/// </summary>
public sealed partial class BlobContentStore(BlobContainerClient container) : IContentStore
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A random id per write, kept in the blob's metadata and never shown: it tells our own write from another's.</summary>
    private const string WriteIdKey = ContentMetadata.ReservedPrefix + "write";

    /// <summary>A store on the container <paramref name="containerName"/> of the account in <paramref name="connectionString"/>
    /// (an account key or a SAS in the connection string; "UseDevelopmentStorage=true" for Azurite's defaults).</summary>
    public static BlobContentStore Connect(string connectionString, string containerName, BlobClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        if (!ContainerNameRegex().IsMatch(containerName ?? "") || containerName!.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{containerName}' is geen geldige containernaam: 3 tot 63 kleine letters, cijfers en losse streepjes, beginnend met een letter of cijfer.", nameof(containerName));
        }

        return new BlobContentStore(new BlobContainerClient(connectionString, containerName, options ?? new BlobClientOptions()));
    }

    public BlobContainerClient Container => container;

    /// <summary>The container's address without its query, so a SAS token never reaches a message or a log.</summary>
    public string Beschrijving => new UriBuilder(container.Uri) { Query = "" }.Uri.ToString();

    public async IAsyncEnumerable<string> ListAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var entry in await ListSortedAsync(folder, BlobTraits.None, cancellationToken))
        {
            yield return entry.Path;
        }
    }

    public async IAsyncEnumerable<ContentEntry> ListEntriesAsync(string folder, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var entry in await ListSortedAsync(folder, BlobTraits.Metadata, cancellationToken))
        {
            yield return entry;
        }
    }

    public async Task<string?> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        (await ReadFileAsync(path, cancellationToken))?.Text;

    public async Task<ContentFile?> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ContentPad.Check(path);
        try
        {
            var result = (await container.GetBlobClient(path).DownloadContentAsync(cancellationToken)).Value;
            return new ContentFile(path, LocalContentStore.Decode(result.Content.ToMemory().Span), result.Details.ETag.ToString(), DecodeMetadata(result.Details.Metadata));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            ThrowIfNoContainer(e);
            return null;
        }
    }

    public async Task<string> WriteAsync(string path, string text, string? expectedVersion, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        ContentPad.Check(path);
        var meta = ContentMetadata.Check(metadata);
        var bytes = StrictUtf8.GetBytes(text);
        var blob = container.GetBlobClient(path);
        if (expectedVersion is not null && !IsETag(expectedVersion))
        {
            throw new ContentConflictException(path, await ExistsAsync(blob, cancellationToken) ? ContentConflict.Gewijzigd : ContentConflict.BestaatNiet);
        }

        var writeId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var stored = meta.ToDictionary(kv => kv.Key, kv => ContentMetadata.Encode(kv.Value));
        stored[WriteIdKey] = writeId;
        var options = new BlobUploadOptions
        {
            Metadata = stored,
            HttpHeaders = new BlobHttpHeaders { ContentType = ContentType(path) },
            Conditions = expectedVersion is null
                ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : new BlobRequestConditions { IfMatch = new ETag(expectedVersion) },
        };
        try
        {
            return (await blob.UploadAsync(BinaryData.FromBytes(bytes), options, cancellationToken)).Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            ThrowIfNoContainer(e);

            // The client retries a request that timed out; when the first try did get through, the retry is refused as a
            // conflict with our own write. A blob that carries this write's id is that write: it succeeded.
            BlobProperties? now = null;
            try
            {
                now = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            }
            catch (RequestFailedException notFound) when (notFound.Status == 404)
            {
            }

            if (now is not null && now.Metadata.TryGetValue(WriteIdKey, out var id) && id == writeId)
            {
                return now.ETag.ToString();
            }

            throw new ContentConflictException(path, expectedVersion is null ? ContentConflict.BestaatAl : now is null ? ContentConflict.BestaatNiet : ContentConflict.Gewijzigd);
        }
    }

    public async Task DeleteAsync(string path, string expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expectedVersion);
        ContentPad.Check(path);
        var blob = container.GetBlobClient(path);
        if (!IsETag(expectedVersion))
        {
            throw new ContentConflictException(path, await ExistsAsync(blob, cancellationToken) ? ContentConflict.Gewijzigd : ContentConflict.BestaatNiet);
        }

        try
        {
            await blob.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, new BlobRequestConditions { IfMatch = new ETag(expectedVersion) }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            ThrowIfNoContainer(e);
            throw new ContentConflictException(path, e.Status != 404 && await ExistsAsync(blob, cancellationToken) ? ContentConflict.Gewijzigd : ContentConflict.BestaatNiet);
        }
    }

    /// <summary>Only a quoted ETag can be a version this store gave out; "*" or "" as If-Match would match any blob.</summary>
    private static bool IsETag(string version) => version.Length > 2 && version[0] == '"' && version[^1] == '"' && version.AsSpan(1, version.Length - 2).IndexOfAny('"', '*') < 0;

    private async Task<bool> ExistsAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.ExistsAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException e)
        {
            ThrowIfNoContainer(e);
            throw;
        }
    }

    private async Task<List<ContentEntry>> ListSortedAsync(string folder, BlobTraits traits, CancellationToken cancellationToken)
    {
        folder = ContentPad.Folder(folder);
        var entries = new List<ContentEntry>();
        try
        {
            await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Traits = traits, Prefix = folder.Length == 0 ? null : folder + "/" }, cancellationToken))
            {
                // Names starting with a dot are the store's own on disk; a blob so named (by another tool) is skipped the same way.
                if (!item.Name.Split('/').Any(d => d.StartsWith('.')))
                {
                    entries.Add(new ContentEntry(item.Name, DecodeMetadata(item.Metadata)));
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            ThrowIfNoContainer(e);
            throw;
        }

        // The service lists in its own order; both adapters give ordinal order.
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return entries;
    }

    private void ThrowIfNoContainer(RequestFailedException e)
    {
        if (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            throw new InvalidOperationException($"De container {Beschrijving} bestaat niet.", e);
        }
    }

    private static SortedDictionary<string, string> DecodeMetadata(IDictionary<string, string>? metadata)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            if (!key.StartsWith(ContentMetadata.ReservedPrefix, StringComparison.OrdinalIgnoreCase))
            {
                result[key.ToLowerInvariant()] = ContentMetadata.Decode(value);
            }
        }

        return result;
    }

    private static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".md" => "text/markdown; charset=utf-8",
        ".yml" or ".yaml" => "application/yaml; charset=utf-8",
        ".tsv" => "text/tab-separated-values; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerNameRegex();
}
