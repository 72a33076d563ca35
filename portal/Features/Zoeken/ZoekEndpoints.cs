using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Portal.Features.Zoeken;

/// <summary>The public JSON search: hits and facets with public fields only.</summary>
public static class ZoekEndpoints
{
    /// <param name="Crisis">Crisis help, before the hits: the words signal acute danger (issue 11). Empty otherwise.</param>
    /// <param name="GeenZoekwoord">The text had no word to search with (punctuation, emoji, query syntax): no hits.</param>
    /// <param name="Taal">The language of the search when not Dutch (ISO 639-1); the aanbod itself is in Dutch.</param>
    public sealed record ZoekAntwoord(
        string Q, IReadOnlyList<CrisisHulpRegel> Crisis, int Totaal, int Pagina, int AantalPaginas, string? BedoeldeU, bool Verbreed,
        IReadOnlyList<string> NietGevonden, bool GeenZoekwoord, string? Taal, IReadOnlyList<ZoekTreffer> Hits, IReadOnlyList<Facet> Facetten);

    public sealed record ZoekTreffer(
        string Id, string Naam, string Samenvatting, string Toegang, bool Bemoeizorg, string Aanbieder,
        IReadOnlyList<string> Levensdomeinen, bool Gratis, double? AfstandKm, string Url, IReadOnlyList<Fragment> Markering);

    public static IEndpointRouteBuilder MapZoekApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/zoeken", async Task<IResult> (HttpRequest request, ISearchIndex index, Taxonomie taxonomie, CancellationToken ct) =>
        {
            var parsed = ZoekParameters.Parse(request.Query, taxonomie, taalAlsFacet: true);
            if (!parsed.IsGeldig)
            {
                return TypedResults.ValidationProblem(parsed.Fouten.ToDictionary(f => f.Key, f => new[] { f.Value }),
                    title: "Er klopt iets niet in uw zoekvraag.");
            }

            var r = await index.SearchAsync(parsed.Query, ct);
            var crisis = await CrisisHulp.VoorAsync(r, index, ct);
            return TypedResults.Ok(new ZoekAntwoord(r.Query.Tekst, crisis, r.Totaal, r.Query.Pagina, r.AantalPaginas, r.BedoeldeU, r.Verbreed, r.NietGevonden,
                r.GeenZoekwoord, r.Taal,
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
