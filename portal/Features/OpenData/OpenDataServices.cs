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
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    /// <summary>The OpenAPI document at <see cref="OpenApiPad"/>, open to every origin like the API it describes.</summary>
    public static IEndpointRouteBuilder MapOpenDataOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/api/openapi/{documentName}.json").RequireCors(OpenDataEndpoints.CorsPolicy);
        return app;
    }
}
