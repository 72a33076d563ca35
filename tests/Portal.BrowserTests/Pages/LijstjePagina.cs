using Microsoft.Playwright;

namespace SocialeKaart.Portal.BrowserTests.Pages;

public sealed class LijstjePagina(IPage page) : PortalPagina(page)
{
    public const string Pad = "/lijstje";

    public ILocator Aanbod(string naam) => Page.GetByRole(AriaRole.Article, new() { Name = naam, Exact = true });

    public ILocator AanbodLink(string naam) => Aanbod(naam).GetByRole(AriaRole.Link, new() { Name = naam, Exact = true });

    public ILocator AfdrukkenLink => Page.GetByRole(AriaRole.Link, new() { Name = "Afdrukken met alle contactgegevens", Exact = true });

    public async Task<AfdrukPagina> AfdrukkenAsync()
    {
        await KlikNaarAsync(AfdrukkenLink, AfdrukPagina.Pad);
        return new AfdrukPagina(Page);
    }
}

/// <summary>The print view of the lijstje: every contact detail written out, nothing to click.</summary>
public sealed class AfdrukPagina(IPage page) : PortalPagina(page)
{
    public const string Pad = "/lijstje/afdrukken";

    public ILocator Aanbod(string naam) => Page.GetByRole(AriaRole.Article, new() { Name = naam, Exact = true });

    /// <summary>The "Telefoon: …" lines of one aanbod, each with a tel: link.</summary>
    public ILocator Telefoonnummers(string naam) =>
        Aanbod(naam).GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = "Telefoon:" }).GetByRole(AriaRole.Link);

    public ILocator Regel(string naam, string begin) =>
        Aanbod(naam).GetByRole(AriaRole.Listitem).Filter(new() { HasTextString = begin });
}
