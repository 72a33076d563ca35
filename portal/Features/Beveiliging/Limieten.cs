using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SocialeKaart.Portal.Features.Melding;

namespace SocialeKaart.Portal.Features.Beveiliging;

/// <summary>
/// Limits on the public forms, per client address (IPv6 per /64, the block one household gets): the melding steps, the
/// sending of a melding, and login attempts; and a maximum size for melding form posts, so nobody can fill the
/// makelpunt store with megabytes of draft. Behind a reverse proxy, name it in <c>Proxies:Vertrouwd</c> so the client's
/// address is used, not the proxy's (<see cref="Adressen"/>).
/// </summary>
public static class Limieten
{
    public static WebApplicationBuilder AddLimieten(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) =>
            {
                // Tell the client when to try again: the end of the window that is full.
                var wacht = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wacht.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Per("stap", c => IsPost(c, "/melding"), o => o.StappenPerMinuut, TimeSpan.FromMinutes(1)),
                Per("verstuur", c => IsPost(c, MeldingPaden.Versturen), o => o.VerzendingenPerUur, TimeSpan.FromHours(1)),
                Per("inloggen", c => IsPost(c, "/account/inloggen"), o => o.InlogpogingenPerMinuut, TimeSpan.FromMinutes(1)),
                Per("klopt-niet", c => HttpMethods.IsPost(c.Request.Method) && c.Request.Path.StartsWithSegments("/aanbod")
                    && c.Request.Path.Value!.EndsWith("/klopt-niet", StringComparison.Ordinal), o => o.TerugmeldingenPerUur, TimeSpan.FromHours(1)));
        });
        return builder;
    }

    public static IApplicationBuilder UseLimieten(this IApplicationBuilder app)
    {
        app.UseRateLimiter();
        return app.Use(async (context, next) =>
        {
            if (IsPost(context, "/melding"))
            {
                var max = context.RequestServices.GetRequiredService<IOptions<MeldingOptions>>().Value.MaxFormulierBytes;
                if (context.Request.ContentLength > max)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }

                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limiet)
                {
                    limiet.MaxRequestBodySize = max;
                }
            }

            await next();
        });
    }

    private static PartitionedRateLimiter<HttpContext> Per(string naam, Func<HttpContext, bool> geldt, Func<MeldingOptions, int> limiet, TimeSpan venster) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            geldt(context)
                ? RateLimitPartition.GetFixedWindowLimiter($"{naam}:{Adres(context)}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limiet(context.RequestServices.GetRequiredService<IOptions<MeldingOptions>>().Value),
                    Window = venster,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));

    private static bool IsPost(HttpContext context, string pad) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments(pad);

    // One household: an IPv4 address, or an IPv6 /64.
    private static string Adres(HttpContext context)
    {
        var adres = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (adres.IsIPv4MappedToIPv6)
        {
            adres = adres.MapToIPv4();
        }

        if (adres.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return adres.ToString();
        }

        var bytes = adres.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
