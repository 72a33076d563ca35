using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(SocialeKaart.Portal.Tests.Support.PostgresServer))]

namespace SocialeKaart.Portal.Tests.Support;

/// <summary>
/// A real PostgreSQL 15 for the tests. <c>scripts/test.sh</c> starts a private cluster (own data folder, free port) and
/// passes its address in <c>SK_POSTGRES</c>; <c>dotnet test</c> on its own starts one the same way here (Debian's
/// <c>pg_createcluster</c>, as root) and drops it at the end. Without either, the PostgreSQL tests fail with the reason:
/// they never skip. Each test gets a database of its own (<see cref="NieuweDatabaseAsync"/>).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _cluster;
    private string? _map;
    private string? _beheer;
    private string? _fout;
    private int _volgende;

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("SK_POSTGRES") is { Length: > 0 } gegeven)
        {
            _beheer = gegeven;
            return;
        }

        try
        {
            await StartClusterAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            _fout = "No PostgreSQL for the tests: SK_POSTGRES is not set and a private cluster could not be started (" + e.Message
                + "). Run scripts/test.sh, or install Debian's postgresql-15 and run the tests as root.";
        }
    }

    /// <summary>The connection string of the maintenance database (superuser).</summary>
    public string Beheer => _beheer ?? throw new InvalidOperationException(_fout);

    /// <summary>A new, empty database; its connection string. The database lives until the cluster is dropped.</summary>
    public async Task<string> NieuweDatabaseAsync(string doel = "t")
    {
        var naam = $"sk_{doel}_{Environment.ProcessId}_{Interlocked.Increment(ref _volgende)}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var c = new NpgsqlConnection(Beheer))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{naam}\"", c);
            await cmd.ExecuteNonQueryAsync();
        }

        // Small pools: many tests run at once against one server.
        return new NpgsqlConnectionStringBuilder(Beheer) { Database = naam, MaxPoolSize = 20 }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="NieuweDatabaseAsync"/> (closing what still uses it).</summary>
    public async Task VerwijderAsync(string verbinding)
    {
        var naam = new NpgsqlConnectionStringBuilder(verbinding).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(Beheer);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{naam}\" WITH (FORCE)", c);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task StartClusterAsync()
    {
        var port = VrijePoort();
        _cluster = $"sk-tests-{Environment.ProcessId}-{port}";
        _map = Directory.CreateTempSubdirectory("sk-postgres-").FullName;
        Voer("chown", "postgres", _map);
        Voer("pg_createcluster", "15", _cluster, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-d", Path.Combine(_map, "data"),
            "-o", "max_connections=300", "--start", "--", "--auth-host=trust", "--auth-local=trust");
        _beheer = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
        for (var i = 0; ; i++)
        {
            try
            {
                await using var c = new NpgsqlConnection(_beheer);
                await c.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (i < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null)
        {
            try
            {
                Voer("pg_dropcluster", "--stop", "15", _cluster);
            }
            catch (InvalidOperationException)
            {
            }
        }

        if (_map is not null)
        {
            try
            {
                Directory.Delete(_map, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return ValueTask.CompletedTask;
    }

    private static int VrijePoort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static void Voer(string programma, params string[] argumenten)
    {
        using var p = Process.Start(new ProcessStartInfo(programma, argumenten) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{programma} did not start");
        var uit = p.StandardOutput.ReadToEndAsync();
        var fout = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{programma} {string.Join(' ', argumenten)} exited with {p.ExitCode}: {fout}{uit.Result}");
        }
    }
}
