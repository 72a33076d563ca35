using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialeKaart.Portal.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using SocialeKaart.Portal.Tests.Meldingen;

namespace SocialeKaart.Portal.Tests.Beveiliging;

/// <summary>The defects of the outside security test (issue 8), each as a class of inputs, in-process.</summary>
public sealed class HardeningTests
{
    /// <summary>Every form the portal accepts (the antiforgery check comes after the character set).</summary>
    public static TheoryData<string> Formulieren => new()
    {
        "/lijstje/toevoegen", "/lijstje/verwijderen", "/melding", "/melding/voor-wie", "/melding/waarover", "/melding/situatie",
        "/melding/aanbod", "/melding/contact", "/melding/controleren", "/account/inloggen", "/account/uitloggen",
        "/makelpunt/meldingen/1", "/zoeken", "/",
    };

    public static TheoryData<string> Tekensets => new() { "utf-7", "UTF-7", "\"utf-7\"", "utf-16", "utf-32", "iso-2022-jp", "x-bestaat-niet", "ibm037" };

    [Theory]
    [MemberData(nameof(Formulieren))]
    public async Task FormPost_Utf7_Is415WithAPage(string route)
    {
        using var factory = new PortalFactory();
        var antwoord = await PostRawAsync(factory.Client(), route, "application/x-www-form-urlencoded; charset=utf-7", "id=+AGEAYgBj-");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, antwoord.StatusCode);
        Assert.Contains("<h1>", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Tekensets))]
    public async Task FormPost_AnyCharsetButUtf8_Is415(string charset)
    {
        using var factory = new PortalFactory();
        var client = factory.Client();
        foreach (var type in new[] { "application/x-www-form-urlencoded", "multipart/form-data; boundary=x" })
        {
            var antwoord = await PostRawAsync(client, "/lijstje/toevoegen", $"{type}; charset={charset}", "id=x");
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, antwoord.StatusCode);
        }
    }

    [Fact]
    public async Task FormPost_Utf8Charset_StillWorks()
    {
        using var factory = new PortalFactory();
        var client = factory.Client();
        var pagina = await client.OpenAsync("/aanbod/taalcafe-de-brug");
        var body = $"id=taalcafe-de-brug&terug=%2Flijstje&__RequestVerificationToken={Uri.EscapeDataString(pagina.Token!)}";
        var antwoord = await PostRawAsync(client, "/lijstje/toevoegen", "application/x-www-form-urlencoded; charset=UTF-8", body);
        Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
    }

    [Theory]
    [InlineData("/bestaat-niet", HttpStatusCode.NotFound, "Deze pagina bestaat niet")]
    [InlineData("/", HttpStatusCode.BadRequest, "Dat lukte niet")]
    [InlineData("/zoeken?q=x", HttpStatusCode.BadRequest, "Dat lukte niet")]
    public async Task Post_ThatFails_GetsTheStatusPageInProduction(string route, HttpStatusCode status, string kop)
    {
        using var factory = new PortalFactory();
        var antwoord = await PostRawAsync(factory.Client(), route, "application/x-www-form-urlencoded", "a=b");
        Assert.Equal(status, antwoord.StatusCode);
        Assert.Contains(kop, await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/melding/voor-wie")]
    [InlineData("POST", "/melding")]
    [InlineData("POST", "/melding/voor-wie")]
    public async Task Failure_ShowsTheErrorPageInProduction_AlsoForAPost(string methode, string route)
    {
        // A store that fails on every call: the request throws, and the error page must still render (as a GET).
        using var factory = new PortalFactory
        {
            Diensten = s => s.Replace(ServiceDescriptor.Singleton(System.Reflection.DispatchProxy.Create<SocialeKaart.Portal.Features.Makelpunt.IMakelpuntStore, KapotteOpslag>())),
        };
        var client = factory.Client();
        client.DefaultRequestHeaders.Add("Cookie", "sk-melding=" + new string('a', 32));
        var token = (await client.OpenAsync("/aanbod/taalcafe-de-brug")).Token!;
        using var request = new HttpRequestMessage(new HttpMethod(methode), route);
        if (methode == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("_handler", route == "/melding" ? "melding-start" : route), new("__RequestVerificationToken", token), new("soort", "Zelf")]);
        }

        var antwoord = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.InternalServerError, antwoord.StatusCode);
        Assert.Contains("Er ging iets mis", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public class KapotteOpslag : System.Reflection.DispatchProxy
    {
        protected override object? Invoke(System.Reflection.MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException("De opslag is kapot (test).");
    }

    [Theory]
    [InlineData("/café", "/caf%C3%A9")]
    [InlineData("/zoeken?q=één hulp", "/zoeken?q=%C3%A9%C3%A9n%20hulp")]
    [InlineData("/makelpunt?x=𝄞", "/makelpunt?x=%F0%9D%84%9E")]
    public async Task Login_NonAsciiReturnUrl_LogsInAndRedirectsEncoded(string terug, string verwacht)
    {
        using var factory = new PortalFactory();
        var email = await MaakAccountAsync(factory, Rollen.Consulent);
        var client = factory.Client();
        var pagina = await client.OpenAsync("/account/inloggen?ReturnUrl=" + Uri.EscapeDataString(terug));
        var antwoord = await client.PostAsync("/account/inloggen?ReturnUrl=" + Uri.EscapeDataString(terug), "inloggen", pagina.Token,
            ("Invoer.Email", email), ("Invoer.Wachtwoord", TestAccounts.Wachtwoord), ("Invoer.Terug", terug));
        Assert.Equal(HttpStatusCode.Redirect, antwoord.Status);
        Assert.Equal(verwacht, antwoord.Locatie);
        Assert.Equal(HttpStatusCode.OK, (await client.OpenAsync("/makelpunt")).Status);
    }

    [Theory]
    [InlineData("/café", "/caf%C3%A9")]
    [InlineData("/zoeken?q=ü ö", "/zoeken?q=%C3%BC%20%C3%B6")]
    public async Task Lijstje_NonAsciiReturnUrl_RedirectsEncoded(string terug, string verwacht)
    {
        using var factory = new PortalFactory();
        var client = factory.Client();
        var pagina = await client.OpenAsync("/aanbod/taalcafe-de-brug");
        var antwoord = await client.PostAsync("/lijstje/toevoegen", "", pagina.Token, ("id", "taalcafe-de-brug"), ("terug", terug));
        Assert.Equal(HttpStatusCode.Redirect, antwoord.Status);
        Assert.Equal(verwacht, antwoord.Locatie);
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("[::1")]
    [InlineData("a b")]
    public async Task BadHost_Is400_EvenWhenEveryHostIsAllowed(string host)
    {
        using var factory = new PortalFactory { Instellingen = { ["AllowedHosts"] = "*" } };
        var client = factory.Client();
        foreach (var route in new[] { "/", "/zoeken?q=schulden", "/melding", "/makelpunt", "/api/zoeken?q=x" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, route);
            request.Headers.TryAddWithoutValidation("Host", host);
            var antwoord = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, antwoord.StatusCode);
        }
    }

    [Fact]
    public async Task UnknownHost_IsRefusedByAllowedHosts()
    {
        using var factory = new PortalFactory();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.Client().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task ForgedHost_NeverComesBackInALocationOrAPage()
    {
        using var factory = new PortalFactory
        {
            Instellingen = { ["AllowedHosts"] = "*", ["Portaal:PubliekeUrl"] = "https://socialekaart.test.example" },
        };
        var client = factory.Client();
        client.DefaultRequestHeaders.Host = "evil.example";

        var makelpunt = await client.GetAsync("/makelpunt");
        Assert.Equal(HttpStatusCode.Redirect, makelpunt.StatusCode);
        Assert.Equal("/account/inloggen?ReturnUrl=%2Fmakelpunt", makelpunt.Headers.Location!.OriginalString);

        // A melding's status link and the print view of the lijstje.
        await MeldingInvullen.TotControleAsync(client);
        var verstuurd = await MeldingInvullen.VerstuurAsync(client);
        var status = verstuurd.Document.QuerySelector("a.statuslink")!.GetAttribute("href")!;
        Assert.StartsWith("https://socialekaart.test.example/melding/status?code=", status, StringComparison.Ordinal);

        var pagina = await client.OpenAsync("/aanbod/taalcafe-de-brug");
        var toegevoegd = await client.PostAsync("/lijstje/toevoegen", "", pagina.Token, ("id", "taalcafe-de-brug"), ("terug", "/lijstje"));
        Assert.Equal("/lijstje", toegevoegd.Locatie);
        var afdruk = await client.GetStringAsync("/lijstje/afdrukken");
        Assert.Contains("https://socialekaart.test.example/aanbod/taalcafe-de-brug", afdruk, StringComparison.Ordinal);

        foreach (var route in new[] { "/", "/zoeken?q=schulden", "/aanbod/taalcafe-de-brug", "/lijstje", "/lijstje/afdrukken", "/melding", "/account/inloggen", "/bestaat-niet" })
        {
            var antwoord = await client.GetAsync(route);
            Assert.DoesNotContain("evil.example", await antwoord.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", antwoord.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Login_UnknownLockedWrongAndRight_EachCheckOnePasswordHash()
    {
        var hasher = new TellendeHasher();
        using var factory = new PortalFactory { Diensten = s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<Gebruiker>>(hasher)) };
        var email = await MaakAccountAsync(factory, Rollen.Consulent);
        var vergrendeld = await MaakAccountAsync(factory, Rollen.Consulent);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(vergrendeld))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        foreach (var (wie, wachtwoord) in new[]
        {
            ("niemand-" + Guid.NewGuid().ToString("N") + "@test.example", "Wat-dan-ook-2026"),
            (vergrendeld, TestAccounts.Wachtwoord),
            (email, "Verkeerd-wachtwoord-2026"),
            (email, TestAccounts.Wachtwoord),
        })
        {
            var client = factory.Client();
            var voor = hasher.Controles;
            await TestAccounts.LogInAsync(client, wie, wachtwoord);
            Assert.Equal(1, hasher.Controles - voor);
        }
    }

    [Fact]
    public async Task Logout_EndsEverySessionOfTheAccount_AlsoACopiedCookie()
    {
        using var factory = new PortalFactory();
        var email = await MaakAccountAsync(factory, Rollen.Consulent);
        var (browser, cookies) = Browser(factory);
        var (telefoon, _) = Browser(factory);
        await TestAccounts.LogInAsync(browser, email, TestAccounts.Wachtwoord);
        await TestAccounts.LogInAsync(telefoon, email, TestAccounts.Wachtwoord);
        var kopie = Kopie(factory, cookies);
        Assert.Equal(HttpStatusCode.OK, (await kopie.GetAsync("/makelpunt")).StatusCode);

        var uit = await browser.PostAsync("/account/uitloggen", "", (await browser.OpenAsync("/")).Token);
        Assert.Equal(HttpStatusCode.Redirect, uit.Status);

        foreach (var client in new[] { browser, telefoon, kopie })
        {
            var antwoord = await client.GetAsync("/makelpunt");
            Assert.Equal(HttpStatusCode.Redirect, antwoord.StatusCode);
            Assert.StartsWith("/account/inloggen", antwoord.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PasswordRoleChangeOrDeactivation_EndTheAccountsSessions()
    {
        using var factory = new PortalFactory();
        foreach (var wijziging in new Func<UserManager<Gebruiker>, Gebruiker, Task>[]
        {
            async (users, u) => await users.ResetPasswordAsync(u, await users.GeneratePasswordResetTokenAsync(u), "Nieuw-wachtwoord-2026"),
            (users, u) => new AccountBeheer(users).ZetRollenAsync(u, [Rollen.SocialeMakelaar]),
            (users, u) => new AccountBeheer(users).DeactiveerAsync(u),
        })
        {
            var email = await MaakAccountAsync(factory, Rollen.Consulent);
            var client = factory.Client();
            await TestAccounts.LogInAsync(client, email, TestAccounts.Wachtwoord);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/makelpunt")).StatusCode);
            await using (var scope = factory.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
                await wijziging(users, (await users.FindByEmailAsync(email))!);
            }

            Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/makelpunt")).StatusCode);
        }
    }

    [Theory]
    [InlineData("/lijstje")]
    [InlineData("/lijstje/afdrukken")]
    public async Task Lijstje_IsNeverStored(string route)
    {
        using var factory = new PortalFactory();
        var antwoord = await factory.Client().GetAsync(route);
        Assert.True(antwoord.Headers.CacheControl?.NoStore, route);
    }

    public static TheoryData<string> GetRoutes => new()
    {
        "/", "/zoeken?q=schulden", "/aanbod/taalcafe-de-brug", "/lijstje", "/lijstje/afdrukken", "/melding", "/account/inloggen",
        "/api/zoeken?q=eenzaam", "/api/suggesties?q=mantel", "/css/site.css", "/melding/status?code=onbekend", "/makelpunt",
    };

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task Head_AnswersAsGet(string route)
    {
        using var factory = new PortalFactory();
        var client = factory.Client();
        var get = await client.GetAsync(route);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, route));
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, head.StatusCode);
    }

    [Fact]
    public async Task TooManyRequests_SayWhenToTryAgain()
    {
        using var factory = new PortalFactory { Instellingen = { ["Melding:InlogpogingenPerMinuut"] = "2" } };
        var client = factory.Client();
        HttpResponseMessage? laatste = null;
        for (var i = 0; i < 3; i++)
        {
            laatste = await PostRawAsync(client, "/account/inloggen", "application/x-www-form-urlencoded", "_handler=inloggen");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, laatste!.StatusCode);
        var wacht = laatste.Headers.RetryAfter?.Delta;
        Assert.NotNull(wacht);
        Assert.InRange(wacht.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task DitHelptMij_LeavesNothingOfTheDraftOnDiskAfterShutdown()
    {
        var verhaal = "Mijn geheime verhaal " + Guid.NewGuid().ToString("N");
        var map = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "sk-wal-" + Guid.NewGuid().ToString("N"))).FullName;
        var bestand = Path.Combine(map, "makelpunt.db");
        try
        {
            using (var factory = new PortalFactory { Instellingen = { ["Makelpunt:Opslag:Bestand"] = bestand } })
            {
                var client = factory.Client();
                await MeldingInvullen.StartAsync(client);
                await client.PostFormAsync("/melding/voor-wie", "/melding/voor-wie", ("soort", "Zelf"), ("richting", "verder"));
                await client.PostFormAsync("/melding/waarover", "/melding/waarover", ("levensdomein", "ontmoeten"), ("vraag", verhaal), ("richting", "verder"));
                await client.PostFormAsync("/melding/situatie", "/melding/situatie", ("hulp", verhaal), ("richting", "verder"));
                var geholpen = await client.PostFormAsync("/melding/aanbod", "/melding/aanbod", ("richting", "geholpen"));
                Assert.Equal("/melding/geholpen", geholpen.Locatie);
                Assert.True(OpSchijf(bestand, verhaal), "the test needs the deleted draft still in the log before shutdown");
            }

            Assert.True(File.Exists(bestand));
            Assert.False(OpSchijf(bestand, verhaal), "the deleted draft is still on disk after shutdown: " + string.Join(", ",
                new[] { bestand, bestand + "-wal" }.Where(File.Exists).Select(f => $"{Path.GetFileName(f)} {new FileInfo(f).Length} B{(OpSchijf(f, verhaal, alleen: true) ? " (has it)" : "")}")));
        }
        finally
        {
            Directory.Delete(map, recursive: true);
        }
    }

    internal static bool OpSchijf(string bestand, string tekst, bool alleen = false)
    {
        var zoek = Encoding.UTF8.GetBytes(tekst);
        foreach (var pad in alleen ? [bestand] : new[] { bestand, bestand + "-wal", bestand + "-journal" })
        {
            if (File.Exists(pad) && File.ReadAllBytes(pad).AsSpan().IndexOf(zoek) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string route, string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await client.PostAsync(route, content);
    }

    private static async Task<string> MaakAccountAsync(PortalFactory factory, string rol)
    {
        var email = $"{rol}-{Guid.NewGuid():N}@test.example";
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Gebruiker>>();
        var user = new Gebruiker { UserName = email, Email = email, EmailConfirmed = true, Naam = "Test" };
        Assert.True((await users.CreateAsync(user, TestAccounts.Wachtwoord)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, rol)).Succeeded);
        return email;
    }

    private static (HttpClient Client, CookieContainer Cookies) Browser(PortalFactory factory)
    {
        var cookies = new CookieContainer();
        return (factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>A new client with a copy of <paramref name="cookies"/>, as someone who copied the login cookie has.</summary>
    private static HttpClient Kopie(PortalFactory factory, CookieContainer cookies)
    {
        var kopie = new CookieContainer();
        kopie.Add(cookies.GetAllCookies());
        return factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(kopie));
    }

    private sealed class TellendeHasher : IPasswordHasher<Gebruiker>
    {
        private readonly PasswordHasher<Gebruiker> _echt = new();
        private int _controles;

        public int Controles => Volatile.Read(ref _controles);

        public string HashPassword(Gebruiker user, string password) => _echt.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Gebruiker user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _controles);
            return _echt.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
