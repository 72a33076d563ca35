using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Tests.Meldingen;

namespace SocialeKaart.Portal.Tests.Beveiliging;

/// <summary>
/// Property test of the HTTP surface in-process: every route, as an anonymous visitor and as a consulent, with random
/// query strings, form bodies (with and without a valid antiforgery token, so the handlers themselves are reached),
/// content types and character sets, cookies and headers. The portal never answers 5xx and never throws. Kestrel's
/// own parsing (Host, raw bytes, resets) is covered by <see cref="KestrelTests"/>. A new seed every run; FsCheck
/// prints it on a failure.
/// </summary>
public sealed class HttpFuzzTests
{
    /// <summary>Cases per property; SK_FUZZ_GEVALLEN asks for more (a longer run by hand or at night).</summary>
    private static readonly int Gevallen = int.TryParse(Environment.GetEnvironmentVariable("SK_FUZZ_GEVALLEN"), out var n) && n > 0 ? n : 400;

    private static readonly string[] Routes =
    [
        "/", "/zoeken", "/aanbod/taalcafe-de-brug", "/aanbod/bestaat-niet", "/aanbod/%2e%2e", "/lijstje", "/lijstje/afdrukken",
        "/lijstje/toevoegen", "/lijstje/verwijderen", "/melding", "/melding/voor-wie", "/melding/waarover", "/melding/situatie",
        "/melding/aanbod", "/melding/contact", "/melding/controleren", "/melding/verstuurd", "/melding/geholpen", "/melding/status?code=x", "/melding/status",
        "/melding/status?code=" + new string('a', 64), "/makelpunt", "/makelpunt/meldingen/1", "/makelpunt/meldingen/0",
        "/makelpunt/meldingen/-5", "/makelpunt/meldingen/99999999999", "/account/inloggen", "/account/uitloggen", "/account/geen-toegang",
        "/api/zoeken", "/api/suggesties", "/api/hsds/services", "/api/hsds/services/taalcafe-de-brug", "/api/hsds/services/x",
        "/api/hsds/organizations", "/api/hsds/taxonomy_terms", "/api/hsds/export", "/api/openapi/opendata.json", "/stuurinformatie",
        "/stuurinformatie/csv/meldingen", "/stuurinformatie?van=2026-13-01", "/status/500", "/status/abc", "/fout", "/niet-gevonden", "/css/site.css", "/js/autocomplete.js",
    ];

    private static readonly string[] Parameters =
    [
        "q", "levensdomein", "leefgebied", "toegang", "doelgroep", "kosten", "wijk", "vorm", "bereik", "taal", "wanneer", "postcode",
        "straal", "sorteer", "pagina", "ReturnUrl", "team", "status", "urgent", "te-laat", "id", "terug", "_handler", "richting", "soort",
        "vraag", "naam", "telefoon", "email", "voorkeur", "moment", "delen", "website", "hulp", "uitzetting", "Invoer.Email",
        "Invoer.Wachtwoord", "Invoer.Terug", "versie", "handeling", "uitkomst", "medewerker", "datum", "notitie", "aanbod",
        "page", "per_page", "modified_after", "search", "taxonomy_term_id", "format", "full", "proximity", "van", "tot", "figuur",
    ];

    private static readonly string[] Waarden =
    [
        "", " ", "schulden", "rondkomen", "algemeen-toegankelijk", "3901 AB", "9999", "-1", "0", "1", "99999999999999999999", "1e308",
        "NaN", "ja", "nee", "true", "verder", "terug", "geholpen", "Zelf", "Organisatie", "Zorgen", "/", "//evil.example", "/\t/evil",
        "javascript:alert(1)", "<script>alert(1)</script>", "' OR 1=1 --", "\0", "\uFFFD", "\uD800", "é", "𝄞", "\u202E", "%", "%ZZ",
        "../../etc/passwd", "2026-02-30", "25:61", new string('x', 70_000), "inloggen", "/melding/controleren", "melding-start",
    ];

    private static readonly string?[] ContentTypes =
    [
        null, "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8", "application/x-www-form-urlencoded; charset=utf-7",
        "application/x-www-form-urlencoded; charset=x-nope", "application/x-www-form-urlencoded; charset=\"", "multipart/form-data",
        "multipart/form-data; boundary=", "multipart/form-data; boundary=----x", "application/json", "text/plain", "*/*", ";;;", "a/b; c=d; c=e",
    ];

