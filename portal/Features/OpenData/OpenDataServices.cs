using Microsoft.OpenApi;

namespace SocialeKaart.Portal.Features.OpenData;

public static class OpenDataServices
{
    public const string OpenApiDocument = "opendata";
    public const string OpenApiPad = "/api/openapi/opendata.json";

    /// <summary>The HSDS snapshot of the index, CORS for GET on the open-data API only, and its OpenAPI document
    /// (with the JSON search beside it).</summary>
    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OpenDataOptions>().BindConfiguration(OpenDataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OpenDataBron>();
        builder.Services.AddCors(cors => cors.AddPolicy(OpenDataEndpoints.CorsPolicy, policy => policy.AllowAnyOrigin().WithMethods("GET")));
        builder.Services.AddOpenApi(OpenApiDocument, options =>
        {
            options.ShouldInclude = d => d.RelativePath is { } pad
                && (pad.StartsWith("api/hsds", StringComparison.Ordinal) || pad.StartsWith("api/zoeken", StringComparison.Ordinal));
            options.AddDocumentTransformer((document, context, _) =>
            {
                var opties = context.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<OpenDataOptions>>().Value;
                document.Info = new OpenApiInfo
                {
                    Title = $"{opties.Naam}: open data",
                    Version = "1",
                    Description = "De openbare sociale kaart in HSDS 3.0 (Open Referral Human Services Data Specification, "
                        + "https://openreferral.org/) onder /api/hsds, met ons profiel voor de Nederlandse velden (toegang, wettelijk kader, "
                        + "levensdomeinen, doelgroepen, wijken): zie /api/hsds/taxonomies en de README. Elke lijst heeft page, per_page "
                        + "(hoogstens 500) en, voor diensten, modified_after, zoals de HSDS API-referentie. /api/zoeken is de zoekfunctie "
                        + "van de portal als JSON. Nooit interne velden, nooit persoonsgegevens.",
                    License = new OpenApiLicense { Name = opties.Licentie, Url = new Uri(opties.LicentieUrl) },
                };
                document.ExternalDocs = new OpenApiExternalDocs
                {
                    Description = "HSDS 3.0: de officiële schema's en de API-referentie van Open Referral",
                    Url = new Uri("https://docs.openreferral.org/en/v3.0/"),
                };
                return Task.CompletedTask;
            });

            // The endpoints read their query from the request (one parser, with its Dutch error messages): name the parameters here.
            options.AddOperationTransformer((operation, context, _) =>
            {
                foreach (var (naam, type, uitleg) in Parameters(context.Description.RelativePath ?? ""))
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = naam,
                        In = ParameterLocation.Query,
                        Description = uitleg,
                        Schema = new OpenApiSchema { Type = type },
                    });
                }

                return Task.CompletedTask;
            });
        });
        return builder;
    }

    private static IEnumerable<(string, JsonSchemaType, string)> Parameters(string pad)
    {
        if (pad == "api/zoeken")
        {
            yield return ("q", JsonSchemaType.String, "De zoekvraag in gewone woorden.");
            foreach (var facet in Kaart.Search.Facetten.Alle)
            {
                yield return (facet, JsonSchemaType.String, $"Filter op {facet}; mag vaker.");
            }

            yield return ("postcode", JsonSchemaType.String, "Postcode voor de afstand (1234 of 1234 AB).");
            yield return ("straal", JsonSchemaType.Number, "Alleen aanbod binnen zoveel km van de postcode.");
            yield return ("sorteer", JsonSchemaType.String, "relevantie, afstand of naam.");
            yield return ("pagina", JsonSchemaType.Integer, "Paginanummer, vanaf 1.");
            yield break;
        }

        var lijsten = new[] { "services", "organizations", "locations", "service_at_locations", "taxonomies", "taxonomy_terms" };
        var lijst = lijsten.FirstOrDefault(l => pad == "api/hsds/" + l);
        if (lijst is null)
        {
            if (pad == "api/hsds/organizations/{id}")
            {
                yield return ("full_service", JsonSchemaType.Boolean, "true: de diensten volledig.");
            }

            yield break;
        }

        yield return ("page", JsonSchemaType.Integer, "Paginanummer, vanaf 1.");
        yield return ("per_page", JsonSchemaType.Integer, $"Aantal per pagina (standaard {OpenDataEndpoints.StandaardPerPagina}, hoogstens {OpenDataEndpoints.MaxPerPagina}).");
        yield return ("search", JsonSchemaType.String, "Zoeken in de tekst (bij diensten: dezelfde Nederlandse zoekfunctie als de portal).");
        yield return ("format", JsonSchemaType.String, "json (standaard) of ndjson: alles, één JSON-regel per item, zonder pagina's.");
        if (lijst is "services" or "service_at_locations")
        {
            yield return ("modified_after", JsonSchemaType.String, "Alleen diensten gewijzigd op of na dit moment (ISO 8601, bijvoorbeeld 2026-01-31T00:00:00+01:00).");
            yield return ("taxonomy_term_id", JsonSchemaType.String, "Alleen diensten met deze term (een leefgebied geeft ook zijn levensdomeinen).");
            yield return ("taxonomy_id", JsonSchemaType.String, "Alleen diensten met een term uit deze taxonomie.");
            yield return ("organization_id", JsonSchemaType.String, "Alleen diensten van deze aanbieder.");
            yield return ("full", JsonSchemaType.Boolean, "true: volledig genest.");
        }

        if (lijst == "service_at_locations")
        {
            yield return ("postcode", JsonSchemaType.String, "Postcode; met proximity: alleen locaties in de buurt van het midden van die PC4.");
            yield return ("proximity", JsonSchemaType.Number, "Afstand in meters vanaf de postcode.");
        }

        if (lijst == "organizations")
        {
            yield return ("full", JsonSchemaType.Boolean, "true: volledig genest.");
            yield return ("full_service", JsonSchemaType.Boolean, "true: met de diensten volledig.");
        }

        if (lijst == "locations")
        {
            yield return ("organization_id", JsonSchemaType.String, "Alleen locaties van deze aanbieder.");
        }

        if (lijst == "taxonomy_terms")
        {
            yield return ("taxonomy_id", JsonSchemaType.String, "Alleen termen van deze taxonomie.");
            yield return ("top_only", JsonSchemaType.Boolean, "true: alleen termen zonder ouder (de leefgebieden).");
            yield return ("parent_id", JsonSchemaType.String, "Alleen termen met deze ouder.");
        }
    }

    /// <summary>The OpenAPI document at <see cref="OpenApiPad"/>, open to every origin like the API it describes.</summary>
    public static IEndpointRouteBuilder MapOpenDataOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/api/openapi/{documentName}.json").RequireCors(OpenDataEndpoints.CorsPolicy);
        return app;
    }
}
