using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialeKaart.Portal.Features.Berichten;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Makelpunt.Opslag;
using static SocialeKaart.Portal.Tests.Makelpunt.Voorbeeld;

namespace SocialeKaart.Portal.Tests.Makelpunt;

/// <summary>The store behaviour on SQLite, and what only the SQLite file has: WAL, secure delete, the schema version.</summary>
public sealed class SqliteMakelpuntStoreTests : MakelpuntStoreBehaviour
{
    private readonly string _map = Path.Combine(Path.GetTempPath(), "sk-makelpunt-" + Guid.NewGuid().ToString("N"));

    private string Bestand => Path.Combine(_map, "makelpunt.db");

    private SqliteMakelpuntStore Sqlite => (SqliteMakelpuntStore)Store;

    protected override Task<IMakelpuntStore> OpenStoreAsync(bool berichten) =>
        Task.FromResult<IMakelpuntStore>(new SqliteMakelpuntStore(Bestand, berichten: berichten ? new MeldingBerichten("https://socialekaart.test.example") : null));

    protected override Task<object?> ScalarAsync(string sql) => Task.FromResult(Sqlite.Lees(c =>
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }));

    protected override Task<bool> BevatAsync(string tekst) => Task.FromResult(BestandBevat(tekst, Bestand));

    protected override Task<IMakelpuntStore> KapotAsync()
    {
        var kapot = new SqliteMakelpuntStore(Path.Combine(_map, "kapot.db"));
        kapot.Dispose();
        return Task.FromResult<IMakelpuntStore>(kapot);
    }

    protected override Task OpruimenAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_map, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task VerwijderConcept_TextLeavesTheLogSoonWithoutAShutdown()
    {
        using var store = new SqliteMakelpuntStore(Path.Combine(_map, "wis.db"), wisNa: TimeSpan.FromMilliseconds(100));
        await store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden("Geheime Gerda"), 2, Dinsdag));
        await store.VerwijderConceptAsync("k1");

        // Waits for the background wipe, bounded; the window itself is a documented setting, not asserted as a time.
        var tot = DateTime.UtcNow.AddSeconds(30);
        while (BestandBevat("Geheime Gerda", store.Bestand) && DateTime.UtcNow < tot)
        {
            await Task.Delay(50);
        }

        Assert.False(BestandBevat("Geheime Gerda", store.Bestand), "the deleted concept is still in the database file or its WAL");
    }

    [Fact]
    public async Task ChangedAnswer_OldVersionLeavesTheLog()
    {
        using var store = new SqliteMakelpuntStore(Path.Combine(_map, "wis.db"), wisNa: TimeSpan.FromMilliseconds(100));
        await store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden("Verkeerde Vera"), 2, Dinsdag));
        await store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden("Goede Greta"), 3, Dinsdag));

        var tot = DateTime.UtcNow.AddSeconds(30);
        while (BestandBevat("Verkeerde Vera", store.Bestand) && DateTime.UtcNow < tot)
        {
            await Task.Delay(50);
        }

        Assert.False(BestandBevat("Verkeerde Vera", store.Bestand));
        Assert.True(BestandBevat("Goede Greta", store.Bestand));
    }

    [Fact]
    public async Task Dispose_RightAfterADeletion_LeavesNothingOnDisk()
    {
        var bestand = Path.Combine(_map, "dicht.db");
        var store = new SqliteMakelpuntStore(bestand, wisNa: TimeSpan.FromHours(1));
        await store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden("Geheime Gerda"), 2, Dinsdag));
        _ = await store.ConceptAsync("k1"); // a pooled reader stays open, as in the portal
        await store.VerwijderConceptAsync("k1");
        Assert.True(BestandBevat("Geheime Gerda", bestand), "the test needs the text in the WAL before the store is closed");

        store.Dispose();

        Assert.False(BestandBevat("Geheime Gerda", bestand), "the deleted concept is still on disk after the store was closed");
    }

    [Fact]
    public async Task Connections_WalAndSynchronousFull()
    {
        static string Pragmas(SqliteConnection c)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT (SELECT journal_mode FROM pragma_journal_mode) || ' ' || (SELECT synchronous FROM pragma_synchronous)"
                + " || ' ' || (SELECT foreign_keys FROM pragma_foreign_keys) || ' ' || (SELECT user_version FROM pragma_user_version)";
            return (string)cmd.ExecuteScalar()!;
        }

        var verwacht = $"wal 2 1 {SqliteMakelpuntStore.SchemaVersie}";
        Assert.Equal(verwacht, Sqlite.Lees(Pragmas));
        Assert.Equal(verwacht, await Sqlite.SchrijfAsync((c, _) => Pragmas(c), CancellationToken.None));
        Assert.Equal(5000, await TelAsync("PRAGMA busy_timeout"));
    }

    [Fact]
    public void Constructor_NewerSchema_Refuses()
    {
        var bestand = Path.Combine(_map, "nieuwer.db");
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = bestand, Pooling = false }.ToString()))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA user_version = {SqliteMakelpuntStore.SchemaVersie + 1}";
            cmd.ExecuteNonQuery();
        }

        var fout = Assert.Throws<InvalidOperationException>(() => new SqliteMakelpuntStore(bestand));
        Assert.Contains($"schemaversie {SqliteMakelpuntStore.SchemaVersie + 1}", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMakelpuntOpslag_ConfiguredFile_OneStoreForTheInterface()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Makelpunt:Opslag:Bestand"] = Path.Combine(_map, "di.db") });
        builder.Services.AddMakelpuntOpslag();
        using var host = builder.Build();

        var store = host.Services.GetRequiredService<IMakelpuntStore>();

        Assert.Same(host.Services.GetRequiredService<SqliteMakelpuntStore>(), store);
        Assert.Equal(Path.Combine(_map, "di.db"), ((SqliteMakelpuntStore)store).Bestand);
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<Opruimdienst>());
    }

    [Fact]
    public async Task AddMakelpuntOpslag_InvalidOptions_FailsAtStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Makelpunt:Opslag:Bestand"] = Path.Combine(_map, "di.db"),
            ["Makelpunt:Opslag:BewaartermijnDagen"] = "0",
        });
        builder.Services.AddMakelpuntOpslag();
        using var host = builder.Build();

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public void Constructor_SchemaVersion2_GetsTheClaimColumn()
    {
        var bestand = Path.Combine(_map, "versie2.db");
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = bestand, Pooling = false }.ToString()))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE uitgaand (id INTEGER PRIMARY KEY AUTOINCREMENT, melding_id INTEGER NULL, aangemaakt TEXT NOT NULL, aan TEXT NULL,
                    onderwerp TEXT NOT NULL, tekst TEXT NULL, pogingen INTEGER NOT NULL DEFAULT 0, volgende_poging TEXT NULL,
                    verzonden_op TEXT NULL, laatste_fout TEXT NULL);
                PRAGMA user_version = 2;
                """;
            cmd.ExecuteNonQuery();
        }

        using var store = new SqliteMakelpuntStore(bestand);

        Assert.Equal(1L, store.Lees(c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM pragma_table_info('uitgaand') WHERE name = 'geclaimd_tot'";
            return (long)cmd.ExecuteScalar()!;
        }));
    }

    /// <summary>True when the text occurs in the database file or its WAL, as bytes on disk.</summary>
    private static bool BestandBevat(string tekst, string bestand)
    {
        var zoek = Encoding.UTF8.GetBytes(tekst);
        foreach (var pad in new[] { bestand, bestand + "-wal" })
        {
            if (!File.Exists(pad))
            {
                continue;
            }

            using var stream = new FileStream(pad, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var kopie = new MemoryStream();
            stream.CopyTo(kopie);
            if (kopie.ToArray().AsSpan().IndexOf(zoek) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
