using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Hsds;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Portal.Features.OpenData;

/// <summary>
/// The open-data API: the public kaart in HSDS 3.0 under <c>/api/hsds</c>, with paging and the filters of the HSDS API
/// reference (openapi.json of the specification), a full export in one file, open to every origin for GET.
/// </summary>
public static class OpenDataEndpoints
{
    public const string Pad = "/api/hsds";
    public const string CorsPolicy = "opendata";
    public const int StandaardPerPagina = 50;
    public const int MaxPerPagina = 500;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Pad).RequireCors(CorsPolicy).WithTags("HSDS 3.0 (open data)");

        api.MapGet("/", (HttpRequest request) =>
            TypedResults.Json(new HsdsMeta(HsdsProfiel.HsdsVersie, Basis(request) + "/api/hsds/profiel", Basis(request) + OpenDataServices.OpenApiPad), Json))
            .WithSummary("Over deze API en het HSDS-profiel.");

        api.MapGet("/services", async Task<Results<JsonHttpResult<HsdsPagina<HsdsService>>, NdjsonResult<HsdsService>, ValidationProblem>> (
            HttpRequest request, OpenDataBron bron, ISearchIndex index, CancellationToken ct) =>
        {
            if (LijstVraag.Lees(request.Query, out var fouten) is not { } vraag)
            {
                return Fout(fouten);
            }

            var kaart = await bron.KaartAsync(Basis(request), ct);
            var gevonden = vraag.Zoek is { } zoek ? await ZoekAsync(index, zoek, ct) : null;
            var lijst = kaart.Diensten.Where(d => Past(d, vraag, gevonden)).Select(d => vraag.Volledig ? d.Volledig : HsdsKaart.Kort(d.Volledig));
            return vraag.Ndjson ? new NdjsonResult<HsdsService>(lijst) : Pagina(lijst.ToList(), vraag);
        }).WithSummary("Diensten (aanbod), per pagina; full=true geeft ze volledig.");

        api.MapGet("/services/{id}", async Task<Results<JsonHttpResult<HsdsService>, NotFound>> (string id, HttpRequest request, OpenDataBron bron, CancellationToken ct) =>
            (await bron.KaartAsync(Basis(request), ct)).DienstPerId.TryGetValue(id, out var d) ? TypedResults.Json(d.Volledig, Json) : TypedResults.NotFound())
            .WithSummary("Eén dienst, volledig.");

        api.MapGet("/organizations", async Task<Results<JsonHttpResult<HsdsPagina<HsdsOrganization>>, NdjsonResult<HsdsOrganization>, ValidationProblem>> (
            HttpRequest request, OpenDataBron bron, CancellationToken ct) =>
        {
            if (LijstVraag.Lees(request.Query, out var fouten) is not { } vraag)
            {
                return Fout(fouten);
            }

            var kaart = await bron.KaartAsync(Basis(request), ct);
            var lijst = kaart.Organisaties.Where(o => vraag.Zoek is null || Bevat(o.Name, vraag.Zoek))
                .Select(o => vraag.Volledig || vraag.VolledigeDiensten ? kaart.MetDiensten(o, vraag.VolledigeDiensten) : HsdsKaart.Kort(o));
            return vraag.Ndjson ? new NdjsonResult<HsdsOrganization>(lijst) : Pagina(lijst.ToList(), vraag);
        }).WithSummary("Aanbieders, per pagina.");

        api.MapGet("/organizations/{id}", async Task<Results<JsonHttpResult<HsdsOrganization>, NotFound, ValidationProblem>> (
            string id, HttpRequest request, OpenDataBron bron, CancellationToken ct) =>
        {
            if (LijstVraag.Lees(request.Query, out var fouten) is not { } vraag)
            {
                return Fout(fouten);
            }

            var kaart = await bron.KaartAsync(Basis(request), ct);
            return kaart.Organisaties.FirstOrDefault(o => o.Id == id) is { } org
                ? TypedResults.Json(kaart.MetDiensten(org, vraag.VolledigeDiensten), Json)
                : TypedResults.NotFound();
        }).WithSummary("Eén aanbieder met zijn diensten.");

        api.MapGet("/locations", async Task<Results<JsonHttpResult<HsdsPagina<HsdsLocation>>, NdjsonResult<HsdsLocation>, ValidationProblem>> (
            HttpRequest request, OpenDataBron bron, CancellationToken ct) =>
        {
            if (LijstVraag.Lees(request.Query, out var fouten) is not { } vraag)
            {
                return Fout(fouten);
            }

            var kaart = await bron.KaartAsync(Basis(request), ct);
            var lijst = kaart.Locaties.Where(l => (vraag.Zoek is null || Bevat(l.Name ?? "", vraag.Zoek))
                && (vraag.OrganisatieId is null || l.OrganizationId == vraag.OrganisatieId));
            return vraag.Ndjson ? new NdjsonResult<HsdsLocation>(lijst) : Pagina(lijst.ToList(), vraag);
        }).WithSummary("Locaties, per pagina (niet in de HSDS API-referentie; elk item volgt location.json).");

        api.MapGet("/locations/{id}", async Task<Results<JsonHttpResult<HsdsLocation>, NotFound>> (string id, HttpRequest request, OpenDataBron bron, CancellationToken ct) =>
            (await bron.KaartAsync(Basis(request), ct)).Locaties.FirstOrDefault(l => l.Id == id) is { } l ? TypedResults.Json(l, Json) : TypedResults.NotFound())
            .WithSummary("Eén locatie.");

        api.MapGet("/service_at_locations", async Task<Results<JsonHttpResult<HsdsPagina<HsdsServiceAtLocation>>, NdjsonResult<HsdsServiceAtLocation>, ValidationProblem>> (
            HttpRequest request, OpenDataBron bron, ISearchIndex index, CancellationToken ct) =>
        {
            if (LijstVraag.Lees(request.Query, out var fouten) is not { } vraag)
            {
                return Fout(fouten);
            }

            var kaart = await bron.KaartAsync(Basis(request), ct);
            GeoPunt? punt = null;
            if (vraag.Postcode is { } postcode)
            {
                punt = await bron.PostcodeAsync(postcode, ct);
                if (punt is null)
                {
                    return Fout(new() { ["postcode"] = [$"Deze postcode kennen we niet: '{postcode}'."] });
                }
            }

            var gevonden = vraag.Zoek is { } zoek ? await ZoekAsync(index, zoek, ct) : null;
            var lijst = kaart.DienstenOpLocatie.Where(s =>
            {
                var d = kaart.DienstPerId[s.ServiceId!];
                if (!Past(d, vraag, gevonden))
                {
                    return false;
                }

                return punt is not { } p || vraag.AfstandMeter is not { } meter
                    || (kaart.Punten.GetValueOrDefault(s.LocationId!) is { } lp && lp.AfstandKm(p) * 1000 <= meter);
            }).Select(s => vraag.Volledig ? kaart.Volledig(s) : kaart.Kort(s));
            return vraag.Ndjson ? new NdjsonResult<HsdsServiceAtLocation>(lijst) : Pagina(lijst.ToList(), vraag);
        }).WithSummary("Diensten op een locatie, per pagina; postcode en proximity (meters) zoeken in de buurt.");

        api.MapGet("/service_at_locations/{id}", async Task<Results<JsonHttpResult<HsdsServiceAtLocation>, NotFound>> (
            string id, HttpRequest request, OpenDataBron bron, CancellationToken ct) =>
        {
            var kaart = await bron.KaartAsync(Basis(request), ct);
            return kaart.DienstenOpLocatie.FirstOrDefault(s => s.Id == id) is { } sal ? TypedResults.Json(kaart.Volledig(sal), Json) : TypedResults.NotFound();
        }).WithSummary("Eén dienst op een locatie, volledig.");

        api.MapGet("/taxonomies", async Task<Results<JsonHttpResult<HsdsPagina<HsdsTaxonomy>>, NdjsonResult<HsdsTaxonomy>, ValidationProblem>> (
            HttpRequest request, OpenDataBron bron, CancellationToken ct) =>
        {
            if (LijstVraag.Lees(request.Query, out var fouten) is not { } vraag)
            {
                return Fout(fouten);
            }

            var lijst = (await bron.KaartAsync(Basis(request), ct)).Taxonomieen.Where(t => vraag.Zoek is null || Bevat(t.Name + " " + t.Description, vraag.Zoek));
            return vraag.Ndjson ? new NdjsonResult<HsdsTaxonomy>(lijst) : Pagina(lijst.ToList(), vraag);
        }).WithSummary("Onze taxonomieën: levensdomeinen en leefgebieden, doelgroepen, wijken, toegang, wettelijk kader, soort organisatie, kenmerken.");

        api.MapGet("/taxonomies/{id}", async Task<Results<JsonHttpResult<HsdsTaxonomy>, NotFound>> (string id, HttpRequest request, OpenDataBron bron, CancellationToken ct) =>
            (await bron.KaartAsync(Basis(request), ct)).Taxonomieen.FirstOrDefault(t => t.Id == id) is { } t ? TypedResults.Json(t, Json) : TypedResults.NotFound())
            .WithSummary("Eén taxonomie.");

        api.MapGet("/taxonomy_terms", async Task<Results<JsonHttpResult<HsdsPagina<HsdsTaxonomyTerm>>, NdjsonResult<HsdsTaxonomyTerm>, ValidationProblem>> (
            HttpRequest request, OpenDataBron bron, CancellationToken ct) =>
        {
            if (LijstVraag.Lees(request.Query, out var fouten) is not { } vraag)
            {
                return Fout(fouten);
            }

            var lijst = (await bron.KaartAsync(Basis(request), ct)).Termen.Where(t =>
                (vraag.Zoek is null || Bevat(t.Name + " " + t.Code + " " + t.Description, vraag.Zoek))
                && (vraag.TaxonomieId is null || t.TaxonomyId == vraag.TaxonomieId)
                && (vraag.OuderId is null || t.ParentId == vraag.OuderId)
                && (!vraag.AlleenBoven || t.ParentId is null));
            return vraag.Ndjson ? new NdjsonResult<HsdsTaxonomyTerm>(lijst) : Pagina(lijst.ToList(), vraag);
        }).WithSummary("De termen van onze taxonomieën; top_only en parent_id voor de boom leefgebied → levensdomein.");

        api.MapGet("/taxonomy_terms/{id}", async Task<Results<JsonHttpResult<HsdsTaxonomyTerm>, NotFound>> (string id, HttpRequest request, OpenDataBron bron, CancellationToken ct) =>
            (await bron.KaartAsync(Basis(request), ct)).Termen.FirstOrDefault(t => t.Id == id) is { } t ? TypedResults.Json(t, Json) : TypedResults.NotFound())
            .WithSummary("Eén taxonomieterm.");

        api.MapGet("/export", async Task<IResult> (HttpRequest request, HttpResponse response, OpenDataBron bron, TimeProvider time, CancellationToken ct) =>
        {
            var kaart = await bron.KaartAsync(Basis(request), ct);
            var export = new HsdsExport(HsdsProfiel.HsdsVersie, kaart.BasisUrl + "/api/hsds/profiel", HsdsKaart.Tijdstip(kaart.Gemaakt),
                kaart.Diensten.Select(d => d.Volledig).ToList(),
                kaart.Organisaties.Select(o => kaart.MetDiensten(o, volledig: false)).ToList(),
                kaart.Locaties,
                kaart.DienstenOpLocatie.Select(kaart.Volledig).ToList(),
                kaart.Taxonomieen,
                kaart.Termen);
            var datum = Rooster.Lokaal(time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            response.Headers.ContentDisposition = $"attachment; filename=\"sociale-kaart-hsds-{datum}.json\"";
            return TypedResults.Json(export, Json);
        }).WithSummary("De hele open kaart in één JSON-bestand: elke lijst volledig.").Produces<HsdsExport>();

        api.MapGet("/profiel", async (HttpRequest request, OpenDataBron bron, CancellationToken ct) =>
        {
            var kaart = await bron.KaartAsync(Basis(request), ct);
            return TypedResults.Json(new HsdsProfielInfo(
                "Sociale kaart (Nederlandse gemeente)", HsdsProfiel.HsdsVersie,
                "HSDS 3.0 met eigen taxonomieën. Classificaties (levensdomeinen met hun leefgebied als ouder, doelgroepen, wijken, toegang, "
                + "wettelijk kader, soort organisatie) zijn attributes met een taxonomy_term; velden zonder HSDS-veld staan als attribute met "
                + "een term uit sociale-kaart-kenmerken en de waarde in value. description is platte tekst. Tijden (opens_at, closes_at) zijn "
                + "Nederlandse lokale tijd (Europe/Amsterdam). last_modified is het begin van de dag van assured_date (laatst gecontroleerd).",
                kaart.Taxonomieen, kaart.Termen.Where(t => t.Taxonomy == HsdsProfiel.Kenmerken).ToList()), Json);
        }).WithSummary("Ons HSDS-profiel: de taxonomieën en kenmerken (zie ook de README).");

        return app;
    }

    // The links in open data come from the portal's configured public address, never from the request's Host header.
    internal static string Basis(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Beveiliging.PortaalOptions>>().Value.PubliekeUrl.TrimEnd('/');

    private static ValidationProblem Fout(Dictionary<string, string[]> fouten) =>
        TypedResults.ValidationProblem(fouten, title: "Er klopt iets niet in de vraag aan de open-data-API.");

    private static JsonHttpResult<HsdsPagina<T>> Pagina<T>(IReadOnlyList<T> alles, LijstVraag vraag)
    {
        var paginas = Math.Max(1, (alles.Count + vraag.PerPagina - 1) / vraag.PerPagina);
        var inhoud = alles.Skip((int)Math.Min(int.MaxValue, (long)(vraag.Pagina - 1) * vraag.PerPagina)).Take(vraag.PerPagina).ToList();
        return TypedResults.Json(new HsdsPagina<T>(alles.Count, paginas, vraag.Pagina, inhoud.Count, vraag.Pagina == 1, vraag.Pagina >= paginas,
            inhoud.Count == 0, inhoud), Json);
    }

    private static bool Past(HsdsDienst d, LijstVraag vraag, HashSet<string>? gevonden) =>
        (gevonden is null || gevonden.Contains(d.AanbodId))
        && (vraag.GewijzigdNa is not { } na || d.Gewijzigd >= na)
        && (vraag.TermId is null || d.TermIds.Contains(vraag.TermId))
        && (vraag.TaxonomieId is null || d.TaxonomieIds.Contains(vraag.TaxonomieId))
        && (vraag.OrganisatieId is null || d.Volledig.OrganizationId == vraag.OrganisatieId);

    private static bool Bevat(string tekst, string zoek) =>
        Kaart.Analysis.TextFolding.Fold(tekst).Contains(Kaart.Analysis.TextFolding.Fold(zoek), StringComparison.Ordinal);

    // The same Dutch search as /zoeken: stemming, compounds, synonyms.
    private static async Task<HashSet<string>> ZoekAsync(ISearchIndex index, string zoek, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var query = new SearchQuery { Tekst = zoek, PerPagina = SearchQuery.MaxPerPagina };
        for (var pagina = 1; ; pagina++)
        {
            var r = await index.SearchAsync(query with { Pagina = pagina }, ct);
            ids.UnionWith(r.Hits.Select(h => h.Id));
            if (pagina >= r.AantalPaginas || r.Hits.Count == 0)
            {
                return ids;
            }
        }
    }
}

