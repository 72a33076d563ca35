using System.Text.RegularExpressions;
using SocialeKaart.Portal.BrowserTests.Infrastructure;
using SocialeKaart.Portal.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace SocialeKaart.Portal.BrowserTests;

public sealed class KeyboardTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SkipLink_IsFirstTabStopAndMovesFocusToMain_OnHome(bool javaScript)
    {
        var page = await NewPageAsync(javaScriptEnabled: javaScript);
        var home = await HomePagina.OpenAsync(page);

        await page.Keyboard.PressAsync("Tab");
        await Expect(home.SkipLink).ToBeFocusedAsync();
        await Expect(home.SkipLink).ToBeInViewportAsync(); // visible when it has focus, not only to screen readers

        await page.Keyboard.PressAsync("Enter");
        await Expect(home.Inhoud).ToBeFocusedAsync();

        // The next Tab continues in the content: the search box, not the header.
        await page.Keyboard.PressAsync("Tab");
        await Expect(home.Zoekvak).ToBeFocusedAsync();
    }

    // A "#inhoud" link must stay on its page: with a <base href="/"> it led every page but home to the home page.
    [Theory]
    [InlineData("/melding")]
    [InlineData("/zoeken?q=schulden")]
    [InlineData("/account/inloggen")]
    public async Task SkipLink_MovesFocusToMainOfTheSamePage_OffHome(string url)
    {
        var page = await NewPageAsync(javaScriptEnabled: false);
        await page.GotoAsync(url);
        var pagina = new LayoutPagina(page);

        await page.Keyboard.PressAsync("Tab");
        await Expect(pagina.SkipLink).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(pagina.Inhoud).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(url) + "#inhoud$"));
    }
}
