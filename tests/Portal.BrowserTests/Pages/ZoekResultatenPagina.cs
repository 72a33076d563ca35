using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SocialeKaart.Portal.BrowserTests.Pages;

public sealed class ZoekResultatenPagina(IPage page) : PortalPagina(page)
{
    public const string Pad = "/zoeken";

    public ILocator Filters => Page.GetByRole(AriaRole.Complementary, new() { Name = "Filters", Exact = true });

    /// <summary>A facet value that can still be chosen, e.g. "Rondkomen (12)".</summary>
    public ILocator FilterLink(string waarde) =>
        Filters.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^{Regex.Escape(waarde)} \\(\\d+\\)$") });

    /// <summary>The chip of an active filter above the results, e.g. "Onderwerp: Rondkomen (filter weghalen)".</summary>
    public ILocator ActiefFilter(string facet, string waarde) =>
        Page.GetByRole(AriaRole.Link, new() { Name = $"{facet}: {waarde} (filter weghalen)", Exact = true });

    public ILocator Treffers => Page.GetByRole(AriaRole.Article);

    public ILocator TrefferTitels => Treffers.GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link);

    /// <summary>The disclosure that shows the filters (closed at first, so that the results come first on a phone).</summary>
    public ILocator FiltersKnop => Filters.Locator("summary");

    public async Task OpenFiltersAsync()
    {
        if (await Filters.Locator("details").GetAttributeAsync("open") is null)
        {
            await FiltersKnop.ClickAsync();
        }
    }

    public ILocator Treffer(string naam) => Page.GetByRole(AriaRole.Article, new() { Name = naam, Exact = true });

    public ILocator ZetOpLijstje(string naam) => Treffer(naam).GetByRole(AriaRole.Button, new() { Name = $"Zet op mijn lijstje: {naam}", Exact = true });

    public ILocator HaalVanLijstje(string naam) => Treffer(naam).GetByRole(AriaRole.Button, new() { Name = $"Haal van mijn lijstje: {naam}", Exact = true });

    public ILocator CrisisHulp => Page.GetByRole(AriaRole.Region, new() { Name = "Hulp nu, dag en nacht", Exact = true });

    public async Task<ZoekResultatenPagina> KiesFilterAsync(string waarde)
    {
        await OpenFiltersAsync();
        var link = FilterLink(waarde);
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException($"The filter link '{waarde}' has no href.");
        await KlikNaarAsync(link, url => url.EndsWith(href, StringComparison.Ordinal));
        return new ZoekResultatenPagina(Page);
    }

    public async Task<AanbodPagina> OpenAanbodAsync(string naam)
    {
        await KlikNaarAsync(TrefferTitels.GetByText(naam, new() { Exact = true }), url => new Uri(url).AbsolutePath.StartsWith(AanbodPagina.Pad, StringComparison.Ordinal));
        return new AanbodPagina(Page);
    }
}
