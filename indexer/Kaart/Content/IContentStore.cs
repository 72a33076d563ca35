namespace SocialeKaart.Kaart.Content;

/// <summary>
/// Where the content files live. Adapters: a local folder (default) and an Azure Blob container (production).
/// Paths are relative and use '/', e.g. "aanbod/taalcafe-de-brug.md".
/// </summary>
public interface IContentStore
{
    /// <summary>A human description of where the content is, for messages.</summary>
    string Beschrijving { get; }

    IAsyncEnumerable<string> ListAsync(string folder, CancellationToken cancellationToken = default);

    /// <summary>The text of a file, or null when it does not exist.</summary>
    Task<string?> ReadAsync(string path, CancellationToken cancellationToken = default);
}

/// <summary>Content in a folder on disk (content/ in the repository by default).</summary>
public sealed class LocalContentStore(string root) : IContentStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Beschrijving => Root;

    public async IAsyncEnumerable<string> ListAsync(string folder, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var dir = Path.Combine(Root, folder);
        if (!Directory.Exists(dir))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Path.GetRelativePath(Root, file).Replace('\\', '/');
        }

        await Task.CompletedTask;
    }

    public async Task<string?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(Path.Combine(Root, path));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
        {
            return null;
        }

        return await File.ReadAllTextAsync(full, cancellationToken);
    }
}
