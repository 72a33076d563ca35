using System.Diagnostics;
using System.Net;

namespace SocialeKaart.TestSupport;

/// <summary>
/// One inwoner's browser walking the public melding wizard of a running portal over real HTTP: its own cookies (the
/// draft cookie <c>sk-melding</c> and the antiforgery cookie), a GET of every page for its antiforgery token, then the
/// POST the form sends; redirects are not followed, so every answer can be checked.
/// </summary>
/// <remarks>
/// Compiled into the crash test (tests/Portal.Tests) and the load benchmark (<c>sk-bench melding</c>), so both walk the
/// wizard the same way. The token and the reference are found with a string search instead of an HTML parser: on a
/// 2-core machine every millisecond the load generator spends is taken from the portal it measures.
/// </remarks>
internal sealed class MeldingBrowser : IDisposable
{
    public const string Start = "/melding";
    public const string Controleren = "/melding/controleren";
    public const string Verstuurd = "/melding/verstuurd";

    private const string TokenVeld = "name=\"__RequestVerificationToken\" value=\"";
    private const string ReferentieKlasse = "class=\"referentie\">";

    private readonly HttpClient _http;

    public MeldingBrowser(Uri portal, CookieContainer? cookies = null)
        : this([portal], cookies)
    {
    }

    /// <summary>A browser behind a load balancer without sticky sessions: each request goes to the next of
    /// <paramref name="instanties"/> in turn (the same host on other ports, so the cookies go along).</summary>
    public MeldingBrowser(IReadOnlyList<Uri> instanties, CookieContainer? cookies = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(instanties.Count);
        Cookies = cookies ?? new CookieContainer();
        HttpMessageHandler handler = new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        if (instanties.Count > 1)
        {
            handler = new OmEnOm(instanties) { InnerHandler = handler };
        }

        _http = new HttpClient(handler)
        {
            BaseAddress = instanties[0],
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The browser's cookie jar: a new browser on the same jar continues the same draft (after a restart).</summary>
    public CookieContainer Cookies { get; }

    /// <summary>Called after every request with its label (e.g. "POST /melding/controleren") and its duration, body read.</summary>
    public Action<string, TimeSpan>? Gemeten { get; init; }

    /// <summary>Steps 1 to 5 with the answers of <c>MeldingInvullen</c> (tests/Portal.Tests), the question being <paramref name="vraag"/>.</summary>
    public static IReadOnlyList<(string Url, (string Naam, string Waarde)[] Velden)> Stappen(string vraag) =>
    [
        ("/melding/voor-wie", [("soort", "Zelf")]),
        ("/melding/waarover", [("levensdomein", "rondkomen"), ("vraag", vraag)]),
        ("/melding/situatie", [("hulp", "Hulp bij het op orde brengen van mijn geld.")]),
        ("/melding/aanbod", []),
        ("/melding/contact", [("naam", "Wilhelmina Testpersoon"), ("telefoon", "06 98765432"), ("email", "wilhelmina.testpersoon@voorbeeld.nl"),
            ("voorkeur", "Telefoon"), ("moment", "Ochtend"), ("delen", "ja")]),
    ];

    /// <summary>Starts a new draft and fills in steps 1 to 5: the check page is next.</summary>
    public async Task VulInAsync(string vraag, CancellationToken cancellationToken)
    {
        var token = await TokenAsync(Start, cancellationToken) ?? throw Fout(Start, "no form");
        var start = await PostAsync(Start, "melding-start", token, [("levensdomein", "")], cancellationToken);
        Verwacht(start, Start, "/melding/voor-wie");

        var stappen = Stappen(vraag);
        for (var i = 0; i < stappen.Count; i++)
        {
            var (url, velden) = stappen[i];
            var volgende = i + 1 < stappen.Count ? stappen[i + 1].Url : Controleren;
            token = await TokenAsync(url, cancellationToken) ?? throw Fout(url, "no form");
            var antwoord = await PostAsync(url, url, token, [.. velden, ("richting", "verder")], cancellationToken);
            Verwacht(antwoord, url, volgende);
        }
    }

    /// <summary>GET of the check page: its antiforgery token, or null when it redirects to the confirmation (already sent).</summary>
    public async Task<string?> OpenControleAsync(CancellationToken cancellationToken) => await TokenAsync(Controleren, cancellationToken);

    /// <summary>The final POST ("Melding versturen"). Acknowledged only when the answer is 302 to the confirmation page.</summary>
    public async Task<Antwoord> VerstuurAsync(string token, CancellationToken cancellationToken) =>
        await PostAsync(Controleren, Controleren, token, [("richting", "verder"), ("website", "")], cancellationToken);

    /// <summary>The reference on the confirmation page (e.g. "SK-2026-00042"), or null when the page shows none.</summary>
    public async Task<string?> ReferentieAsync(CancellationToken cancellationToken)
    {
        var (_, _, html) = await GetAsync(Verstuurd, cancellationToken);
        var begin = html.IndexOf(ReferentieKlasse, StringComparison.Ordinal);
        if (begin < 0)
        {
            return null;
        }

        begin += ReferentieKlasse.Length;
        var eind = html.IndexOf('<', begin);
        return eind < 0 ? null : html[begin..eind];
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The antiforgery token of the form on <paramref name="url"/>; null when the page redirects instead.</summary>
    private async Task<string?> TokenAsync(string url, CancellationToken cancellationToken)
    {
        var (status, locatie, html) = await GetAsync(url, cancellationToken);
        if (status == HttpStatusCode.Redirect)
        {
            return null;
        }

        var begin = html.IndexOf(TokenVeld, StringComparison.Ordinal);
        if (status != HttpStatusCode.OK || begin < 0)
        {
            throw Fout(url, $"GET returned {(int)status} {locatie}");
        }

        begin += TokenVeld.Length;
        return html[begin..html.IndexOf('"', begin)];
    }

    private async Task<(HttpStatusCode Status, string? Locatie, string Html)> GetAsync(string url, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await _http.GetAsync(url, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        Gemeten?.Invoke("GET " + url, Stopwatch.GetElapsedTime(start));
        return (response.StatusCode, Locatie(response), html);
    }

    private async Task<Antwoord> PostAsync(string url, string handler, string token, (string Naam, string Waarde)[] velden,
        CancellationToken cancellationToken)
    {
        var inhoud = new List<KeyValuePair<string, string>>(velden.Length + 2)
        {
            new("_handler", handler),
            new("__RequestVerificationToken", token),
        };
        inhoud.AddRange(velden.Select(v => new KeyValuePair<string, string>(v.Naam, v.Waarde)));

        var start = Stopwatch.GetTimestamp();
        using var response = await _http.PostAsync(url, new FormUrlEncodedContent(inhoud), cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        Gemeten?.Invoke("POST " + url, Stopwatch.GetElapsedTime(start));
        return new Antwoord(response.StatusCode, Locatie(response));
    }

    private static string? Locatie(HttpResponseMessage response) =>
        response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;

    private static void Verwacht(Antwoord antwoord, string url, string volgende)
    {
        if (antwoord.Status != HttpStatusCode.Redirect || antwoord.Locatie != volgende)
        {
            throw Fout(url, $"POST returned {(int)antwoord.Status} {antwoord.Locatie}, expected 302 to {volgende}");
        }
    }

    private static MeldingBrowserException Fout(string url, string wat) => new($"{url}: {wat}");

    /// <summary>The answer to a form POST: its status and, for a redirect, where to.</summary>
    public sealed record Antwoord(HttpStatusCode Status, string? Locatie)
    {
        /// <summary>The portal sends the melder to the confirmation only after the melding is stored.</summary>
        public bool Bevestigd => Status == HttpStatusCode.Redirect && Locatie == Verstuurd;
    }
}

/// <summary>Sends each request to the next instance in turn (round robin), as a load balancer without sticky sessions.</summary>
internal sealed class OmEnOm(IReadOnlyList<Uri> instanties) : DelegatingHandler
{
    private int _volgende = -1;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var doel = instanties[(int)((uint)Interlocked.Increment(ref _volgende) % (uint)instanties.Count)];
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = doel.Scheme, Host = doel.Host, Port = doel.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>The portal answered a step differently than a correct walk through the wizard expects.</summary>
internal sealed class MeldingBrowserException(string message) : Exception(message);
