using System.Diagnostics;
using System.Net;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Tests.Meldingen;
using SocialeKaart.Portal.Tests.OpenData;
using SocialeKaart.Portal.Tests.Support;
using SocialeKaart.TestSupport;

namespace SocialeKaart.Portal.Tests.Schaal;

/// <summary>
/// Two real portal processes (A and B) on one PostgreSQL database, one content store folder and one search index
/// folder, as behind a load balancer that sends each request wherever it likes: what an inwoner or a medewerker starts
/// on one instance goes on on the other. The browsers' cookies are shared between the two addresses (cookies do not
/// belong to a port).
/// </summary>
public sealed class TweeInstantiesTests(PostgresServer postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(90);

    private readonly string _map = Directory.CreateTempSubdirectory("sk-twee-").FullName;
    private string _verbinding = "";
    private PortalProcess? _a;
    private PortalProcess? _b;

    private string Index => Path.Combine(_map, "index");

    private string Content => Path.Combine(_map, "content");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _verbinding = await postgres.NieuweDatabaseAsync("twee");
        Directory.CreateDirectory(Path.Combine(_map, "a"));
        Directory.CreateDirectory(Path.Combine(_map, "b"));

        // A fills the shared content store and builds the shared index; B starts on both once they are there (as a second
        // instance joins a running one).
        _a = await PortalProcess.StartAsync(Path.Combine(_map, "a"), bouwIndex: true, Start, ct, Omgeving());
        _b = await PortalProcess.StartAsync(Path.Combine(_map, "b"), bouwIndex: false, Start, ct, Omgeving());
    }

    private Dictionary<string, string> Omgeving() => new()
    {
        ["Database__Engine"] = "postgresql",
        ["Database__PostgreSQL"] = _verbinding,
        ["Zoekindex__Map"] = Index,
        ["Content__Map"] = Content,
        ["Accounts__DemoAccounts"] = "true",
    };

    public async ValueTask DisposeAsync()
    {
        if (_a is not null)
        {
            await _a.DisposeAsync();
        }

        if (_b is not null)
        {
            await _b.DisposeAsync();
        }

        await postgres.VerwijderAsync(_verbinding);
        try
        {
            Directory.Delete(_map, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static HttpClient Client(PortalProcess portal, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = portal.Adres };

    [Fact]
    public async Task Melding_DraftedOnA_ContinuedAndSentOnB_WithTheFormTokenFromA()
    {
        var ct = TestContext.Current.CancellationToken;
        var cookies = new CookieContainer();
        using var opA = new MeldingBrowser(_a!.Adres, cookies);
        using var opB = new MeldingBrowser(_b!.Adres, cookies);

        await opA.VulInAsync("Ik kan mijn huur niet meer betalen. [twee-instanties]", ct);
        var tokenVanA = await opA.OpenControleAsync(ct) ?? throw new InvalidOperationException("A: the check page redirected");
        var verstuurd = await opB.VerstuurAsync(tokenVanA, ct);

        Assert.True(verstuurd.Bevestigd, $"B answered {(int)verstuurd.Status} {verstuurd.Locatie}\n{_b.Log}");
        var referentie = await opB.ReferentieAsync(ct);
        Assert.StartsWith("SK-", referentie, StringComparison.Ordinal);
        Assert.Equal(referentie, await opA.ReferentieAsync(ct));
    }

    [Fact]
    public async Task Melding_SentTwiceAtOnce_OnAAndOnB_IsOneMelding()
    {
        var ct = TestContext.Current.CancellationToken;
        var cookies = new CookieContainer();
        using var opA = new MeldingBrowser(_a!.Adres, cookies);
        using var opB = new MeldingBrowser(_b!.Adres, cookies);
        await opA.VulInAsync("Dubbel verstuurd. [twee-instanties-dubbel]", ct);
        var token = await opA.OpenControleAsync(ct) ?? throw new InvalidOperationException("A: the check page redirected");

        var antwoorden = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? opA : opB).VerstuurAsync(token, ct)));

        Assert.All(antwoorden, a => Assert.True(a.Bevestigd, $"{(int)a.Status} {a.Locatie}\nA:\n{_a.Log}\nB:\n{_b.Log}"));
        await using var c = new Npgsql.NpgsqlConnection(_verbinding);
        await c.OpenAsync(ct);
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT count(*) FROM meldingen WHERE data #>> '{Antwoorden,Vraag}' LIKE '%[twee-instanties-dubbel]%'", c);
        Assert.Equal(1L, await cmd.ExecuteScalarAsync(ct));
    }

    [Fact]
    public async Task Login_OnA_IsValidOnB_AndLogoutOnB_EndsItOnA()
    {
        var cookies = new CookieContainer();
        using var a = Client(_a!, cookies);
        using var b = Client(_b!, cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await b.GetAsync("/makelpunt")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await TestAccounts.LogInAsync(a, DemoAccounts.Alle[0].Email, DemoAccounts.Wachtwoord));

        var opB = await b.GetAsync("/makelpunt");
        Assert.Equal(HttpStatusCode.OK, opB.StatusCode);
        Assert.Contains("Fatima", await opB.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Logging out on B changes the account's security stamp in the shared database: A refuses the same cookie.
        var kopie = new CookieContainer();
        kopie.Add(cookies.GetAllCookies());
        var uitloggen = await b.OpenAsync("/makelpunt");
        Assert.Equal(HttpStatusCode.Redirect, (await b.PostAsync("/account/uitloggen", "", uitloggen.Token)).Status);
        using var oudeCookie = Client(_a!, kopie);
        Assert.Equal(HttpStatusCode.Redirect, (await oudeCookie.GetAsync("/makelpunt")).StatusCode);
    }

    /// <summary>
    /// An aanbod changed in the index by another process (here the test, writing the update as the publishing workflow
    /// will) is found on B: B's embedded reader polls the shared index folder. The time it took is printed; the
    /// 5-second target is measured in BENCHMARKS.md ("Incremental updates", another process), not asserted here.
    /// </summary>
    [Fact]
    public async Task IndexUpdate_WrittenByAnotherProcess_IsSearchableOnB()
    {
        var ct = TestContext.Current.CancellationToken;
        var content = await new ContentIndexer(new LocalContentStore(Repo.Content)).ReadAsync(cancellationToken: ct);
        var input = ContentIndexer.Batch(content).Documents.First();
        var gewijzigd = input with
        {
            Document = input.Document with { Aanbod = input.Document.Aanbod with { Samenvatting = input.Document.Aanbod.Samenvatting + " Nu ook met xylofoonles." } },
        };
        using var b = Client(_b!, new CookieContainer());
        Assert.DoesNotContain(input.Document.Aanbod.Id, await b.GetStringAsync("/zoeken?q=xylofoonles", ct), StringComparison.Ordinal);

        using var writer = new SqliteIndexWriter(new EmbeddedIndexOptions { Map = Index }, new DutchAnalyzer(new Decompounder(content.Woorden.Contains)),
            TimeProvider.System);
        await writer.UpdateAsync(new IndexUpdate([gewijzigd], []), ct);
        var klok = Stopwatch.StartNew();
        var gevonden = false;
        while (!gevonden && klok.Elapsed < TimeSpan.FromSeconds(30))
        {
            gevonden = (await b.GetStringAsync("/zoeken?q=xylofoonles", ct)).Contains(AanbodUrl(input.Document.Aanbod.Id), StringComparison.Ordinal);
            if (!gevonden)
            {
                await Task.Delay(50, ct);
            }
        }

        output.WriteLine($"searchable on B {klok.Elapsed.TotalMilliseconds:0} ms after the update returned");
        Assert.True(gevonden, "B never found the updated aanbod\n" + _b!.Log);
    }

    /// <summary>
    /// The issue's bound for publishing with several instances: a change a redacteur makes on A (the redactie's own form,
    /// which puts it on the kaart at once) is found by a search on B within 5 seconds after A acknowledged it.
    /// </summary>
    [Fact]
    public async Task Aanbod_ChangedByARedacteurOnA_IsSearchableOnBWithinFiveSeconds()
    {
        var ct = TestContext.Current.CancellationToken;
        const string id = "maatje-voor-jou";
        var woord = "Wolk" + Guid.NewGuid().ToString("N")[..8];
        var cookies = new CookieContainer();
        using var a = Client(_a!, cookies);
        using var b = Client(_b!, new CookieContainer());
        Assert.Equal(HttpStatusCode.Redirect, await TestAccounts.LogInAsync(a, "redacteur@demo.sociale-kaart.nl", DemoAccounts.Wachtwoord));
        Assert.Empty(await Publiceren.PublicerenTests.ZoekAsync(b, woord));

        var formulier = Publiceren.Formulier.Van(await a.OpenAsync($"/redactie/aanbod/{id}"), "bewerken");
        formulier.Zet("samenvatting", $"{formulier.Waarde("samenvatting")} Nu ook op dinsdag in {woord}.").Zet("actie", "opslaan");
        var opgeslagen = await formulier.PostAsync(a, $"/redactie/aanbod/{id}");
        Assert.Equal(HttpStatusCode.Redirect, opgeslagen.Status);

        var klok = Stopwatch.StartNew();
        IReadOnlyList<string> treffers = [];
        while (treffers.Count == 0 && klok.Elapsed < TimeSpan.FromSeconds(5))
        {
            treffers = await Publiceren.PublicerenTests.ZoekAsync(b, woord);
            if (treffers.Count == 0)
            {
                await Task.Delay(100, ct);
            }
        }

        output.WriteLine($"searchable on B {klok.Elapsed.TotalMilliseconds:0} ms after A saved it");
        Assert.True(treffers.SequenceEqual([id]), $"B did not find the change within 5 s (found: {string.Join(", ", treffers)})\n{_b!.Log}");
    }

    private static string AanbodUrl(string id) => "/aanbod/" + Uri.EscapeDataString(id);
}
