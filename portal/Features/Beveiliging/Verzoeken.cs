using System.Text;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace SocialeKaart.Portal.Features.Beveiliging;

/// <summary>
/// What every request passes before the portal reads it, so no header can turn into an exception further on:
/// a Host header that is no host gets a 400 of its own (the framework parses it for every absolute URL, and throws);
/// a form in a character set other than UTF-8 gets a 415 (the form reader throws on UTF-7 and unknown names);
/// HEAD is answered as GET without a body (Kestrel drops the body); an error or status page that is shown for a
/// POST is rendered as a GET, so it never tries to read that form again; and a redirect to our own host is
/// sent as a path, so a forged Host header never comes back in a Location.
/// </summary>
public static class Verzoeken
{
    /// <summary>Character sets a browser may name for a form; browsers send UTF-8 for our UTF-8 pages.</summary>
    private static readonly string[] Tekensets = ["utf-8", "utf8", "us-ascii"];

    /// <summary>First in the pipeline: the Host header, and relative redirects.</summary>
    public static IApplicationBuilder UseGeldigeHost(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!IsGeldigeHost(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Dit verzoek heeft geen geldig webadres (Host).");
                return;
            }

            context.Response.OnStarting(static state =>
            {
                MaakOmleidingRelatief((HttpContext)state);
                return Task.CompletedTask;
            }, context);
            await next();
        });

    /// <summary>After the status-code and error pages: re-executed pages as GET, then HEAD and form character sets.</summary>
    public static IApplicationBuilder UseVerzoekControle(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
            {
                // The page that explains an error never reads (or binds, or checks antiforgery on) the posted form.
                request.Method = HttpMethods.Get;
                request.ContentType = null;
                request.ContentLength = 0;
                request.Body = Stream.Null;
                context.Features.Set<IFormFeature>(null);
                context.Features.Set<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>(null);
            }
            else if (HttpMethods.IsHead(request.Method))
            {
                request.Method = HttpMethods.Get;
            }
            else if (!IsLeesbaarFormulier(request))
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }

            await next();

            // An error with headers but no body (Razor's answer to a POST it has no form for) still gets its page.
            var response = context.Response;
            if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null or 0)
            {
                response.ContentType = null;
                response.ContentLength = null;
            }
        });

    private static bool IsGeldigeHost(HttpRequest request)
    {
        var host = request.Headers.Host.ToString();
        if (host.Length == 0)
        {
            return false;
        }

        try
        {
            // HostString decodes punycode (xn--) and throws on invalid IDN; NavigationManager needs a valid URI.
            return Uri.TryCreate($"http://{request.Host.Value}/", UriKind.Absolute, out var uri) && uri.IdnHost.Length > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsLeesbaarFormulier(HttpRequest request)
    {
        if (request.ContentType is not { Length: > 0 } contentType)
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return !request.HasFormContentType;
        }

        var charset = mediaType.Charset.ToString().Trim('"');
        return charset.Length == 0 || Tekensets.Contains(charset, StringComparer.OrdinalIgnoreCase);
    }

    private static void MaakOmleidingRelatief(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (headers.Location.ToString() is { Length: > 0 } location
            && Uri.TryCreate(location, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.Equals(uri.Authority, new Uri($"http://{context.Request.Host.Value}/").Authority, StringComparison.OrdinalIgnoreCase))
        {
            headers.Location = uri.PathAndQuery + uri.Fragment;
        }
    }
}

/// <summary>Local return URLs (after login, after changing the lijstje).</summary>
public static class LokaleUrl
{
    /// <summary>As ASP.NET's IsLocalUrl: a path from the root, not "//host" or "/\\host", and no control characters
    /// (browsers drop tabs and newlines, so "/\t/host" would become "//host"). Guards every return URL.</summary>
    public static bool IsLokaal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>
    /// The URL to go back to: <paramref name="url"/> when it is local, else <paramref name="anders"/>; characters a
    /// Location header cannot carry (é, spaces) percent-encoded as UTF-8, as browsers do.
    /// </summary>
    public static string Terug(string? url, string anders)
    {
        if (!IsLokaal(url))
        {
            return anders;
        }

        var veilig = new StringBuilder(url!.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii && rune.Value > ' ' && rune.Value != 0x7F)
            {
                veilig.Append((char)rune.Value);
                continue;
            }

            var lengte = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..lengte])
            {
                veilig.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return veilig.ToString();
    }
}
