using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Tests.Support;

namespace SocialeKaart.Portal.Tests.Beheer;

/// <summary>The accounts' audit log on PostgreSQL: its table comes from the model, also in a database made before it existed.</summary>
public sealed class AccountsPostgresTests(PostgresServer postgres) : IAsyncLifetime
{
    private string _verbinding = "";

    public async ValueTask InitializeAsync() => _verbinding = await postgres.NieuweDatabaseAsync("accounts");

    public async ValueTask DisposeAsync() => await postgres.VerwijderAsync(_verbinding);

    private PortalFactory Portal() => new()
    {
        Instellingen = { ["Database:Engine"] = "postgresql", ["Database:PostgreSQL"] = _verbinding },
    };

    [Fact]
    public async Task AccountLog_DatabaseFromBeforeTheLog_TableAddedAtStartAndUsed()
    {
        var beheerder = new Medewerker("u-beheer", "Bea Beheer");
        string accountId;
        await using (var eerste = Portal())
        {
            accountId = await NieuwAccountAsync(eerste);
            await LogAsync(eerste, accountId, beheerder, "Uitgenodigd als redacteur");
            Assert.Equal(["Uitgenodigd als redacteur"], await LogVanAsync(eerste, accountId));
        }

        // An accounts database of the version before the log: the same tables without it.
        await VoerAsync("DROP TABLE \"AccountGebeurtenissen\"");

        await using var tweede = Portal();
        await LogAsync(tweede, accountId, beheerder, "Rol redacteur afgenomen");

        Assert.Equal(["Rol redacteur afgenomen"], await LogVanAsync(tweede, accountId));
        Assert.Equal(1L, await VoerAsync("SELECT count(*) FROM \"AspNetUsers\" WHERE \"Id\" = @id", accountId));
    }

    private static async Task<string> NieuwAccountAsync(PortalFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var user = new Gebruiker { UserName = "nieuw@test.example", Email = "nieuw@test.example", EmailConfirmed = true, Naam = "Nieuw" };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        return user.Id;
    }

    private static async Task LogAsync(PortalFactory portal, string accountId, Medewerker door, string actie)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountBeheer>().LogAsync(accountId, door, actie);
    }

    private static async Task<List<string>> LogVanAsync(PortalFactory portal, string accountId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AccountBeheer>().LogVanAsync(accountId)).Select(g => g.Actie).ToList();
    }

    private async Task<object?> VoerAsync(string sql, string? id = null)
    {
        await using var c = new NpgsqlConnection(_verbinding);
        await c.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, c);
        if (id is not null)
        {
            cmd.Parameters.AddWithValue("id", id);
        }

        return await cmd.ExecuteScalarAsync();
    }
}
