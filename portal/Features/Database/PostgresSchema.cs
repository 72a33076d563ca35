using Microsoft.EntityFrameworkCore;

namespace SocialeKaart.Portal.Features.Database;

/// <summary>
/// "Migrations from code" for the EF models in PostgreSQL (there is no dotnet-ef tooling here, and several instances may
/// start at once). Each step runs in one transaction under a transaction-scoped advisory lock, so the instance that
/// comes second waits and then finds the work done. EnsureCreated is not used: in PostgreSQL it looks at every table of
/// the database, and the makelpunt store's tables share it.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Creates the model's tables in the first schema of the search path when <paramref name="tabel"/> is not
    /// there yet, then runs <paramref name="bijwerken"/> (idempotent steps such as ADD COLUMN IF NOT EXISTS).</summary>
    public static async Task MaakAsync(DbContext db, string tabel, long slot, IEnumerable<string> bijwerken, CancellationToken cancellationToken = default)
    {
        var strategie = db.Database.CreateExecutionStrategy();
        await strategie.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({slot})", cancellationToken);
            var bestaat = await db.Database.SqlQuery<bool>($"SELECT to_regclass({'"' + tabel + '"'}) IS NOT NULL AS \"Value\"").SingleAsync(cancellationToken);
            if (!bestaat)
            {
                // The script is EF's own DDL of the model; nothing in it comes from input.
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript(), cancellationToken);
#pragma warning restore EF1002
            }

            foreach (var stap in bijwerken)
            {
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync(stap, cancellationToken);
#pragma warning restore EF1002
            }

            await tx.CommitAsync(cancellationToken);
        });
    }

    /// <summary>Runs <paramref name="werk"/> while holding a session-level advisory lock on a connection of its own.</summary>
    public static async Task MetSlotAsync(string verbinding, long slot, Func<Task> werk, CancellationToken cancellationToken = default)
    {
        await using var c = new Npgsql.NpgsqlConnection(verbinding);
        await c.OpenAsync(cancellationToken);
        await using (var cmd = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock(@slot)", c))
        {
            cmd.Parameters.AddWithValue("slot", slot);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await werk();
        }
        finally
        {
            await using var vrij = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock(@slot)", c);
            vrij.Parameters.AddWithValue("slot", slot);
            await vrij.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
