using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SocialeKaart.Benchmarks;

/// <summary>
/// Publishing end to end against a running portal (<c>sk-bench publish</c>, run by scripts/bench-publish.sh): the demo
/// organisation proposes a change to one of its aanbod through its form, the demo redacteur approves it through the
/// review page, and the clock runs from the approval POST until /api/zoeken finds the change — over real HTTP, through
/// the content store and the index update, as a user sees it. Searchers keep searching all the while; their latency is
/// compared with a window of the same length without approvals.
/// </summary>
internal static class Publishing
{
    private const string Wachtwoord = "Demo-Kaart-2026";

    private static readonly string[] Zoekvragen =
        ["schulden", "eenzaam", "hulp bij opvoeding", "werk zoeken", "mantelzorg", "taalcafe", "dementie", "voedselbank", "sport", "jongeren"];

    // sk-bench publish --url URL [--approvals 100] [--searchers 2] [--warmup-seconds 10] [--baseline-seconds 20]
    public static async Task<int> RunAsync(Options options)
    {
        var portal = new Uri(options.Required("url"));
        var approvals = options.Int("approvals", 100);
        var searchers = options.Int("searchers", 2);
        var warmup = TimeSpan.FromSeconds(options.Int("warmup-seconds", 10));
        var baseline = TimeSpan.FromSeconds(options.Int("baseline-seconds", 20));

        using var org = await Client.LogInAsync(portal, options.Get("org", "organisatie@demo.sociale-kaart.nl"));
        using var redacteur = await Client.LogInAsync(portal, options.Get("redacteur", "redacteur@demo.sociale-kaart.nl"));
        var ids = (await org.PageAsync("/organisatie/aanbod")).QuerySelectorAll("a")
            .Select(a => a.GetAttribute("href") ?? "")
            .Where(h => h.StartsWith("/organisatie/aanbod/", StringComparison.Ordinal) && !h.EndsWith("/nieuw", StringComparison.Ordinal))
            .Select(h => h.Split('/')[^1]).Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new InvalidOperationException("de demo-organisatie heeft geen aanbod (draait de portal in Development met de demo-inhoud?)");
        }

        var random = new Random(20261201);
        var samenvattingen = new Dictionary<string, string>(StringComparer.Ordinal);

