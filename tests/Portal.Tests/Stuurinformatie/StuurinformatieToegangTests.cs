using System.Net;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Tests.Meldingen;

namespace SocialeKaart.Portal.Tests.Stuurinformatie;

/// <summary>Every new route × every role: only the beheerder and the beleidsmedewerker see management information; open data is public.</summary>
public sealed class StuurinformatieToegangTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Paden =
    [
        "/stuurinformatie", "/stuurinformatie?van=2026-01-01&tot=2026-03-31&wijk=centrum", "/stuurinformatie/csv/meldingen-per-week",
        "/stuurinformatie/csv/termijnen?van=2026-01-01", "/stuurinformatie/csv/bestaat-niet",
    ];

    public static TheoryData<string> Routes => new(Paden);

    public static TheoryData<string> AndereRollen => new() { Rollen.Organisatie, Rollen.Consulent, Rollen.SocialeMakelaar, Rollen.Redacteur };

    public static TheoryData<string> Toegestaan => new() { Rollen.Beheerder, Rollen.Beleidsmedewerker };

    public static TheoryData<string> OpenData => new()
    {
        "/api/hsds/", "/api/hsds/services", "/api/hsds/organizations", "/api/hsds/locations", "/api/hsds/service_at_locations",
        "/api/hsds/taxonomies", "/api/hsds/taxonomy_terms", "/api/hsds/export", "/api/hsds/profiel", "/api/openapi/opendata.json",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_Anonymous_GoesToLogin(string route)
    {
        var antwoord = await factory.Client().OpenAsync(route);
        Assert.Equal(HttpStatusCode.Redirect, antwoord.Status);
        Assert.StartsWith("/account/inloggen?ReturnUrl=", antwoord.Locatie, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AndereRollen))]
    public async Task Routes_OtherRoles_AreRefused(string rol)
    {
        var client = await TestAccounts.IngelogdAsync(factory, rol);
        foreach (var route in Paden)
        {
            var antwoord = await client.OpenAsync(route);
            Assert.Equal(HttpStatusCode.Redirect, antwoord.Status);
            Assert.StartsWith("/account/geen-toegang", antwoord.Locatie, StringComparison.Ordinal);
        }

        var home = await client.OpenAsync("/");
        Assert.DoesNotContain(home.Document.QuerySelectorAll("nav a"), a => a.TextContent.Contains("Stuurinformatie", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Toegestaan))]
    public async Task Page_BeheerderAndBeleidsmedewerker_SeeIt_ButNoMeldingen(string rol)
    {
        var client = await TestAccounts.IngelogdAsync(factory, rol);
        var pagina = await client.OpenAsync("/stuurinformatie");
        Assert.Equal(HttpStatusCode.OK, pagina.Status);
        Assert.Equal("Stuurinformatie", pagina.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains(pagina.Document.QuerySelectorAll("nav a"), a => a.TextContent == "Stuurinformatie");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/stuurinformatie/csv/meldingen-per-week")).StatusCode);

        // Aggregates only: the queue and a melding stay closed.
        var (id, _) = await TestAccounts.MeldingAsync(factory);
        foreach (var route in new[] { "/makelpunt", $"/makelpunt/meldingen/{id}" })
        {
            var antwoord = await client.OpenAsync(route);
            Assert.Equal(HttpStatusCode.Redirect, antwoord.Status);
            Assert.StartsWith("/account/geen-toegang", antwoord.Locatie, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(OpenData))]
    public async Task OpenData_IsPublic_ForAnonymousAndEveryRole(string route)
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.Client().GetAsync(route)).StatusCode);
        foreach (var rol in Rollen.Alle)
        {
            var client = await TestAccounts.IngelogdAsync(factory, rol);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(route)).StatusCode);
        }
    }

    [Fact]
    public void DemoAccounts_IncludeTheBeleidsmedewerker()
    {
        Assert.Contains(DemoAccounts.Alle, a => a.Email == "beleid@demo.sociale-kaart.nl" && a.Rol == Rollen.Beleidsmedewerker);
        Assert.Contains(Rollen.Beleidsmedewerker, Rollen.Alle);
    }
}
