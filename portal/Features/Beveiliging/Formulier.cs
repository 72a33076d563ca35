using Microsoft.AspNetCore.Antiforgery;

namespace SocialeKaart.Portal.Features.Beveiliging;

public static class Formulier
{
    /// <summary>
    /// The posted form when its antiforgery token is valid, else null. For endpoints that read the form themselves
    /// (no form binding): a missing or old token, or a form that cannot be read (e.g. a NUL character), becomes a clear
    /// 400 for the caller to give, never an exception.
    /// </summary>
    public static async Task<IFormCollection?> GeldigAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            return context.Request.HasFormContentType && await antiforgery.IsRequestValidAsync(context)
                ? await context.Request.ReadFormAsync()
                : null;
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The 400 for a form that failed <see cref="GeldigAsync"/>.</summary>
    public static IResult Verlopen() =>
        TypedResults.Problem("Dit formulier is verlopen of klopt niet. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
            statusCode: StatusCodes.Status400BadRequest, title: "Dat lukte niet");
}
