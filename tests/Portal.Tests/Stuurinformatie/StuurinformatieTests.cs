using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SocialeKaart.Kaart.Search;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Stuurinformatie;
using SocialeKaart.Portal.Tests.Meldingen;
using static SocialeKaart.Portal.Tests.Makelpunt.Voorbeeld;

namespace SocialeKaart.Portal.Tests.Stuurinformatie;

/// <summary>A portal with a known set of meldingen of March 2026, made once through the store port; the tests only read it.</summary>
public sealed class MaartPortal : IAsyncLifetime
{
    public static readonly DateTimeOffset Week11 = new(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(1)); // Tuesday, ISO week 11
    public static readonly DateTimeOffset Week12 = Week11.AddDays(7);

    private string _gemeenteAanbod = "";

    public PortalFactory Factory { get; } = new();

    private IMakelpuntStore Store => Factory.Services.GetRequiredService<IMakelpuntStore>();

    public async ValueTask InitializeAsync()
    {
        var index = Factory.Services.GetRequiredService<ISearchIndex>();
        _gemeenteAanbod = (await index.SearchAsync(new SearchQuery { Tekst = "schuldhulp", PerPagina = 50 })).Hits
            .Select(h => index.GetAsync(h.Id).Result!.Document.Aanbod).First(a => a.Organization.Soort == "gemeente").Id;

        // Week 11: 6 about rondkomen (5 with first contact on time, 5 with the Wgs conversation on time, 5 referred to the gemeente),
        // 2 about wonen, 5 verwijzingen by an organisation about wonen and zorgen (meervoudig).
        for (var i = 0; i < 6; i++)
        {
            var id = await Ontvang(Antwoorden("Rond Komen", null, "rondkomen"), Week11);
            if (i < 5)
            {
                await Voer(id, new Oppakken(), Week11.AddHours(1));
                await Voer(id, new ContactGehad(), Week11.AddDays(1));
                await Voer(id, new SchuldhulpgesprekGehad(), Week11.AddDays(2));
                await Voer(id, new Doorverwijzen(_gemeenteAanbod, "Schuldhulp"), Week11.AddDays(2));
            }
        }

        for (var i = 0; i < 2; i++)
        {
            var id = await Ontvang(Antwoorden("Wo Nen", null, "wonen"), Week11);
            await Voer(id, new Oppakken(), Week11.AddHours(1));
            await Voer(id, new ContactGehad(), Week11.AddDays(2));
        }

        for (var i = 0; i < 5; i++)
        {
            var id = await Ontvang(Antwoorden("Ver Wijzing", null, "wonen", "zorgen") with
            {
                Soort = Soort.Verwijzing,
                Verwijzer = i < 4 ? null : new Verwijzer("account-school", "OBS De Regenboog", "school"),
            }, Week11);
            await Voer(id, new Oppakken(), Week11.AddHours(1));
            await Voer(id, new ContactGehad(), Week11.AddDays(i < 3 ? 1 : 10)); // 2 late
        }

        // Week 12: 3 about rondkomen, no contact (overdue by now), one Wgs conversation too late.
        for (var i = 0; i < 3; i++)
        {
            var id = await Ontvang(Antwoorden("Laat Komen", null, "rondkomen"), Week12);
            if (i == 0)
            {
                await Voer(id, new Oppakken(), Week12.AddHours(1));
                await Voer(id, new SchuldhulpgesprekGehad(), Week12.AddDays(40));
            }
        }

        // Outside the period: never counted.
        await Ontvang(Antwoorden("Te Vroeg", null, "rondkomen"), Week11.AddDays(-30));

        for (var i = 0; i < 12; i++)
        {
            await Store.TelDitHelptAsync(["rondkomen"], new DateOnly(2026, 3, 11));
        }

        for (var i = 0; i < 3; i++)
        {
            await Store.TelDitHelptAsync(["wonen"], new DateOnly(2026, 3, 12));
        }

        for (var i = 0; i < 6; i++)
        {
            await Store.TelZoektermenAsync(["kinderopvang"], "2026-W11");
        }

        for (var i = 0; i < 4; i++)
        {
            await Store.TelZoektermenAsync(["schuldsanering"], "2026-W11");
        }
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    private async Task<long> Ontvang(MeldingAntwoorden antwoorden, DateTimeOffset op) =>
        (await Store.OntvangAsync(Guid.NewGuid().ToString("N"), Nieuw(antwoorden, op))).Id;

    private async Task Voer(long id, Handeling handeling, DateTimeOffset nu)
    {
        var huidig = await Store.BekijkAsync(id, Anna, nu);
        var resultaat = await Store.VoerUitAsync(id, huidig!.Versie, handeling, Anna, nu);
        Assert.True(resultaat!.Gelukt, resultaat.Geweigerd);
    }

}

/// <summary>The figures checked against a known set of meldingen made through the store port, on the page and in the CSV.</summary>
public sealed class StuurinformatieTests(MaartPortal maart) : IClassFixture<MaartPortal>
{
    private static readonly Filter Maart = new(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 22), null);
    private static readonly DateOnly Vandaag = new(2026, 4, 30);

