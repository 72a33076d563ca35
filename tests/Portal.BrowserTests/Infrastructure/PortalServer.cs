using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SocialeKaart.Portal.BrowserTests.Infrastructure;

/// <summary>
/// The portal on a real Kestrel port (a browser cannot reach the in-memory TestServer), with the repository's content
/// indexed into a temp folder of its own, as an inwoner gets it (Production).
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly string _index = Path.Combine(Path.GetTempPath(), "sk-browser-" + Guid.NewGuid().ToString("N"));

    public PortalServer()
    {
        UseKestrel(0);
    }

    /// <summary>The root URL of the running server, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reports no addresses.");
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel has no http address: " + string.Join(", ", addresses));
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Zoekindex:Map", _index);
        builder.UseEnvironment("Production");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_index, recursive: true);
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
