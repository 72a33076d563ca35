using Microsoft.Playwright;

namespace SocialeKaart.Portal.BrowserTests.Pages;

/// <summary>What every page of the portal has: the layout (skip link, main menu, main content) and usually a search box.</summary>
public abstract class PortalPagina(IPage page)
{
    public const string ZoekLabel = "Waar zoekt u hulp bij?";

    public IPage Page { get; } = page;

    public ILocator Kop => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator SkipLink => Page.GetByRole(AriaRole.Link, new() { Name = "Naar de inhoud", Exact = true });

    public ILocator Inhoud => Page.GetByRole(AriaRole.Main);

    public ILocator Hoofdmenu => Page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });

    /// <summary>A plain search field without JavaScript; autocomplete.js makes it a combobox.</summary>
    public ILocator Zoekvak => Page.GetByRole(AriaRole.Combobox, new() { Name = ZoekLabel, Exact = true })
        .Or(Page.GetByRole(AriaRole.Searchbox, new() { Name = ZoekLabel, Exact = true }));

    public ILocator ZoekKnop => Page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Button, new() { Name = "Zoeken", Exact = true });

    public async Task<ZoekResultatenPagina> ZoekAsync(string tekst)
    {
        await Zoekvak.PressSequentiallyAsync(tekst);
        await ZoekKnop.ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == ZoekResultatenPagina.Pad, new() { WaitUntil = WaitUntilState.Commit });
        return new ZoekResultatenPagina(Page);
    }

    public async Task<LijstjePagina> NaarMijnLijstjeAsync()
    {
        await Hoofdmenu.GetByRole(AriaRole.Link, new() { Name = "Mijn lijstje", Exact = true }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == LijstjePagina.Pad, new() { WaitUntil = WaitUntilState.Commit });
        return new LijstjePagina(Page);
    }
}

public sealed class HomePagina(IPage page) : PortalPagina(page)
{
    public static async Task<HomePagina> OpenAsync(IPage page)
    {
        await page.GotoAsync("/");
        return new HomePagina(page);
    }
}
