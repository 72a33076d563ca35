using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Tests.Meldingen;

namespace SocialeKaart.Portal.Tests.Verwijzen;

/// <summary>Who may open the pages of organisations, redactie, beheer and makelpunt, and who sees the internal fields of aanbod achter het loket.</summary>
public sealed class ToegangTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, bool>();
        var routes = new Dictionary<string, string[]>
        {
            ["/organisatie"] = [Rollen.Organisatie],
            ["/organisatie/verwijzingen"] = [Rollen.Organisatie],
            ["/organisatie/overdrachten"] = [Rollen.Organisatie],
            ["/beheer"] = [Rollen.Beheerder],
            ["/beheer/postvak"] = [Rollen.Beheerder],
            ["/beheer/accounts"] = [Rollen.Beheerder],
            ["/organisatie/aanbod"] = [Rollen.Organisatie],
            ["/redactie"] = [Rollen.Redacteur],
            ["/redactie/aanbod/nieuw"] = [Rollen.Redacteur],
            ["/redactie/aanbod/taalcafe-de-brug"] = [Rollen.Redacteur],
            ["/makelpunt?mijn=ja"] = [Rollen.Consulent, Rollen.SocialeMakelaar],
            ["/makelpunt?afgesloten=ja"] = [Rollen.Consulent, Rollen.SocialeMakelaar],
            ["/makelpunt?nummer=SK-2026-00001"] = [Rollen.Consulent, Rollen.SocialeMakelaar],
        };
        foreach (var (route, mogen) in routes)
        {
            foreach (var rol in Rollen.Alle)
            {
                data.Add(route, rol, mogen.Contains(rol));
            }

            data.Add(route, "", false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Route_PerRole(string route, string rol, bool mag)
    {
        var client = rol.Length == 0 ? factory.Client() : await TestAccounts.IngelogdAsync(factory, rol);
        var antwoord = await client.GetAsync(route);
        if (mag)
        {
            Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
            Assert.True(antwoord.Headers.CacheControl?.NoStore, "a signed-in page is never stored");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
            Assert.StartsWith(rol.Length == 0 ? "/account/inloggen" : "/account/geen-toegang", antwoord.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OrganisatieZonderAanbieder_KrijgtUitlegBijNieuwAanbod()
    {
        var client = await TestAccounts.IngelogdAsync(factory, Rollen.Organisatie);
        var antwoord = await client.OpenAsync("/organisatie/aanbod/nieuw");
        Assert.Equal(HttpStatusCode.Forbidden, antwoord.Status);
        Assert.Contains("hoort niet bij een aanbieder", antwoord.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(antwoord.Document.QuerySelector("form[method=post] textarea"));
    }

    [Theory]
    [InlineData(Rollen.Beheerder, "/beheer/accounts/00000000-0000-0000-0000-000000000000")]
    [InlineData(Rollen.Redacteur, "/redactie/voorstellen/bestaat-niet")]
    [InlineData(Rollen.Redacteur, "/redactie/aanbod/bestaat-niet")]
    public async Task GeradenId_GeeftNietGevonden(string rol, string route)
    {
        var client = await TestAccounts.IngelogdAsync(factory, rol);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(route)).StatusCode);
    }

    [Theory]
    [InlineData(Rollen.Consulent, "/makelpunt")]
    [InlineData(Rollen.SocialeMakelaar, "/makelpunt")]
    [InlineData(Rollen.Organisatie, "/organisatie")]
    [InlineData(Rollen.Beheerder, "/beheer")]
    [InlineData(Rollen.Beleidsmedewerker, "/stuurinformatie")]
    [InlineData(Rollen.Redacteur, "/redactie")]
    public async Task Login_EveryRoleLandsOnItsOwnStartPage(string rol, string start)
    {
        var email = $"{rol}-{Guid.NewGuid():N}@test.example";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            var user = new Gebruiker { UserName = email, Email = email, EmailConfirmed = true, Naam = "Test" };
            Assert.True((await users.CreateAsync(user, TestAccounts.Wachtwoord)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, rol)).Succeeded);
        }

        var client = factory.Client();
        var pagina = await client.OpenAsync("/account/inloggen");
        var antwoord = await client.PostAsync("/account/inloggen", "inloggen", pagina.Token, ("Invoer.Email", email), ("Invoer.Wachtwoord", TestAccounts.Wachtwoord));

        Assert.Equal(start, antwoord.Locatie);
        Assert.Equal(HttpStatusCode.OK, (await client.OpenAsync(start)).Status);
    }

    /// <summary>Every internal field value of the real content (toewijzingscriteria, notities).</summary>
    private static IEnumerable<(string Id, string Waarde)> InterneWaarden()
    {
        foreach (var bestand in Directory.GetFiles(Path.Combine(RepoRoot(), "content", "aanbod"), "*.md"))
        {
            var regels = File.ReadAllLines(bestand);
            var inIntern = false;
            foreach (var regel in regels)
            {
                if (regel.StartsWith("intern:", StringComparison.Ordinal))
                {
                    inIntern = true;
                    continue;
                }

                if (inIntern && regel.StartsWith("  ", StringComparison.Ordinal) && regel.Contains(": ", StringComparison.Ordinal))
                {
                    yield return (Path.GetFileNameWithoutExtension(bestand), regel[(regel.IndexOf(": ", StringComparison.Ordinal) + 2)..].Trim().Trim('"'));
                }
                else if (!regel.StartsWith("  ", StringComparison.Ordinal))
                {
                    inIntern = false;
                }
            }
        }
    }

    [Fact]
    public async Task InternalFields_MedewerkersSeeThem_OthersNeverInHtmlOrJson()
    {
        var waarden = InterneWaarden().ToList();
        Assert.True(waarden.Count > 10, "the content has internal fields to look for");
        var eerste = waarden[0];

        foreach (var rol in new[] { Rollen.Consulent, Rollen.SocialeMakelaar, Rollen.Redacteur })
        {
            var medewerker = await TestAccounts.IngelogdAsync(factory, rol);
            var pagina = await medewerker.GetStringAsync($"/aanbod/{eerste.Id}");
            Assert.Contains("Alleen voor medewerkers", pagina, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(eerste.Waarde[..Math.Min(40, eerste.Waarde.Length)]), pagina, StringComparison.Ordinal);
            Assert.Contains("Alleen voor medewerkers", await medewerker.GetStringAsync("/zoeken?toegang=achter-het-loket"), StringComparison.Ordinal);
        }

        var anderen = new List<HttpClient> { factory.Client() };
        foreach (var rol in new[] { Rollen.Organisatie, Rollen.Beheerder, Rollen.Beleidsmedewerker })
        {
            anderen.Add(await TestAccounts.IngelogdAsync(factory, rol));
        }

        var medewerkerClient = await TestAccounts.IngelogdAsync(factory, Rollen.Consulent);
        foreach (var client in anderen.Append(medewerkerClient))
        {
            // The JSON API never carries internal fields, whoever asks.
            foreach (var api in new[] { "/api/zoeken?toegang=achter-het-loket", "/api/zoeken?toegang=achter-het-loket&pagina=2", "/api/zoeken?q=schulden", "/api/zoeken?q=wmo" })
            {
                var antwoord = await client.GetAsync(api);
                Assert.Equal(HttpStatusCode.OK, antwoord.StatusCode);
                var json = await antwoord.Content.ReadAsStringAsync();
                Assert.All(waarden, w => Assert.DoesNotContain(Kort(w.Waarde), JsonSerializer.Deserialize<JsonElement>(json).GetRawText().Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal));
            }
        }

        foreach (var client in anderen)
        {
            foreach (var (id, _) in waarden.DistinctBy(w => w.Id))
            {
                var html = await client.GetStringAsync($"/aanbod/{id}");
                Assert.DoesNotContain("Alleen voor medewerkers", html, StringComparison.Ordinal);
                Assert.All(waarden.Where(w => w.Id == id), w => Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(Kort(w.Waarde)), html, StringComparison.Ordinal));
            }

            var zoeken = await client.GetStringAsync("/zoeken?toegang=achter-het-loket");
            Assert.DoesNotContain("Alleen voor medewerkers", zoeken, StringComparison.Ordinal);
        }
    }

    private static string Kort(string waarde) => waarde.Length > 40 ? waarde[..40] : waarde;

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialeKaart.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SocialeKaart.sln not found.");
    }
}
