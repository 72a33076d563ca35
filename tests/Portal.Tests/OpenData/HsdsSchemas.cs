using System.Text.Json.Nodes;
using Json.Schema;

namespace SocialeKaart.Portal.Tests.OpenData;

/// <summary>
/// The official HSDS 3.0 schemas (shared/external-data/hsds, Open Referral, CC BY-SA 4.0) with a real JSON Schema
/// validator (JsonSchema.Net). Formats (uuid, uri, email, date-time) are checked, not just annotated. The response
/// schemas of the list endpoints come from the specification's own openapi.json.
/// </summary>
internal static class HsdsSchemas
{
    private const string Officieel = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

    public static string Map => Path.Combine(Repo.ExternalData, "hsds", "schema");

    private static readonly Lazy<EvaluationOptions> Opties = new(() =>
    {
        var options = new EvaluationOptions
        {
            EvaluateAs = SpecVersion.Draft202012,
            RequireFormatValidation = true,
            OutputFormat = OutputFormat.List,
        };
        foreach (var file in Directory.EnumerateFiles(Map, "*.json", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith("openapi", StringComparison.Ordinal)))
        {
            options.SchemaRegistry.Register(JsonSchema.FromFile(file));
        }

        return options;
    });

    private static readonly Dictionary<string, JsonSchema> Cache = [];

    /// <summary>A schema file of the specification, e.g. "compiled/service.json" or "taxonomy.json".</summary>
    public static JsonSchema Bestand(string naam)
    {
        lock (Cache)
        {
            _ = Opties.Value;
            if (!Cache.TryGetValue(naam, out var schema))
            {
                Cache[naam] = schema = (JsonSchema)Opties.Value.SchemaRegistry.Get(new Uri(Path.Combine(Map, naam)))!;
            }

            return schema;
        }
    }

    /// <summary>The 200 response schema of a path in the HSDS API reference (openapi.json), with its Page and schema refs resolved locally.</summary>
    public static JsonSchema Antwoord(string pad)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue("openapi:" + pad, out var bekend))
            {
                return bekend;
            }

            var openapi = JsonNode.Parse(File.ReadAllText(Path.Combine(Map, "openapi.json")))!;
            var schema = openapi["paths"]![pad]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.DeepClone();
            var page = openapi["components"]!["schemas"]!["Page"]!.ToJsonString();
            var tekst = schema.ToJsonString()
                .Replace("{\"$ref\":\"#/components/schemas/Page\"}", page, StringComparison.Ordinal)
                .Replace(Officieel, new Uri(Map + Path.DirectorySeparatorChar).AbsoluteUri, StringComparison.Ordinal);
            Assert.DoesNotContain("#/components", tekst, StringComparison.Ordinal);
            _ = Opties.Value;
            var resultaat = JsonSchema.FromText(tekst);
            Cache["openapi:" + pad] = resultaat;
            return resultaat;
        }
    }

    /// <summary>The problems of a document against a schema; empty when it is valid.</summary>
    public static IReadOnlyList<string> Fouten(JsonSchema schema, JsonNode? document)
    {
        EvaluationResults result;
        lock (Cache)
        {
            result = schema.Evaluate(document, Opties.Value);
        }

        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? []).Where(d => !d.IsValid && d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid (no details)").Take(20).ToList();
    }

    public static void Geldig(JsonSchema schema, JsonNode? document, string wat)
    {
        var fouten = Fouten(schema, document);
        Assert.True(fouten.Count == 0, $"{wat} volgt het HSDS-schema niet:{Environment.NewLine}{string.Join(Environment.NewLine, fouten)}");
    }
}

/// <summary>The repository root (holding SocialeKaart.sln) and the third-party test data outside it.</summary>
internal static class Repo
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialeKaart.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SocialeKaart.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => LazyRoot.Value;

    public static string ExternalData => TestSupport.ExterneData.Map(Root);

    public static string Content => Path.Combine(Root, "content");
}
