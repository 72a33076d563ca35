using SocialeKaart.Portal.BrowserTests.Infrastructure;
using SocialeKaart.Portal.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace SocialeKaart.Portal.BrowserTests;

public sealed class KeyboardTests(BrowserFixture fixture) : BrowserTest(fixture)
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
}
