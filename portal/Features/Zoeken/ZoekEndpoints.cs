using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Portal.Features.Zoeken;

/// <summary>The public JSON search: hits and facets with public fields only.</summary>
public static class ZoekEndpoints
{
    public sealed record ZoekAntwoord(
        string Q, int Totaal, int Pagina, int AantalPaginas, string? BedoeldeU, bool Verbreed,
        IReadOnlyList<string> NietGevonden, IReadOnlyList<ZoekTreffer> Hits, IReadOnlyList<Facet> Facetten);

    public sealed record ZoekTreffer(
        string Id, string Naam, string Samenvatting, string Toegang, bool Bemoeizorg, string Aanbieder,
        IReadOnlyList<string> Levensdomeinen, bool Gratis, double? AfstandKm, string Url, IReadOnlyList<Fragment> Markering);

    public static IEndpointRouteBuilder MapZoekApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/zoeken", async Task<IResult> (HttpRequest request, ISearchIndex index, Taxonomie taxonomie, CancellationToken ct) =>
        {
            var parsed = ZoekParameters.Parse(request.Query, taxonomie);
            if (!parsed.IsGeldig)
            {
                return TypedResults.ValidationProblem(parsed.Fouten.ToDictionary(f => f.Key, f => new[] { f.Value }),
                    title: "Er klopt iets niet in uw zoekvraag.");
            }

            var r = await index.SearchAsync(parsed.Query, ct);
            return TypedResults.Ok(new ZoekAntwoord(r.Query.Tekst, r.Totaal, r.Query.Pagina, r.AantalPaginas, r.BedoeldeU, r.Verbreed, r.NietGevonden,
                r.Hits.Select(h => new ZoekTreffer(h.Id, h.Naam, h.Samenvatting,
                    h.Toegang == Toegang.AchterHetLoket ? Facetten.AchterHetLoket : Facetten.AlgemeenToegankelijk,
                    h.Bemoeizorg, h.Aanbieder, h.Levensdomeinen, h.Gratis, h.AfstandKm, Components.Pages.Aanbod.AanbodPagina.Url(h.Id), h.Markering)).ToList(),
                r.Facetten));
        }).Produces<ZoekAntwoord>().ProducesValidationProblem();

        api.MapGet("/suggesties", async (string? q, ISearchIndex index, CancellationToken ct) =>
        {
            var suggesties = await index.SuggestAsync((q ?? "").Length > ZoekParameters.MaxTekst ? "" : q ?? "", 8, ct);
            return TypedResults.Ok(suggesties.Select(s => s.Tekst));
        });
        return app;
    }
}
