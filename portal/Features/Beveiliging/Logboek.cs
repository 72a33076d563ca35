namespace SocialeKaart.Portal.Features.Beveiliging;

public static class Logboek
{
    /// <summary>
    /// The request log of ASP.NET's hosting ("Request starting GET /zoeken?q=…") holds what inwoners search for and the
    /// secret status links of meldingen, so it stays off whatever the configuration says: a filter in code is applied
    /// after the configuration's. (It also decodes the Host header, and throws on a bad punycode name.)
    /// </summary>
    public static WebApplicationBuilder AddLogboek(this WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        return builder;
    }
}
