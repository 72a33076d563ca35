using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SocialeKaart.Portal.Tests;

/// <summary>
/// The real portal as an OS process of its own, for tests that must kill it. It runs the build output next to the
/// tests (the project reference copies SocialeKaart.Portal.dll with its runtimeconfig and deps there) as
/// <c>dotnet SocialeKaart.Portal.dll</c>: the muxer hosts the runtime in its own process, so <see cref="Kill"/> hits
/// the portal itself, never a wrapper that would leave the portal running (as <c>dotnet run</c> would).
/// </summary>
internal sealed partial class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly TaskCompletionSource<Uri> _luistert = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PortalProcess(Process process) => _process = process;

    /// <summary>Where the portal listens, e.g. http://127.0.0.1:41234/ (a free port chosen by Kestrel).</summary>
    public Uri Adres { get; private set; } = null!;

    public int Id => _process.Id;

    /// <summary>The last lines the portal wrote (warnings and errors, and its start-up lines), for a failure message.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>
    /// Starts the portal with its index, makelpunt store and accounts in <paramref name="map"/> and waits until it
    /// listens. <paramref name="bouwIndex"/>: build the search index from the content first (a restart reuses it).
    /// </summary>
    public static async Task<PortalProcess> StartAsync(string map, bool bouwIndex, TimeSpan timeout, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? omgeving = null)
    {
        var info = new ProcessStartInfo(DotnetHost(), [Path.Combine(AppContext.BaseDirectory, "SocialeKaart.Portal.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = map,
        };
        foreach (var name in new[] { "DOTNET_ENVIRONMENT", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["ASPNETCORE_CONTENTROOT"] = AppContext.BaseDirectory;
        info.Environment["Content__Map"] = Path.Combine(map, "content");
        info.Environment["Content__Startinhoud"] = Path.Combine(RepoRoot(), "content");
        info.Environment["Zoekindex__Map"] = Path.Combine(map, "index");
        info.Environment["Zoekindex__BouwBijStart"] = bouwIndex ? "true" : "false";
        info.Environment["Makelpunt__Opslag__Bestand"] = Path.Combine(map, "makelpunt.db");
        info.Environment["Accounts__Bestand"] = Path.Combine(map, "accounts.db");
        info.Environment["Sleutels__Map"] = Path.Combine(map, "keys");
        // All clients of a test share one address; the limits are tested in-process (MeldingLimietTests).
        info.Environment["Melding__StappenPerMinuut"] = "100000";
        info.Environment["Melding__VerzendingenPerUur"] = "100000";
        // Quiet, except the line that says where Kestrel listens.
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        foreach (var (naam, waarde) in omgeving ?? new Dictionary<string, string>())
        {
            info.Environment[naam] = waarde;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var portal = new PortalProcess(process);
        process.OutputDataReceived += (_, e) => portal.Regel(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Regel(e.Data);
        process.Exited += (_, _) => portal._luistert.TrySetException(new InvalidOperationException("The portal stopped while starting:\n" + portal.Log));
        process.Start();
        process.BeginOutputReadLine(); // always drained: a full pipe would block the portal's logging
        process.BeginErrorReadLine();

        try
        {
            portal.Adres = await portal._luistert.Task.WaitAsync(timeout, cancellationToken);
            return portal;
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL on Linux (<see cref="Process.Kill()"/>): no shutdown, no flush, no finally blocks in the portal.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private void Regel(string? regel)
    {
        if (regel is null)
        {
            return;
        }

        _log.Enqueue(regel);
        while (_log.Count > 200 && _log.TryDequeue(out _))
        {
        }

        if (Luistert().Match(regel) is { Success: true } m)
        {
            _luistert.TrySetResult(new Uri(m.Groups[1].Value.TrimEnd('/') + "/"));
        }
    }

    /// <summary>The dotnet host that runs this test (the SDK passes it on), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialeKaart.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"SocialeKaart.sln not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Luistert();
}
