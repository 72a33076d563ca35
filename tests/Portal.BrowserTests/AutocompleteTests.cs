using System.Web;
using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Infrastructure;
using SocialeKaart.Portal.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>autocomplete.js: the ARIA 1.2 combobox pattern on the search box.</summary>
public sealed class AutocompleteTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    private static ILocator Zoekvak(IPage page) => page.GetByRole(AriaRole.Combobox, new() { Name = PortalPagina.ZoekLabel, Exact = true });

    private static ILocator Suggesties(IPage page) => page.GetByRole(AriaRole.Listbox, new() { Name = "Suggesties", Exact = true });

    [Fact]
    public async Task Autocomplete_SearchesChosenSuggestion_WithArrowDownAndEnter()
    {
        var page = await NewPageAsync();
        await HomePagina.OpenAsync(page);
        var zoekvak = Zoekvak(page);
        await Expect(zoekvak).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(Suggesties(page)).ToBeHiddenAsync();

        await zoekvak.PressSequentiallyAsync("mant");
        await Expect(Suggesties(page)).ToBeVisibleAsync();
        await Expect(zoekvak).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(zoekvak).ToHaveAttributeAsync("aria-controls", (await Suggesties(page).GetAttributeAsync("id"))!);
        var opties = Suggesties(page).GetByRole(AriaRole.Option);
        await Expect(opties.First).ToBeVisibleAsync();
        await Expect(opties.First).ToHaveAttributeAsync("aria-selected", "false");
        Assert.Null(await zoekvak.GetAttributeAsync("aria-activedescendant"));

        await zoekvak.PressAsync("ArrowDown");
        var eerste = opties.First;
        await Expect(eerste).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(zoekvak).ToHaveAttributeAsync("aria-activedescendant", (await eerste.GetAttributeAsync("id"))!);
        await Expect(Suggesties(page).GetByRole(AriaRole.Option, new() { Selected = true })).ToHaveCountAsync(1);
        await Expect(zoekvak).ToBeFocusedAsync(); // focus stays in the box; the option is only "active"
        var suggestie = (await eerste.TextContentAsync())!;

        await PortalPagina.KlikNaarAsync(page, () => zoekvak.PressAsync("Enter"), url =>
            new Uri(url).AbsolutePath == ZoekResultatenPagina.Pad && HttpUtility.ParseQueryString(new Uri(url).Query)["q"] == suggestie);
        await Expect(new ZoekResultatenPagina(page).Kop).ToHaveTextAsync($"Zoekresultaten voor ‘{suggestie}’");
        Assert.True(ConsoleErrors.Count == 0, Describe(ConsoleErrors));
    }

    [Fact]
    public async Task Autocomplete_ClosesSuggestions_OnEscape()
    {
        var page = await NewPageAsync();
        await HomePagina.OpenAsync(page);
        var zoekvak = Zoekvak(page);
        await zoekvak.PressSequentiallyAsync("mant");
        await Expect(Suggesties(page)).ToBeVisibleAsync();
        await zoekvak.PressAsync("ArrowDown");
        await Expect(zoekvak).ToHaveAttributeAsync("aria-activedescendant", new System.Text.RegularExpressions.Regex(".+"));

        await zoekvak.PressAsync("Escape");

        await Expect(Suggesties(page)).ToBeHiddenAsync();
        await Expect(zoekvak).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.Null(await zoekvak.GetAttributeAsync("aria-activedescendant"));
        await Expect(zoekvak).ToHaveValueAsync("mant");
        await Expect(zoekvak).ToBeFocusedAsync();
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);

        // ArrowDown opens the suggestions again.
        await zoekvak.PressAsync("ArrowDown");
        await Expect(Suggesties(page)).ToBeVisibleAsync();
        await Expect(zoekvak).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.True(ConsoleErrors.Count == 0, Describe(ConsoleErrors));
    }
}
