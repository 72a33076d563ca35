using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using SocialeKaart.Portal.Features.Beveiliging;
using SocialeKaart.Portal.Features.Talen;

namespace SocialeKaart.Portal.Features.Lijstje;

/// <summary>
/// "Mijn lijstje": aanbod an inwoner keeps, without an account. The list lives in a cookie on their own device
/// (ids only, nothing personal on our side). Add and remove are POST forms with antiforgery, then a redirect back.
/// </summary>
public static partial class LijstjeEndpoints
{
    public const string Cookie = "sk-lijstje";
    public const int Max = 50;

    public static IReadOnlyList<string> Lees(HttpRequest request) =>
        (request.Cookies[Cookie] ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries)
            .Where(id => IdRegex().IsMatch(id)).Distinct().Take(Max).ToList();

    public static IEndpointRouteBuilder MapLijstje(this IEndpointRouteBuilder app)
    {
        // In the languages of the lijstje page, whose forms post here: an error reads in the inwoner's language.
        var group = app.MapGroup("/lijstje").WithMetadata(new TalenAttribute("en"));
        group.MapPost("/toevoegen", (HttpContext context, IAntiforgery antiforgery, IStringLocalizerFactory talen) =>
            Wijzig(context, antiforgery, talen, (lijst, i) => lijst.Contains(i) ? lijst : [.. lijst, i]));
        group.MapPost("/verwijderen", (HttpContext context, IAntiforgery antiforgery, IStringLocalizerFactory talen) =>
            Wijzig(context, antiforgery, talen, (lijst, i) => lijst.Where(x => x != i).ToList()));
        return app;
    }

    private static async Task<IResult> Wijzig(HttpContext context, IAntiforgery antiforgery, IStringLocalizerFactory talen,
        Func<IReadOnlyList<string>, string, IReadOnlyList<string>> change)
    {
        var t = talen.Create(typeof(LijstjeEndpoints));
        if (await Formulier.GeldigAsync(context, antiforgery) is not { } form)
        {
            // Formulier.Verlopen's texts, in the inwoner's language.
            return TypedResults.Problem(t["Dit formulier is verlopen of klopt niet. Ga terug, laad de pagina opnieuw en probeer het nog eens."],
                statusCode: StatusCodes.Status400BadRequest, title: t["Dat lukte niet"]);
        }

        var id = form["id"].ToString();
        var terug = form["terug"].ToString();
        if (!IdRegex().IsMatch(id))
        {
            return TypedResults.Problem(t["Dit aanbod bestaat niet."], statusCode: StatusCodes.Status400BadRequest);
        }

        var lijst = change(Lees(context.Request), id).Take(Max).ToList();
        context.Response.Cookies.Append(Cookie, string.Join('.', lijst), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(180),
            Path = "/",
        });
        return TypedResults.Redirect(LokaleUrl.Terug(terug, "/lijstje"));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdRegex();
}
