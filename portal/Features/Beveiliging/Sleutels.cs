using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialeKaart.Portal.Features.Database;
using SocialeKaart.Portal.Features.Zoeken;

namespace SocialeKaart.Portal.Features.Beveiliging;

/// <summary>The Data Protection key ring in PostgreSQL (table <c>DataProtectionKeys</c>), shared by every portal instance.</summary>
public sealed class SleutelsDb(DbContextOptions<SleutelsDb> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

public static class Sleutels
{
    /// <summary>
    /// The Data Protection keys (antiforgery tokens, login cookies). Embedded: in a folder next to the other data
    /// (<c>Sleutels:Map</c>, default <c>.data/keys</c>), so a restart or a host without a home folder does not reject
    /// every open melding form or log every medewerker out. With Database:Engine = postgresql: in the database, so
    /// every instance reads the same key ring and a cookie or form token of one instance is good on every other.
    /// </summary>
    public static WebApplicationBuilder AddSleutels(this WebApplicationBuilder builder)
    {
        var database = DatabaseOptions.Lees(builder.Configuration);
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("SocialeKaart");
        if (database.IsPostgres)
        {
            builder.Services.AddDbContext<SleutelsDb>(options => options.UseNpgsql(database.PostgreSQL));
            dataProtection.PersistKeysToDbContext<SleutelsDb>();
        }
        else
        {
            var map = Paden.Resolve(builder.Configuration["Sleutels:Map"] ?? ".data/keys", builder.Environment.ContentRootPath);
            dataProtection.PersistKeysToFileSystem(Directory.CreateDirectory(map));
        }

        return builder;
    }

    /// <summary>The advisory lock under which the first instance creates the key table and the first key ("SKSLEUTL").</summary>
    private const long SleutelSlot = 0x534B_534C_4555_544C;

    /// <summary>
    /// With PostgreSQL: creates the key table and makes sure a key exists before the portal answers, under one lock, so
    /// instances that start together do not each make a key of their own (one of them would then not know the other's
    /// key until its key ring is refreshed, and refuse its cookies and form tokens).
    /// </summary>
    public static async Task InitialiseerSleutelsAsync(this WebApplication app)
    {
        var database = DatabaseOptions.Lees(app.Configuration);
        if (!database.IsPostgres)
        {
            return;
        }

        await PostgresSchema.MetSlotAsync(database.PostgreSQL!, SleutelSlot, async () =>
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await PostgresSchema.MaakAsync(scope.ServiceProvider.GetRequiredService<SleutelsDb>(), SleutelSlot + 1, []);
            }

            // Protecting once loads the key ring, and creates its first key when there is none, while this instance holds the lock.
            app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("SocialeKaart.Start").Protect([1]);
        });
    }
}
