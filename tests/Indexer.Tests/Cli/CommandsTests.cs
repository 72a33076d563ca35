using System.CommandLine;
using System.Text.Json;
using SocialeKaart.Indexer.Tests.Support;

namespace SocialeKaart.Indexer.Tests.Cli;

/// <summary>The indexer CLI as a user runs it: validate, build, search, suggest — each test in its own temp folders.</summary>
public sealed class CommandsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sk-cli-" + Guid.NewGuid().ToString("N"));
    private string ContentDir => Path.Combine(_root, "content");
    private string IndexDir => Path.Combine(_root, "index");

    public CommandsTests()
    {
        // A small content folder: the real taxonomy, synonyms, postcodes and word list, plus three aanbod files.
        foreach (var file in new[] { "taxonomie.yml", "synoniemen.txt", "postcodes/pc4.tsv", "taal/woorden.txt" })
        {
            var target = Path.Combine(ContentDir, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(TestContent.ContentRoot, file), target);
        }

        Directory.CreateDirectory(Path.Combine(ContentDir, "aanbod"));
        foreach (var name in new[] { "buurtmaaltijd", "wmo-begeleiding" })
        {
            File.Copy(Path.Combine(RepoPaths.Root, "tests", "Indexer.Tests", "Golden", "input", name + ".md"), Path.Combine(ContentDir, "aanbod", name + ".md"));
        }
    }

    private void AddBrokenFile() =>
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "Indexer.Tests", "Golden", "input", "kapot.md"), Path.Combine(ContentDir, "aanbod", "kapot.md"));

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Commands.Root().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task SearchAndBuild_ElasticsearchNotReachable_SayItAndExit3()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();

        var search = await Run("search", "schulden", "--engine", "elasticsearch", "--elasticsearch-url", url);
        var build = await Run("build", "--content", ContentDir, "--engine", "elasticsearch", "--elasticsearch-url", url);

        Assert.Equal(3, search.Exit);
        Assert.Contains("niet bereikbaar", search.Error);
        Assert.DoesNotContain("   at ", search.Error);
        Assert.Equal(3, build.Exit);
        Assert.False(Directory.Exists(IndexDir));
    }

    [Fact]
    public async Task Search_ElasticsearchWithoutUrl_SaysWhichSettingIsMissing()
    {
        var (exit, _, error) = await Run("search", "schulden", "--engine", "elasticsearch");
        Assert.Equal(2, exit);
        Assert.Contains("Zoekindex:Elasticsearch:Url", error);
    }

    [Fact]
    public async Task Validate_AllGood_ExitsZero()
    {
        var (exit, output, _) = await Run("validate", "--content", ContentDir);
        Assert.Equal(0, exit);
        Assert.Contains("2 aanbodbestanden gecontroleerd: 2 goed, 0 met fouten", output);
    }

    [Fact]
    public async Task Validate_BrokenFile_PrintsPathLineMessage_AndExitsNonZero()
    {
        AddBrokenFile();
        var (exit, output, error) = await Run("validate", "--content", ContentDir);
        Assert.Equal(1, exit);
        Assert.Contains("aanbod/kapot.md:5: toegang 'soms' bestaat niet.", error);
        Assert.Contains("1 met fouten", output);
    }

    [Fact]
    public async Task Validate_BrokenSearchRules_PrintsFileLineMessage_AndExitsNonZero()
    {
        // The redactie edits situaties.txt and talen.txt by hand: validate names each mistake by file and line.
        File.WriteAllText(Path.Combine(ContentDir, "situaties.txt"), """
            # situaties
            [huur niet betalen]
            herken: huur + betal*
            zoek: huurachterstand
            levensdomein: wonen, vissen
            """);
        File.WriteAllText(Path.Combine(ContentDir, "talen.txt"), """
            [schulden]
            en: debt
            tr: borç*
            ar: ديون
            pl: dług*
            uk: борг*
            fr: dette
            """);
        var (exit, _, error) = await Run("validate", "--content", ContentDir);
        Assert.Equal(1, exit);
        Assert.Contains("situaties.txt:5: levensdomein 'vissen' bestaat niet in taxonomie.yml.", error);
        Assert.Contains("talen.txt:7: verwacht een taal", error);
    }

    [Fact]
    public async Task Validate_RealSearchRules_AreClean()
    {
        File.Copy(Path.Combine(TestContent.ContentRoot, "situaties.txt"), Path.Combine(ContentDir, "situaties.txt"));
        File.Copy(Path.Combine(TestContent.ContentRoot, "talen.txt"), Path.Combine(ContentDir, "talen.txt"));
        var (exit, output, error) = await Run("validate", "--content", ContentDir);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("situaties.txt", error);
        Assert.DoesNotContain("talen.txt", error);
        Assert.Contains("0 problemen", output);
    }

    [Fact]
    public async Task Build_SkipsBrokenFile_AndIndexesTheOthers()
    {
        AddBrokenFile();
        var (exit, output, error) = await Run("build", "--content", ContentDir, "--index", IndexDir);
        Assert.Equal(0, exit);
        Assert.Contains("aanbod/kapot.md:5:", error);
        Assert.Contains("Klaar: 2 aanbod geïndexeerd, 1 bestanden overgeslagen", output);
        Assert.True(File.Exists(Path.Combine(IndexDir, "current")));

        var search = await Run("search", "maaltijd", "--index", IndexDir);
        Assert.Contains("buurtmaaltijd  Buurtmaaltijd in Het Open Huis  [algemeen-toegankelijk]", search.Output);
    }

    [Fact]
    public async Task Search_WithFiltersAndJson_GivesMachineReadableHits()
    {
        await Run("build", "--content", ContentDir, "--index", IndexDir);
        var (exit, output, _) = await Run("search", "", "--toegang", "achter-het-loket", "--json", "--index", IndexDir);
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var hits = json.RootElement.GetProperty("hits");
        Assert.Equal("wmo-begeleiding", Assert.Single(hits.EnumerateArray()).GetProperty("id").GetString());
        Assert.DoesNotContain("Wachttijd", output); // internal fields never leave the index in a search
    }

    [Fact]
    public async Task Search_PostcodeAndDistance_ShowsKilometres()
    {
        await Run("build", "--content", ContentDir, "--index", IndexDir);
        var (_, output, _) = await Run("search", "eten", "--postcode", "3905 KL", "--sorteer", "afstand", "--index", IndexDir);
        Assert.Matches(@"buurtmaaltijd .* km", output);
    }

    [Fact]
    public async Task Search_WithoutIndex_SaysHowToBuildIt()
    {
        var (exit, _, error) = await Run("search", "schulden", "--index", IndexDir);
        Assert.Equal(2, exit);
        Assert.Contains("dotnet run --project indexer -- build", error);
    }

    [Fact]
    public async Task Suggest_CompletesFromTheIndex()
    {
        await Run("build", "--content", ContentDir, "--index", IndexDir);
        var (_, output, _) = await Run("suggest", "buurt", "--index", IndexDir);
        Assert.Contains("Buurtmaaltijd in Het Open Huis", output);
    }

    [Fact]
    public async Task Build_Repeatedly_SwapsAndKeepsTheLastThreeIndexFiles()
    {
        for (var i = 0; i < 4; i++)
        {
            await Run("build", "--content", ContentDir, "--index", IndexDir);
        }

        var files = Directory.GetFiles(IndexDir, "kaart-*.db");
        Assert.Equal(3, files.Length);
        Assert.Contains(File.ReadAllText(Path.Combine(IndexDir, "current")).Trim(), files.Select(Path.GetFileName));
    }

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
