using Azure.Storage.Blobs;
using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Indexer.Tests.ContentStore;

/// <summary>The content store behaviour suite against an Azure Blob container, live on Azurite.</summary>
public sealed class BlobContentStoreTests : ContentStoreBehaviour
{
    protected override async Task<IContentStore> CreateAsync() => await Azurite.NewStoreAsync();

    protected override IContentStore SecondInstance(IContentStore store)
    {
        var container = ((BlobContentStore)store).Container;
        return new BlobContentStore(new BlobContainerClient(container.Uri, new Azure.Storage.StorageSharedKeyCredential("devstoreaccount1", AzuriteKey()), Azurite.Options()));
    }

    private static string AzuriteKey()
    {
        var connection = Azurite.ConnectionStringAsync().GetAwaiter().GetResult();
        return connection.Split(';').Single(p => p.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];
    }
}
