using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SocialeKaart.Portal.Tests.Meldingen;

/// <summary>Posts a server-rendered form as a browser would: fetch the page, take its antiforgery token, post the fields.</summary>
internal static class Formulieren
{
    private static readonly HtmlParser Parser = new();

    public sealed record Antwoord(HttpStatusCode Status, string? Locatie, IHtmlDocument Document)
    {
        public IReadOnlyList<string> Fouten =>
            Document.QuerySelectorAll(".foutoverzicht li").Select(li => li.TextContent.Trim()).ToList();

        /// <summary>The page's antiforgery token, to post a form of this page later (a second click, a stale page).</summary>
        public string? Token => Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
    }

    public static async Task<Antwoord> OpenAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await LeesAsync(response);
    }

    /// <summary>GET <paramref name="url"/>, then POST the form named <paramref name="handler"/> with the fields.</summary>
    public static async Task<Antwoord> PostFormAsync(this HttpClient client, string url, string handler, params (string Naam, string Waarde)[] velden)
    {
        var pagina = await client.OpenAsync(url);
        var token = pagina.Token ?? throw new InvalidOperationException($"Geen formulier op {url} ({(int)pagina.Status}).");
        return await PostAsync(client, url, handler, token, velden);
    }

    public static async Task<Antwoord> PostAsync(this HttpClient client, string url, string handler, string? token, params (string Naam, string Waarde)[] velden)
    {
        var inhoud = new List<KeyValuePair<string, string>>(velden.Select(v => new KeyValuePair<string, string>(v.Naam, v.Waarde)))
        {
            new("_handler", handler),
        };
        if (token is not null)
        {
            inhoud.Add(new("__RequestVerificationToken", token));
        }

        var response = await client.PostAsync(url, new FormUrlEncodedContent(inhoud));
        return await LeesAsync(response);
    }

    private static async Task<Antwoord> LeesAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null,
            Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
}

/// <summary>A whole melding through the six steps, as an inwoner fills it in.</summary>
internal static class MeldingInvullen
{
    public const string Naam = "Wilhelmina Testpersoon";
    public const string Telefoon = "06 98765432";
    public const string Email = "wilhelmina.testpersoon@voorbeeld.nl";

    /// <summary>A new draft with step 1 answered "voor mezelf".</summary>
    public static async Task VoorMezelfAsync(HttpClient client)
    {
        await StartAsync(client);
        await Verder(client, "/melding/voor-wie", [("soort", "Zelf")]);
    }

    public static async Task StartAsync(HttpClient client, string levensdomein = "")
    {
        var start = await client.PostFormAsync("/melding", "melding-start", ("levensdomein", levensdomein));
        Assert.Equal(HttpStatusCode.Redirect, start.Status);
        Assert.Equal("/melding/voor-wie", start.Locatie);
    }

    /// <summary>Steps 1 to 5; the check page is next.</summary>
    public static async Task TotControleAsync(HttpClient client, string soort = "Zelf", string[]? levensdomeinen = null,
        string vraag = "Ik kan mijn rekeningen niet meer betalen.", bool uitzetting = false, (string, string)[]? voorWie = null)
    {
        await StartAsync(client);
        await Verder(client, "/melding/voor-wie", [("soort", soort), .. voorWie ?? []]);
        await Verder(client, "/melding/waarover", [.. (levensdomeinen ?? ["rondkomen"]).Select(d => ("levensdomein", d)), ("vraag", vraag)]);
        await Verder(client, "/melding/situatie", [("hulp", "Hulp bij het op orde brengen van mijn geld."), .. uitzetting ? new[] { ("uitzetting", "ja") } : []]);
        await Verder(client, "/melding/aanbod", []);
        await Verder(client, "/melding/contact", [("naam", Naam), ("telefoon", Telefoon), ("email", Email), ("voorkeur", "Telefoon"), ("moment", "Ochtend"), ("delen", "ja")]);
    }

    public static async Task<Formulieren.Antwoord> VerstuurAsync(HttpClient client)
    {
        var verstuur = await client.PostFormAsync("/melding/controleren", "/melding/controleren", ("richting", "verder"), ("website", ""));
        Assert.Equal(HttpStatusCode.Redirect, verstuur.Status);
        Assert.Equal("/melding/verstuurd", verstuur.Locatie);
        return await client.OpenAsync("/melding/verstuurd");
    }

    public static string Referentie(Formulieren.Antwoord verstuurd) =>
        verstuurd.Document.QuerySelector(".referentie")?.TextContent ?? throw new InvalidOperationException("Geen meldingnummer.");

    private static async Task Verder(HttpClient client, string url, (string, string)[] velden)
    {
        var antwoord = await client.PostFormAsync(url, url, [.. velden, ("richting", "verder")]);
        Assert.True(antwoord.Status == HttpStatusCode.Redirect, $"{url}: {(int)antwoord.Status} {string.Join("; ", antwoord.Fouten)}");
    }
}
