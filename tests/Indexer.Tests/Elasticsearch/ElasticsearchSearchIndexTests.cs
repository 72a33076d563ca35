using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using SocialeKaart.Indexer.Tests.Search;
using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Elasticsearch;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Indexer.Tests.Elasticsearch;

/// <summary>
/// The search behaviour suite, unchanged, against a real Elasticsearch when <c>ELASTICSEARCH_URL</c> is set (see the
/// README for the one command that starts one); reported as skipped, with that reason, when it is not. Each test gets its
/// own prefix, so its indexes and aliases are its own; they are deleted afterwards.
/// </summary>
public sealed class ElasticsearchSearchIndexTests : SearchIndexBehaviour, IAsyncLifetime
{
    public const string UrlVariable = "ELASTICSEARCH_URL";

    private readonly string _prefix = "sk-test-" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<string> _prefixes = [];
    private ElasticsearchClient? _client;

    public static string? Url => Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? url : null;

    protected override Task<(ISearchIndexWriter Writer, ISearchIndex Reader)> CreateAsync(TimeProvider clock)
    {
        Assert.SkipWhen(Url is null, $"Geen Elasticsearch: zet {UrlVariable} (bijvoorbeeld http://localhost:9200) om deze suite tegen Elasticsearch te draaien.");
        var options = new ElasticsearchOptions
        {
            Url = Url,
            Prefix = _prefix + "-" + _prefixes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ApiKey = Environment.GetEnvironmentVariable("ELASTICSEARCH_API_KEY"),
            EersteWachttijd = TimeSpan.FromMilliseconds(50),
        };
        _prefixes.Add(options.Prefix);
        _client ??= ElasticsearchVerbinding.Client(options);
        return Task.FromResult<(ISearchIndexWriter, ISearchIndex)>((
            new ElasticsearchIndexWriter(_client, options, TestContent.Analyzer, clock),
            new ElasticsearchSearchIndex(_client, options, clock)));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_client is not null && _prefixes.Count > 0)
        {
            // By name: a cluster refuses wildcard deletes by default (action.destructive_requires_name).
            var found = await _client.Indices.GetAsync(new GetIndexRequest(Indices.Parse(string.Join(',', _prefixes.Select(p => p + "-*")))) { AllowNoIndices = true });
            if (found.IsValidResponse && found.Indices is { Count: > 0 } indices)
            {
                await _client.Indices.DeleteAsync(new DeleteIndexRequest(Indices.Parse(string.Join(',', indices.Keys))));
            }
        }
    }
}