    private readonly PortalFactory _factory = maart.Factory;

    private async Task<Figuur> Figuur(string id) =>
        (await _factory.Services.GetRequiredService<StuurinformatieBerekening>().RapportAsync(Maart, Vandaag, default)).Alle.Single(f => f.Id == id);

    private static string[] Rij(Figuur f, string label) => f.Rijen.Single(r => r.Label == label).Cellen.Select(c => c.Tekst).ToArray();

    [Fact]
    public async Task MeldingenPerWeek_CountsEachRoute_AndSuppressesSmallCounts()
    {
        var f = await Figuur("meldingen-per-week");
        Assert.Equal(["week 11 van 2026", "week 12 van 2026"], f.Rijen.Select(r => r.Label));
        Assert.Equal(["8", "5"], Rij(f, "week 11 van 2026"));
        Assert.Equal(["<5", "0"], Rij(f, "week 12 van 2026")); // 3 enkelvoudig
    }

    [Fact]
    public async Task MeldingenPerLevensdomein_CountsEveryLevensdomeinOfAMelding()
    {
        var f = await Figuur("meldingen-per-levensdomein");
        Assert.Equal(["9"], Rij(f, "Rondkomen"));
        Assert.Equal(["7"], Rij(f, "Wonen"));
        Assert.Equal(["5"], Rij(f, "Zorg en gezondheid"));
        Assert.Equal(["0"], Rij(f, "Opgroeien"));
        Assert.Equal(["0"], Rij(f, "Geen levensdomein gekozen"));
        Assert.Empty((await Figuur("meldingen-per-wijk")).Rijen);
    }

    [Fact]
    public async Task Termijnen_PercentageOnTime_AndSuppressedWhenTheRestIsSmall()
    {
        var f = await Figuur("termijnen");

        // First contact: 16 meldingen; on time 5 (rondkomen) + 2 (wonen) + 3 (verwijzing) = 10; late or missing 6.
        Assert.Equal(["16", "10", "62,5 %"], Rij(f, "Eerste contact"));

        // Wgs: 9 rondkomen meldingen; 5 on time, 4 late or missing: the on-time count and the percentage would give the 4 away.
        Assert.Equal(["9", "afgeschermd", "afgeschermd"], Rij(f, "Eerste schuldhulpgesprek (Wgs)"));
    }

    [Fact]
    public async Task DitHelptMij_AgainstMeldingenPerLevensdomein()
    {
        var f = await Figuur("dit-helpt-mij");
        Assert.Equal(["12", "9", "57,1 %"], Rij(f, "Rondkomen"));
        Assert.Equal(["<5", "7", "afgeschermd"], Rij(f, "Wonen"));
    }

    [Fact]
    public async Task Zoektermen_OnlyWordsSearchedAtLeastFiveTimesInAWeek()
    {
        var f = await Figuur("zoektermen-zonder-resultaat");
        Assert.Equal(["kinderopvang (week 11 van 2026)"], f.Rijen.Select(r => r.Label));
        Assert.Equal(["6"], Rij(f, "kinderopvang (week 11 van 2026)"));
    }

    [Fact]
    public async Task Verwijzingen_ByOrganisationsAndByTheMakelpunt()
    {
        var organisaties = await Figuur("verwijzingen-door-organisaties");
        Assert.Equal(["<5", "0"], Rij(organisaties, "Via het openbare formulier (zonder account)")); // 4
        Assert.Equal(["<5", "0"], Rij(organisaties, "School")); // 1, suppressed
        Assert.Equal(["0", "0"], Rij(organisaties, "Huisarts of praktijkondersteuner"));
        var door = await Figuur("doorverwijzingen-per-soort-aanbieder");
        Assert.Equal(["5"], Rij(door, "Gemeente"));
        Assert.Equal(["0"], Rij(door, "Vrijwilligersorganisatie"));
    }

    [Fact]
    public async Task Aanbod_PerLevensdomeinAndWijk_WithOverdueByAssuredDate()
    {
        var index = _factory.Services.GetRequiredService<ISearchIndex>();
        var alles = await Features.OpenData.OpenDataBron.AlleAanbodAsync(index, default);
        var versheid = new Kaart.Content.Versheid();
        var f = await Figuur("aanbod-per-levensdomein");
        var rondkomen = alles.Where(d => d.Aanbod.Levensdomeinen.Contains("rondkomen")).ToList();
        Assert.Equal([Cel.Aantal(rondkomen.Count).Tekst, Cel.Aantal(rondkomen.Count(d => versheid.IsVerlopen(d.Aanbod, Vandaag))).Tekst], Rij(f, "Rondkomen"));

        var rapport = await _factory.Services.GetRequiredService<StuurinformatieBerekening>().RapportAsync(Maart with { Wijk = "centrum" }, Vandaag, default);
        var inCentrum = rapport.Aanbod.Single(a => a.Id == "aanbod-per-levensdomein").Rijen.Sum(r => r.Cellen[0].Waarde ?? 0);
        Assert.InRange(inCentrum, 1, f.Rijen.Sum(r => r.Cellen[0].Waarde ?? 0) - 1);
    }

