using Microsoft.AspNetCore.DataProtection;
using SocialeKaart.Portal.Features.Zoeken;

namespace SocialeKaart.Portal.Features.Beveiliging;

public static class Sleutels
{
    /// <summary>
    /// The Data Protection keys (antiforgery tokens, login cookies) in a folder next to the other data
    /// (<c>Sleutels:Map</c>, default <c>.data/keys</c>), so a restart or a host without a home folder does not reject
    /// every open melding form or log every medewerker out. Several portal instances share the folder.
    /// </summary>
    public static WebApplicationBuilder AddSleutels(this WebApplicationBuilder builder)
    {
        var map = Paden.Resolve(builder.Configuration["Sleutels:Map"] ?? ".data/keys", builder.Environment.ContentRootPath);
        builder.Services.AddDataProtection()
            .SetApplicationName("SocialeKaart")
            .PersistKeysToFileSystem(Directory.CreateDirectory(map));
        return builder;
    }
}
