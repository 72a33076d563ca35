using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Organisaties;
using SocialeKaart.Portal.Tests.Meldingen;

namespace SocialeKaart.Portal.Tests.Verwijzen;

/// <summary>Organisation accounts for tests, and a verwijzing filled in as such an account does.</summary>
internal static class Organisaties
{
    /// <summary>A new organisation account, logged in. <paramref name="aanbieder"/>: the organisation name of aanbod in the
    /// content whose handovers it gets; null for an organisation that only refers.</summary>
    public static async Task<(HttpClient Client, string Id)> IngelogdAsync(PortalFactory factory, string organisatie, string soort, string? aanbieder = null)
    {
        var email = $"org-{Guid.NewGuid():N}@test.example";
        string id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            var user = new Gebruiker
            {
                UserName = email, Email = email, EmailConfirmed = true, Naam = $"Medewerker {organisatie}",
                Organisatie = organisatie, OrganisatieSoort = soort, AanbiederId = aanbieder is null ? null : Aanbieders.Id(aanbieder),
            };
            Assert.True((await users.CreateAsync(user, TestAccounts.Wachtwoord)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Rollen.Organisatie)).Succeeded);
            id = user.Id;
        }

        var client = factory.Client();
        Assert.Equal(HttpStatusCode.Redirect, await TestAccounts.LogInAsync(client, email, TestAccounts.Wachtwoord));
        return (client, id);
    }

    /// <summary>A verwijzing with consent, sent by a logged-in organisation; returns the confirmation page.</summary>
    public static async Task<Formulieren.Antwoord> VerwijsAsync(HttpClient client, string vraag = "Leerling komt vaak zonder ontbijt naar school.",
        bool contact = true, bool delen = true, string email = "ouder@voorbeeld.nl", string[]? levensdomeinen = null, string leeftijd = "Kind")
    {
        var start = await client.PostFormAsync("/melding", "melding-start", ("levensdomein", ""));
        Assert.Equal("/melding/voor-wie", start.Locatie);
        await Verder(client, "/melding/voor-wie", ("soort", "Verwijzing"), ("overwie", "Sem de Vries"), ("toestemming-persoon", "ja"),
            ("toestemming-doorwie", "Moeder van Sem, Eva de Vries"), ("toestemming-op", Vandaag()), ("toestemming-hoe", "Mondeling"),
            ("toestemming-contact", contact ? "ja" : ""), ("toestemming-delen", delen ? "ja" : ""));
        await Verder(client, "/melding/waarover", [.. (levensdomeinen ?? ["opgroeien", "rondkomen"]).Select(d => ("levensdomein", d)), ("vraag", vraag)]);
        await Verder(client, "/melding/situatie", ("hulp", "Hulp voor het gezin bij geld en opvoeden."));
        await Verder(client, "/melding/aanbod");
        await Verder(client, "/melding/contact", ("naam", "Eva de Vries"), ("telefoon", "06 11223344"), ("email", email), ("voorkeur", "Email"), ("leeftijd", leeftijd));
        var verstuur = await client.PostFormAsync("/melding/controleren", "/melding/controleren", ("richting", "verder"), ("website", ""));
        Assert.Equal("/melding/verstuurd", verstuur.Locatie);
        return await client.OpenAsync("/melding/verstuurd");
    }

    public static string Vandaag() => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task Verder(HttpClient client, string url, params (string, string)[] velden)
    {
        var antwoord = await client.PostFormAsync(url, url, [.. velden, ("richting", "verder")]);
        Assert.True(antwoord.Status == HttpStatusCode.Redirect, $"{url}: {(int)antwoord.Status} {string.Join("; ", antwoord.Fouten)}");
    }
}
