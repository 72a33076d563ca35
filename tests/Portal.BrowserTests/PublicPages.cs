using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Pages;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>Every public page of the portal in each state worth checking, by a short name that reads well in test output.</summary>
public static class PublicPages
{
    /// <param name="Url">The page's address (for the status page: its shape; the real one has a secret token).</param>
    /// <param name="Voorbereiden">
    /// Brings this browser into the page's state first (a lijstje, a melding draft up to a step, a sent melding) through
    /// the UI, and returns the address to open: <paramref name="Url"/>, or one only known afterwards.
    /// </param>
    public sealed record Entry(string Url, int Status, Func<IPage, Task<string>>? Voorbereiden = null);

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
        // The search page in other languages: right to left, the crisis help, and nothing found.
        // In Dutch here; every page in its other languages: NamesInOtherLanguages.
        ["zoeken-crisis"] = new("/zoeken?q=" + Uri.EscapeDataString("vannacht buiten slapen"), 200),
        ["aanbod-algemeen-toegankelijk"] = new("/aanbod/" + DirectId, 200),
        ["aanbod-achter-het-loket"] = new("/aanbod/" + LoketId, 200),
        ["aanbod-bestaat-niet-404"] = new("/aanbod/bestaat-niet", 404),
        ["pagina-bestaat-niet-404"] = new("/bestaat/ook/niet", 404),
        ["lijstje-leeg"] = new("/lijstje", 200),
        ["lijstje-met-aanbod"] = new("/lijstje", 200, MetLijstje("/lijstje")),
        ["lijstje-afdrukken"] = new("/lijstje/afdrukken", 200, MetLijstje("/lijstje/afdrukken")),
        ["melding"] = new(MeldingStartPagina.Pad, 200),
        ["melding-met-concept"] = new(MeldingStartPagina.Pad, 200, MeldingTot(SituatieStap.Pad, open: MeldingStartPagina.Pad)),
        ["melding-stap-1-voor-wie"] = new(VoorWieStap.Pad, 200, MeldingTot(VoorWieStap.Pad)),
        ["melding-stap-2-waarover"] = new(WaaroverStap.Pad, 200, MeldingTot(WaaroverStap.Pad)),
        ["melding-stap-3-situatie"] = new(SituatieStap.Pad, 200, MeldingTot(SituatieStap.Pad)),
        ["melding-stap-4-aanbod"] = new(AanbodStap.Pad, 200, MeldingTot(AanbodStap.Pad)),
        ["melding-stap-5-contact"] = new(ContactStap.Pad, 200, MeldingTot(ContactStap.Pad)),
        ["melding-stap-6-controleren"] = new(ControlerenStap.Pad, 200, MeldingTot(ControlerenStap.Pad)),
        ["melding-verstuurd"] = new(VerstuurdPagina.Pad, 200, async page =>
        {
            await MeldingInvullen.VerstuurAsync(page);
            return VerstuurdPagina.Pad;
        }),
        ["melding-status"] = new(StatusPagina.Pad + "{token}", 200, async page =>
        {
            var verstuurd = await MeldingInvullen.VerstuurAsync(page);
            return new Uri(await verstuurd.StatusLink.GetAttributeAsync("href") ?? throw new InvalidOperationException("No status link.")).PathAndQuery;
        }),
        ["melding-status-onbekend-404"] = new(StatusPagina.Pad + "bestaat-niet", 404),
        ["melding-geholpen"] = new(GeholpenPagina.Pad, 200, async page =>
        {
            await MeldingInvullen.TotStapAsync(page, AanbodStap.Pad);
            await new AanbodStap(page).GeholpenAsync();
            return GeholpenPagina.Pad;
        }),
        ["inloggen"] = new(InloggenPagina.Pad, 200),
        ["geen-toegang-403"] = new(GeenToegangPagina.Pad, 403),
    };

    public static TheoryData<string> Names => new(All.Keys);

    /// <summary>The languages besides Dutch a page is written in (issue 11): home, search and aanbod (and the error pages
    /// under them) in five, the lijstje and the melding in English; the staff pages in Dutch only.</summary>
    public static IReadOnlyList<string> AndereTalen(string name) =>
        name.StartsWith("home", StringComparison.Ordinal) || name.StartsWith("zoeken", StringComparison.Ordinal)
            || name.StartsWith("aanbod", StringComparison.Ordinal) || name.StartsWith("pagina-bestaat-niet", StringComparison.Ordinal)
            ? ["en", "ar", "tr", "pl", "uk"]
        : name.StartsWith("lijstje", StringComparison.Ordinal) || name.StartsWith("melding", StringComparison.Ordinal) ? ["en"]
        : [];

    /// <summary>Every page in every language it has besides Dutch.</summary>
    public static TheoryData<string, string> NamesInOtherLanguages
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in All.Keys)
            {
                foreach (var taal in AndereTalen(name))
                {
                    data.Add(name, taal);
                }
            }

            return data;
        }
    }

    /// <summary>Opens the page (after filling the lijstje through the UI when the state needs it) and checks its status code.</summary>
    /// <param name="taal">When given, the page is opened with <c>?taal=</c>: the state is prepared in Dutch, then shown in this language.</param>
    public static async Task<(Entry Entry, IResponse Response)> OpenAsync(IPage page, string name, string? taal = null)
    {
        var entry = All[name];
        var url = entry.Voorbereiden is null ? entry.Url : await entry.Voorbereiden(page);
        if (taal is not null)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "taal=" + taal;
        }

        var response = await page.GotoAsync(url);
        Assert.NotNull(response);
        Assert.True(response.Status == entry.Status, $"{url} answered {response.Status}, expected {entry.Status}.");
        return (entry with { Url = url }, response);
    }

    private static Func<IPage, Task<string>> MetLijstje(string url) => async page =>
    {
        foreach (var id in new[] { DirectId, LoketId })
        {
            var aanbod = await AanbodPagina.OpenAsync(page, id);
            await aanbod.ZetOpLijstjeAsync(await aanbod.Kop.InnerTextAsync());
        }

        return url;
    };

    /// <summary>A draft answered up to the step at <paramref name="stap"/>; then <paramref name="open"/> (default: that step) is opened afresh.</summary>
    private static Func<IPage, Task<string>> MeldingTot(string stap, string? open = null) => async page =>
    {
        await MeldingInvullen.TotStapAsync(page, stap);
        return open ?? stap;
    };
}
