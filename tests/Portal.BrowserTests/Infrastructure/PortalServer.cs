using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialeKaart.Portal.Features.Accounts;

namespace SocialeKaart.Portal.BrowserTests.Infrastructure;

/// <summary>
/// The portal on a real Kestrel port (a browser cannot reach the in-memory TestServer), as an inwoner gets it
/// (Production). One per test class: the repository's content indexed into a temp folder of its own, with the class's
/// own makelpunt store and account database beside it, so no class sees another's meldingen or accounts.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Meets the portal's password rules (length 12, upper, lower, digit, symbol).</summary>
    public const string TestWachtwoord = "Test-Kaart-2026!";

    private readonly string _map = Path.Combine(Path.GetTempPath(), "sk-browser-" + Guid.NewGuid().ToString("N"));

    // A free port chosen up front, so the portal's public base URL (Portaal:PubliekeUrl, used for the absolute links
    // a melding's status page and the print view show) is the address the browser really uses.
    private readonly int _poort = VrijePoort();

    public PortalServer()
    {
        UseKestrel(_poort);
        Smtp = netDumbster.smtp.SimpleSmtpServer.Start(VrijePoort());
    }

    /// <summary>A real SMTP server on a port of its own: the portal's outbox delivers every message to the inwoner here.</summary>
    public netDumbster.smtp.SimpleSmtpServer Smtp { get; }

    private static int VrijePoort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The root URL of the running server, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Start();
        return ValueTask.CompletedTask;
    }

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no addresses.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel has no http address: " + string.Join(", ", addresses));
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>
    /// A new account with one role, made through the portal's own UserManager. Each test makes its own, so no test
    /// depends on another's logins (or on a lockout another test caused).
    /// </summary>
    public Task<TestAccount> MaakAccountAsync(string rol) => MaakAccountAsync(rol, null, null, null);

    /// <summary>An organisation account; <paramref name="aanbieder"/> the organisation of aanbod in the content, or null.</summary>
    public Task<TestAccount> MaakOrganisatieAsync(string organisatie, string soort, string? aanbieder = null) =>
        MaakAccountAsync(Rollen.Organisatie, organisatie, soort, aanbieder);

    private async Task<TestAccount> MaakAccountAsync(string rol, string? organisatie, string? soort, string? aanbieder)
    {
        await using var scope = Services.CreateAsyncScope();
        var gebruikers = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var kort = Guid.NewGuid().ToString("N")[..8];
        var email = $"{rol}-{kort}@test.sociale-kaart.nl";
        var gebruiker = new Gebruiker
        {
            UserName = email, Email = email, EmailConfirmed = true, Naam = $"Test {rol} {kort}",
            Organisatie = organisatie, OrganisatieSoort = soort,
            AanbiederId = aanbieder is null ? null : Features.Organisaties.Aanbieders.Id(aanbieder),
        };
        Controleer(await gebruikers.CreateAsync(gebruiker, TestWachtwoord));
        Controleer(await gebruikers.AddToRoleAsync(gebruiker, rol));
        return new TestAccount(email, TestWachtwoord, gebruiker.Naam);

        static void Controleer(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException("Test account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_map);
        // Its own copy of the repository's content: what a test publishes never reaches the repository or another class.
        builder.UseSetting("Content:Map", Path.Combine(_map, "content"));
        builder.UseSetting("Content:Startinhoud", "content");
        builder.UseSetting("Zoekindex:Map", Path.Combine(_map, "index"));
        builder.UseSetting("Makelpunt:Opslag:Bestand", Path.Combine(_map, "makelpunt.db"));
        builder.UseSetting("Accounts:Bestand", Path.Combine(_map, "accounts.db"));
        builder.UseSetting("Accounts:DemoAccounts", "false");
        builder.UseSetting("Sleutels:Map", Path.Combine(_map, "keys"));
        builder.UseSetting("Portaal:PubliekeUrl", $"http://127.0.0.1:{_poort}");
        builder.UseSetting("Mail:Host", "127.0.0.1");
        builder.UseSetting("Mail:Port", Smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Beveiliging", "None");
        builder.UseSetting("Mail:Interval", "00:00:01");

        // Every request of the browser comes from 127.0.0.1 and so shares one rate-limit partition.
        builder.UseSetting("Melding:StappenPerMinuut", "100000");
        builder.UseSetting("Melding:VerzendingenPerUur", "100000");
        builder.UseSetting("Melding:InlogpogingenPerMinuut", "100000");
        builder.UseEnvironment("Production");

        // Each SQL command at Information would bury a failing test's own output.
        builder.ConfigureLogging(logging => logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Smtp.Dispose();
        try
        {
            Directory.Delete(_map, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
            // A file still held open by a reader: the temp folder is left for the OS to clean.
        }
    }
}

/// <summary>An account a test made for itself.</summary>
public sealed record TestAccount(string Email, string Wachtwoord, string Naam);
