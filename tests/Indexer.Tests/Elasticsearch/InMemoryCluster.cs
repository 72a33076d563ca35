using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Transport;
using SocialeKaart.Kaart.Elasticsearch;

namespace SocialeKaart.Indexer.Tests.Elasticsearch;

/// <summary>One request the official client sent: method, path with query, and body (JSON, or NDJSON lines for bulk).</summary>
internal sealed record Verzoek(string Method, string Path, string? Body)
{
    public JsonNode? Json => Body is null ? null
        : Body.TrimEnd().Contains('\n') ? new JsonArray(Body.TrimEnd().Split('\n').Select(l => JsonNode.Parse(l)).ToArray())
        : JsonNode.Parse(Body);
}

/// <summary>
/// No network: the official client with a request invoker that records every request and answers it from the test's
/// canned Elasticsearch JSON, through Elastic.Transport's <see cref="InMemoryRequestInvoker"/> (which builds the typed
/// response exactly as from a real answer). Unanswered requests get a valid empty answer.
/// </summary>
internal sealed class InMemoryCluster : IRequestInvoker
{
    // Elasticsearch names itself in every answer; the client refuses answers without it (its product check).
    private readonly InMemoryRequestInvoker _inner = new([], 200, null, "application/json",
        new Dictionary<string, IEnumerable<string>> { ["x-elastic-product"] = ["Elasticsearch"] });
    private readonly List<(Func<Verzoek, bool> Match, Func<Verzoek, (int Status, string Json)> Answer)> _answers = [];

    public List<Verzoek> Verzoeken { get; } = [];

    public ResponseFactory ResponseFactory => _inner.ResponseFactory;

    public ElasticsearchOptions Options { get; } = new() { Url = "http://localhost:9200", Prefix = "sk" };

    public ElasticsearchClient Client() =>
        new(ElasticsearchVerbinding.Configure(new ElasticsearchClientSettings(new SingleNodePool(new Uri(Options.Url!)), this), Options).DisableDirectStreaming());

    public InMemoryCluster Answer(Func<Verzoek, bool> match, Func<Verzoek, (int, string)> answer)
    {
        _answers.Insert(0, (match, answer));
        return this;
    }

    public InMemoryCluster Answer(string method, string pathStart, string json, int status = 200) =>
        Answer(v => v.Method == method && v.Path.StartsWith(pathStart, StringComparison.Ordinal), _ => (status, json));

    public async Task<TResponse> RequestAsync<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData, CancellationToken cancellationToken)
        where TResponse : TransportResponse, new()
    {
        string? body = null;
        if (postData is not null)
        {
            using var stream = new MemoryStream();
            await postData.WriteAsync(stream, boundConfiguration.ConnectionSettings, false, cancellationToken);
            body = Encoding.UTF8.GetString(stream.ToArray());
        }

        var verzoek = new Verzoek(endpoint.Method.ToString().ToUpperInvariant(), "/" + Uri.UnescapeDataString(endpoint.PathAndQuery).TrimStart('/'), body);
        Verzoeken.Add(verzoek);
        var (status, json) = _answers.FirstOrDefault(a => a.Match(verzoek)).Answer?.Invoke(verzoek) ?? (200, Standaard(verzoek));
        return await _inner.BuildResponseAsync<TResponse>(endpoint, boundConfiguration, postData, cancellationToken,
            Encoding.UTF8.GetBytes(json), status, "application/json");
    }

    public TResponse Request<TResponse>(Endpoint endpoint, BoundConfiguration boundConfiguration, PostData? postData)
        where TResponse : TransportResponse, new() =>
        RequestAsync<TResponse>(endpoint, boundConfiguration, postData, CancellationToken.None).GetAwaiter().GetResult();

    public void Dispose() => ((IDisposable)_inner).Dispose();

    private static string Standaard(Verzoek v) => v.Path switch
    {
        var p when p.Contains("/_bulk", StringComparison.Ordinal) => """{"took":1,"errors":false,"items":[]}""",
        var p when p.Contains("/_search", StringComparison.Ordinal) => """{"took":1,"timed_out":false,"_shards":{"total":1,"successful":1,"skipped":0,"failed":0},"hits":{"total":{"value":0,"relation":"eq"},"max_score":null,"hits":[]}}""",
        var p when p.Contains("/_refresh", StringComparison.Ordinal) || p.Contains("/_forcemerge", StringComparison.Ordinal) => """{"_shards":{"total":1,"successful":1,"failed":0}}""",
        var p when p.Contains("/_alias", StringComparison.Ordinal) && v.Method == "GET" => "{}",
        _ when v.Method == "PUT" => """{"acknowledged":true,"shards_acknowledged":true,"index":"x"}""",
        _ => """{"acknowledged":true}""",
    };

    /// <summary>The requests as a golden file shows them: build names without their time stamp, bodies as indented JSON.</summary>
    public static string Beschrijf(IEnumerable<Verzoek> verzoeken)
    {
        var array = new JsonArray(verzoeken.Select(v => (JsonNode)new JsonObject
        {
            ["method"] = v.Method,
            ["path"] = ZonderStempel(v.Path),
            ["body"] = v.Json is { } j ? JsonNode.Parse(ZonderStempel(j.ToJsonString())) : null,
        }).ToArray());
        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string ZonderStempel(string s) =>
        System.Text.RegularExpressions.Regex.Replace(s, @"-\d{8}-\d{6}-\d{3}-[0-9a-f]{6}", "-{build}");
}
