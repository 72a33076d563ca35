using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SocialeKaart.Portal.Tests;

/// <summary>The portal in-process, with the real content indexed into its own temp folder.</summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _index = Path.Combine(Path.GetTempPath(), "sk-portal-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Zoekindex:Map", _index);
        builder.UseEnvironment("Production");
    }

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
