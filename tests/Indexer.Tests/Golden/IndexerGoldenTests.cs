using System.Text.Json;
using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Indexer.Tests.Golden;

/// <summary>
/// Golden files, like Markdig's spec tests: each content file in Golden/input goes through the indexer's steps
/// (parse → validate → render → derive → analyse) and must give exactly Golden/expected/{name}.json, or for a broken
/// file exactly the problems in Golden/expected/{name}.problems.txt. Set UPDATE_GOLDEN=1 to rewrite them after a deliberate change.
/// </summary>
public sealed class IndexerGoldenTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "Indexer.Tests", "Golden");

    public static TheoryData<string> Inputs() =>
        new(Directory.GetFiles(Path.Combine(Folder, "input"), "*.md").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order());

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Indexer_ProducesTheGoldenOutput(string name)
    {
        var path = $"aanbod/{name}.md";
        var result = new AanbodParser(TestContent.Taxonomie).Parse(path, File.ReadAllText(Path.Combine(Folder, "input", name + ".md")));
        if (result.Aanbod is null)
        {
            Compare(name + ".problems.txt", string.Join('\n', result.Problems) + "\n");
            return;
        }

        Assert.Empty(result.Problems);
        var input = TestContent.Batch([result.Aanbod]).Documents.Single();
        var analyzer = TestContent.Analyzer;
        List<string> Terms(string text)
        {
            var terms = new List<string>();
            analyzer.AnalyzeForIndex(text, terms);
            return terms;
        }

        var output = new
        {
            document = input.Document,
            html = MarkdownRenderer.Html(input.Document.Aanbod.BodyMarkdown),
            intern = input.Intern,
            facetten = FacetWaarden.Van(input.Document, TestContent.Taxonomie),
            termen = new
            {
                naam = Terms(input.Document.Aanbod.Name),
                samenvatting = Terms(input.Document.Aanbod.Samenvatting),
            },
        };
        Compare(name + ".json", JsonSerializer.Serialize(output, Json) + "\n");
    }

    private static void Compare(string file, string actual)
    {
        var expectedPath = Path.Combine(Folder, "expected", file);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing; run the tests once with UPDATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
