using Npgsql;
using SocialeKaart.Portal.Features.Berichten;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Makelpunt.Opslag;
using SocialeKaart.Portal.Tests.Support;
using static SocialeKaart.Portal.Tests.Makelpunt.Voorbeeld;

namespace SocialeKaart.Portal.Tests.Makelpunt;

/// <summary>The store behaviour on a real PostgreSQL 15 (a database per test), and what only PostgreSQL has.</summary>
public sealed class PostgresMakelpuntStoreTests(PostgresServer server) : MakelpuntStoreBehaviour
{
    private string _verbinding = "";

    public override async ValueTask InitializeAsync()
    {
        _verbinding = await server.NieuweDatabaseAsync("store");
        await base.InitializeAsync();
    }

    protected override Task<IMakelpuntStore> OpenStoreAsync(bool berichten) =>
        Task.FromResult<IMakelpuntStore>(new PostgresMakelpuntStore(_verbinding, berichten ? new MeldingBerichten("https://socialekaart.test.example") : null));

    protected override async Task<object?> ScalarAsync(string sql)
    {
        await using var c = new NpgsqlConnection(_verbinding);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        return await cmd.ExecuteScalarAsync();
    }

    /// <summary>Any row of any of the store's tables, as text. (The bytes of deleted row versions are PostgreSQL's
    /// business until VACUUM and new rows reuse their space; README, "Production".)</summary>
    protected override async Task<bool> BevatAsync(string tekst)
    {
        var tabellen = new[] { "meldingen", "concepten", "audit", "overdrachten", "uitgaand", "dit_helpt", "zoektermen", "terugmeldingen", "herinneringen" };
        foreach (var tabel in tabellen)
        {
            await using var c = new NpgsqlConnection(_verbinding);
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {tabel} t WHERE strpos(t::text, @tekst) > 0", c);
            cmd.Parameters.AddWithValue("tekst", tekst);
            if ((long)(await cmd.ExecuteScalarAsync())! > 0)
            {
                return true;
            }
        }

        return false;
    }

    protected override Task<IMakelpuntStore> KapotAsync()
    {
        var kapot = new PostgresMakelpuntStore(_verbinding);
        kapot.Dispose();
        return Task.FromResult<IMakelpuntStore>(kapot);
    }

    protected override Task OpruimenAsync() => server.VerwijderAsync(_verbinding);

    [Fact]
    public async Task Constructor_NewerSchema_Refuses()
    {
        await ScalarAsync("UPDATE makelpunt_schema SET versie = 99");

        var fout = Assert.Throws<InvalidOperationException>(() => new PostgresMakelpuntStore(_verbinding));
        Assert.Contains("schemaversie 99", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_SeveralInstancesAtOnce_OneSchema()
    {
        var verbinding = await server.NieuweDatabaseAsync("schema");
        try
        {
            var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => new PostgresMakelpuntStore(verbinding))));
            await stores[0].OntvangAsync("k1", Nieuw(Antwoorden()));
            Assert.Equal("SK-2026-00001", (await stores[5].OntvangstAsync("k1"))!.Referentie);
            foreach (var store in stores)
            {
                store.Dispose();
            }
        }
        finally
        {
            await server.VerwijderAsync(verbinding);
        }
    }

    [Fact]
    public async Task Connections_CommitWaitsForTheDisk_WhateverTheServerDefault()
    {
        await ScalarAsync($"ALTER DATABASE \"{new NpgsqlConnectionStringBuilder(_verbinding).Database}\" SET synchronous_commit = off");
        using var store = new PostgresMakelpuntStore(_verbinding);

        var stand = await store.LeesAsync(async c =>
        {
            await using var cmd = new NpgsqlCommand("SHOW synchronous_commit", c);
            return (string)(await cmd.ExecuteScalarAsync())!;
        }, CancellationToken.None);

        Assert.Equal("on", stand);
    }

    /// <summary>Two instances on one database (two stores, two connection pools) receiving the same concept at once:
    /// one melding, one receipt.</summary>
    [Fact]
    public async Task OntvangAsync_SameConceptOnTwoInstancesAtOnce_OneMelding()
    {
        using var ander = new PostgresMakelpuntStore(_verbinding);
        var ontvangsten = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Store : ander).OntvangAsync("k1", Nieuw(Antwoorden(), token: $"token-{i}")))));

        var winnaar = Assert.Single(ontvangsten, o => o.Nieuw);
        Assert.All(ontvangsten, o => Assert.Equal(winnaar with { Nieuw = o.Nieuw }, o));
        Assert.Equal(1, await TelAsync("SELECT count(*) FROM meldingen"));
    }

    /// <summary>Two instances changing one melding from the same version: one change, one refusal, never both.</summary>
    [Fact]
    public async Task VoerUitAsync_SameVersionOnTwoInstancesAtOnce_OneWins()
    {
        using var ander = new PostgresMakelpuntStore(_verbinding);
        var ontvangst = await Store.OntvangAsync("k1", Nieuw(Antwoorden()));

        var resultaten = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => (i % 2 == 0 ? Store : ander).VoerUitAsync(ontvangst.Id, 1, new NotitieMaken($"notitie {i}"), Anna, Dinsdag))));

        Assert.Single(resultaten, r => r!.Gelukt);
        Assert.Equal(2, await TelAsync("SELECT versie FROM meldingen"));
        Assert.Equal(1, await TelAsync("SELECT count(*) FROM audit WHERE actie = 'Notitie'"));
    }
}
