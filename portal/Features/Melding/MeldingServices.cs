using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SocialeKaart.Portal.Features.Gezondheid;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Makelpunt.Opslag;

namespace SocialeKaart.Portal.Features.Melding;

/// <summary>Limits on the public melding, per IP address (section "Melding").</summary>
public sealed class MeldingOptions
{
    public const string Section = "Melding";

    /// <summary>Form posts of the melding steps per minute per address (a library or buurthuis shares one address).</summary>
    [Range(1, 100_000)]
    public int StappenPerMinuut { get; set; } = 60;

    /// <summary>Sent meldingen per hour per address.</summary>
    [Range(1, 100_000)]
    public int VerzendingenPerUur { get; set; } = 20;

    /// <summary>Login attempts per minute per address (on top of Identity's lockout per account).</summary>
    [Range(1, 100_000)]
    public int InlogpogingenPerMinuut { get; set; } = 10;

    /// <summary>"Klopt er iets niet?" reports per hour per address.</summary>
    [Range(1, 100_000)]
    public int TerugmeldingenPerUur { get; set; } = 10;

    /// <summary>The largest form post of the melding, in bytes: all answers of a step fit many times over.</summary>
    [Range(1024, 10_000_000)]
    public int MaxFormulierBytes { get; set; } = 64 * 1024;
}

/// <summary>The draft of the melding in progress, found through a random id in an HttpOnly cookie.</summary>
public sealed class MeldingConcepten(IMakelpuntStore store, TimeProvider time)
{
    public const string Cookie = "sk-melding";

    /// <summary>The draft being filled in; null when there is none or it was sent.</summary>
    public async Task<MeldingConcept?> HuidigAsync(HttpContext context) =>
        Id(context) is { } id ? await store.ConceptAsync(id, context.RequestAborted) : null; // the store never returns a sent concept

    /// <summary>The receipt when this browser's draft was sent (for the confirmation page, also after a refresh).</summary>
    public async Task<Ontvangst?> VerstuurdAsync(HttpContext context) =>
        Id(context) is { } id ? await store.OntvangstAsync(id, context.RequestAborted) : null;

    private static string? Id(HttpContext context) =>
        context.Request.Cookies[Cookie] is { Length: > 0 and <= 64 } id ? id : null;

    /// <summary>A new, empty draft (optionally with a levensdomein the inwoner came from) and its cookie.</summary>
    public async Task<MeldingConcept> StartAsync(HttpContext context, MeldingAntwoorden antwoorden)
    {
        var concept = new MeldingConcept(RandomNumberGenerator.GetHexString(32, lowercase: true), antwoorden, 0, time.GetUtcNow());
        await store.BewaarConceptAsync(concept, context.RequestAborted);
        context.Response.Cookies.Append(Cookie, concept.Id, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            // A session cookie: on a shared computer (library, buurthuis) closing the browser ends the access to the
            // answers; the draft itself is deleted by the Opruimdienst after Makelpunt:Opslag:ConceptUren.
            Path = "/melding",
        });
        return concept;
    }

    public Task BewaarAsync(MeldingConcept concept, CancellationToken cancellationToken) =>
        store.BewaarConceptAsync(concept with { Gewijzigd = time.GetUtcNow() }, cancellationToken);

    public async Task StopAsync(HttpContext context, MeldingConcept concept)
    {
        await store.VerwijderConceptAsync(concept.Id, context.RequestAborted);
        context.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/melding" });
    }
}

/// <summary>Sends a melding: routing and deadlines by the makelpunt rules, then one durable, idempotent store.</summary>
public sealed class MeldingVersturen(IMakelpuntStore store, Routering routering, Werkdagen werkdagen, IOptions<MakelpuntOptions> options, TimeProvider time,
    Meters meters)
{
    public async Task<Ontvangst> VerstuurAsync(MeldingConcept concept, CancellationToken cancellationToken)
    {
        var nu = time.GetUtcNow();
        var kenmerken = concept.Antwoorden.Kenmerken();
        var besluit = routering.Bepaal(kenmerken);
        var termijnen = Termijnen.Bereken(nu, besluit, kenmerken, werkdagen, options.Value);
        var token = Base64UrlToken();
        var ontvangst = await store.OntvangAsync(concept.Id, new NieuweMelding(concept.Antwoorden, besluit, termijnen, nu, token), cancellationToken);
        if (ontvangst.Nieuw)
        {
            meters.MeldingOntvangen(besluit.Route.ToString());
        }

        return ontvangst;
    }

    private static string Base64UrlToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
}

public static class MeldingServices
{
    /// <summary>The makelpunt rules and store and the melding wizard's services (its limits: <see cref="Beveiliging.Limieten"/>).</summary>
    public static WebApplicationBuilder AddMelding(this WebApplicationBuilder builder)
    {
        builder.Services.AddMakelpuntRegels();
        builder.Services.AddMakelpuntOpslag(Database.DatabaseOptions.Lees(builder.Configuration));
        builder.Services.AddOptions<MeldingOptions>().BindConfiguration(MeldingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<MeldingConcepten>();
        builder.Services.AddScoped<MeldingVersturen>();
        builder.Services.AddSingleton<PassendAanbod.Tekstanalyse>();
        builder.Services.AddSingleton<PassendAanbod>();

        return builder;
    }
}

/// <summary>The URLs of the melding; each step page owns one.</summary>
public static class MeldingPaden
{
    public const string Start = "/melding";
    public const string Versturen = "/melding/controleren";
    public const string Verstuurd = "/melding/verstuurd";
    public const string Geholpen = "/melding/geholpen";

    public static string Status(string token) => $"/melding/status?code={Uri.EscapeDataString(token)}";
}