/// <summary>The query parameters of the HSDS list endpoints, checked: a bad value is a 400 that says which and why.</summary>
internal sealed record LijstVraag(int Pagina, int PerPagina, DateTimeOffset? GewijzigdNa, string? Zoek, string? TermId, string? TaxonomieId,
    string? OrganisatieId, bool Volledig, bool VolledigeDiensten, bool Ndjson, string? Postcode, double? AfstandMeter, bool AlleenBoven, string? OuderId)
{
    public static LijstVraag? Lees(IQueryCollection q, out Dictionary<string, string[]> fouten)
    {
        var f = new Dictionary<string, string[]>();
        int Getal(string naam, int standaard, int min, int max)
        {
            var tekst = q[naam].ToString();
            if (tekst.Length == 0)
            {
                return standaard;
            }

            if (!int.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            {
                f[naam] = [$"{naam} moet een heel getal van {min} tot en met {max} zijn."];
                return standaard;
            }

            return n;
        }

        bool JaNee(string naam)
        {
            var tekst = q[naam].ToString();
            switch (tekst.ToLowerInvariant())
            {
                case "":
                case "false":
                    return false;
                case "true":
                    return true;
                default:
                    f[naam] = [$"{naam} moet true of false zijn."];
                    return false;
            }
        }

        string? Tekst(string naam, int max = 200)
        {
            var tekst = q[naam].ToString().Trim();
            if (tekst.Length > max)
            {
                f[naam] = [$"{naam} is te lang: hoogstens {max} tekens."];
                return null;
            }

            return tekst.Length == 0 ? null : tekst;
        }

        var pagina = Getal("page", 1, 1, 1_000_000);
        var perPagina = Getal("per_page", OpenDataEndpoints.StandaardPerPagina, 1, OpenDataEndpoints.MaxPerPagina);
        DateTimeOffset? na = null;
        if (Tekst("modified_after") is { } nat)
        {
            if (DateTimeOffset.TryParse(nat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                && (nat.Contains('T', StringComparison.Ordinal) || DateOnly.TryParseExact(nat, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                na = t;
            }
            else
            {
                f["modified_after"] = ["modified_after moet een datum en tijd zijn zoals 2026-01-31T12:00:00Z (of een datum: 2026-01-31)."];
            }
        }

        var formaat = Tekst("format") ?? "json";
        if (formaat is not ("json" or "ndjson"))
        {
            f["format"] = ["format moet json of ndjson zijn."];
        }

        double? afstand = null;
        if (Tekst("proximity") is { } pt)
        {
            if (double.TryParse(pt, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0 && m <= 1_000_000)
            {
                afstand = m;
            }
            else
            {
                f["proximity"] = ["proximity moet een afstand in meters zijn (groter dan 0)."];
            }
        }

        var vraag = new LijstVraag(pagina, perPagina, na, Tekst("search", SearchQuery.MaxTekstLength), Tekst("taxonomy_term_id"), Tekst("taxonomy_id"),
            Tekst("organization_id"), JaNee("full"), JaNee("full_service"), formaat == "ndjson", Tekst("postcode", 10), afstand, JaNee("top_only"),
            Tekst("parent_id"));
        fouten = f;
        return f.Count == 0 ? vraag : null;
    }
}

/// <summary><c>format=ndjson</c>: every result as one JSON line, without paging (HSDS API reference).</summary>
public sealed class NdjsonResult<T>(IEnumerable<T> items) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = "application/x-ndjson; charset=utf-8";
        var body = httpContext.Response.Body;
        foreach (var item in items)
        {
            await JsonSerializer.SerializeAsync(body, item, OpenDataEndpoints.Json, httpContext.RequestAborted);
            await body.WriteAsync("\n"u8.ToArray(), httpContext.RequestAborted);
        }
    }
}
