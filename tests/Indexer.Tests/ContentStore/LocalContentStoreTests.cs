using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Indexer.Tests.ContentStore;

/// <summary>The content store behaviour suite against a local folder.</summary>
public sealed class LocalContentStoreTests : ContentStoreBehaviour, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sk-store-" + Guid.NewGuid().ToString("N"));
    private int _stores;

    protected override Task<IContentStore> CreateAsync() =>
        Task.FromResult<IContentStore>(new LocalContentStore(Path.Combine(_root, (++_stores).ToString(System.Globalization.CultureInfo.InvariantCulture), "content")));

    protected override IContentStore SecondInstance(IContentStore store) => new LocalContentStore(((LocalContentStore)store).Root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
