using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace SocialeKaart.Portal.Features.Accounts;

public static class AccountEndpoints
{
    public const string Uitloggen = "/account/uitloggen";

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        app.MapPost(Uitloggen, async (HttpContext context, IAntiforgery antiforgery, SignInManager<Gebruiker> signIn) =>
        {
            // Validated here (no form binding), so a missing or old token is a clear 400, never an exception.
            bool geldig;
            try
            {
                geldig = context.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(context);
            }
            catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
            {
                geldig = false;
            }

            if (!geldig)
            {
                return Results.Problem("Dit formulier is verlopen. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
                    statusCode: StatusCodes.Status400BadRequest, title: "Dat lukte niet");
            }

            await signIn.SignOutAsync();
            return Results.Redirect("/");
        });
        return app;
    }
}
