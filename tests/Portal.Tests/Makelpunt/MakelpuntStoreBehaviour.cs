using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialeKaart.Portal.Features.Berichten;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Makelpunt.Opslag;
using SocialeKaart.Portal.Features.Terugmelden;
using static SocialeKaart.Portal.Tests.Makelpunt.Voorbeeld;

namespace SocialeKaart.Portal.Tests.Makelpunt;

/// <summary>
/// The behaviour of the makelpunt store port, written once and run against every adapter: SQLite
/// (<see cref="SqliteMakelpuntStoreTests"/>) and PostgreSQL (<see cref="PostgresMakelpuntStoreTests"/>). Each test has
/// a store of its own (its own file or database). What only one adapter has — SQLite's file and WAL, PostgreSQL's
/// schema table — is tested in the subclass.
/// </summary>
public abstract class MakelpuntStoreBehaviour : IAsyncLifetime
{
    private readonly List<IMakelpuntStore> _open = [];

    /// <summary>The store under test (opened in <see cref="InitializeAsync"/>).</summary>
    protected IMakelpuntStore Store { get; private set; } = null!;

    /// <summary>Opens a store on this test's storage (the same file or database every time).</summary>
    /// <param name="berichten">With the messages to the inwoner (the outbox), as the portal has them.</param>
    protected abstract Task<IMakelpuntStore> OpenStoreAsync(bool berichten);

    /// <summary>One value of a query on this test's storage (SQL that both databases understand).</summary>
    protected abstract Task<object?> ScalarAsync(string sql);

    /// <summary>True when the text is still anywhere in the store (SQLite: the bytes of the file and its WAL;
    /// PostgreSQL: any row of any table, as text).</summary>
    protected abstract Task<bool> BevatAsync(string tekst);

    /// <summary>A store that fails on every call.</summary>
    protected abstract Task<IMakelpuntStore> KapotAsync();

    /// <summary>Frees this test's storage.</summary>
    protected abstract Task OpruimenAsync();

