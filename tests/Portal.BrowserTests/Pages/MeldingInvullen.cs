using Microsoft.Playwright;

namespace SocialeKaart.Portal.BrowserTests.Pages;

/// <summary>What a test's melder answers; the defaults are a complete, valid melding about Rondkomen for oneself.</summary>
public sealed record MelderAntwoorden
{
    public string Soort { get; init; } = VoorWieStap.VoorMezelf;
    public string NaamPersoon { get; init; } = "";
    public string Organisatie { get; init; } = "";
    public bool Toestemming { get; init; }
    public IReadOnlyList<string> Levensdomeinen { get; init; } = ["Rondkomen"];
    public string Vraag { get; init; } = "Ik heb schulden en kom met mijn uitkering niet meer rond.";
    public string HulpNodig { get; init; } = "Hulp om mijn rekeningen op een rij te zetten.";
    public bool NietPluis { get; init; }
    public string Naam { get; init; } = "Jan de Vries";
    public string Telefoon { get; init; } = "06 12345678";
    public string Email { get; init; } = "";
}

/// <summary>
/// Fills in the melding through the UI, as a melder does, for tests that need a draft or a sent melding as their
/// starting point. The journeys themselves walk the steps one by one (and check each page on the way).
/// </summary>
public static class MeldingInvullen
{
    public static async Task VulInAsync(this VoorWieStap stap, MelderAntwoorden a)
    {
        await stap.Soort(a.Soort).CheckAsync();
        // The fields for someone else are hidden (CSS) when the choice does not need them; only visible ones are filled.
        if (a.NaamPersoon.Length > 0)
        {
            await stap.NaamPersoon.FillAsync(a.NaamPersoon);
        }

        if (a.Organisatie.Length > 0)
        {
            await stap.Organisatie.FillAsync(a.Organisatie);
        }

        if (a.Toestemming)
        {
            await stap.Toestemming.CheckAsync();
            // The consent record of a verwijzing: who, when, how.
            await stap.ToestemmingDoorWie.FillAsync(a.NaamPersoon.Length > 0 ? a.NaamPersoon : "De persoon zelf");
            await stap.ToestemmingOp.FillAsync(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await stap.ToestemmingMondeling.CheckAsync();
        }
    }

    public static async Task VulInAsync(this WaaroverStap stap, MelderAntwoorden a)
    {
        foreach (var domein in a.Levensdomeinen)
        {
            await stap.Levensdomein(domein).CheckAsync();
        }

        await stap.Vraag.FillAsync(a.Vraag);
    }

    public static async Task VulInAsync(this SituatieStap stap, MelderAntwoorden a)
    {
        await stap.HulpNodig.FillAsync(a.HulpNodig);
        if (a.NietPluis)
        {
            await stap.NietPluis.CheckAsync();
        }
    }

    public static async Task VulInAsync(this ContactStap stap, MelderAntwoorden a)
    {
        await stap.Naam.FillAsync(a.Naam);
        await stap.Telefoon.FillAsync(a.Telefoon);
        await stap.Email.FillAsync(a.Email);
    }

    /// <summary>Starts a draft and answers every step up to (not including) <paramref name="pad"/>; the browser is then on that step.</summary>
    public static async Task TotStapAsync(IPage page, string pad, MelderAntwoorden? antwoorden = null)
    {
        var a = antwoorden ?? new MelderAntwoorden();
        var voorWie = await (await MeldingStartPagina.OpenAsync(page)).BeginAsync();
        if (pad == VoorWieStap.Pad)
        {
            return;
        }

        await voorWie.VulInAsync(a);
        var waarover = await voorWie.VolgendeAsync();
        if (pad == WaaroverStap.Pad)
        {
            return;
        }

        await waarover.VulInAsync(a);
        var situatie = await waarover.VolgendeAsync();
        if (pad == SituatieStap.Pad)
        {
            return;
        }

        await situatie.VulInAsync(a);
        var aanbod = await situatie.VolgendeAsync();
        if (pad == AanbodStap.Pad)
        {
            return;
        }

        var contact = await aanbod.TochMeldingAsync();
        if (pad == ContactStap.Pad)
        {
            return;
        }

        await contact.VulInAsync(a);
        await contact.VolgendeAsync();
        if (pad != ControlerenStap.Pad)
        {
            throw new ArgumentException($"{pad} is not a step of the melding.", nameof(pad));
        }
    }

    /// <summary>A complete melding, sent; the browser is on the confirmation page.</summary>
    public static async Task<VerstuurdPagina> VerstuurAsync(IPage page, MelderAntwoorden? antwoorden = null)
    {
        await TotStapAsync(page, ControlerenStap.Pad, antwoorden);
        return await new ControlerenStap(page).VerstuurAsync();
    }
}
