using Microsoft.AspNetCore.Antiforgery;
using SocialeKaart.Portal.Features.Beveiliging;

namespace SocialeKaart.Portal.Features.Accounts;

public static class AccountEndpoints
{
    public const string Uitloggen = "/account/uitloggen";

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost(Uitloggen, async (HttpContext context, IAntiforgery antiforgery, Inloggen inloggen) =>
        {
            if (await Formulier.GeldigAsync(context, antiforgery) is null)
            {
                return Formulier.Verlopen();
            }

            await inloggen.UitloggenAsync(context.User);
            return Results.Redirect("/");
        });
        return app;
    }
}
