using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialeKaart.Portal.Features.Database;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Organisaties;
using SocialeKaart.Portal.Features.Zoeken;

namespace SocialeKaart.Portal.Features.Accounts;

/// <summary>A staff or organisation account. Accounts hold no inwoner data.</summary>
public sealed class Gebruiker : IdentityUser
{
    /// <summary>The name colleagues see in the queue and the history of a melding.</summary>
    [MaxLength(100)]
    public string Naam { get; set; } = "";

    /// <summary>Organisation accounts: the organisation's name, as the makelpunt sees it with a verwijzing.</summary>
    [MaxLength(150)]
    public string? Organisatie { get; set; }

    /// <summary>Organisation accounts: the kind of organisation (<see cref="OrganisatieSoorten"/>).</summary>
    [MaxLength(40)]
    public string? OrganisatieSoort { get; set; }

    /// <summary>Organisation accounts that provide aanbod: the aanbieder (<see cref="Aanbieders.Id"/>) whose aanbod and
    /// incoming handovers the account sees. Null for organisations that only refer (a school, a GP).</summary>
    [MaxLength(150)]
    public string? AanbiederId { get; set; }
}

public sealed class AccountsDb(DbContextOptions<AccountsDb> options) : IdentityDbContext<Gebruiker>(options)
{
    /// <summary>Every change the beheerder makes to an account: who, what, when.</summary>
    public DbSet<AccountGebeurtenis> AccountGebeurtenissen => Set<AccountGebeurtenis>();
}

/// <summary>One line of the audit log of accounts.</summary>
public sealed class AccountGebeurtenis
{
    public long Id { get; set; }

    public DateTimeOffset Op { get; set; }

    [MaxLength(450)]
    public string AccountId { get; set; } = "";

    [MaxLength(450)]
    public string DoorId { get; set; } = "";

    [MaxLength(100)]
    public string DoorNaam { get; set; } = "";

    [MaxLength(500)]
    public string Actie { get; set; } = "";
}

public static class Rollen
{
    public const string Consulent = "consulent";
    public const string SocialeMakelaar = "sociale-makelaar";
    public const string Redacteur = "redacteur";
    public const string Beheerder = "beheerder";

    /// <summary>Policy staff of the gemeente: management information (aggregates) only; no meldingen, no aanbod to edit.</summary>
    public const string Beleidsmedewerker = "beleidsmedewerker";

    /// <summary>A vrijwilligersorganisatie or aanbieder: publishes its own aanbod, never sees meldingen.</summary>
    public const string Organisatie = "organisatie";

    public static readonly string[] Alle = [Consulent, SocialeMakelaar, Redacteur, Beheerder, Organisatie, Beleidsmedewerker];

    /// <summary>The policy of every makelpunt page: only consulenten and sociale makelaars see meldingen (DESIGN.md).</summary>
    public const string MakelpuntPolicy = "makelpunt";

    /// <summary>Pages of an organisation account: referring, its verwijzingen, handovers to its aanbod.</summary>
    public const string OrganisatiePolicy = "organisatie";

    /// <summary>Who sees the internal fields of aanbod achter het loket: consulenten, makelaars and redacteuren (DESIGN.md).</summary>
    public const string MedewerkerPolicy = "medewerker";

    public const string BeheerPolicy = "beheer";

    public const string RedactiePolicy = "redactie";

    public static bool IsMedewerker(ClaimsPrincipal user) => user.IsInRole(Consulent) || user.IsInRole(SocialeMakelaar) || user.IsInRole(Redacteur);

    /// <summary>Where each role starts after login (never on a "geen toegang" page).</summary>
    public static string StartPagina(IReadOnlyCollection<string> rollen) =>
        rollen.Contains(Consulent) || rollen.Contains(SocialeMakelaar) ? "/makelpunt"
        : rollen.Contains(Organisatie) ? "/organisatie"
        : rollen.Contains(Beheerder) ? "/beheer"
        : rollen.Contains(Beleidsmedewerker) ? "/stuurinformatie"
        : rollen.Contains(Redacteur) ? "/redactie"
        : "/zoeken";
}

public sealed class AccountsOptions
{
    public const string Section = "Accounts";

    /// <summary>The embedded account database (SQLite); relative paths are taken from the repository root.</summary>
    [Required]
    public string Bestand { get; set; } = ".data/accounts.db";

    /// <summary>Create the demo accounts of the README at start. Only for the embedded demo, never in production.</summary>
    public bool DemoAccounts { get; set; }
}

/// <summary>The demo accounts (README). Their password is public: they exist only when <see cref="AccountsOptions.DemoAccounts"/> is on.</summary>
public static class DemoAccounts
{
    public const string Wachtwoord = "Demo-Kaart-2026";

