using System.Diagnostics;
using System.Globalization;
using SocialeKaart.TestSupport;

namespace SocialeKaart.Benchmarks;

/// <summary>
/// The melding wizard under load (<c>sk-bench melding</c>, run by scripts/bench-melding.sh): N browsers each walk
/// the six steps and send, again and again without pausing, against a running portal. After a warm-up, every request
/// that starts inside the measured window is timed (response body read); the figure that matters is the final POST
/// to /melding/controleren, which returns only after the melding is committed (SQLite WAL, synchronous=FULL).
/// </summary>
internal static class MeldingLoad
{
    private const string Versturen = "POST " + MeldingBrowser.Controleren;

    public static async Task<int> RunAsync(Options options)
    {
        // One portal, or several instances behind a round robin ("--url http://a/,http://b/"): each request to the next one.
        var portal = options.Required("url").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => new Uri(u)).ToList();
        var clients = options.Int("clients", 16);
        var warmup = TimeSpan.FromSeconds(options.Int("warmup-seconds", 10));
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 30));

        var begin = Stopwatch.GetTimestamp();
        var from = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var until = from + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        Console.Error.WriteLine($"melding: {clients} clients against {string.Join(" + ", portal)}, {warmup.TotalSeconds:0} s warm-up, then {duration.TotalSeconds:0} s measured");

        var runs = await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(portal, i, from, until))));

        var samples = runs.SelectMany(r => r.Samples).ToList();
        var errors = runs.Sum(r => r.Errors);
        var sent = samples.Count(s => s.Label == Versturen);
        var submit = Measure.Stats(samples.Where(s => s.Label == Versturen).Select(s => s.Ms));
        var other = Measure.Stats(samples.Where(s => s.Label != Versturen).Select(s => s.Ms));

        Console.WriteLine($"| request | count | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var g in samples.GroupBy(s => s.Label).OrderBy(g => Order(g.Key)))
        {
            var st = Measure.Stats(g.Select(s => s.Ms));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{g.Key}` | {st.Count:N0} | {st.P50:0.0} | {st.P95:0.0} | {st.P99:0.0} | {st.Max:0.0} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| all other requests | {other.Count:N0} | {other.P50:0.0} | {other.P95:0.0} | {other.P99:0.0} | {other.Max:0.0} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT submissions_per_s={sent / duration.TotalSeconds:0.0} submit_p50_ms={submit.P50:0.0} submit_p95_ms={submit.P95:0.0} " +
            $"submit_p99_ms={submit.P99:0.0} submit_max_ms={submit.Max:0.0} other_p95_ms={other.P95:0.0} requests_per_s={samples.Count / duration.TotalSeconds:0} errors={errors}"));
        foreach (var message in runs.SelectMany(r => r.Messages).Distinct().Take(5))
        {
            Console.Error.WriteLine("  error: " + message);
        }

        return errors == 0 ? 0 : 1;
    }

    /// <summary>One browser: fill in, send, read the confirmation, and again, until the window closes.</summary>
    private static async Task<Run> ClientAsync(IReadOnlyList<Uri> portal, int number, long from, long until)
    {
        var run = new Run();
        using var browser = new MeldingBrowser(portal)
        {
            Gemeten = (label, duur) =>
            {
                var started = Stopwatch.GetTimestamp() - (long)(duur.TotalSeconds * Stopwatch.Frequency);
                if (started >= from && started < until)
                {
                    run.Samples.Add((label, duur.TotalMilliseconds));
                }
            },
        };

        for (var n = 0; Stopwatch.GetTimestamp() < until; n++)
        {
            try
            {
                await browser.VulInAsync($"Ik kan mijn rekeningen niet meer betalen. (bench {number}-{n})", CancellationToken.None);
                var token = await browser.OpenControleAsync(CancellationToken.None)
                    ?? throw new MeldingBrowserException("the check page redirected");
                var antwoord = await browser.VerstuurAsync(token, CancellationToken.None);
                if (!antwoord.Bevestigd)
                {
                    throw new MeldingBrowserException($"sending gave {(int)antwoord.Status} {antwoord.Locatie}");
                }

                if (await browser.ReferentieAsync(CancellationToken.None) is null)
                {
                    throw new MeldingBrowserException("no reference on the confirmation page");
                }
            }
            catch (Exception e) when (e is MeldingBrowserException or HttpRequestException or TaskCanceledException)
            {
                run.Errors++;
                run.Messages.Add(e.Message);
            }
        }

        return run;
    }

    /// <summary>Rows in the order of the wizard.</summary>
    private static int Order(string label)
    {
        var path = label[(label.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        var steps = new[] { MeldingBrowser.Start }.Concat(MeldingBrowser.Stappen("").Select(s => s.Url))
            .Concat([MeldingBrowser.Controleren, MeldingBrowser.Verstuurd]).ToList();
        return steps.IndexOf(path) * 2 + (label.StartsWith("POST", StringComparison.Ordinal) ? 1 : 0);
    }

    private sealed class Run
    {
        public List<(string Label, double Ms)> Samples { get; } = [];

        public List<string> Messages { get; } = [];

        public int Errors { get; set; }
    }
}
