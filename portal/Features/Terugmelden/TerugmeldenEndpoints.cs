using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using SocialeKaart.Kaart.Search;
using SocialeKaart.Portal.Features.Beveiliging;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Talen;

namespace SocialeKaart.Portal.Features.Terugmelden;

/// <summary>POST /aanbod/{id}/klopt-niet: a report from the aanbod page, then back to that page (post-redirect-get).</summary>
public static class TerugmeldenEndpoints
{
    public static string Url(string aanbodId) => $"/aanbod/{Uri.EscapeDataString(aanbodId)}/klopt-niet";

    public static IEndpointRouteBuilder MapTerugmelden(this IEndpointRouteBuilder app)
    {
        app.MapPost("/aanbod/{id}/klopt-niet", async (string id, HttpContext context, IAntiforgery antiforgery, ISearchIndex index,
            IMakelpuntStore store, TimeProvider time, IStringLocalizerFactory talen) =>
        {
            if (await Formulier.GeldigAsync(context, antiforgery) is not { } form)
            {
                // Formulier.Verlopen's texts, in the language of the aanbod page the form is on.
                var t = talen.Create(typeof(TerugmeldenEndpoints));
                return TypedResults.Problem(t["Dit formulier is verlopen of klopt niet. Ga terug, laad de pagina opnieuw en probeer het nog eens."],
                    statusCode: StatusCodes.Status400BadRequest, title: t["Dat lukte niet"]);
            }

            if (id.Length > 100 || await index.GetAsync(id, cancellationToken: context.RequestAborted) is not { } detail)
            {
                return Results.NotFound();
            }

            var terug = $"/aanbod/{Uri.EscapeDataString(id)}";
            var tekst = form["tekst"].ToString().Trim();
            if (form["website"].ToString().Length > 0)
            {
                return Results.Redirect(terug + "?klopt=fout#klopt-niet"); // a bot: told, never silently dropped
            }

            if (!Enum.TryParse<TerugmeldingSoort>(form["soort"], out var soort) || !Enum.IsDefined(soort) || tekst.Length > Terugmelding.MaxTekst)
            {
                return Results.Redirect(terug + "?klopt=fout#klopt-niet");
            }

            var a = detail.Document.Aanbod;
            await store.MeldTerugAsync(new Terugmelding(0, a.Id, a.Name, Organisaties.Aanbieders.Id(a.Organization.Name), soort, tekst, time.GetUtcNow()),
                context.RequestAborted);
            return Results.Redirect(terug + "?klopt=dank#klopt-niet");
        }).WithMetadata(new TalenAttribute("en", "ar", "tr", "pl", "uk"));
        return app;
    }
}