        // Search latency without approvals (a window before and one after), and with; the searchers run through all,
        // after a warm-up that is not counted (JIT, caches, the upkeep round at start).
        using var stop = new CancellationTokenSource();
        var during = -1; // -1 warm-up, 0 before, 1 during approvals, 2 after
        var zoekers = Enumerable.Range(0, searchers).Select(i => Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = portal };
            var samples = new List<(int Fase, double Ms)>();
            for (var n = i; !stop.IsCancellationRequested; n++)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync("/api/zoeken?q=" + Uri.EscapeDataString(Zoekvragen[n % Zoekvragen.Length]));
                await response.Content.ReadAsStringAsync();
                samples.Add((Volatile.Read(ref during), Stopwatch.GetElapsedTime(start).TotalMilliseconds));
            }

            return samples;
        })).ToList();
        await Task.Delay(warmup);
        Volatile.Write(ref during, 0);
        await Task.Delay(baseline);
        Volatile.Write(ref during, 1);

        var submit = new List<double>();
        var approve = new List<double>();
        var searchable = new List<double>();
        var errors = 0;
        for (var i = 0; i < approvals; i++)
        {
            var id = ids[i % ids.Count];
            var marker = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('a' + random.Next(26))));

            // The organisation's proposal (not timed as publishing: the change is not live until approved).
            var formulier = Form.Of(await org.PageAsync($"/organisatie/aanbod/{id}"), "aanbod");
            var samenvatting = samenvattingen.TryGetValue(id, out var s) ? s : samenvattingen[id] = formulier.Value("samenvatting");
            var start = Stopwatch.GetTimestamp();
            var ingediend = await org.PostAsync($"/organisatie/aanbod/{id}", formulier.Set("samenvatting", $"{samenvatting} {marker}").Set("actie", "indienen"));
            submit.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (ingediend != HttpStatusCode.Redirect)
            {
                errors++;
                Console.Error.WriteLine($"  indienen {id}: {(int)ingediend}");
                continue;
            }

            var goedkeuren = Form.Of(await redacteur.PageAsync($"/redactie/voorstellen/{id}"), "goedkeuren");
            start = Stopwatch.GetTimestamp();
            var goedgekeurd = await redacteur.PostAsync($"/redactie/voorstellen/{id}", goedkeuren);
            approve.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (goedgekeurd != HttpStatusCode.Redirect)
            {
                errors++;
                Console.Error.WriteLine($"  goedkeuren {id}: {(int)goedgekeurd}");
                continue;
            }

            while (!await redacteur.FindsAsync(marker, id))
            {
                if (Stopwatch.GetElapsedTime(start) > TimeSpan.FromSeconds(30))
                {
                    errors++;
                    Console.Error.WriteLine($"  {id}: na 30 s nog niet te vinden");
                    break;
                }
            }

            searchable.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        Volatile.Write(ref during, 2);
        await Task.Delay(baseline);
        await stop.CancelAsync();
        var zoekSamples = (await Task.WhenAll(zoekers)).SelectMany(x => x).ToList();
        var zonder = Measure.Stats(zoekSamples.Where(x => x.Fase == 0).Select(x => x.Ms));
        var erna = Measure.Stats(zoekSamples.Where(x => x.Fase == 2).Select(x => x.Ms));
        var met = Measure.Stats(zoekSamples.Where(x => x.Fase == 1).Select(x => x.Ms));
        var a = Measure.Stats(approve);
        var z = Measure.Stats(searchable);
        var d = Measure.Stats(submit);

        Console.WriteLine("| step | count | p50 (ms) | p95 (ms) | max (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Row("organisation submits (POST)", d);
        Row("redacteur approves (POST, until the answer)", a);
        Row("approve → searchable (/api/zoeken finds it)", z);
        Row($"search while approving ({searchers} searchers)", met);
        Row($"search without approvals ({baseline.TotalSeconds:0} s before)", zonder);
        Row($"search without approvals ({baseline.TotalSeconds:0} s after)", erna);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT approvals={z.Count} searchable_p50_ms={z.P50:0.0} searchable_p95_ms={z.P95:0.0} searchable_max_ms={z.Max:0.0} " +
            $"search_p95_during_ms={met.P95:0.00} search_p95_before_ms={zonder.P95:0.00} search_p95_after_ms={erna.P95:0.00} errors={errors}"));
        return errors == 0 ? 0 : 1;

        static void Row(string label, LatencyStats st) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {st.Count:N0} | {st.P50:0.0} | {st.P95:0.0} | {st.Max:0.0} |"));
    }

    /// <summary>A signed-in browser: its own cookies, redirects not followed.</summary>
    private sealed class Client(HttpClient http) : IDisposable
    {
        private static readonly HtmlParser Parser = new();

        public static async Task<Client> LogInAsync(Uri portal, string email)
        {
            var client = new Client(new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = portal,
                Timeout = TimeSpan.FromSeconds(60),
            });
            var login = Form.Of(await client.PageAsync("/account/inloggen"), "inloggen").Set("Invoer.Email", email).Set("Invoer.Wachtwoord", Wachtwoord);
            if (await client.PostAsync("/account/inloggen", login) != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"inloggen als {email} lukt niet");
            }

            return client;
        }

        public async Task<IHtmlDocument> PageAsync(string url)
        {
            using var response = await http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
            }

            return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
        }

        public async Task<HttpStatusCode> PostAsync(string url, Form form)
        {
            using var response = await http.PostAsync(url, new FormUrlEncodedContent(form.Fields));
            await response.Content.ReadAsStringAsync();
            return response.StatusCode;
        }

        public async Task<bool> FindsAsync(string marker, string id)
        {
            using var response = await http.GetAsync("/api/zoeken?q=" + marker);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("hits").EnumerateArray().Any(h =>
                h.GetProperty("id").GetString() == id && h.GetProperty("samenvatting").GetString()!.Contains(marker, StringComparison.Ordinal));
        }

        public void Dispose() => http.Dispose();
    }

    /// <summary>A form as the browser sends it: every field with its rendered value, then what the benchmark changes.</summary>
    private sealed class Form(List<KeyValuePair<string, string>> fields)
    {
        public IReadOnlyList<KeyValuePair<string, string>> Fields => fields;

        public static Form Of(IHtmlDocument page, string handler)
        {
            var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{handler}']") is not null)
                ?? throw new InvalidOperationException($"geen formulier '{handler}'");
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var element in form.QuerySelectorAll("input, select, textarea"))
            {
                if (element.GetAttribute("name") is not { } name || element.HasAttribute("disabled"))
                {
                    continue;
                }

                switch (element)
                {
                    case IHtmlInputElement { Type: "checkbox" or "radio" } keuze when keuze.HasAttribute("checked"):
                        fields.Add(new(name, keuze.GetAttribute("value") ?? "on"));
                        break;
                    case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" }:
                        break;
                    case IHtmlInputElement input:
                        fields.Add(new(name, input.GetAttribute("value") ?? ""));
                        break;
                    case IHtmlSelectElement select:
                        var option = select.QuerySelector("option[selected]") ?? select.QuerySelector("option");
                        fields.Add(new(name, option?.GetAttribute("value") ?? option?.TextContent ?? ""));
                        break;
                    case IHtmlTextAreaElement textarea:
                        fields.Add(new(name, textarea.TextContent.TrimStart('\n')));
                        break;
                }
            }

            return new Form(fields);
        }

        public string Value(string name) => fields.FirstOrDefault(f => f.Key == name).Value ?? "";

        public Form Set(string name, string value)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
            return this;
        }
    }
}