    [Fact]
    public async Task Versheid_OverdueAfterTheConfiguredMonths()
    {
        var versheid = new Kaart.Content.Versheid { Maanden = 12 };
        Assert.False(versheid.IsVerlopen(new DateOnly(2025, 4, 30), Vandaag));
        Assert.True(versheid.IsVerlopen(new DateOnly(2025, 4, 29), Vandaag));
        Assert.True(new Kaart.Content.Versheid { Maanden = 6 }.IsVerlopen(new DateOnly(2025, 10, 29), Vandaag));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Page_ShowsTheTablesAndChartsWithTheSameSuppression()
    {
        var client = await TestAccounts.IngelogdAsync(_factory, Rollen.Beleidsmedewerker);
        var pagina = await client.OpenAsync(Features.Stuurinformatie.StuurinformatieServices.Pad + "?van=2026-03-09&tot=2026-03-22");
        Assert.Equal(HttpStatusCode.OK, pagina.Status);

        var tabel = pagina.Document.QuerySelector("#meldingen-per-week-tabel")!;
        var rijen = tabel.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["week 11 van 2026", "8", "5"], rijen[0]);
        Assert.Equal(["week 12 van 2026", "<5", "0"], rijen[1]);

        var svg = pagina.Document.QuerySelector("#meldingen-per-week-kop")!.ParentElement!.QuerySelector("svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.NotNull(svg.QuerySelector("title"));
        Assert.NotNull(svg.QuerySelector("desc"));
        var waarden = svg.QuerySelectorAll("text.waarde").Select(t => t.TextContent).ToList();
        Assert.Equal(["8", "5", "<5", "0"], waarden);
        Assert.Equal(2, svg.QuerySelectorAll("g.staaf rect").Length); // no bar for "<5", none for 0
        Assert.DoesNotContain(pagina.Document.QuerySelectorAll("td"), td => td.TextContent.Trim() is "1" or "2" or "3" or "4");

        var csv = await client.GetAsync(Features.Stuurinformatie.StuurinformatieServices.CsvUrl(Maart, "meldingen-per-week"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var tekst = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.Equal(["Week;Enkelvoudig;Meervoudig", "week 11 van 2026;8;5", "week 12 van 2026;<5;0"], tekst.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.TrimEnd('\n')).SelectMany(r => r.Split('\n')));

        var termijnen = Encoding.UTF8.GetString(await (await client.GetAsync(Features.Stuurinformatie.StuurinformatieServices.CsvUrl(Maart, "termijnen"))).Content.ReadAsByteArrayAsync());
        Assert.Contains("Eerste schuldhulpgesprek (Wgs);9;afgeschermd;afgeschermd", termijnen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_BadFilter_Is400WithAMessage_AndUnknownFigureIs404()
    {
        var client = await TestAccounts.IngelogdAsync(_factory, Rollen.Beheerder);
        var pagina = await client.OpenAsync("/stuurinformatie?van=2026-13-45&wijk=atlantis");
        Assert.Equal(HttpStatusCode.BadRequest, pagina.Status);
        Assert.Contains(pagina.Fouten, f => f.Contains("2026-13-45", StringComparison.Ordinal));
        Assert.Contains(pagina.Fouten, f => f.Contains("atlantis", StringComparison.Ordinal));
        Assert.NotNull(pagina.Document.QuerySelector("#meldingen-per-week-tabel"));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/stuurinformatie/csv/termijnen?van=2026-04-01&tot=2026-03-01")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/stuurinformatie/csv/bestaat-niet")).StatusCode);
    }
}

public sealed class CelTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(123, "123")]
    public void Aantal_SuppressesOneToFour(int n, string tekst)
    {
        Assert.Equal(tekst, Cel.Aantal(n).Tekst);
        Assert.Equal(tekst, Cel.Aantal(n).CsvTekst);
    }

    [Theory]
    [InlineData(10, 16, "62,5 %")]
    [InlineData(16, 16, "100,0 %")]
    [InlineData(0, 16, "0,0 %")]
    [InlineData(4, 16, "afgeschermd")]   // the part is small
    [InlineData(13, 16, "afgeschermd")]  // the rest is small
    [InlineData(0, 4, "afgeschermd")]    // the whole is small
    [InlineData(0, 0, "–")]
    public void Procent_OnlyWhenPartAndRestAreNotSmall(int deel, int geheel, string tekst) =>
        Assert.Equal(tekst, Cel.Procent(deel, geheel).Tekst);

    [Theory]
    [InlineData(13, 16, "afgeschermd")]
    [InlineData(10, 16, "10")]
    [InlineData(3, 16, "<5")]
    [InlineData(16, 16, "16")]
    public void Deel_HidesACountThatGivesASmallRestAway(int deel, int geheel, string tekst) =>
        Assert.Equal(tekst, Cel.Deel(deel, geheel).Tekst);
}
