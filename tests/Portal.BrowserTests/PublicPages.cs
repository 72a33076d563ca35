using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Pages;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>Every public page of the portal in each state worth checking, by a short name that reads well in test output.</summary>
public static class PublicPages
{
    public sealed record Entry(string Url, int Status, bool MetLijstje = false);

    // One aanbod of each kind: the lijstje and the print view show both routes to help.
    public const string DirectId = "taalcafe-de-brug";
    public const string LoketId = "schuldhulpverlening-gemeente";

    public static readonly IReadOnlyDictionary<string, Entry> All = new Dictionary<string, Entry>
    {
        ["home"] = new("/", 200),
        ["zoeken-met-treffers"] = new("/zoeken?q=schulden", 200),
        ["zoeken-met-filters"] = new("/zoeken?q=schulden&levensdomein=rondkomen&toegang=algemeen-toegankelijk", 200),
        ["zoeken-postcode-op-afstand"] = new("/zoeken?q=taalcafe&postcode=3905+KL&sorteer=afstand", 200),
        ["zoeken-alle-hulp-pagina-2"] = new("/zoeken?pagina=2", 200),
        ["zoeken-geen-resultaten"] = new("/zoeken?q=xyzzyq", 200),
        ["zoeken-onbekend-filter-400"] = new("/zoeken?levensdomein=vissen", 400),
        ["aanbod-algemeen-toegankelijk"] = new("/aanbod/" + DirectId, 200),
        ["aanbod-achter-het-loket"] = new("/aanbod/" + LoketId, 200),
        ["aanbod-bestaat-niet-404"] = new("/aanbod/bestaat-niet", 404),
        ["pagina-bestaat-niet-404"] = new("/bestaat/ook/niet", 404),
        ["lijstje-leeg"] = new("/lijstje", 200),
        ["lijstje-met-aanbod"] = new("/lijstje", 200, MetLijstje: true),
        ["lijstje-afdrukken"] = new("/lijstje/afdrukken", 200, MetLijstje: true),
        ["melding"] = new("/melding", 200),
    };

    public static TheoryData<string> Names => new(All.Keys);

    /// <summary>Opens the page (after filling the lijstje through the UI when the state needs it) and checks its status code.</summary>
    public static async Task<(Entry Entry, IResponse Response)> OpenAsync(IPage page, string name)
    {
        var entry = All[name];
        if (entry.MetLijstje)
        {
            foreach (var id in new[] { DirectId, LoketId })
            {
                var aanbod = await AanbodPagina.OpenAsync(page, id);
                await aanbod.ZetOpLijstjeAsync(await aanbod.Kop.InnerTextAsync());
            }
        }

        var response = await page.GotoAsync(entry.Url);
        Assert.NotNull(response);
        Assert.True(response.Status == entry.Status, $"{entry.Url} answered {response.Status}, expected {entry.Status}.");
        return (entry, response);
    }
}
