using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialeKaart.Portal.Tests;

/// <summary>The portal in-process, with the real content indexed into its own temp folder.</summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _index = Path.Combine(Path.GetTempPath(), "sk-portal-" + Guid.NewGuid().ToString("N"));

    /// <summary>The folder of this portal's content, index, makelpunt store and accounts.</summary>
    public string Map => _index;

    private static void KopieerContent(string bron, string doel)
    {
        if (Directory.Exists(doel))
        {
            return; // a factory derived with WithWebHostBuilder shares this folder and what its tests published
        }

        foreach (var bestand in Directory.EnumerateFiles(bron, "*", SearchOption.AllDirectories))
        {
            var naar = Path.Combine(doel, Path.GetRelativePath(bron, bestand));
            Directory.CreateDirectory(Path.GetDirectoryName(naar)!);
            File.Copy(bestand, naar, overwrite: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Its own copy of the repository's content: what a test publishes never reaches the repository or another class.
        // A plain file copy: the portal's own seeding (Content:Startinhoud, tested through PortalProcess) writes every
        // file durably through the store, which costs each of the many factories a second or more.
        KopieerContent(Path.Combine(PortalProcess.RepoRoot(), "content"), Path.Combine(_index, "content"));
        builder.UseSetting("Content:Map", Path.Combine(_index, "content"));
        builder.UseSetting("Zoekindex:Map", Path.Combine(_index, "index"));
        builder.UseSetting("Makelpunt:Opslag:Bestand", Path.Combine(_index, "makelpunt.db"));
        builder.UseSetting("Accounts:Bestand", Path.Combine(_index, "accounts.db"));
        builder.UseSetting("Sleutels:Map", Path.Combine(_index, "keys"));
        builder.UseEnvironment("Production");

        // Every in-process request comes from the same (unknown) address; the rate-limit test sets its own limits.
        builder.UseSetting("Melding:StappenPerMinuut", "100000");
        builder.UseSetting("Melding:VerzendingenPerUur", "100000");
        builder.UseSetting("Melding:InlogpogingenPerMinuut", "100000");
        foreach (var (key, value) in Instellingen)
        {
            builder.UseSetting(key, value);
        }

        if (Logging is not null)
        {
            builder.ConfigureLogging(Logging);
        }

        if (Diensten is not null)
        {
            builder.ConfigureTestServices(Diensten);
        }
    }

    /// <summary>Services to replace for this portal (set before the first request).</summary>
    public Action<IServiceCollection>? Diensten { get; set; }

    /// <summary>Extra configuration for this portal (set before the first request).</summary>
    public Dictionary<string, string?> Instellingen { get; } = [];

    public Action<ILoggingBuilder>? Logging { get; set; }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_index, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response, document);
    }
}
