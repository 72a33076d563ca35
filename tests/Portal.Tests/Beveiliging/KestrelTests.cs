using System.Net;
using System.Net.Sockets;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SocialeKaart.Portal.Tests.Beveiliging;

/// <summary>
/// What only the real server shows (the in-process test server parses Host itself and sends no Server header): the
/// portal as its own process on Kestrel, asked over raw sockets, so a reset or a connection closed without an answer
/// is seen as such.
/// </summary>
public sealed class KestrelTests
{
    private static readonly TimeSpan Start = TimeSpan.FromMinutes(2);

    private static readonly string[] Hosts =
    [
        "xn--", "xn--a", "xn--zz-", "xn---", "xn--a..b", "xn--1234567890", "xn--zca", "xn--ls8h", "xn--bcher-kva.example",
        "a..b", "", " ", "evil.example", "[::1]", "[::1", "127.0.0.1:99999", "caf\u00e9", "a/b", "a\\b", "a@b", "::",
        "localhost:0", "LOCALHOST", "xn--80ak6aa92e.com", "%2e%2e", ".", "..",
    ];

    [Fact]
    public async Task RawRequests_EveryHostAndJunk_GetAnAnswerBelow500()
    {
        using var map = new TempMap();
        // Every host allowed and every log on, so our own Host check and the framework's request log are both reached.
        await using var portal = await PortalProcess.StartAsync(map.Pad, bouwIndex: true, Start, TestContext.Current.CancellationToken,
            new Dictionary<string, string>
            {
                ["AllowedHosts"] = "*",
                ["Logging__LogLevel__Default"] = "Trace",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            });

        foreach (var host in Hosts)
        {
            foreach (var route in new[] { "/", "/zoeken?q=schulden", "/makelpunt", "/melding" })
            {
                var antwoord = await RawAsync(portal.Adres, $"GET {route} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
                Assert.True(antwoord.Code is > 0 and < 500, $"Host '{host}' {route}: {antwoord.Regel}\n{portal.Log}");
            }
        }

        foreach (var verzoek in new[] { "GET / HTTP/1.0\r\n\r\n", "GET / HTTP/1.0\r\nHost:\r\n\r\n", "HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" })
        {
            var antwoord = await RawAsync(portal.Adres, verzoek);
            Assert.True(antwoord.Code is > 0 and < 500, $"{verzoek.Split('\r')[0]}: {antwoord.Regel}\n{portal.Log}");
        }

        var verzoeken = Gen.Elements("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "BREW")
            .SelectMany(_ => Gen.Elements(Hosts.Concat(["localhost", "127.0.0.1"]).ToArray()), (m, h) => (m, h))
            .SelectMany(_ => Gen.Elements("/", "/zoeken?q=%00", "/zoeken?q=" + new string('a', 5000), "/aanbod/%2e%2e%2f", "/melding/status?code=x", "/melding/status",
                "/makelpunt/meldingen/-1", "/api/zoeken?pagina=99999999999", "/lijstje/toevoegen", "/account/inloggen", "/%ff%fe", "/css/../../etc/passwd"), (mh, p) => (mh.m, mh.h, p))
            .SelectMany(_ => Gen.Elements("", "Content-Type: application/x-www-form-urlencoded; charset=utf-7\r\n", "Content-Type: multipart/form-data\r\n",
                "Content-Type: application/x-www-form-urlencoded; charset=\"\r\n", "Cookie: sk-melding=" + new string('x', 2000) + "\r\n", "Cookie: =;;=\r\n",
                "X-Forwarded-For: 1.2.3.4\r\n", "Accept-Language: \u00ff\r\n", "Transfer-Encoding: chunked\r\n"), (mhp, k) => (mhp.m, mhp.h, mhp.p, k))
            .Select(v => $"{v.m} {v.p} HTTP/1.1\r\nHost: {v.h}\r\n{v.k}Content-Length: 3\r\nConnection: close\r\n\r\na=b");

        foreach (var verzoek in verzoeken.Sample(250))
        {
            var antwoord = await RawAsync(portal.Adres, verzoek.Replace("Transfer-Encoding: chunked\r\n", "", StringComparison.Ordinal));
            Assert.True(antwoord.Code is > 0 and < 500, $"{verzoek[..Math.Min(200, verzoek.Length)]}: {antwoord.Regel}\n{portal.Log}");
        }
    }

    [Fact]
    public async Task Responses_HaveNoServerHeader()
    {
        using var map = new TempMap();
        await using var portal = await PortalProcess.StartAsync(map.Pad, bouwIndex: true, Start, TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = portal.Adres };
        foreach (var route in new[] { "/", "/css/site.css", "/bestaat-niet", "/api/zoeken?q=x" })
        {
            var antwoord = await client.GetAsync(route, TestContext.Current.CancellationToken);
            Assert.False(antwoord.Headers.Contains("Server"), route);
        }
    }

    [Fact]
    public async Task ForwardedHeaders_FromAClientThatIsNoProxy_AreIgnored()
    {
        using var map = new TempMap();
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED alone would believe every client; without a configured proxy nobody is believed.
        await using var portal = await PortalProcess.StartAsync(map.Pad, bouwIndex: true, Start, TestContext.Current.CancellationToken,
            new Dictionary<string, string> { ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true", ["Melding__InlogpogingenPerMinuut"] = "3" });

        var codes = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var antwoord = await RawAsync(portal.Adres, Inloggen($"X-Forwarded-For: 203.0.113.{i}\r\nX-Forwarded-Proto: https\r\n"));
            codes.Add(antwoord.Code);
        }

        Assert.Equal(StatusCodes429(codes.Count - 3), codes.Skip(3));
    }

    [Fact]
    public async Task ForwardedHeaders_FromAConfiguredProxy_CountTheInwonersAddressAndHttps()
    {
        using var map = new TempMap();
        await using var portal = await PortalProcess.StartAsync(map.Pad, bouwIndex: true, Start, TestContext.Current.CancellationToken,
            new Dictionary<string, string> { ["Proxies__Vertrouwd__0"] = "127.0.0.1", ["Melding__InlogpogingenPerMinuut"] = "3" });

        // Five inwoners behind the proxy, each under the limit.
        for (var i = 0; i < 5; i++)
        {
            var antwoord = await RawAsync(portal.Adres, Inloggen($"X-Forwarded-For: 203.0.113.{i}\r\n"));
            Assert.NotEqual(429, antwoord.Code);
        }

        // Behind an HTTPS proxy every cookie is Secure, the antiforgery cookie too.
        var pagina = await RawAsync(portal.Adres, "GET /account/inloggen HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");
        var antiforgery = Assert.Single(pagina.Koppen("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<int> StatusCodes429(int aantal) => Enumerable.Repeat(429, aantal);

    private static string Inloggen(string koppen) =>
        $"POST /account/inloggen HTTP/1.1\r\nHost: localhost\r\n{koppen}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\nConnection: close\r\n\r\na=b";

    private sealed record Antwoord(int Code, string Regel, string Tekst)
    {
        public IEnumerable<string> Koppen(string naam) =>
            Tekst.Split("\r\n\r\n")[0].Split("\r\n").Where(r => r.StartsWith(naam + ":", StringComparison.OrdinalIgnoreCase)).Select(r => r[(naam.Length + 1)..].Trim());

    }

    /// <summary>Sends raw bytes (UTF-8) and reads the answer until the server closes; a reset or no answer is code 0.</summary>
    private static async Task<Antwoord> RawAsync(Uri adres, string verzoek)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, adres.Port), cts.Token);
            await socket.SendAsync(Encoding.UTF8.GetBytes(verzoek), cts.Token);
            var buffer = new byte[64 * 1024];
            var ontvangen = new MemoryStream();
            int n;
            while ((n = await socket.ReceiveAsync(buffer, cts.Token)) > 0)
            {
                ontvangen.Write(buffer, 0, n);
            }

            var tekst = Encoding.Latin1.GetString(ontvangen.ToArray());
            var regel = tekst.Split("\r\n")[0];
            var delen = regel.Split(' ');
            return delen.Length > 1 && regel.StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(delen[1], out var code)
                ? new(code, regel, tekst)
                : new(0, tekst.Length == 0 ? "(closed without an answer)" : regel, tekst);
        }
        catch (SocketException e)
        {
            return new(0, "(socket: " + e.SocketErrorCode + ")", "");
        }
        catch (OperationCanceledException)
        {
            return new(0, "(no answer within 20 s)", "");
        }
    }

    private sealed class TempMap : IDisposable
    {
        public string Pad { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sk-kestrel-" + Guid.NewGuid().ToString("N"))).FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(Pad, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
