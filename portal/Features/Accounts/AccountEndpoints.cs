using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using SocialeKaart.Portal.Features.Beveiliging;

namespace SocialeKaart.Portal.Features.Accounts;

public static class AccountEndpoints
{
    public const string Uitloggen = "/account/uitloggen";

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost(Uitloggen, async (HttpContext context, IAntiforgery antiforgery, SignInManager<Gebruiker> signIn) =>
        {
            if (await Formulier.GeldigAsync(context, antiforgery) is null)
            {
                return Formulier.Verlopen();
            }

            await signIn.SignOutAsync();
            return Results.Redirect("/");
        });
        return app;
    }
}
