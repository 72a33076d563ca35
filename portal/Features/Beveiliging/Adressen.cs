using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SocialeKaart.Portal.Features.Beveiliging;

/// <summary>
/// Where the portal is, as inwoners reach it, and whose word counts for the client's address. Absolute links come
/// from <see cref="PortaalOptions.PubliekeUrl"/>, never from a Host header. X-Forwarded-For and X-Forwarded-Proto
/// are believed only from the proxies in <see cref="ProxyOptions.Vertrouwd"/> — also when
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, which on its own would believe anyone, so a client that reaches the port
/// directly could rotate X-Forwarded-For and escape every limit per address.
/// </summary>
public static class Adressen
{
    public static WebApplicationBuilder AddAdressen(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortaalOptions>().BindConfiguration(PortaalOptions.Section).ValidateDataAnnotations()
            .Validate(o => Uri.TryCreate(o.PubliekeUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
                "Portaal:PubliekeUrl moet een volledig webadres zijn, zoals https://socialekaart.veenendaal.nl.")
            .ValidateOnStart();
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.Vertrouwd.All(v => ProxyOptions.TryNetwerk(v, out _)),
                "Proxies:Vertrouwd: elk item is een IP-adres (10.0.0.5) of een netwerk (10.0.0.0/24).")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<ProxyOptions>>((o, proxies) =>
        {
            // With both lists empty the middleware would believe every client, so no proxy means no forwarded headers.
            o.ForwardedHeaders = proxies.Value.Vertrouwd.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var tekst in proxies.Value.Vertrouwd)
            {
                if (ProxyOptions.TryNetwerk(tekst, out var netwerk))
                {
                    o.KnownIPNetworks.Add(netwerk);
                }
            }
        });
        return builder;
    }

    /// <summary>Reads forwarded headers when proxies are configured (before anything uses the client's address).</summary>
    public static IApplicationBuilder UseProxies(this IApplicationBuilder app)
    {
        var proxies = app.ApplicationServices.GetRequiredService<IOptions<ProxyOptions>>().Value;
        return proxies.Vertrouwd.Length > 0 ? app.UseForwardedHeaders() : app;
    }
}

/// <summary>The portal's own address as inwoners reach it (section "Portaal").</summary>
public sealed class PortaalOptions
{
    public const string Section = "Portaal";

    /// <summary>
    /// The public base URL, e.g. https://socialekaart.veenendaal.nl. Absolute links that leave the page (the status
    /// link of a melding, the print view of the lijstje) are made from it, never from the request's Host header.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Required]
    [System.ComponentModel.DataAnnotations.Url]
    public string PubliekeUrl { get; set; } = "http://localhost:5080";

    public string Absoluut(string pad) => PubliekeUrl.TrimEnd('/') + pad;
}

/// <summary>The client's address: forwarded headers count only from proxies the gemeente named (section "Proxies").</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxies";

    /// <summary>Addresses (10.0.0.5) or networks (10.0.0.0/24) of the reverse proxies in front of the portal.</summary>
    public string[] Vertrouwd { get; set; } = [];

    internal static bool TryNetwerk(string tekst, out System.Net.IPNetwork netwerk)
    {
        if (System.Net.IPNetwork.TryParse(tekst, out netwerk))
        {
            return true;
        }

        if (IPAddress.TryParse(tekst, out var adres))
        {
            netwerk = new System.Net.IPNetwork(adres, adres.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }
}
