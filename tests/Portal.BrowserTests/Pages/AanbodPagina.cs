using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SocialeKaart.Portal.BrowserTests.Pages;

public sealed class AanbodPagina(IPage page) : PortalPagina(page)
{
    public const string Pad = "/aanbod/";

    // The intended names are "Zet op mijn lijstje: <naam>" and "Haal van mijn lijstje: <naam>". Browsers currently compute
    // "Zet op mijn lijstje : <naam>" (the visually hidden span is absolutely positioned, so it counts as a block and gets a
    // space). AccessibilityTests checks the exact name; here the space is tolerated so the journeys test the journey.
    public ILocator ZetOpLijstje(string naam) => LijstjeKnop("Zet op mijn lijstje", naam);

    public ILocator HaalVanLijstje(string naam) => LijstjeKnop("Haal van mijn lijstje", naam);

    private ILocator LijstjeKnop(string actie, string naam) =>
        Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^{Regex.Escape(actie)} ?: {Regex.Escape(naam)}$") });

    public static async Task<AanbodPagina> OpenAsync(IPage page, string id)
    {
        await page.GotoAsync(Pad + id);
        return new AanbodPagina(page);
    }

    /// <summary>Adds the aanbod with a POST form; the portal redirects back here.</summary>
    public async Task ZetOpLijstjeAsync(string naam)
    {
        var url = Page.Url;
        await ZetOpLijstje(naam).ClickAsync();
        await Assertions.Expect(HaalVanLijstje(naam)).ToBeVisibleAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(url);
    }
}
