using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Makelpunt.Opslag;
using static SocialeKaart.Portal.Tests.Makelpunt.Voorbeeld;

namespace SocialeKaart.Portal.Tests.Makelpunt;

public sealed class SqliteMakelpuntStoreTests : IDisposable
{
    private readonly string _map = Path.Combine(Path.GetTempPath(), "sk-makelpunt-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteMakelpuntStore _store;

    public SqliteMakelpuntStoreTests() => _store = new SqliteMakelpuntStore(Bestand);

    private string Bestand => Path.Combine(_map, "makelpunt.db");

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_map, recursive: true);
    }

    private Task<Ontvangst> Ontvang(MeldingAntwoorden? antwoorden = null, DateTimeOffset? op = null, string? concept = null) =>
        _store.OntvangAsync(concept ?? Guid.NewGuid().ToString("N"), Nieuw(antwoorden ?? Antwoorden(), op));

    private async Task<Melding> Voer(long id, Handeling handeling, DateTimeOffset nu, Medewerker? wie = null)
    {
        var huidig = await _store.BekijkAsync(id, wie ?? Anna, nu);
        var resultaat = await _store.VoerUitAsync(id, huidig!.Versie, handeling, wie ?? Anna, nu);
        Assert.True(resultaat!.Gelukt, resultaat.Geweigerd);
        return resultaat.Melding!;
    }

    private async Task Sluit(long id, DateTimeOffset op)
    {
        await Voer(id, new Oppakken(), op);
        await Voer(id, new Afsluiten(Uitkomst.AlgemeenToegankelijkAanbod), op);
    }

    private long Tel(string sql) => _store.Lees(c =>
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    });

    private static string Json(Melding melding) => JsonSerializer.Serialize(melding, MakelpuntJson.Default.Melding);

    private async Task<IEnumerable<string>> Referenties(WachtrijFilter filter, DateOnly vandaag) =>
        (await _store.WachtrijAsync(filter, vandaag)).Meldingen.Select(m => m.Referentie);

    [Fact]
    public async Task OntvangAsync_FirstMelding_ReferenceWithYearAndNumber()
    {
        var ontvangst = await Ontvang();

        Assert.True(ontvangst.Nieuw);
        Assert.Equal("SK-2026-00001", ontvangst.Referentie);
    }

    [Fact]
    public async Task OntvangAsync_NewYearsEveInUtc_YearOfTheDutchDate()
    {
        var ontvangst = await Ontvang(op: new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal("SK-2027-00001", ontvangst.Referentie);
    }

    [Fact]
    public async Task OntvangAsync_SameConceptTwice_StoresOnceAndReturnsFirstReceipt()
    {
        var eerste = await _store.OntvangAsync("k1", Nieuw(Antwoorden(), token: "token-1"));
        var tweede = await _store.OntvangAsync("k1", Nieuw(Antwoorden(), token: "token-2"));

        Assert.True(eerste.Nieuw);
        Assert.False(tweede.Nieuw);
        Assert.Equal(eerste with { Nieuw = false }, tweede);
        Assert.Equal(1, Tel("SELECT count(*) FROM meldingen"));
        Assert.Null(await _store.StatusAsync("token-2"));
    }

    [Fact]
    public async Task OntvangAsync_SixteenParallelCallsForOneConcept_OneMelding()
    {
        await _store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden(), 5, Dinsdag));

        var ontvangsten = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => _store.OntvangAsync("k1", Nieuw(Antwoorden(), token: $"token-{i}")))));

        var winnaar = Assert.Single(ontvangsten, o => o.Nieuw);
        Assert.All(ontvangsten, o => Assert.Equal(winnaar with { Nieuw = o.Nieuw }, o));
        Assert.Equal(1, Tel("SELECT count(*) FROM meldingen"));
        Assert.Equal(1, Tel("SELECT count(*) FROM concepten"));
        Assert.NotNull(await _store.StatusAsync(winnaar.StatusToken));
    }

    [Fact]
    public async Task OntvangAsync_ManyConceptsInParallel_AllStoredWithDistinctReferences()
    {
        var ontvangsten = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => _store.OntvangAsync($"k{i}", Nieuw(Antwoorden())))));

        Assert.All(ontvangsten, o => Assert.True(o.Nieuw));
        Assert.All(ontvangsten, o => Assert.Equal($"SK-2026-{o.Id:D5}", o.Referentie));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), ontvangsten.Select(o => o.Id).Order());
        Assert.Equal(40, (await _store.WachtrijAsync(new(), D("2026-03-10"))).Totaal);
    }

    [Fact]
    public async Task OntvangAsync_WithoutConceptRow_StoresTheMeldingOnce()
    {
        var eerste = await _store.OntvangAsync("zonder-concept", Nieuw(Antwoorden()));
        var tweede = await _store.OntvangAsync("zonder-concept", Nieuw(Antwoorden()));

        Assert.Equal(eerste.Id, tweede.Id);
        Assert.False(tweede.Nieuw);
        Assert.Equal(eerste.StatusToken, tweede.StatusToken);
        Assert.Equal(1, Tel("SELECT count(*) FROM meldingen"));
    }

    [Fact]
    public async Task OntvangAsync_ConceptWithAnswers_AnswersRemovedFromTheConcept()
    {
        await _store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden(), 5, Dinsdag));

        var ontvangst = await _store.OntvangAsync("k1", Nieuw(Antwoorden()));
        await _store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden(), 5, Dinsdag)); // back button and resubmit of a step

        Assert.Null(await _store.ConceptAsync("k1"));
        Assert.Equal(0, Tel("SELECT count(*) FROM concepten WHERE antwoorden IS NOT NULL"));
        Assert.Equal(ontvangst with { Nieuw = false }, await _store.OntvangstAsync("k1"));
    }

    [Fact]
    public async Task OntvangAsync_AfterConceptDeleted_StillTheFirstMeldingWithoutToken()
    {
        var eerste = await _store.OntvangAsync("k1", Nieuw(Antwoorden()));
        await _store.VerwijderConceptAsync("k1");

        var tweede = await _store.OntvangAsync("k1", Nieuw(Antwoorden()));

        Assert.Null(await _store.OntvangstAsync("k1"));
        Assert.False(tweede.Nieuw);
        Assert.Equal(eerste.Id, tweede.Id);
        Assert.Equal("", tweede.StatusToken);
        Assert.Equal(1, Tel("SELECT count(*) FROM meldingen"));
    }

    [Fact]
    public async Task OntvangstAsync_UnknownOrUnsentConcept_Null()
    {
        await _store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden(), 2, Dinsdag));

        Assert.Null(await _store.OntvangstAsync("k1"));
        Assert.Null(await _store.OntvangstAsync("onbekend"));
    }

    [Fact]
    public async Task ConceptAsync_Saved_RoundTrips()
    {
        var antwoorden = Antwoorden(urgentie: Urgent, levensdomeinen: ["wonen", "rondkomen"]);
        await _store.BewaarConceptAsync(new MeldingConcept("k1", antwoorden with { Naam = "eerst" }, 1, Dinsdag));
        await _store.BewaarConceptAsync(new MeldingConcept("k1", antwoorden, 3, Dinsdag.AddMinutes(5)));

        var concept = await _store.ConceptAsync("k1");

        Assert.NotNull(concept);
        Assert.Equal(3, concept.Stap);
        Assert.Equal(Dinsdag.AddMinutes(5), concept.Gewijzigd);
        Assert.Equal(JsonSerializer.Serialize(antwoorden, MakelpuntJson.Default.MeldingAntwoorden),
            JsonSerializer.Serialize(concept.Antwoorden, MakelpuntJson.Default.MeldingAntwoorden));
        Assert.Null(await _store.ConceptAsync("onbekend"));
    }

    [Fact]
    public async Task Store_Reopened_EverythingStillThere()
    {
        await _store.BewaarConceptAsync(new MeldingConcept("open", Antwoorden(), 2, Dinsdag));
        var ontvangst = await _store.OntvangAsync("k1", Nieuw(Antwoorden()));
        await Voer(ontvangst.Id, new Oppakken(), Dinsdag.AddHours(1));
        await Voer(ontvangst.Id, new NotitieMaken("Gebeld."), Dinsdag.AddHours(2));
        var voor = await _store.BekijkAsync(ontvangst.Id, Anna, Dinsdag.AddHours(3));
        _store.Dispose();

        using var opnieuw = new SqliteMakelpuntStore(Bestand);

        var na = await opnieuw.BekijkAsync(ontvangst.Id, Anna, Dinsdag.AddHours(4));
        Assert.Equal(Json(voor!), Json(na!));
        Assert.Equal(3, na!.Versie);
        Assert.Equal(ontvangst with { Nieuw = false }, await opnieuw.OntvangstAsync("k1"));
        Assert.NotNull(await opnieuw.ConceptAsync("open"));
        Assert.Equal(MeldingStatus.InBehandeling, (await opnieuw.StatusAsync(ontvangst.StatusToken))!.Status);
        Assert.Equal(["Ontvangen", "Bekeken", "Opgepakt", "Bekeken", "Notitie", "Bekeken", "Bekeken"],
            (await opnieuw.GeschiedenisAsync(ontvangst.Id)).Select(g => g.Actie));
    }

    [Fact]
    public async Task StatusAsync_Token_StatusWithoutPersonalData()
    {
        var ontvangst = await Ontvang();
        await Voer(ontvangst.Id, new Oppakken(), Dinsdag);
        await Voer(ontvangst.Id, new ContactGehad(), Dinsdag);

        var status = await _store.StatusAsync(ontvangst.StatusToken);

        Assert.Equal(new MeldingStatusInfo("SK-2026-00001", Dinsdag, MeldingStatus.InBehandeling, D("2026-03-13"), ContactGehad: true), status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("verkeerd")]
    public async Task StatusAsync_WrongToken_Null(string token)
    {
        var ontvangst = await Ontvang();

        Assert.Null(await _store.StatusAsync(token));
        Assert.Null(await _store.StatusAsync(ontvangst.StatusToken.ToUpperInvariant() + "x"));
        Assert.Equal(0, Tel($"SELECT count(*) FROM meldingen WHERE status_token_hash = '{ontvangst.StatusToken}'"));
    }

    [Fact]
    public async Task WachtrijAsync_OpenMeldingen_UrgentFirstThenDeadlineThenOldest()
    {
        var m1 = await Ontvang(Antwoorden(levensdomeinen: "wonen"), Dinsdag); // deadline Fri 13
        var m2 = await Ontvang(Antwoorden(urgentie: Urgent, levensdomeinen: "wonen"), Dinsdag.AddDays(1)); // urgent, Thu 12
        var m3 = await Ontvang(Antwoorden(urgentie: Urgent, levensdomeinen: "werken"), Dinsdag); // urgent, Wed 11
        var m4 = await Ontvang(Antwoorden(levensdomeinen: "wonen"), Dinsdag.AddDays(-1)); // Thu 12
        var m5 = await Ontvang(Antwoorden(levensdomeinen: "wonen"), Dinsdag.AddDays(-1)); // Thu 12, received at the same time: id decides
        var dicht = await Ontvang(Antwoorden(urgentie: Urgent), Dinsdag.AddDays(-1));
        await Sluit(dicht.Id, Dinsdag);

        var wachtrij = await _store.WachtrijAsync(new WachtrijFilter(), D("2026-03-10"));

        Assert.Equal([m3.Referentie, m2.Referentie, m4.Referentie, m5.Referentie, m1.Referentie], wachtrij.Meldingen.Select(m => m.Referentie));
        Assert.Equal(5, wachtrij.Totaal);
        Assert.Equal(1, wachtrij.Pagina);
        Assert.Equal(25, wachtrij.PerPagina);
    }

    [Fact]
    public async Task WachtrijAsync_Filters_TeamStatusUrgentAndOverdue()
    {
        var m1 = await Ontvang(Antwoorden(levensdomeinen: "wonen"), Dinsdag); // team-thuis, Fri 13
        var m2 = await Ontvang(Antwoorden(urgentie: Urgent, levensdomeinen: "wonen"), Dinsdag.AddDays(1)); // team-thuis, Thu 12
        var m3 = await Ontvang(Antwoorden(urgentie: Urgent, levensdomeinen: "werken"), Dinsdag); // team-werk-en-inkomen, Wed 11
        var m4 = await Ontvang(Antwoorden(levensdomeinen: "wonen"), Dinsdag.AddDays(-1)); // team-thuis, Thu 12
        await Voer(m1.Id, new Oppakken(), Dinsdag);

        Assert.Equal([m2.Referentie, m4.Referentie, m1.Referentie], await Referenties(new(Team: "team-thuis"), D("2026-03-10")));
        Assert.Equal([m1.Referentie], await Referenties(new(Status: MeldingStatus.InBehandeling), D("2026-03-10")));
        Assert.Equal([m3.Referentie, m2.Referentie], await Referenties(new(AlleenUrgent: true), D("2026-03-10")));
        Assert.Empty(await Referenties(new(AlleenTeLaat: true), D("2026-03-11"))); // the deadline day itself is in time
        Assert.Equal([m3.Referentie], await Referenties(new(AlleenTeLaat: true), D("2026-03-12")));
        Assert.Equal([m3.Referentie, m2.Referentie, m4.Referentie], await Referenties(new(AlleenTeLaat: true), D("2026-03-13")));
        Assert.Equal([m2.Referentie], await Referenties(new(Team: "team-thuis", AlleenUrgent: true, AlleenTeLaat: true), D("2026-03-13")));
    }

    [Fact]
    public async Task WachtrijAsync_FirstContactMade_NoLongerOverdue()
    {
        var m = await Ontvang(Antwoorden(urgentie: Urgent, levensdomeinen: "wonen"), Dinsdag); // Wed 11
        await Voer(m.Id, new Oppakken(), Dinsdag);
        Assert.Single((await _store.WachtrijAsync(new(AlleenTeLaat: true), D("2026-03-12"))).Meldingen);

        await Voer(m.Id, new ContactGehad(), Dinsdag.AddDays(2));

        Assert.Empty((await _store.WachtrijAsync(new(AlleenTeLaat: true), D("2026-03-12"))).Meldingen);
        Assert.Equal("2026-04-21", _store.Lees(c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT volgende_termijn FROM meldingen";
            return (string)cmd.ExecuteScalar()!;
        }));
    }

    [Fact]
    public async Task WachtrijAsync_Pages_TwentyFivePerPageWithTotal()
    {
        for (var i = 0; i < 30; i++)
        {
            await Ontvang(op: Dinsdag.AddMinutes(i));
        }

        var eerste = await _store.WachtrijAsync(new(Pagina: 0), D("2026-03-10"));
        var tweede = await _store.WachtrijAsync(new(Pagina: 2), D("2026-03-10"));
        var voorbij = await _store.WachtrijAsync(new(Pagina: 9), D("2026-03-10"));

        Assert.Equal(25, eerste.Meldingen.Count);
        Assert.Equal(1, eerste.Pagina);
        Assert.Equal(Enumerable.Range(26, 5).Select(i => $"SK-2026-{i:D5}"), tweede.Meldingen.Select(m => m.Referentie));
        Assert.Equal(30, tweede.Totaal);
        Assert.Empty(voorbij.Meldingen);
        Assert.Equal(30, voorbij.Totaal);
    }

    [Fact]
    public async Task BekijkAsync_Melding_WritesBekekenToTheAudit()
    {
        var ontvangst = await Ontvang();

        var melding = await _store.BekijkAsync(ontvangst.Id, Bram, Dinsdag.AddHours(1));

        Assert.Equal("Jan Pietersen", melding!.Antwoorden.Naam);
        var laatste = (await _store.GeschiedenisAsync(ontvangst.Id))[^1];
        Assert.Equal(new Gebeurtenis(Dinsdag.AddHours(1), Bram, "Bekeken", null), laatste);
    }

    [Fact]
    public async Task BekijkAsync_UnknownId_NullAndNoAudit()
    {
        Assert.Null(await _store.BekijkAsync(42, Anna, Dinsdag));
        Assert.Equal(0, Tel("SELECT count(*) FROM audit"));
    }

    [Fact]
    public async Task VoerUitAsync_Notitie_StoredInTheAuditWithItsText()
    {
        var ontvangst = await Ontvang();

        var resultaat = await _store.VoerUitAsync(ontvangst.Id, 1, new NotitieMaken("Moeder belde terug."), Anna, Dinsdag.AddHours(1));
        await _store.VoerUitAsync(ontvangst.Id, 2, new Toewijzen(Bram), Anna, Dinsdag.AddHours(2));

        Assert.Equal(2, resultaat!.Melding!.Versie);
        Assert.Equal(
            [
                new Gebeurtenis(Dinsdag, null, "Ontvangen", null),
                new Gebeurtenis(Dinsdag.AddHours(1), Anna, "Notitie", "Moeder belde terug."),
                new Gebeurtenis(Dinsdag.AddHours(2), Anna, "Toegewezen aan Bram Jansen", null),
            ],
            await _store.GeschiedenisAsync(ontvangst.Id));
        var opgeslagen = await _store.BekijkAsync(ontvangst.Id, Anna, Dinsdag.AddHours(3));
        Assert.Equal(3, opgeslagen!.Versie);
        Assert.Equal(Bram, opgeslagen.Behandelaar);
        Assert.Equal(MeldingStatus.InBehandeling, opgeslagen.Status);
    }

    [Fact]
    public async Task VoerUitAsync_StaleVersie_RefusedAndNothingChanged()
    {
        var ontvangst = await Ontvang();
        await _store.VoerUitAsync(ontvangst.Id, 1, new Oppakken(), Anna, Dinsdag);
        var audit = Tel("SELECT count(*) FROM audit");

        var resultaat = await _store.VoerUitAsync(ontvangst.Id, 1, new Toewijzen(Bram), Bram, Dinsdag.AddMinutes(1));

        Assert.Equal(new Resultaat(null, "De melding is intussen gewijzigd door iemand anders. Bekijk hem opnieuw."), resultaat);
        Assert.Equal(audit, Tel("SELECT count(*) FROM audit"));
        var melding = await _store.BekijkAsync(ontvangst.Id, Anna, Dinsdag);
        Assert.Equal(Anna, melding!.Behandelaar);
        Assert.Equal(2, melding.Versie);
    }

    [Fact]
    public async Task VoerUitAsync_RefusedByTheStateMachine_NoChangeAndNoAudit()
    {
        var ontvangst = await Ontvang();
        var audit = Tel("SELECT count(*) FROM audit");

        var resultaat = await _store.VoerUitAsync(ontvangst.Id, 1, new ContactGehad(), Anna, Dinsdag);

        Assert.Equal("Pak de melding eerst op of wijs hem toe.", resultaat!.Geweigerd);
        Assert.Equal(audit, Tel("SELECT count(*) FROM audit"));
        Assert.Equal(1, Tel("SELECT versie FROM meldingen"));
    }

    [Fact]
    public async Task VoerUitAsync_UnknownId_Null()
    {
        Assert.Null(await _store.VoerUitAsync(42, 1, new Oppakken(), Anna, Dinsdag));
    }

    [Fact]
    public async Task AnonimiseerAsync_ClosedLongAgo_PersonalDataGoneStatisticsKept()
    {
        var nu = Dinsdag;
        var oud = await Ontvang(Antwoorden("Truus Geheim", Urgent, "wonen", "rondkomen") with { NietPluis = true }, nu.AddDays(-400), "k-oud");
        await Voer(oud.Id, new Oppakken(), nu.AddDays(-399));
        await Voer(oud.Id, new NotitieMaken("Truus Geheim belde over haar schulden."), nu.AddDays(-399));
        await Voer(oud.Id, new Afsluiten(Uitkomst.MaatwerkvoorzieningAangevraagd, "Truus Geheim wil geen schuldhulp."), nu.AddDays(-380));
        var recent = await Ontvang(op: nu.AddDays(-30));
        await Voer(recent.Id, new NotitieMaken("Notitie die blijft."), nu.AddDays(-29));
        await Sluit(recent.Id, nu.AddDays(-10));
        var open = await Ontvang(op: nu.AddDays(-400));
        var voorOud = await _store.BekijkAsync(oud.Id, Anna, nu);
        var voorRecent = Json((await _store.BekijkAsync(recent.Id, Anna, nu))!);
        var voorOpen = Json((await _store.BekijkAsync(open.Id, Anna, nu))!);
        Assert.True(BestandBevat("Truus"));

        var aantal = await _store.AnonimiseerAsync(nu.AddDays(-365), nu);

        Assert.Equal(1, aantal);
        Assert.False(BestandBevat("Truus"), "the name is still somewhere in the database file or its WAL");
        var na = (await _store.BekijkAsync(oud.Id, Anna, nu))!;
        Assert.Equal(MeldingStatus.Geanonimiseerd, na.Status);
        Assert.Equal(
            JsonSerializer.Serialize(new MeldingAntwoorden
            {
                Soort = Soort.Naaste, Levensdomeinen = ["wonen", "rondkomen"], NietPluis = true, Urgentie = Urgent,
            }, MakelpuntJson.Default.MeldingAntwoorden),
            JsonSerializer.Serialize(na.Antwoorden, MakelpuntJson.Default.MeldingAntwoorden));
        Assert.Equal(voorOud!.Referentie, na.Referentie);
        Assert.Equal(voorOud.Besluit, na.Besluit);
        Assert.Equal(voorOud.Termijnen, na.Termijnen);
        Assert.Equal(Uitkomst.MaatwerkvoorzieningAangevraagd, na.Uitkomst);
        Assert.Equal(voorOud.AfgeslotenOp, na.AfgeslotenOp);
        Assert.Equal(Anna, na.Behandelaar);
        var geschiedenis = await _store.GeschiedenisAsync(oud.Id);
        Assert.All(geschiedenis, g => Assert.Null(g.Tekst));
        Assert.Contains(new Gebeurtenis(nu, null, "Geanonimiseerd", null), geschiedenis);
        Assert.Equal(1, Tel($"SELECT count(*) FROM audit WHERE actie = 'Geanonimiseerd' AND wie_naam = 'systeem'"));
        Assert.Null(await _store.OntvangstAsync("k-oud"));
        Assert.Equal(2, Tel("SELECT count(*) FROM concepten"));
        Assert.Equal(MeldingStatus.Geanonimiseerd, (await _store.StatusAsync(oud.StatusToken))!.Status);
        Assert.Equal(voorRecent, Json((await _store.BekijkAsync(recent.Id, Anna, nu))!));
        Assert.Equal(voorOpen, Json((await _store.BekijkAsync(open.Id, Anna, nu))!));
        Assert.Contains(await _store.GeschiedenisAsync(recent.Id), g => g.Tekst == "Notitie die blijft.");
        Assert.Equal(0, await _store.AnonimiseerAsync(nu.AddDays(-365), nu));
    }

    [Fact]
    public async Task VerwijderConcept_TextLeavesTheLogSoonWithoutAShutdown()
    {
        using var store = new SqliteMakelpuntStore(Path.Combine(_map, "wis.db"), wisNa: TimeSpan.FromMilliseconds(100));
        await store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden("Geheime Gerda"), 2, Dinsdag));
        await store.VerwijderConceptAsync("k1");

        // Waits for the background wipe, bounded; the window itself is a documented setting, not asserted as a time.
        var tot = DateTime.UtcNow.AddSeconds(30);
        while (BestandBevat("Geheime Gerda", store.Bestand) && DateTime.UtcNow < tot)
        {
            await Task.Delay(50);
        }

        Assert.False(BestandBevat("Geheime Gerda", store.Bestand), "the deleted concept is still in the database file or its WAL");
    }

    [Fact]
    public async Task ChangedAnswer_OldVersionLeavesTheLog()
    {
        using var store = new SqliteMakelpuntStore(Path.Combine(_map, "wis.db"), wisNa: TimeSpan.FromMilliseconds(100));
        await store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden("Verkeerde Vera"), 2, Dinsdag));
        await store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden("Goede Greta"), 3, Dinsdag));

        var tot = DateTime.UtcNow.AddSeconds(30);
        while (BestandBevat("Verkeerde Vera", store.Bestand) && DateTime.UtcNow < tot)
        {
            await Task.Delay(50);
        }

        Assert.False(BestandBevat("Verkeerde Vera", store.Bestand));
        Assert.True(BestandBevat("Goede Greta", store.Bestand));
    }

    [Fact]
    public async Task Dispose_RightAfterADeletion_LeavesNothingOnDisk()
    {
        var bestand = Path.Combine(_map, "dicht.db");
        var store = new SqliteMakelpuntStore(bestand, wisNa: TimeSpan.FromHours(1));
        await store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden("Geheime Gerda"), 2, Dinsdag));
        _ = await store.ConceptAsync("k1"); // a pooled reader stays open, as in the portal
        await store.VerwijderConceptAsync("k1");
        Assert.True(BestandBevat("Geheime Gerda", bestand), "the test needs the text in the WAL before the store is closed");

        store.Dispose();

        Assert.False(BestandBevat("Geheime Gerda", bestand), "the deleted concept is still on disk after the store was closed");
    }

    [Fact]
    public async Task AnonimiseerAsync_MoreThanOneBatch_AllAnonymised()
    {
        var ids = new List<long>();
        for (var i = 0; i < 130; i++)
        {
            ids.Add((await Ontvang(op: Dinsdag.AddDays(-400))).Id);
        }

        await Task.WhenAll(ids.Select(id => Sluit(id, Dinsdag.AddDays(-390))));

        Assert.Equal(130, await _store.AnonimiseerAsync(Dinsdag.AddDays(-365), Dinsdag));
        Assert.Equal(130, Tel("SELECT count(*) FROM meldingen WHERE status = 'Geanonimiseerd'"));
        Assert.False(BestandBevat("Jan Pietersen"));
    }

    [Fact]
    public async Task RuimConceptenOpAsync_OlderThan_DeletedSentOrNot()
    {
        await _store.BewaarConceptAsync(new MeldingConcept("oud", Antwoorden(), 2, Dinsdag.AddDays(-2)));
        await _store.BewaarConceptAsync(new MeldingConcept("nieuw", Antwoorden(), 2, Dinsdag));
        var verstuurd = await _store.OntvangAsync("verstuurd", Nieuw(Antwoorden(), Dinsdag.AddDays(-2)));

        var aantal = await _store.RuimConceptenOpAsync(Dinsdag.AddDays(-1));

        Assert.Equal(2, aantal);
        Assert.Null(await _store.ConceptAsync("oud"));
        Assert.NotNull(await _store.ConceptAsync("nieuw"));
        Assert.Null(await _store.OntvangstAsync("verstuurd"));
        Assert.NotNull(await _store.StatusAsync(verstuurd.StatusToken));
    }

    [Fact]
    public async Task TelDitHelptAsync_PerDayAndLevensdomein()
    {
        await _store.TelDitHelptAsync(["wonen", "rondkomen"], D("2026-03-10"));
        await _store.TelDitHelptAsync(["wonen", "wonen"], D("2026-03-10"));
        await _store.TelDitHelptAsync([], D("2026-03-10"));
        await _store.TelDitHelptAsync(["wonen"], D("2026-03-11"));

        var tellingen = _store.Lees(c =>
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT dag, levensdomein, aantal FROM dit_helpt ORDER BY dag, levensdomein";
            using var r = cmd.ExecuteReader();
            var lijst = new List<string>();
            while (r.Read())
            {
                lijst.Add($"{r.GetString(0)} {r.GetString(1)} {r.GetInt64(2)}");
            }

            return lijst;
        });
        Assert.Equal(["2026-03-10 onbekend 1", "2026-03-10 rondkomen 1", "2026-03-10 wonen 2", "2026-03-11 wonen 1"], tellingen);
    }

    [Fact]
    public async Task Connections_WalAndSynchronousFull()
    {
        static string Pragmas(SqliteConnection c)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT (SELECT journal_mode FROM pragma_journal_mode) || ' ' || (SELECT synchronous FROM pragma_synchronous)"
                + " || ' ' || (SELECT foreign_keys FROM pragma_foreign_keys) || ' ' || (SELECT user_version FROM pragma_user_version)";
            return (string)cmd.ExecuteScalar()!;
        }

        var verwacht = $"wal 2 1 {SqliteMakelpuntStore.SchemaVersie}";
        Assert.Equal(verwacht, _store.Lees(Pragmas));
        Assert.Equal(verwacht, await _store.SchrijfAsync((c, _) => Pragmas(c), CancellationToken.None));
        Assert.Equal(5000, Tel("PRAGMA busy_timeout"));
    }

    [Fact]
    public void Constructor_NewerSchema_Refuses()
    {
        var bestand = Path.Combine(_map, "nieuwer.db");
        using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = bestand, Pooling = false }.ToString()))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"PRAGMA user_version = {SqliteMakelpuntStore.SchemaVersie + 1}";
            cmd.ExecuteNonQuery();
        }

        var fout = Assert.Throws<InvalidOperationException>(() => new SqliteMakelpuntStore(bestand));
        Assert.Contains($"schemaversie {SqliteMakelpuntStore.SchemaVersie + 1}", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opruimdienst_Round_AnonymisesAndCleansUp()
    {
        var oud = await Ontvang(op: Dinsdag.AddDays(-400), concept: "k-oud");
        await Sluit(oud.Id, Dinsdag.AddDays(-366));
        await _store.BewaarConceptAsync(new MeldingConcept("verlaten", Antwoorden(), 1, Dinsdag.AddHours(-25)));
        var dienst = new Opruimdienst(_store, Options.Create(new MakelpuntOpslagOptions()), new VasteKlok(Dinsdag), NullLogger<Opruimdienst>.Instance);

        await dienst.RuimOpAsync(CancellationToken.None);

        Assert.Equal(MeldingStatus.Geanonimiseerd, (await _store.StatusAsync(oud.StatusToken))!.Status);
        Assert.Equal(0, Tel("SELECT count(*) FROM concepten"));
    }

    [Fact]
    public async Task Opruimdienst_StoreFails_LogsAndCarriesOn()
    {
        var kapot = new SqliteMakelpuntStore(Path.Combine(_map, "kapot.db"));
        kapot.Dispose();
        var dienst = new Opruimdienst(kapot, Options.Create(new MakelpuntOpslagOptions()), new VasteKlok(Dinsdag), NullLogger<Opruimdienst>.Instance);

        await dienst.RuimOpAsync(CancellationToken.None);
    }

    [Fact]
    public void AddMakelpuntOpslag_ConfiguredFile_OneStoreForTheInterface()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Makelpunt:Opslag:Bestand"] = Path.Combine(_map, "di.db") });
        builder.Services.AddMakelpuntOpslag();
        using var host = builder.Build();

        var store = host.Services.GetRequiredService<IMakelpuntStore>();

        Assert.Same(host.Services.GetRequiredService<SqliteMakelpuntStore>(), store);
        Assert.Equal(Path.Combine(_map, "di.db"), ((SqliteMakelpuntStore)store).Bestand);
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<Opruimdienst>());
    }

    [Fact]
    public async Task AddMakelpuntOpslag_InvalidOptions_FailsAtStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Makelpunt:Opslag:Bestand"] = Path.Combine(_map, "di.db"),
            ["Makelpunt:Opslag:BewaartermijnDagen"] = "0",
        });
        builder.Services.AddMakelpuntOpslag();
        using var host = builder.Build();

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    /// <summary>True when the text occurs in the database file or its WAL, as bytes on disk.</summary>
    private bool BestandBevat(string tekst) => BestandBevat(tekst, Bestand);

    private static bool BestandBevat(string tekst, string bestand)
    {
        var zoek = Encoding.UTF8.GetBytes(tekst);
        foreach (var pad in new[] { bestand, bestand + "-wal" })
        {
            if (!File.Exists(pad))
            {
                continue;
            }

            using var stream = new FileStream(pad, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var kopie = new MemoryStream();
            stream.CopyTo(kopie);
            if (kopie.ToArray().AsSpan().IndexOf(zoek) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class VasteKlok(DateTimeOffset nu) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => nu.ToUniversalTime();
    }
}
