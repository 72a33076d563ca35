using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SocialeKaart.Portal.BrowserTests.Infrastructure;
using SocialeKaart.Portal.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>WCAG 2.1 AA as far as a machine can tell (axe-core), and reflow at 320 CSS pixels (= 1280 px at 400% zoom).</summary>
public sealed class AccessibilityTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    public static TheoryData<string> Pages => PublicPages.Names;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PublicPage_HasNoAxeViolations_ForWcag21AA(string name)
    {
        var page = await NewPageAsync();
        var (entry, _) = await PublicPages.OpenAsync(page, name);

        var violations = await Axe.CheckAsync(page);

        Assert.True(violations.Count == 0,
            $"axe-core found {violations.Count} WCAG 2.1 A/AA violation(s) on {name} ({entry.Url}):{Environment.NewLine}{Axe.Describe(violations)}");
    }

    public static TheoryData<string, string> PagesInOtherLanguages => PublicPages.NamesInOtherLanguages;

    [Theory]
    [MemberData(nameof(PagesInOtherLanguages))]
    public async Task PublicPage_HasNoAxeViolations_InEveryLanguage(string name, string taal)
    {
        var page = await NewPageAsync();
        var (entry, _) = await PublicPages.OpenAsync(page, name, taal);
        Assert.Equal(taal, await page.GetAttributeAsync("html", "lang"));

        var violations = await Axe.CheckAsync(page);

        Assert.True(violations.Count == 0,
            $"axe-core found {violations.Count} WCAG 2.1 A/AA violation(s) on {name} in {taal} ({entry.Url}):{Environment.NewLine}{Axe.Describe(violations)}");
    }

    // Right to left (Arabic) and the longest words (Ukrainian): where a translation can widen or mirror a page.
    public static TheoryData<string, string> PagesInArabicAndUkrainian =>
        new(PublicPages.All.Keys.SelectMany(name => PublicPages.AndereTalen(name).Where(t => t is "ar" or "uk").Select(taal => (name, taal))));

    [Theory]
    [MemberData(nameof(PagesInArabicAndUkrainian))]
    public async Task PublicPage_HasNoHorizontalScroll_At320CssPixelsWide_InArabicAndUkrainian(string name, string taal)
    {
        var page = await NewPageAsync(width: 320, height: 640);
        var (entry, _) = await PublicPages.OpenAsync(page, name, taal);

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");

        Assert.True(widths[0] <= widths[1] + 1,
            $"{name} in {taal} ({entry.Url}) scrolls sideways at 320 px: scrollWidth {widths[0]} > clientWidth {widths[1]}. Too wide:{Environment.NewLine}" +
            await TooWideAsync(page));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PublicPage_HasNoHorizontalScroll_At320CssPixelsWide(string name)
    {
        var page = await NewPageAsync(width: 320, height: 640);
        var (entry, _) = await PublicPages.OpenAsync(page, name);

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);

        Assert.True(scrollWidth <= clientWidth + 1,
            $"{name} ({entry.Url}) scrolls sideways at 320 px: scrollWidth {scrollWidth} > clientWidth {clientWidth}. Too wide:{Environment.NewLine}" +
            await TooWideAsync(page));
    }

    [Fact]
    public async Task Autocomplete_HasNoAxeViolations_WhenSuggestionsAreOpen()
    {
        var page = await NewPageAsync();
        var home = await HomePagina.OpenAsync(page);
        await home.Zoekvak.PressSequentiallyAsync("mant");
        await Expect(page.GetByRole(AriaRole.Listbox, new() { Name = "Suggesties", Exact = true })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(page.GetByRole(AriaRole.Option, new() { Selected = true })).ToHaveCountAsync(1);

        var violations = await Axe.CheckAsync(page);

        Assert.True(violations.Count == 0,
            $"axe-core found {violations.Count} violation(s) with the suggestions open:{Environment.NewLine}{Axe.Describe(violations)}");
    }

    // Text hidden visually but read out must join the visible text as written: "Zet op mijn lijstje: Taalcafé De Brug",
    // not "Zet op mijn lijstje : Taalcafé De Brug".
    [Fact]
    public async Task VisuallyHiddenText_JoinsAccessibleNameWithoutExtraSpace_OnAanbodPage()
    {
        var page = await NewPageAsync();
        var aanbod = await AanbodPagina.OpenAsync(page, PublicPages.DirectId);
        var naam = await aanbod.Kop.InnerTextAsync();

        await Expect(aanbod.ZetOpLijstje(naam)).ToHaveAccessibleNameAsync($"Zet op mijn lijstje: {naam}");
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Bekijk op de kaart") }))
            .ToHaveAccessibleNameAsync("Bekijk op de kaart: Veenmolenhof 3");
    }

    // Names the widest offenders, so a failure says where to look.
    private static async Task<string> TooWideAsync(IPage page)
    {
        var offenders = await page.EvaluateAsync<string[]>("""
            () => {
                const limit = document.documentElement.clientWidth + 1;
                const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
                const found = new Map();
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const hidden = e => { for (; e; e = e.parentElement) { if (e.getBoundingClientRect().width <= 1) return true; } return false; };
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    if (hidden(node.parentElement)) continue; // visually hidden (sr-only) text is clipped, it does not scroll
                    const range = document.createRange();
                    range.selectNodeContents(node);
                    const right = range.getBoundingClientRect().right;
                    if (right > limit && !found.has(node.parentElement)) {
                        found.set(node.parentElement, `${describe(node.parentElement)} (text to ${Math.round(right)} px): ${node.textContent.trim().slice(0, 80)}`);
                    }
                }
                for (const e of document.body.querySelectorAll('img, svg, input, select, textarea, button, table, pre, iframe')) {
                    const right = e.getBoundingClientRect().right;
                    if (right > limit) { found.set(e, `${describe(e)} (box to ${Math.round(right)} px)`); }
                }
                return [...found.values()].slice(0, 15);
            }
            """);
        return string.Join(Environment.NewLine, offenders.Select(o => "- " + o));
    }
}
