namespace SocialeKaart.Portal.Features.Beveiliging;

public static class SecurityHeaders
{
    // No inline script or style anywhere: everything comes from our own files.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static bool MetPersoonsgegevens(PathString path) =>
        path.StartsWithSegments("/melding") || path.StartsWithSegments("/makelpunt") || path.StartsWithSegments("/account")
        || path.StartsWithSegments("/lijstje"); // what someone keeps says something about their situation

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                // A signed-in medewerker sees internal fields, an organisation its own data: nothing of theirs is cached.
                if (MetPersoonsgegevens(context.Request.Path) || context.User.Identity?.IsAuthenticated == true)
                {
                    // Pages with someone's answers or a melding: never kept by a browser or proxy (a shared library
                    // computer's back button asks the server again, which shows the saved draft to its own cookie only).
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });
}
