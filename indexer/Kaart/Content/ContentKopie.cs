namespace SocialeKaart.Kaart.Content;

/// <summary>Copies a whole content store into another (a folder into a new Blob container, a container into a backup
/// folder): every file with its text and metadata, through the port. Create-only: a file that exists in the target is
/// never overwritten; the copy then stops with a <see cref="ContentConflictException"/>.</summary>
public static class ContentKopie
{
    /// <summary>The number of files copied.</summary>
    public static async Task<int> KopieerAsync(IContentStore bron, IContentStore doel, CancellationToken cancellationToken = default)
    {
        var aantal = 0;
        await foreach (var path in bron.ListAsync("", cancellationToken))
        {
            if (await bron.ReadFileAsync(path, cancellationToken) is { } file)
            {
                await doel.WriteAsync(path, file.Text, null, file.Metadata, cancellationToken);
                aantal++;
            }
        }

        return aantal;
    }
}