    private static readonly (string Naam, string Waarde)[] Koppen =
    [
        ("Accept-Language", "ar, tr;q=0.5"), ("Accept-Language", "\u00ff;q=abc"), ("Referer", "javascript:x"), ("X-Forwarded-For", "1.2.3.4, evil"),
        ("X-Forwarded-Proto", "gopher"), ("If-None-Match", "*"), ("If-Modified-Since", "gisteren"), ("Range", "bytes=9-1"), ("Accept", "application/json"),
        ("Accept", "text/html;q=0"), ("Origin", "null"), ("Sec-Fetch-Site", "cross-site"), ("Cookie", "sk-lijstje=a.b..c"),
        ("Cookie", "sk-melding=" + new string('0', 64)), ("Cookie", "sk-melding=../x"), ("Cookie", ".AspNetCore.Antiforgery.x=AAAA"),
        ("Cookie", "sk-medewerker=CfDJ8xxx"), ("Cookie", "=; ;=;"),
    ];

    [Fact]
    public async Task AnyRequest_AnyRole_NeverGets5xx()
    {
        using var factory = new PortalFactory();
        var anoniem = factory.Client();
        var consulent = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        var organisatie = await TestAccounts.IngelogdAsync(factory, Rollen.Organisatie);
        var beleid = await TestAccounts.IngelogdAsync(factory, Rollen.Beleidsmedewerker);
        await MeldingInvullen.TotControleAsync(anoniem); // a draft, so the later steps have something to show
        await TestAccounts.MeldingAsync(factory);
        var clients = new (HttpClient Client, string Token)[]
        {
            (anoniem, (await anoniem.OpenAsync("/aanbod/taalcafe-de-brug")).Token!),
            (consulent, (await consulent.OpenAsync("/makelpunt")).Token!),
            (organisatie, (await organisatie.OpenAsync("/")).Token!),
            (beleid, (await beleid.OpenAsync("/")).Token!),
        };

        var tekst = Gen.OneOf(Gen.Elements(Waarden), ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));
        var paar = Gen.Elements(Parameters).SelectMany(_ => tekst, (k, v) => (k, v));
        var verzoek =
            from wie in Gen.Choose(0, clients.Length - 1)
            from methode in Gen.Elements("GET", "POST", "POST", "HEAD", "PUT", "DELETE")
            from route in Gen.Elements(Routes)
            from query in Gen.ArrayOf(paar)
            from velden in Gen.ArrayOf(paar)
            from token in Gen.Elements(true, true, false)
            from type in Gen.Elements(ContentTypes)
            from kop in Gen.ArrayOf(Gen.Elements(Koppen))
            select new Verzoek(wie, methode, route, query, velden, token, type, kop);

        var verzoeken = Gen.Sized(n => verzoek.Resize(Math.Min(n, 8)));
        Prop.ForAll(verzoeken.ToArbitrary(), v =>
        {
            var (client, token) = clients[v.Wie];
            var status = StuurAsync(client, token, v).GetAwaiter().GetResult();
            return ((int)status < 500).Label($"{(int)status} for {v}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Gevallen));
    }

    private static async Task<HttpStatusCode> StuurAsync(HttpClient client, string token, Verzoek v)
    {
        var query = string.Join('&', v.Query.Select(p => Uri.EscapeDataString(p.Naam) + "=" + Escape(p.Waarde)));
        using var request = new HttpRequestMessage(new HttpMethod(v.Methode), v.Route + (query.Length > 0 ? "?" + query : ""));
        if (v.Methode is "POST" or "PUT")
        {
            var velden = v.Velden.Select(p => Uri.EscapeDataString(p.Naam) + "=" + Escape(p.Waarde));
            if (v.MetToken)
            {
                velden = velden.Append("__RequestVerificationToken=" + Uri.EscapeDataString(token));
            }

            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join('&', velden)));
            if (v.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", v.ContentType);
            }
        }

        foreach (var (naam, waarde) in v.Koppen)
        {
            request.Headers.TryAddWithoutValidation(naam, waarde);
        }

        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode;
    }

    // Lone surrogates cannot be escaped as UTF-8: send them as the replacement character, as a browser would.
    private static string Escape(string waarde) => Uri.EscapeDataString(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(waarde)));

    private sealed record Verzoek(int Wie, string Methode, string Route, (string Naam, string Waarde)[] Query,
        (string Naam, string Waarde)[] Velden, bool MetToken, string? ContentType, (string Naam, string Waarde)[] Koppen)
    {
        public override string ToString() =>
            $"{Methode} {Route} as client {Wie}; query [{string.Join(", ", Query.Select(Kort))}]; form [{string.Join(", ", Velden.Select(Kort))}]; " +
            $"token {MetToken}; type {ContentType}; headers [{string.Join(", ", Koppen.Select(k => k.Naam + ": " + k.Waarde))}]";

        private static string Kort((string Naam, string Waarde) p) => $"{p.Naam}={(p.Waarde.Length > 40 ? p.Waarde[..40] + "…" : p.Waarde)}";
    }
}
