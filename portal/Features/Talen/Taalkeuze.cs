using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace SocialeKaart.Portal.Features.Talen;

/// <summary>
/// The inwoner's language for this request: the one chosen (<c>?taal=</c> in the URL, else the cookie that remembers
/// the last choice, else Dutch), and the one this page is shown in — the chosen one when the page has it, else
/// English when the page has that, else Dutch.
/// </summary>
public sealed class Taalkeuze
{
    public const string Parameter = "taal";
    public const string Cookie = "sk-taal";

    public Taal Gekozen { get; private set; } = Taal.Nederlands;
    public Taal Getoond { get; private set; } = Taal.Nederlands;
    public IReadOnlyList<Taal> OpDezePagina { get; private set; } = [Taal.Nederlands];

    /// <summary>True when the page is not in the chosen language (it says so, in that language).</summary>
    public bool Uitgeweken => Gekozen != Getoond;

    internal void Stel(Taal gekozen, IReadOnlyList<Taal> opDezePagina)
    {
        Gekozen = gekozen;
        OpDezePagina = opDezePagina;
        Getoond = opDezePagina.Contains(gekozen) ? gekozen
            : opDezePagina.Contains(Taal.Engels) && gekozen != Taal.Nederlands ? Taal.Engels
            : Taal.Nederlands;
    }
}

public static class TaalkeuzeMiddleware
{
    private static readonly TimeSpan Bewaartijd = TimeSpan.FromDays(365);

    /// <summary>After routing: the page's <see cref="TalenAttribute"/> is in its endpoint's metadata.</summary>
    public static IApplicationBuilder UseTaalkeuze(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // A status page (404 …) re-executes the request without its query string and in a new scope: the language is in
        // the original query, and the first pass has already remembered it in the cookie. The API has no page language
        // (there taal= is still the filter on the aanbod's language): never a cookie.
        var herhaald = context.Features.Get<IStatusCodeReExecuteFeature>();
        var uitUrl = context.Request.Path.StartsWithSegments("/api") ? null : Taal.Zoek(herhaald is null
            ? context.Request.Query[Taalkeuze.Parameter].FirstOrDefault()
            : QueryHelpers.ParseQuery(herhaald.OriginalQueryString).GetValueOrDefault(Taalkeuze.Parameter).FirstOrDefault());
        var gekozen = uitUrl ?? Taal.Zoek(context.Request.Cookies[Taalkeuze.Cookie]) ?? Taal.Nederlands;
        if (uitUrl is not null && herhaald is null && context.Request.Cookies[Taalkeuze.Cookie] != uitUrl.Code)
        {
            // A preference, not tracking: strictly necessary for the page the inwoner asked for, so no consent needed.
            context.Response.Cookies.Append(Taalkeuze.Cookie, uitUrl.Code, new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                MaxAge = Bewaartijd,
                Path = "/",
            });
        }

        var talen = context.GetEndpoint()?.Metadata.GetMetadata<TalenAttribute>()?.Talen ?? [Taal.Nederlands];
        var keuze = context.RequestServices.GetRequiredService<Taalkeuze>();
        keuze.Stel(gekozen, talen);

        var vorige = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = keuze.Getoond.Cultuur;
        try
        {
            await next(context);
        }
        finally
        {
            CultureInfo.CurrentUICulture = vorige;
        }
    });
}
