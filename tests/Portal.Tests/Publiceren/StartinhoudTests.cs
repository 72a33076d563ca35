using System.Net;
using SocialeKaart.Portal.Tests.Meldingen;

namespace SocialeKaart.Portal.Tests.Publiceren;

/// <summary>The demo's first start: <c>Content:Startinhoud</c> fills an empty content store, and a later start never
/// overwrites what was published meanwhile.</summary>
public sealed class StartinhoudTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), "sk-startinhoud-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_store, recursive: true);

    [Fact]
    public async Task LegeStore_WordtGevuld_EnEenVolgendeStartLaatWijzigingenStaan()
    {
        using (var eerste = Portal())
        {
            Assert.Equal(HttpStatusCode.OK, (await eerste.Client().GetAsync("/aanbod/buurtbemiddeling")).StatusCode);
        }

        Assert.True(File.Exists(Path.Combine(_store, "taxonomie.yml")));
        Assert.Equal(Directory.EnumerateFiles(Path.Combine(PortalProcess.RepoRoot(), "content", "aanbod"), "*.md").Count(),
            Directory.EnumerateFiles(Path.Combine(_store, "aanbod"), "*.md").Count());

        // Published meanwhile (here: written into the store), then a new start with the same seed folder.
        var pad = Path.Combine(_store, "aanbod", "buurtbemiddeling.md");
        await File.WriteAllTextAsync(pad, (await File.ReadAllTextAsync(pad)).Replace("Buurtbemiddeling bij ruzie met de buren", "Buurtbemiddeling Proef", StringComparison.Ordinal));
        using var tweede = Portal();
        var pagina = await tweede.Client().OpenAsync("/aanbod/buurtbemiddeling");
        Assert.Equal("Buurtbemiddeling Proef", pagina.Document.QuerySelector("h1")!.TextContent.Trim());
    }

    private PortalFactory Portal() => new() { Instellingen = { ["Content:Map"] = _store, ["Content:Startinhoud"] = "content" } };
}
