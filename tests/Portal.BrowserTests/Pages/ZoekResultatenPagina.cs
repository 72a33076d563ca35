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

    public async Task<ZoekResultatenPagina> KiesFilterAsync(string waarde)
    {
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
