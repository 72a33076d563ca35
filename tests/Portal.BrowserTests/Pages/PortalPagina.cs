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

    /// <summary>The error summary above a form (role alert, named by its heading).</summary>
    public ILocator Foutoverzicht => Page.GetByRole(AriaRole.Alert, new() { Name = "Er klopt iets niet", Exact = true });

    /// <summary>A message in the error summary: a link to the field it is about.</summary>
    public ILocator FoutLink(string bericht) => Foutoverzicht.GetByRole(AriaRole.Link, new() { Name = bericht, Exact = true });

    /// <summary>
    /// Clicks and waits until the browser has committed the page at <paramref name="pad"/> (a link, or a POST form the
    /// portal answers with a redirect). The page was elsewhere before, so the URL cannot match too early.
    /// </summary>
    protected Task KlikNaarAsync(ILocator knop, string pad) => KlikNaarAsync(knop, url => new Uri(url).AbsolutePath == pad);

    /// <summary>Clicks and waits for the commit of a navigation to a URL that matches (and the current URL does not).</summary>
    protected Task KlikNaarAsync(ILocator knop, Func<string, bool> url) => KlikNaarAsync(Page, () => knop.ClickAsync(), url);

    /// <summary>
    /// Does <paramref name="actie"/> and waits for the commit of the navigation it starts. The wait is registered
    /// first: if the click returns after the new page has committed (a fast local server), WaitForURLAsync finds the
    /// URL already matching and then waits for a "commit" load state that never comes again, until it times out.
    /// </summary>
    public static async Task KlikNaarAsync(IPage page, Func<Task> actie, Func<string, bool> url)
    {
        var navigatie = page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await actie();
        await navigatie;
    }

    /// <summary>
    /// Submits a form the portal is expected to refuse: the answer is the same page with an error summary, so there is
    /// no new URL to wait for; the POST's own response is awaited, then the summary (the page before must have had none).
    /// </summary>
    protected async Task<IResponse> VerstuurMetFoutAsync(ILocator knop)
    {
        if (await Foutoverzicht.CountAsync() > 0)
        {
            throw new InvalidOperationException("The page already shows an error summary: the new one could not be told from it.");
        }

        var response = await Page.RunAndWaitForResponseAsync(
            () => knop.ClickAsync(),
            r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);
        await Assertions.Expect(Foutoverzicht).ToBeVisibleAsync();
        return response;
    }

    public async Task<ZoekResultatenPagina> ZoekAsync(string tekst)
    {
        await Zoekvak.PressSequentiallyAsync(tekst);
        await KlikNaarAsync(ZoekKnop, ZoekResultatenPagina.Pad);
        return new ZoekResultatenPagina(Page);
    }

    public async Task<LijstjePagina> NaarMijnLijstjeAsync()
    {
        await KlikNaarAsync(Hoofdmenu.GetByRole(AriaRole.Link, new() { Name = "Mijn lijstje", Exact = true }), LijstjePagina.Pad);
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

/// <summary>Any page of the portal, for what the layout gives every page (skip link, menu, main).</summary>
public sealed class LayoutPagina(IPage page) : PortalPagina(page);