    public static readonly (string Email, string Naam, string Rol)[] Alle =
    [
        ("consulent@demo.sociale-kaart.nl", "Fatima (consulent)", Rollen.Consulent),
        ("makelaar@demo.sociale-kaart.nl", "Joost (sociale makelaar)", Rollen.SocialeMakelaar),
        ("redacteur@demo.sociale-kaart.nl", "Sanne (redacteur)", Rollen.Redacteur),
        ("beheerder@demo.sociale-kaart.nl", "Ahmed (beheerder)", Rollen.Beheerder),
        ("organisatie@demo.sociale-kaart.nl", "Buurtkracht (organisatie)", Rollen.Organisatie),
        ("school@demo.sociale-kaart.nl", "Meester Kees (OBS De Regenboog)", Rollen.Organisatie),
        ("beleid@demo.sociale-kaart.nl", "Mirjam (beleidsmedewerker)", Rollen.Beleidsmedewerker),
    ];

    /// <summary>The organisation of each demo organisation account: an aanbieder of the demo content, and a school that refers.</summary>
    public static readonly Dictionary<string, (string Organisatie, string Soort, string? AanbiederId)> Organisaties = new(StringComparer.Ordinal)
    {
        ["organisatie@demo.sociale-kaart.nl"] = ("Stichting Buurtkracht Veenendaal", "vrijwilligersorganisatie", Aanbieders.Id("Stichting Buurtkracht Veenendaal")),
        ["school@demo.sociale-kaart.nl"] = ("OBS De Regenboog", "school", null),
    };
}

public static class AccountsServices
{
    /// <summary>ASP.NET Core Identity with its EF Core store in an SQLite file, cookie login, and the makelpunt policy.</summary>
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountsOptions>().BindConfiguration(AccountsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var database = DatabaseOptions.Lees(builder.Configuration);
        builder.Services.AddDbContext<AccountsDb>((sp, options) =>
        {
            if (database.IsPostgres)
            {
                options.UseNpgsql(database.PostgreSQL);
                return;
            }

            var bestand = Paden.Resolve(sp.GetRequiredService<IOptions<AccountsOptions>>().Value.Bestand, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            options.UseSqlite($"Data Source={bestand}");
        });

        builder.Services.AddIdentity<Gebruiker, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AccountsDb>()
            .AddClaimsPrincipalFactory<GebruikerClaims>()
            .AddErrorDescriber<NederlandseIdentityFouten>()
            .AddDefaultTokenProviders();

        // The invitation link (a password-reset token): three days to use it, as its mail says.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(3));

        builder.Services.AddScoped<Inloggen>();
        builder.Services.AddScoped<AccountBeheer>();

        // The cookie's security stamp is checked against the account on every request, so a logout, a new password, a
        // changed role or a deactivation (each changes the stamp) ends every session of that account at once, also
        // a copy of the cookie. One indexed read per staff request.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "sk-medewerker";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/inloggen";
            options.LogoutPath = "/account/uitloggen";
            options.AccessDeniedPath = "/account/geen-toegang";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Rollen.MakelpuntPolicy, policy => policy.RequireRole(Rollen.Consulent, Rollen.SocialeMakelaar))
            .AddPolicy(Rollen.OrganisatiePolicy, policy => policy.RequireRole(Rollen.Organisatie))
            .AddPolicy(Rollen.MedewerkerPolicy, policy => policy.RequireRole(Rollen.Consulent, Rollen.SocialeMakelaar, Rollen.Redacteur))
            .AddPolicy(Rollen.BeheerPolicy, policy => policy.RequireRole(Rollen.Beheerder))
            .AddPolicy(Rollen.RedactiePolicy, policy => policy.RequireRole(Rollen.Redacteur));
        return builder;
    }

    /// <summary>Creates the account database and the roles, and the demo accounts when configured.</summary>
    public static async Task InitialiseerAccountsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
        if (db.Database.IsNpgsql())
        {
            await PostgresSchema.MaakAsync(db, SchemaSlot,
                NieuweKolommen.Select(k => $"ALTER TABLE \"AspNetUsers\" ADD COLUMN IF NOT EXISTS \"{k.Kolom}\" character varying({k.Lengte}) NULL"));
        }
        else
        {
            var bestand = db.Database.GetDbConnection().DataSource;
            if (Path.GetDirectoryName(bestand) is { Length: > 0 } map)
            {
                Directory.CreateDirectory(map);
            }

            await db.Database.EnsureCreatedAsync();
            await WerkSchemaBijAsync(db);
        }

