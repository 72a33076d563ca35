using Microsoft.EntityFrameworkCore;

namespace SocialeKaart.Portal.Features.Database;

/// <summary>
/// "Migrations from code" for the EF models in PostgreSQL (there is no dotnet-ef tooling here, and several instances may
/// start at once). Each step runs in one transaction under a transaction-scoped advisory lock, so the instance that
/// comes second waits and then finds the work done. EnsureCreated is not used: in PostgreSQL it looks at every table of
/// the database (the makelpunt store's tables share it), and it never adds a table to an existing database.
/// </summary>
internal static partial class PostgresSchema
{
    /// <summary>Creates every table and index of the model that is not there yet — from EF's own DDL of the model, each
    /// statement made idempotent — so a table added to the model later (the accounts' audit log) appears in a database
    /// made by an earlier version; then runs <paramref name="bijwerken"/> (idempotent steps such as ADD COLUMN IF NOT EXISTS,
    /// for columns added to an existing table).</summary>
    public static async Task MaakAsync(DbContext db, long slot, IEnumerable<string> bijwerken, CancellationToken cancellationToken = default)
    {
        var stappen = Idempotent(db.Database.GenerateCreateScript()).Concat(bijwerken).ToList();
        var strategie = db.Database.CreateExecutionStrategy();
        await strategie.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({slot})", cancellationToken);
            foreach (var stap in stappen)
            {
                // EF's DDL of the model and the caller's fixed steps; nothing in them comes from input.
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync(stap, cancellationToken);
#pragma warning restore EF1002
            }

            await tx.CommitAsync(cancellationToken);
        });
    }

    /// <summary>EF's create script as statements that do nothing when their table or index exists. Any other kind of
    /// statement stops the start with the reason: it needs a step of its own.</summary>
    internal static IEnumerable<string> Idempotent(string script)
    {
        foreach (var deel in script.Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var stap = CreateTable().Replace(deel, "CREATE TABLE IF NOT EXISTS ", 1);
            stap = CreateIndex().Replace(stap, m => $"CREATE {m.Groups[1].Value}INDEX IF NOT EXISTS ", 1);
            if (!stap.StartsWith("CREATE TABLE IF NOT EXISTS ", StringComparison.Ordinal) && !stap.Contains("INDEX IF NOT EXISTS ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Het schema van het model bevat een stap die niet vanzelf herhaalbaar is: " + stap.Split('\n')[0]);
            }

            yield return stap;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^CREATE TABLE ")]
    private static partial System.Text.RegularExpressions.Regex CreateTable();

    [System.Text.RegularExpressions.GeneratedRegex("^CREATE (UNIQUE )?INDEX ")]
    private static partial System.Text.RegularExpressions.Regex CreateIndex();

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