    public virtual async ValueTask InitializeAsync() => Store = await OpenAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _open.ToList())
        {
            await SluitAsync(store);
        }

        await OpruimenAsync();
        GC.SuppressFinalize(this);
    }

    protected async Task<IMakelpuntStore> OpenAsync(bool berichten = false)
    {
        var store = await OpenStoreAsync(berichten);
        _open.Add(store);
        return store;
    }

    protected Task SluitAsync(IMakelpuntStore store)
    {
        if (_open.Remove(store))
        {
            (store as IDisposable)?.Dispose();
        }

        return Task.CompletedTask;
    }

    private Task<Ontvangst> Ontvang(MeldingAntwoorden? antwoorden = null, DateTimeOffset? op = null, string? concept = null) =>
        Store.OntvangAsync(concept ?? Guid.NewGuid().ToString("N"), Nieuw(antwoorden ?? Antwoorden(), op));

    private async Task<Melding> Voer(long id, Handeling handeling, DateTimeOffset nu, Medewerker? wie = null)
    {
        var huidig = await Store.BekijkAsync(id, wie ?? Anna, nu);
        var resultaat = await Store.VoerUitAsync(id, huidig!.Versie, handeling, wie ?? Anna, nu);
        Assert.True(resultaat!.Gelukt, resultaat.Geweigerd);
        return resultaat.Melding!;
    }

    private async Task Sluit(long id, DateTimeOffset op)
    {
        await Voer(id, new Oppakken(), op);
        await Voer(id, new Afsluiten(Uitkomst.AlgemeenToegankelijkAanbod), op);
    }

    protected async Task<long> TelAsync(string sql) => Convert.ToInt64(await ScalarAsync(sql), CultureInfo.InvariantCulture);

    private static DateOnly Datum(object? waarde) => waarde switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => D(s),
        _ => throw new InvalidDataException($"Geen datum: {waarde}"),
    };

    private static string Json(Melding melding) => JsonSerializer.Serialize(melding, MakelpuntJson.Default.Melding);

    private async Task<IEnumerable<string>> Referenties(WachtrijFilter filter, DateOnly vandaag) =>
        (await Store.WachtrijAsync(filter, vandaag)).Meldingen.Select(m => m.Referentie);

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
        var eerste = await Store.OntvangAsync("k1", Nieuw(Antwoorden(), token: "token-1"));
        var tweede = await Store.OntvangAsync("k1", Nieuw(Antwoorden(), token: "token-2"));

        Assert.True(eerste.Nieuw);
        Assert.False(tweede.Nieuw);
        Assert.Equal(eerste with { Nieuw = false }, tweede);
        Assert.Equal(1, await TelAsync("SELECT count(*) FROM meldingen"));
        Assert.Null(await Store.StatusAsync("token-2"));
    }

    [Fact]
    public async Task OntvangAsync_SixteenParallelCallsForOneConcept_OneMelding()
    {
        await Store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden(), 5, Dinsdag));

        var ontvangsten = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => Store.OntvangAsync("k1", Nieuw(Antwoorden(), token: $"token-{i}")))));

        var winnaar = Assert.Single(ontvangsten, o => o.Nieuw);
        Assert.All(ontvangsten, o => Assert.Equal(winnaar with { Nieuw = o.Nieuw }, o));
        Assert.Equal(1, await TelAsync("SELECT count(*) FROM meldingen"));
        Assert.Equal(1, await TelAsync("SELECT count(*) FROM concepten"));
        Assert.NotNull(await Store.StatusAsync(winnaar.StatusToken));
    }

    [Fact]
    public async Task OntvangAsync_ManyConceptsInParallel_AllStoredWithDistinctReferences()
    {
        var ontvangsten = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => Store.OntvangAsync($"k{i}", Nieuw(Antwoorden())))));

        Assert.All(ontvangsten, o => Assert.True(o.Nieuw));
        Assert.All(ontvangsten, o => Assert.Equal($"SK-2026-{o.Id:D5}", o.Referentie));
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), ontvangsten.Select(o => o.Id).Order());
        Assert.Equal(40, (await Store.WachtrijAsync(new(), D("2026-03-10"))).Totaal);
    }

    [Fact]
    public async Task OntvangAsync_WithoutConceptRow_StoresTheMeldingOnce()
    {
        var eerste = await Store.OntvangAsync("zonder-concept", Nieuw(Antwoorden()));
        var tweede = await Store.OntvangAsync("zonder-concept", Nieuw(Antwoorden()));

        Assert.Equal(eerste.Id, tweede.Id);
        Assert.False(tweede.Nieuw);
        Assert.Equal(eerste.StatusToken, tweede.StatusToken);
        Assert.Equal(1, await TelAsync("SELECT count(*) FROM meldingen"));
    }

    [Fact]
    public async Task OntvangAsync_ConceptWithAnswers_AnswersRemovedFromTheConcept()
    {
        await Store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden(), 5, Dinsdag));

        var ontvangst = await Store.OntvangAsync("k1", Nieuw(Antwoorden()));
        await Store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden(), 5, Dinsdag)); // back button and resubmit of a step

        Assert.Null(await Store.ConceptAsync("k1"));
        Assert.Equal(0, await TelAsync("SELECT count(*) FROM concepten WHERE antwoorden IS NOT NULL"));
        Assert.Equal(ontvangst with { Nieuw = false }, await Store.OntvangstAsync("k1"));
    }

    [Fact]
    public async Task OntvangAsync_AfterConceptDeleted_StillTheFirstMeldingWithoutToken()
    {
        var eerste = await Store.OntvangAsync("k1", Nieuw(Antwoorden()));
        await Store.VerwijderConceptAsync("k1");

        var tweede = await Store.OntvangAsync("k1", Nieuw(Antwoorden()));

        Assert.Null(await Store.OntvangstAsync("k1"));
        Assert.False(tweede.Nieuw);
        Assert.Equal(eerste.Id, tweede.Id);
        Assert.Equal("", tweede.StatusToken);
        Assert.Equal(1, await TelAsync("SELECT count(*) FROM meldingen"));
    }

    [Fact]
    public async Task OntvangstAsync_UnknownOrUnsentConcept_Null()
    {
        await Store.BewaarConceptAsync(new MeldingConcept("k1", Antwoorden(), 2, Dinsdag));

        Assert.Null(await Store.OntvangstAsync("k1"));
        Assert.Null(await Store.OntvangstAsync("onbekend"));
    }

    [Fact]
    public async Task ConceptAsync_Saved_RoundTrips()
    {
        var antwoorden = Antwoorden(urgentie: Urgent, levensdomeinen: ["wonen", "rondkomen"]);
        await Store.BewaarConceptAsync(new MeldingConcept("k1", antwoorden with { Naam = "eerst" }, 1, Dinsdag));
        await Store.BewaarConceptAsync(new MeldingConcept("k1", antwoorden, 3, Dinsdag.AddMinutes(5)));

        var concept = await Store.ConceptAsync("k1");

        Assert.NotNull(concept);
        Assert.Equal(3, concept.Stap);
        Assert.Equal(Dinsdag.AddMinutes(5), concept.Gewijzigd);
        Assert.Equal(JsonSerializer.Serialize(antwoorden, MakelpuntJson.Default.MeldingAntwoorden),
            JsonSerializer.Serialize(concept.Antwoorden, MakelpuntJson.Default.MeldingAntwoorden));
        Assert.Null(await Store.ConceptAsync("onbekend"));
    }

    [Fact]
    public async Task Store_Reopened_EverythingStillThere()
    {
        await Store.BewaarConceptAsync(new MeldingConcept("open", Antwoorden(), 2, Dinsdag));
        var ontvangst = await Store.OntvangAsync("k1", Nieuw(Antwoorden()));
        await Voer(ontvangst.Id, new Oppakken(), Dinsdag.AddHours(1));
        await Voer(ontvangst.Id, new NotitieMaken("Gebeld."), Dinsdag.AddHours(2));
        var voor = await Store.BekijkAsync(ontvangst.Id, Anna, Dinsdag.AddHours(3));
        await SluitAsync(Store);

        var opnieuw = await OpenAsync();

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

        var status = await Store.StatusAsync(ontvangst.StatusToken);

        Assert.Equal(new MeldingStatusInfo("SK-2026-00001", Dinsdag, MeldingStatus.InBehandeling, D("2026-03-13"), ContactGehad: true), status);
    }

    [Theory]

    [InlineData("")]

    [InlineData("verkeerd")]
    public async Task StatusAsync_WrongToken_Null(string token)
    {
        var ontvangst = await Ontvang();

        Assert.Null(await Store.StatusAsync(token));
        Assert.Null(await Store.StatusAsync(ontvangst.StatusToken.ToUpperInvariant() + "x"));
        Assert.Equal(0, await TelAsync($"SELECT count(*) FROM meldingen WHERE status_token_hash = '{ontvangst.StatusToken}'"));
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

        var wachtrij = await Store.WachtrijAsync(new WachtrijFilter(), D("2026-03-10"));

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
        Assert.Single((await Store.WachtrijAsync(new(AlleenTeLaat: true), D("2026-03-12"))).Meldingen);

        await Voer(m.Id, new ContactGehad(), Dinsdag.AddDays(2));

        Assert.Empty((await Store.WachtrijAsync(new(AlleenTeLaat: true), D("2026-03-12"))).Meldingen);
        Assert.Equal(D("2026-04-21"), Datum(await ScalarAsync("SELECT volgende_termijn FROM meldingen")));
    }

    [Fact]
    public async Task WachtrijAsync_Pages_TwentyFivePerPageWithTotal()
    {
        for (var i = 0; i < 30; i++)
        {
            await Ontvang(op: Dinsdag.AddMinutes(i));
        }

        var eerste = await Store.WachtrijAsync(new(Pagina: 0), D("2026-03-10"));
        var tweede = await Store.WachtrijAsync(new(Pagina: 2), D("2026-03-10"));
        var voorbij = await Store.WachtrijAsync(new(Pagina: 9), D("2026-03-10"));

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

        var melding = await Store.BekijkAsync(ontvangst.Id, Bram, Dinsdag.AddHours(1));

        Assert.Equal("Jan Pietersen", melding!.Antwoorden.Naam);
        var laatste = (await Store.GeschiedenisAsync(ontvangst.Id))[^1];
        Assert.Equal(new Gebeurtenis(Dinsdag.AddHours(1), Bram, "Bekeken", null), laatste);
    }

    [Fact]
    public async Task BekijkAsync_UnknownId_NullAndNoAudit()
    {
        Assert.Null(await Store.BekijkAsync(42, Anna, Dinsdag));
        Assert.Equal(0, await TelAsync("SELECT count(*) FROM audit"));
    }

    [Fact]
    public async Task VoerUitAsync_Notitie_StoredInTheAuditWithItsText()
    {
        var ontvangst = await Ontvang();

        var resultaat = await Store.VoerUitAsync(ontvangst.Id, 1, new NotitieMaken("Moeder belde terug."), Anna, Dinsdag.AddHours(1));
        await Store.VoerUitAsync(ontvangst.Id, 2, new Toewijzen(Bram), Anna, Dinsdag.AddHours(2));

        Assert.Equal(2, resultaat!.Melding!.Versie);
        Assert.Equal(
            [
                new Gebeurtenis(Dinsdag, null, "Ontvangen", null),
                new Gebeurtenis(Dinsdag.AddHours(1), Anna, "Notitie", "Moeder belde terug."),
                new Gebeurtenis(Dinsdag.AddHours(2), Anna, "Toegewezen aan Bram Jansen", null),
            ],
            await Store.GeschiedenisAsync(ontvangst.Id));
        var opgeslagen = await Store.BekijkAsync(ontvangst.Id, Anna, Dinsdag.AddHours(3));
        Assert.Equal(3, opgeslagen!.Versie);
        Assert.Equal(Bram, opgeslagen.Behandelaar);
        Assert.Equal(MeldingStatus.InBehandeling, opgeslagen.Status);
    }

    [Fact]
    public async Task VoerUitAsync_StaleVersie_RefusedAndNothingChanged()
    {
        var ontvangst = await Ontvang();
        await Store.VoerUitAsync(ontvangst.Id, 1, new Oppakken(), Anna, Dinsdag);
        var audit = await TelAsync("SELECT count(*) FROM audit");

        var resultaat = await Store.VoerUitAsync(ontvangst.Id, 1, new Toewijzen(Bram), Bram, Dinsdag.AddMinutes(1));

        Assert.Equal(new Resultaat(null, "De melding is intussen gewijzigd door iemand anders. Bekijk hem opnieuw."), resultaat);
        Assert.Equal(audit, await TelAsync("SELECT count(*) FROM audit"));
        var melding = await Store.BekijkAsync(ontvangst.Id, Anna, Dinsdag);
        Assert.Equal(Anna, melding!.Behandelaar);
        Assert.Equal(2, melding.Versie);
    }

    [Fact]
    public async Task VoerUitAsync_RefusedByTheStateMachine_NoChangeAndNoAudit()
    {
        var ontvangst = await Ontvang();
        var audit = await TelAsync("SELECT count(*) FROM audit");

        var resultaat = await Store.VoerUitAsync(ontvangst.Id, 1, new ContactGehad(), Anna, Dinsdag);

        Assert.Equal("Pak de melding eerst op of wijs hem toe.", resultaat!.Geweigerd);
        Assert.Equal(audit, await TelAsync("SELECT count(*) FROM audit"));
        Assert.Equal(1, await TelAsync("SELECT versie FROM meldingen"));
    }

    [Fact]
    public async Task VoerUitAsync_UnknownId_Null()
    {
        Assert.Null(await Store.VoerUitAsync(42, 1, new Oppakken(), Anna, Dinsdag));
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
        var voorOud = await Store.BekijkAsync(oud.Id, Anna, nu);
        var voorRecent = Json((await Store.BekijkAsync(recent.Id, Anna, nu))!);
        var voorOpen = Json((await Store.BekijkAsync(open.Id, Anna, nu))!);
        Assert.True(await BevatAsync("Truus"));

        var aantal = await Store.AnonimiseerAsync(nu.AddDays(-365), nu);

        Assert.Equal(1, aantal);
        Assert.False(await BevatAsync("Truus"), "the name is still somewhere in the store");
        var na = (await Store.BekijkAsync(oud.Id, Anna, nu))!;
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
        var geschiedenis = await Store.GeschiedenisAsync(oud.Id);
        Assert.All(geschiedenis, g => Assert.Null(g.Tekst));
        Assert.Contains(new Gebeurtenis(nu, null, "Geanonimiseerd", null), geschiedenis);
        Assert.Equal(1, await TelAsync($"SELECT count(*) FROM audit WHERE actie = 'Geanonimiseerd' AND wie_naam = 'systeem'"));
        Assert.Null(await Store.OntvangstAsync("k-oud"));
        Assert.Equal(2, await TelAsync("SELECT count(*) FROM concepten"));
        Assert.Equal(MeldingStatus.Geanonimiseerd, (await Store.StatusAsync(oud.StatusToken))!.Status);
        Assert.Equal(voorRecent, Json((await Store.BekijkAsync(recent.Id, Anna, nu))!));
        Assert.Equal(voorOpen, Json((await Store.BekijkAsync(open.Id, Anna, nu))!));
        Assert.Contains(await Store.GeschiedenisAsync(recent.Id), g => g.Tekst == "Notitie die blijft.");
        Assert.Equal(0, await Store.AnonimiseerAsync(nu.AddDays(-365), nu));
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

        Assert.Equal(130, await Store.AnonimiseerAsync(Dinsdag.AddDays(-365), Dinsdag));
        Assert.Equal(130, await TelAsync("SELECT count(*) FROM meldingen WHERE status = 'Geanonimiseerd'"));
        Assert.False(await BevatAsync("Jan Pietersen"));
    }

    [Fact]
    public async Task RuimConceptenOpAsync_OlderThan_DeletedSentOrNot()
    {
        await Store.BewaarConceptAsync(new MeldingConcept("oud", Antwoorden(), 2, Dinsdag.AddDays(-2)));
        await Store.BewaarConceptAsync(new MeldingConcept("nieuw", Antwoorden(), 2, Dinsdag));
        var verstuurd = await Store.OntvangAsync("verstuurd", Nieuw(Antwoorden(), Dinsdag.AddDays(-2)));

        var aantal = await Store.RuimConceptenOpAsync(Dinsdag.AddDays(-1));

        Assert.Equal(2, aantal);
        Assert.Null(await Store.ConceptAsync("oud"));
        Assert.NotNull(await Store.ConceptAsync("nieuw"));
        Assert.Null(await Store.OntvangstAsync("verstuurd"));
        Assert.NotNull(await Store.StatusAsync(verstuurd.StatusToken));
    }

    [Fact]
    public async Task TelDitHelptAsync_PerDayAndLevensdomein()
    {
        await Store.TelDitHelptAsync(["wonen", "rondkomen"], D("2026-03-10"));
        await Store.TelDitHelptAsync(["wonen", "wonen"], D("2026-03-10"));
        await Store.TelDitHelptAsync([], D("2026-03-10"));
        await Store.TelDitHelptAsync(["wonen"], D("2026-03-11"));

        var tellingen = (await Store.DitHelptAsync(D("2026-03-10"), D("2026-03-11"))).Select(t => $"{t.Dag:yyyy-MM-dd} {t.Levensdomein} {t.Aantal}");
        Assert.Equal(["2026-03-10 onbekend 1", "2026-03-10 rondkomen 1", "2026-03-10 wonen 2", "2026-03-11 wonen 1"], tellingen);
    }

    [Fact]
    public async Task Opruimdienst_Round_AnonymisesAndCleansUp()
    {
        var oud = await Ontvang(op: Dinsdag.AddDays(-400), concept: "k-oud");
        await Sluit(oud.Id, Dinsdag.AddDays(-366));
        await Store.BewaarConceptAsync(new MeldingConcept("verlaten", Antwoorden(), 1, Dinsdag.AddHours(-25)));
        var dienst = new Opruimdienst(Store, Options.Create(new MakelpuntOpslagOptions()), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Dinsdag.ToUniversalTime()), NullLogger<Opruimdienst>.Instance);

        await dienst.RuimOpAsync(CancellationToken.None);

        Assert.Equal(MeldingStatus.Geanonimiseerd, (await Store.StatusAsync(oud.StatusToken))!.Status);
        Assert.Equal(0, await TelAsync("SELECT count(*) FROM concepten"));
    }

    [Fact]
    public async Task Opruimdienst_StoreFails_LogsAndCarriesOn()
    {
        var kapot = await KapotAsync();
        var dienst = new Opruimdienst(kapot, Options.Create(new MakelpuntOpslagOptions()), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Dinsdag.ToUniversalTime()), NullLogger<Opruimdienst>.Instance);

        await dienst.RuimOpAsync(CancellationToken.None);
    }

    // ---- The outbox: claimed by one sender at a time -------------------------------------------------------------

    private async Task<IMakelpuntStore> MetBerichtenAsync(int meldingen)
    {
        var store = await OpenAsync(berichten: true);
        for (var i = 0; i < meldingen; i++)
        {
            await store.OntvangAsync($"b{i}", Nieuw(Antwoorden(), Dinsdag.AddMinutes(i)));
        }

        return store;
    }

    [Fact]
    public async Task TeVersturenAsync_Claimed_NotGivenAgainUntilTheClaimRunsOut()
    {
        var store = await MetBerichtenAsync(3);
        var nu = Dinsdag.AddHours(1);

        var eerste = await store.TeVersturenAsync(nu, nu.AddMinutes(10), 2);
        var tweede = await store.TeVersturenAsync(nu, nu.AddMinutes(10), 10);
        var daarna = await store.TeVersturenAsync(nu.AddMinutes(5), nu.AddMinutes(15), 10);
        var verlopen = await store.TeVersturenAsync(nu.AddMinutes(10), nu.AddMinutes(20), 10);

        Assert.Equal(2, eerste.Count);
        Assert.Single(tweede);
        Assert.Empty(tweede.Select(b => b.Id).Intersect(eerste.Select(b => b.Id)));
        Assert.Empty(daarna);
        Assert.Equal(eerste.Concat(tweede).Select(b => b.Id).Order(), verlopen.Select(b => b.Id).Order());
        Assert.Equal(verlopen.Select(b => b.Id).Order(), verlopen.Select(b => b.Id));
    }

    [Fact]
    public async Task TeVersturenAsync_AfterBezorgdOrNietBezorgd_ClaimEnds()
    {
        var store = await MetBerichtenAsync(2);
        var nu = Dinsdag.AddHours(1);
        var geclaimd = await store.TeVersturenAsync(nu, nu.AddHours(1), 10);

        await store.BezorgdAsync(geclaimd[0].Id, nu);
        await store.NietBezorgdAsync(geclaimd[1].Id, "kapot", nu.AddMinutes(1));

        Assert.Empty(await store.TeVersturenAsync(nu, nu.AddHours(1), 10));
        var opnieuw = Assert.Single(await store.TeVersturenAsync(nu.AddMinutes(1), nu.AddHours(1), 10));
        Assert.Equal((geclaimd[1].Id, 1), (opnieuw.Id, opnieuw.Pogingen));
    }

    /// <summary>Senders that claim at the same moment (the Postbode of several portal instances) each get other
    /// messages: no message is handed out twice.</summary>
    [Fact]
    public async Task TeVersturenAsync_ManySendersAtOnce_EveryMessageToOneSenderOnly()
    {
        var store = await MetBerichtenAsync(60);
        var anderen = new List<IMakelpuntStore> { store };
        for (var i = 0; i < 3; i++)
        {
            anderen.Add(await OpenAsync(berichten: true)); // another instance on the same storage, where the adapter has several
        }

        var nu = Dinsdag.AddHours(1);
        var rondes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => anderen[i % anderen.Count].TeVersturenAsync(nu, nu.AddMinutes(10), 5))));

        var ids = rondes.SelectMany(r => r.Select(b => b.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(60, ids.Count);
    }

    private static Terugmelding Terug(string aanbod, string aanbieder, string tekst, DateTimeOffset op) =>
        new(0, aanbod, "Naam van " + aanbod, aanbieder, TerugmeldingSoort.Telefoon, tekst, op);

    [Fact]
    public async Task TerugmeldingenAsync_OpenReports_OldestFirstAllOrPerAanbieder()
    {
        var a1 = await Store.MeldTerugAsync(Terug("huurspreekuur", "het-veenhuis", "Het nummer is afgesloten.", Dinsdag));
        var b1 = await Store.MeldTerugAsync(Terug("voedselbank", "het-gedeelde-brood", "Andere tijden.", Dinsdag.AddMinutes(1)));
        var a2 = await Store.MeldTerugAsync(Terug("geldpunt", "het-veenhuis", "Verhuisd.", Dinsdag.AddMinutes(2)));

        var alle = await Store.TerugmeldingenAsync(null);
        var veenhuis = await Store.TerugmeldingenAsync("het-veenhuis");

        Assert.Equal([a1, b1, a2], alle.Select(t => t.Id));
        Assert.Equal([a1, a2], veenhuis.Select(t => t.Id));
        Assert.Equal(Terug("huurspreekuur", "het-veenhuis", "Het nummer is afgesloten.", Dinsdag) with { Id = a1 }, alle[0]);
        Assert.Empty(await Store.TerugmeldingenAsync("niemand"));
    }

    [Fact]
    public async Task SluitTerugmeldingAsync_Open_ClosedWithWhatWasDoneAndOnlyOnce()
    {
        var id = await Store.MeldTerugAsync(Terug("huurspreekuur", "het-veenhuis", "Het nummer klopt niet.", Dinsdag));
        var ander = await Store.MeldTerugAsync(Terug("geldpunt", "het-veenhuis", "Verhuisd.", Dinsdag));

        Assert.True(await Store.SluitTerugmeldingAsync(id, "  Nummer aangepast. ", Anna, Dinsdag.AddDays(1)));
        Assert.False(await Store.SluitTerugmeldingAsync(id, "Nog eens.", Bram, Dinsdag.AddDays(2)));
        Assert.False(await Store.SluitTerugmeldingAsync(999_999, "Bestaat niet.", Anna, Dinsdag.AddDays(2)));

        Assert.Equal([ander], (await Store.TerugmeldingenAsync(null)).Select(t => t.Id));
        Assert.Equal("Nummer aangepast.", await ScalarAsync($"SELECT data FROM terugmeldingen WHERE id = {id}") is { } data
            ? JsonDocument.Parse(data.ToString()!).RootElement.GetProperty("Afhandeling").GetString() : null);
    }

    /// <summary>Two redacteuren (perhaps on two instances) close the same report at the same moment: one of them does.</summary>
    [Fact]
    public async Task SluitTerugmeldingAsync_ManyAtOnce_ClosedOnce()
    {
        var id = await Store.MeldTerugAsync(Terug("huurspreekuur", "het-veenhuis", "Het nummer klopt niet.", Dinsdag));
        var stores = new List<IMakelpuntStore> { Store, await OpenAsync(), await OpenAsync() };

        var gesloten = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => stores[i % stores.Count].SluitTerugmeldingAsync(id, $"Afgehandeld {i}.", Anna, Dinsdag.AddDays(1)))));

        Assert.Single(gesloten, g => g);
        Assert.Empty(await Store.TerugmeldingenAsync(null));
    }

    [Fact]
    public async Task AnonimiseerAsync_ReportClosedBeforeTheRetention_Deleted()
    {
        var nu = Dinsdag;
        var oud = await Store.MeldTerugAsync(Terug("huurspreekuur", "het-veenhuis", "Vraag naar Truus Geheim.", nu.AddDays(-400)));
        var recent = await Store.MeldTerugAsync(Terug("geldpunt", "het-veenhuis", "Gesloten maar recent.", nu.AddDays(-30)));
        var open = await Store.MeldTerugAsync(Terug("voedselbank", "het-gedeelde-brood", "Nog open, al lang.", nu.AddDays(-400)));
        await Store.SluitTerugmeldingAsync(oud, "Truus Geheim gebeld.", Anna, nu.AddDays(-390));
        await Store.SluitTerugmeldingAsync(recent, "Aangepast.", Anna, nu.AddDays(-20));
        Assert.True(await BevatAsync("Truus"));

        await Store.AnonimiseerAsync(nu.AddDays(-365), nu);

        Assert.False(await BevatAsync("Truus"), "the closed report is still somewhere in the store");
        Assert.Equal(2, await TelAsync("SELECT count(*) FROM terugmeldingen"));
        Assert.Equal([open], (await Store.TerugmeldingenAsync(null)).Select(t => t.Id));
    }

    [Fact]
    public async Task StuurHerinneringAsync_WithinTheInterval_NotAgain()
    {
        var bericht = new UitgaandBericht("aanbieder@example.org", "Klopt uw aanbod nog?", "Kijkt u het even na?");
        var week = TimeSpan.FromDays(7);

        Assert.True(await Store.StuurHerinneringAsync("account:1", bericht, Dinsdag, week));
        Assert.False(await Store.StuurHerinneringAsync("account:1", bericht, Dinsdag.AddDays(6), week));
        Assert.True(await Store.StuurHerinneringAsync("account:2", bericht, Dinsdag.AddDays(6), week));
        Assert.True(await Store.StuurHerinneringAsync("account:1", bericht, Dinsdag.AddDays(7), week));
        Assert.False(await Store.StuurHerinneringAsync("account:1", bericht, Dinsdag.AddDays(8), week));

        var uit = await Store.TeVersturenAsync(Dinsdag.AddDays(8), Dinsdag.AddDays(9), 10);
        Assert.Equal(3, uit.Count);
        Assert.All(uit, b => Assert.Equal(("aanbieder@example.org", "Klopt uw aanbod nog?", "Kijkt u het even na?"), (b.Aan, b.Onderwerp, b.Tekst)));
    }

    /// <summary>The daily upkeep of two instances sends one reminder at the same moment: it goes out once.</summary>
    [Fact]
    public async Task StuurHerinneringAsync_ManyAtOnce_OneMessage()
    {
        var bericht = new UitgaandBericht("aanbieder@example.org", "Klopt uw aanbod nog?", "Kijkt u het even na?");
        var stores = new List<IMakelpuntStore> { Store, await OpenAsync(), await OpenAsync() };

        var gestuurd = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => stores[i % stores.Count].StuurHerinneringAsync("account:1", bericht, Dinsdag, TimeSpan.FromDays(7)))));

        Assert.Single(gestuurd, g => g);
        Assert.Equal(1, (await Store.PostvakAsync()).Wachtend);
    }
}