        var rollen = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var rol in Rollen.Alle)
        {
            if (!await rollen.RoleExistsAsync(rol))
            {
                Controleer(await rollen.CreateAsync(new IdentityRole(rol)));
            }
        }

        var gebruikers = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        if (!scope.ServiceProvider.GetRequiredService<IOptions<AccountsOptions>>().Value.DemoAccounts)
        {
            // Their password is in the README: a data folder once started as the demo must not keep them.
            foreach (var (email, _, _) in DemoAccounts.Alle)
            {
                if (await gebruikers.FindByEmailAsync(email) is { } demo)
                {
                    Controleer(await gebruikers.DeleteAsync(demo));
                }
            }

            return;
        }

        if (!app.Environment.IsDevelopment())
        {
            app.Logger.LogWarning("Accounts:DemoAccounts staat aan buiten Development: de demo-accounts hebben een openbaar wachtwoord.");
        }

        foreach (var (email, naam, rol) in DemoAccounts.Alle)
        {
            var gebruiker = await gebruikers.FindByEmailAsync(email);
            if (gebruiker is null)
            {
                gebruiker = new Gebruiker { UserName = email, Email = email, EmailConfirmed = true, Naam = naam };
                Controleer(await gebruikers.CreateAsync(gebruiker, DemoAccounts.Wachtwoord));
                Controleer(await gebruikers.AddToRoleAsync(gebruiker, rol));
            }

            if (DemoAccounts.Organisaties.TryGetValue(email, out var org) && gebruiker.Organisatie is null)
            {
                (gebruiker.Organisatie, gebruiker.OrganisatieSoort, gebruiker.AanbiederId) = org;
                Controleer(await gebruikers.UpdateAsync(gebruiker));
            }
        }
    }

    /// <summary>
    /// EnsureCreated makes a new database with every column, but leaves an existing one as it is: the columns added
    /// since (organisation accounts) are added here, so a data folder from an earlier version keeps working.
    /// </summary>
    private static async Task WerkSchemaBijAsync(AccountsDb db)
    {
        var kolommen = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('AspNetUsers')").ToListAsync();
        foreach (var (kolom, _) in NieuweKolommen)
        {
            const string type = "TEXT";
            if (!kolommen.Contains(kolom, StringComparer.Ordinal))
            {
                // Column names come from the list above, never from input.
#pragma warning disable EF1002
                await db.Database.ExecuteSqlRawAsync($"ALTER TABLE AspNetUsers ADD COLUMN {kolom} {type} NULL");
#pragma warning restore EF1002
            }
        }

        // The audit log of accounts came later too.
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TABLE IF NOT EXISTS "AccountGebeurtenissen" (
                "Id" INTEGER NOT NULL CONSTRAINT "PK_AccountGebeurtenissen" PRIMARY KEY AUTOINCREMENT,
                "Op" TEXT NOT NULL, "AccountId" TEXT NOT NULL, "DoorId" TEXT NOT NULL, "DoorNaam" TEXT NOT NULL, "Actie" TEXT NOT NULL)
            """);
    }

    /// <summary>The columns added to AspNetUsers after the first version (organisation accounts), with their length.</summary>
    private static readonly (string Kolom, int Lengte)[] NieuweKolommen = [("Organisatie", 150), ("OrganisatieSoort", 40), ("AanbiederId", 150)];

    /// <summary>The advisory lock under which instances create or update the account tables ("SKACCOUN").</summary>
    private const long SchemaSlot = 0x534B_4143_434F_554E;

    /// <summary>The signed-in member of staff as the makelpunt records them.</summary>
    public static Medewerker Medewerker(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Niet ingelogd."),
            user.FindFirstValue(NaamClaim) ?? user.Identity?.Name ?? "onbekend");

    public const string NaamClaim = "sk:naam";
    public const string OrganisatieClaim = "sk:organisatie";
    public const string OrganisatieSoortClaim = "sk:organisatiesoort";
    public const string AanbiederClaim = "sk:aanbieder";

    /// <summary>The organisation of a signed-in organisation account, or null (no organisation set: it cannot refer).</summary>
    public static Verwijzer? Verwijzer(this ClaimsPrincipal user) =>
        user.IsInRole(Rollen.Organisatie) && user.FindFirstValue(OrganisatieClaim) is { Length: > 0 } organisatie
            ? new Verwijzer(user.FindFirstValue(ClaimTypes.NameIdentifier)!, organisatie, user.FindFirstValue(OrganisatieSoortClaim) ?? "anders")
            : null;

    /// <summary>The aanbieder of a signed-in organisation account, or null.</summary>
    public static string? AanbiederId(this ClaimsPrincipal user) =>
        user.IsInRole(Rollen.Organisatie) ? user.FindFirstValue(AanbiederClaim) : null;

    private static void Controleer(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Accounts: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>Puts the display name in the login cookie so pages need no database read to show it.</summary>
public sealed class GebruikerClaims(UserManager<Gebruiker> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Gebruiker, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Gebruiker user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountsServices.NaamClaim, user.Naam));
        if (user.Organisatie is { Length: > 0 } organisatie)
        {
            identity.AddClaim(new Claim(AccountsServices.OrganisatieClaim, organisatie));
            identity.AddClaim(new Claim(AccountsServices.OrganisatieSoortClaim, user.OrganisatieSoort ?? "anders"));
        }

        if (user.AanbiederId is { Length: > 0 } aanbieder)
        {
            identity.AddClaim(new Claim(AccountsServices.AanbiederClaim, aanbieder));
        }

        return identity;
    }
}
