using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Taal;

namespace SocialeKaart.Portal.Features.Publiceren;

public static class PublicerenServices
{
    public static WebApplicationBuilder AddPubliceren(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<IContentStore>();
            return Postcodes.Parse(Task.Run(() => store.ReadAsync(ContentIndexer.PostcodesPath)).GetAwaiter().GetResult() ?? "");
        });
        builder.Services.AddSingleton<Publicatie>();
        builder.Services.AddSingleton<Kaartonderhoud>();
        builder.Services.AddHostedService<KaartonderhoudDienst>();
        builder.Services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<IContentStore>();
            var tekst = Task.Run(() => store.ReadAsync(Jargonlijst.Pad)).GetAwaiter().GetResult();
            return new Schrijfhulp(tekst is null ? Jargonlijst.Leeg : Jargonlijst.Parse(tekst));
        });
        return builder;
    }
}
