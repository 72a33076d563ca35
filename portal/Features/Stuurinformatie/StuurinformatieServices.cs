using System.Text;
using Microsoft.Extensions.Options;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Portal.Features.Accounts;

namespace SocialeKaart.Portal.Features.Stuurinformatie;

public static class StuurinformatieServices
{
    /// <summary>Management information: the beheerder and the gemeente's beleidsmedewerkers, aggregates only.</summary>
    public const string Policy = "stuurinformatie";

    public const string Pad = "/stuurinformatie";

    public static WebApplicationBuilder AddStuurinformatie(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<Versheid>().BindConfiguration(Versheid.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<StuurinformatieBerekening>();
        builder.Services.AddSingleton<ZoektermenZonderResultaat>();
        builder.Services.AddAuthorization(o => o.AddPolicy(Policy, p => p.RequireRole(Rollen.Beheerder, Rollen.Beleidsmedewerker)));
        return builder;
    }

    public static string CsvUrl(Filter filter, string figuur) => filter.Query($"{Pad}/csv/{figuur}");

    /// <summary>Each figure as CSV (semicolons and a decimal comma, as Dutch spreadsheets read it), with the same suppression as the page.</summary>
    public static IEndpointRouteBuilder MapStuurinformatie(this IEndpointRouteBuilder app)
    {
        app.MapGet(Pad + "/csv/{figuur}", async Task<IResult> (string figuur, HttpRequest request, StuurinformatieBerekening berekening,
            Taxonomie taxonomie, TimeProvider time, CancellationToken ct) =>
        {
            var vandaag = NederlandseTekst.Dag(time.GetUtcNow());
            var (filter, fouten) = Filter.Lees(request.Query, vandaag, taxonomie);
            if (fouten.Count > 0)
            {
                return TypedResults.ValidationProblem(fouten.ToDictionary(f => f.Key, f => new[] { f.Value }), title: "Er klopt iets niet in het filter.");
            }

            var rapport = await berekening.RapportAsync(filter, vandaag, ct);
            if (rapport.Alle.FirstOrDefault(f => f.Id == figuur) is not { } f)
            {
                return TypedResults.NotFound();
            }

            var csv = new StringBuilder();
            csv.AppendLine(string.Join(';', new[] { f.RijKop }.Concat(f.Kolommen).Select(Veld)));
            foreach (var rij in f.Rijen)
            {
                csv.AppendLine(string.Join(';', new[] { rij.Label }.Concat(rij.Cellen.Select(c => c.CsvTekst)).Select(Veld)));
            }

            var naam = $"{f.Id}-{filter.Van:yyyy-MM-dd}-{filter.Tot:yyyy-MM-dd}{(filter.Wijk is null ? "" : "-" + filter.Wijk)}.csv";
            return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", naam);
        }).RequireAuthorization(Policy);
        return app;
    }

    private static string Veld(string tekst) =>
        tekst.IndexOfAny([';', '"', '\n', '\r']) >= 0 || tekst.StartsWith('=') || tekst.StartsWith('+') || tekst.StartsWith('-') || tekst.StartsWith('@')
            ? "\"" + (tekst.Length > 0 && "=+-@".Contains(tekst[0], StringComparison.Ordinal) ? "'" : "") + tekst.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : tekst;
}
