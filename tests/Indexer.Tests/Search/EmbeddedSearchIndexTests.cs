using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Search;
using SocialeKaart.Indexer.Tests.Support;

namespace SocialeKaart.Indexer.Tests.Search;

/// <summary>The search behaviour suite against the embedded engine.</summary>
public sealed class EmbeddedSearchIndexTests : SearchIndexBehaviour, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sk-index-" + Guid.NewGuid().ToString("N"));
    private readonly List<SqliteSearchIndex> _readers = [];

    protected override Task<(ISearchIndexWriter Writer, ISearchIndex Reader)> CreateAsync(TimeProvider clock)
    {
        var options = new EmbeddedIndexOptions { Map = Path.Combine(_folder, _readers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        var reader = new SqliteSearchIndex(options, clock);
        _readers.Add(reader);
        return Task.FromResult<(ISearchIndexWriter, ISearchIndex)>((new SqliteIndexWriter(options, TestContent.Analyzer, clock), reader));
    }

    public void Dispose()
    {
        foreach (var reader in _readers)
        {
            reader.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
