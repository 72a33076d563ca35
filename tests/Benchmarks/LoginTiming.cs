using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace SocialeKaart.Benchmarks;

/// <summary>
/// Does a failed login tell whether the account exists? (<c>sk-bench login</c>, run by scripts/bench-login.sh.) One
/// client logs in again and again against a running portal, interleaving three kinds of failure — an unknown address,
/// an existing account with a wrong password, and a right password after which it logs out — and times only the
/// POST of the login form. The figure that matters is the ratio of the unknown to the wrong-password latencies:
/// 1.0 means the two cannot be told apart.
/// </summary>
internal static partial class LoginTiming
{
    public static async Task<int> RunAsync(Options options)
    {
        var portal = new Uri(options.Required("url"));
        var email = options.Required("email");
        var wachtwoord = options.Required("password");
        var rondes = options.Int("rounds", 200);
        var soorten = new (string Naam, Func<int, (string Email, string Wachtwoord)> Wie)[]
        {
            ("unknown account", i => ($"niemand-{i}@onbekend.example", "Verkeerd-wachtwoord-2026")),
            ("wrong password", _ => (email, "Verkeerd-wachtwoord-2026")),
            ("right password", _ => (email, wachtwoord)),
        };

        var gemeten = soorten.ToDictionary(s => s.Naam, _ => new List<double>());
        for (var ronde = -10; ronde < rondes; ronde++) // ten rounds of warm-up
        {
            foreach (var (naam, wie) in ronde % 2 == 0 ? soorten : soorten.Reverse())
            {
                var (e, w) = wie(ronde);
                var ms = await EenAsync(portal, e, w);
                if (ronde >= 0)
                {
                    gemeten[naam].Add(ms);
                }
            }
        }

        Console.WriteLine("| login attempt | count | p50 (ms) | p95 (ms) | p99 (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (naam, waarden) in gemeten)
        {
            var st = Measure.Stats(waarden);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {naam} | {st.Count} | {st.P50:0.0} | {st.P95:0.0} | {st.P99:0.0} |"));
        }

        var onbekend = Measure.Stats(gemeten["unknown account"]);
        var fout = Measure.Stats(gemeten["wrong password"]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT unknown_over_wrong_p50={onbekend.P50 / fout.P50:0.00} unknown_over_wrong_p95={onbekend.P95 / fout.P95:0.00}"));
        return 0;
    }

    /// <summary>GET the login page for its token, then time the POST. A successful login is logged out again.</summary>
    private static async Task<double> EenAsync(Uri portal, string email, string wachtwoord)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = portal };
        var pagina = await client.GetStringAsync("/account/inloggen");
        var token = TokenRegex().Match(pagina).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "inloggen", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Invoer.Email"] = email, ["Invoer.Wachtwoord"] = wachtwoord,
        });
        var start = Stopwatch.GetTimestamp();
        using var antwoord = await client.PostAsync("/account/inloggen", form);
        await antwoord.Content.ReadAsByteArrayAsync();
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (antwoord.StatusCode == HttpStatusCode.Redirect)
        {
            var home = await client.GetStringAsync("/");
            using var uit = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenRegex().Match(home).Groups[1].Value),
            });
            (await client.PostAsync("/account/uitloggen", uit)).Dispose();
        }
        else if (antwoord.StatusCode != HttpStatusCode.BadRequest)
        {
            throw new InvalidOperationException($"login answered {(int)antwoord.StatusCode}");
        }

        return ms;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
