using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;
using static SocialeKaart.Indexer.Tests.Support.TestContent;

namespace SocialeKaart.Indexer.Tests.Search;

/// <summary>
/// The behaviour of the search port, written once and run against every adapter
/// (the embedded engine now; Elasticsearch later) by subclassing and providing <see cref="CreateAsync"/>.
/// Each test builds its own index from its own documents.
/// </summary>
public abstract class SearchIndexBehaviour
{
    /// <summary>Tuesday 24 November 2026, 15:00 in Veenendaal.</summary>
    protected static FixedTimeProvider Dinsdagmiddag() => FixedTimeProvider.AtLocal(2026, 11, 24, 15, 0);

    /// <summary>A fresh, empty index (writer and reader) of the adapter under test.</summary>
    protected abstract Task<(ISearchIndexWriter Writer, ISearchIndex Reader)> CreateAsync(TimeProvider clock);

    protected async Task<ISearchIndex> IndexAsync(IEnumerable<Aanbod> aanbod, TimeProvider? clock = null, string? synoniemen = null)
    {
        var (writer, reader) = await CreateAsync(clock ?? Dinsdagmiddag());
        await writer.RebuildAsync(Batch(aanbod, synoniemen));
        return reader;
    }

    protected Task<ISearchIndex> CorpusAsync(TimeProvider? clock = null) => IndexAsync(Corpus(), clock);

    protected static async Task<List<string>> IdsAsync(ISearchIndex index, string tekst, Func<SearchQuery, SearchQuery>? change = null)
    {
        var query = new SearchQuery { Tekst = tekst, PerPagina = 100 };
        var results = await index.SearchAsync(change is null ? query : change(query));
        return results.Hits.Select(h => h.Id).ToList();
    }

    protected static IReadOnlyList<Aanbod> Corpus() =>
    [
        Aanbod("schuldhulpverlening", "Schuldhulpverlening", "Hulp als u niet meer rond kunt komen.",
            "De gemeente helpt met een betalingsregeling. Schuldhulpverlening begint met een melding.",
            toegang: Toegang.AchterHetLoket, levensdomeinen: ["rondkomen"], locaties: [Locatie("3901 AB", "centrum")],
            intern: new InternAanbod("Alleen na intake.", "Codewoord zebrapad voor het team.")),
        Aanbod("budgetcursus", "Budgetcursus: grip op uw geld", "Leer in vier lessen hoe u schulden voorkomt.",
            "Een cursus in een kleine groep.", levensdomeinen: ["rondkomen"], vorm: "groep", locaties: [Locatie("3907", "oost")]),
        Aanbod("geldpunt", "Geldpunt", "Hulp bij geldzorgen en post die u niet begrijpt.", "Bel ons gerust.",
            levensdomeinen: ["rondkomen", "huishouden"], vorm: "individueel", bereik: ["telefonisch"]),
        Aanbod("taalcafe", "Taalcafé De Brug", "Oefen Nederlands praten.", "Elke dinsdag koffie en gesprekken.",
            levensdomeinen: ["leren", "ontmoeten"], talen: ["nl", "en", "ar"], vorm: "groep",
            locaties: [Locatie("3905 KL", "petenbos", 52.0334, 5.5489)], tijden: [Wekelijks("TU", "14:00", "16:00")]),
        Aanbod("mantelzorgondersteuning", "Mantelzorgondersteuning", "Steun voor wie zorgt voor een naaste.",
            "Wij steunen mantelzorgers met advies en een luisterend oor.", levensdomeinen: ["zorgen"],
            doelgroepen: ["mantelzorgers"], locaties: [Locatie("3903", "zuid")]),
        Aanbod("maatjes", "Maatjesproject tegen eenzaamheid", "Een vrijwilliger komt bij u op bezoek als u zich eenzaam voelt.",
            "Samen een kop koffie drinken of een wandeling maken.", levensdomeinen: ["ontmoeten"], doelgroepen: ["ouderen"],
            bereik: ["aan-huis"]),
        Aanbod("opvoedspreekuur", "Opvoedspreekuur", "Vragen over opvoeden? Praat met een pedagoog.",
            "Het spreekuur is voor alle ouders.", levensdomeinen: ["opgroeien"], doelgroepen: ["ouders"], vorm: "individueel",
            locaties: [Locatie("3902", "noord")]),
        Aanbod("werkcafe", "Werkcafé: samen werk zoeken", "Zoek samen met anderen naar een baan.", "Elke week nieuwe vacatures.",
            levensdomeinen: ["werken"], vorm: "groep", prijs: 2.50m, locaties: [Locatie("3904", "west")]),
        Aanbod("wandelgroep", "Wandelgroep Het Ommetje", "Wandelen met buurtgenoten.", "Wij maken korte wandelingen door het park.",
            levensdomeinen: ["meedoen", "ontmoeten"], vorm: "beide", locaties: [Locatie("3906", "dragonder")],
            tijden: [Wekelijks("MO", "10:00", "11:00")]),
        Aanbod("speelotheek", "Speel-o-theek Kikker", "Speelgoed lenen voor uw kind.", "Kom langs en kies samen.",
            levensdomeinen: ["opgroeien"], locaties: [Locatie("3901", "centrum")]),
        Aanbod("tuinproject", "Tuinproject De Moestuin", "Samen groente kweken.", "Iedereen is welkom.",
            levensdomeinen: ["meedoen"], locaties: [Locatie("3907", "oost")]),
        Aanbod("kookclub", "Kookclub Lekker Samen", "Samen koken en eten.", "Soms koken we met groente uit de tuin van de buren.",
            levensdomeinen: ["ontmoeten"], locaties: [Locatie("3901", "centrum")]),
        Aanbod("energieloket", "Energieloket", "Advies over uw energierekening.", "Een adviseur kijkt met u mee.",
            levensdomeinen: ["wonen"], trefwoorden: ["energiecoach", "stroom"], locaties: [Locatie("3902", "noord")]),
        Aanbod("klussendienst", "Klussendienst", "Hulp bij kleine klussen.", "Onze energiecoach en klussers helpen u.",
            levensdomeinen: ["wonen"], locaties: [Locatie("3903", "zuid")]),
        Aanbod("huishoudelijke-hulp", "Huishoudelijke hulp", "Hulp bij het schoonhouden van uw huis.", "U vraagt dit aan bij de gemeente.",
            toegang: Toegang.AchterHetLoket, levensdomeinen: ["huishouden"], bereik: ["aan-huis"]),
        Aanbod("kerstmarkt", "Kerstmarkt in het buurthuis", "Een gezellige markt.", "Met muziek.",
            levensdomeinen: ["ontmoeten"], locaties: [Locatie("3901", "centrum")],
            tijden: [OpDatum(new DateOnly(2026, 11, 27), "10:00", "16:00")]),
        Aanbod("inloop-amsterdam", "Inloop in Amsterdam", "Een inloop ver weg.", "Voor de afstandstest.",
            levensdomeinen: ["ontmoeten"], locaties: [Locatie("1012")]),
    ];

    // ---- Dutch analysis: stemming, accents, compounds -------------------------------------------------

    [Fact]
    public async Task Search_FindsInflectedForm_ByStem()
    {
        var index = await CorpusAsync();
        Assert.Contains("budgetcursus", await IdsAsync(index, "schuld"));
        Assert.Contains("wandelgroep", await IdsAsync(index, "wandelingen"));
        Assert.Contains("opvoedspreekuur", await IdsAsync(index, "opvoeden"));
    }

    [Theory]
    [InlineData("taalcafe")]
    [InlineData("Taalcafé")]
    [InlineData("TAALCAFÉ")]
    public async Task Search_IgnoresCaseAndAccents_ForTaalcafe(string tekst)
    {
        var index = await CorpusAsync();
        Assert.Equal("taalcafe", (await IdsAsync(index, tekst)).First());
    }

    [Fact]
    public async Task Search_FindsCompound_ByItsFirstPart()
    {
        var index = await CorpusAsync();
        Assert.Contains("schuldhulpverlening", await IdsAsync(index, "schulden"));
    }

    [Fact]
    public async Task Search_FindsCompound_ByItsLastParts()
    {
        var index = await CorpusAsync();
        Assert.Contains("schuldhulpverlening", await IdsAsync(index, "hulpverlening"));
    }

    [Fact]
    public async Task Search_FindsMantelzorgondersteuning_ByMantelzorg()
    {
        var index = await CorpusAsync();
        Assert.Equal("mantelzorgondersteuning", (await IdsAsync(index, "mantelzorg")).First());
    }

    [Fact]
    public async Task Search_FindsHyphenatedWord_WrittenTogether()
    {
        var index = await CorpusAsync();
        Assert.Contains("speelotheek", await IdsAsync(index, "speelotheek"));
        Assert.Contains("speelotheek", await IdsAsync(index, "speel-o-theek"));
    }

    [Fact]
    public async Task Search_DropsStopWords_FromQuestions()
    {
        var index = await CorpusAsync();
        Assert.Equal(await IdsAsync(index, "schulden"), await IdsAsync(index, "ik heb schulden"));
    }

    // ---- Synonyms ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Search_FindsSynonym_Geldzorgen_ForSchulden()
    {
        var index = await CorpusAsync();
        Assert.Contains("geldpunt", await IdsAsync(index, "schulden"));
    }

    [Fact]
    public async Task Search_FindsSynonym_InBothDirections()
    {
        var index = await CorpusAsync();
        var ids = await IdsAsync(index, "geldproblemen");
        Assert.Contains("geldpunt", ids);
        Assert.Contains("budgetcursus", ids);
    }

    [Fact]
    public async Task Search_AppliesOneWayRule_AlleenFindsEenzaamheid()
    {
        var index = await CorpusAsync();
        Assert.Contains("maatjes", await IdsAsync(index, "alleen"));
    }

    [Fact]
    public async Task Search_AppliesMultiWordSynonym()
    {
        var index = await CorpusAsync();
        Assert.Contains("maatjes", await IdsAsync(index, "ik heb niemand om mee te praten"));
    }

    [Fact]
    public async Task Search_WithoutSynonymsFile_StillWorks()
    {
        var index = await IndexAsync(Corpus(), synoniemen: "");
        Assert.DoesNotContain("geldpunt", await IdsAsync(index, "schulden"));
        Assert.Contains("budgetcursus", await IdsAsync(index, "schulden"));
    }

    // ---- Typos -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("schuldhulpverleening", "schuldhulpverlening")]
    [InlineData("eenzaamheit", "maatjes")]
    [InlineData("mantelzrog", "mantelzorgondersteuning")]
    [InlineData("taalcaffe", "taalcafe")]
    public async Task Search_ToleratesTypo(string tekst, string expected)
    {
        var index = await CorpusAsync();
        Assert.Equal(expected, (await IdsAsync(index, tekst)).First());
    }

    [Fact]
    public async Task Search_OffersBedoeldeU_ForTypo()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Tekst = "bezoek bij eenzaamheit" });
        Assert.Equal("bezoek bij eenzaamheid", results.BedoeldeU);
    }

    [Fact]
    public async Task Search_UnknownWord_GivesZeroResultsAndSaysSo()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Tekst = "xyzzyqwv" });
        Assert.Equal(0, results.Totaal);
        Assert.Equal(["xyzzyqwv"], results.NietGevonden);
    }

    [Fact]
    public async Task Search_MultiWordSynonym_MatchesOnlyAsAPhrase()
    {
        // Issue 11: the rule's "weinig contact" must not find an aanbod that has "weinig" here and "contact" there.
        var index = await IndexAsync(
        [
            Aanbod("maatje", "Maatje", "Heeft u weinig contact met anderen? Een maatje komt langs."),
            Aanbod("bijstand", "Bijstand", "Heeft u weinig geld? Neem contact op met de gemeente."),
        ], synoniemen: "eenzaam, weinig contact");
        Assert.Equal(["maatje"], await IdsAsync(index, "eenzaam"));

        // Typed by the inwoner, the words themselves count anywhere; the phrase puts the aanbod that has it first.
        Assert.Equal("maatje", (await IdsAsync(index, "weinig contact"))[0]);
    }

    [Fact]
    public async Task Search_MultiWordSynonym_PhraseDoesNotCrossASentence()
    {
        var index = await IndexAsync(
        [
            Aanbod("maatje", "Maatje", "Heeft u weinig contact met anderen?"),
            Aanbod("zwemles", "Zwemles", "Er zijn er maar weinig. Contact: de balie."),
        ], synoniemen: "eenzaam, weinig contact");
        Assert.Equal(["maatje"], await IdsAsync(index, "eenzaam"));
    }

    [Fact]
    public async Task Search_NoAanbodWithAllWordsOfASentence_BroadensToSomeWords()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Tekst = "taalcafé wandelgroep tuin" });
        Assert.True(results.Verbreed);
        Assert.Equal(["kookclub", "taalcafe", "tuinproject", "wandelgroep"], results.Hits.Select(h => h.Id).Order().ToList());
    }

    // Issue 11, honest when there is nothing: two words no aanbod has together ("huis kopen") are not broadened to
    // aanbod with one of them; the results page offers each word as its own search.
    [Fact]
    public async Task Search_TwoWordsNoAanbodHasTogether_FindsNothing()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Tekst = "taalcafé wandelgroep" });
        Assert.False(results.Verbreed);
        Assert.Equal(0, results.Totaal);
        Assert.Empty(results.NietGevonden);
    }

    // A compound written apart finds the aanbod that writes it as one word.
    [Fact]
    public async Task Search_CompoundWrittenApart_FindsTheJoinedWord()
    {
        var index = await IndexAsync([Aanbod("zwemles", "Zwemles voor volwassenen", "Leer zwemmen in het Veenvissenbad.")]);
        Assert.Equal(["zwemles"], await IdsAsync(index, "zwem les"));
    }

    // ---- Ranking and highlighting ---------------------------------------------------------------------------

    [Fact]
    public async Task Search_RanksTitleAboveBody()
    {
        var index = await CorpusAsync();
        var ids = await IdsAsync(index, "tuin");
        Assert.Equal(["tuinproject", "kookclub"], ids);
    }

    [Fact]
    public async Task Search_RanksTrefwoordAboveBody()
    {
        var index = await CorpusAsync();
        Assert.Equal(["energieloket", "klussendienst"], await IdsAsync(index, "energiecoach"));
    }

    [Fact]
    public async Task Search_MarksMatchedWords_InSamenvatting()
    {
        var index = await CorpusAsync();
        var hit = (await index.SearchAsync(new SearchQuery { Tekst = "schuld" })).Hits.Single(h => h.Id == "budgetcursus");
        Assert.Contains(new Fragment("schulden", true), hit.Markering);
        Assert.Equal(hit.Samenvatting, string.Concat(hit.Markering.Select(f => f.Tekst)));
    }

    [Fact]
    public async Task Search_MarksMatchedWords_InBodyWhenNotInSamenvatting()
    {
        var index = await CorpusAsync();
        var hit = (await index.SearchAsync(new SearchQuery { Tekst = "betalingsregeling" })).Hits.Single();
        Assert.Contains(hit.Markering, f => f.Treffer && f.Tekst == "betalingsregeling");
    }

    // ---- Filters and facets -------------------------------------------------------------------------------

    [Fact]
    public async Task Filter_Toegang_KeepsOnlyThatRoute()
    {
        var index = await CorpusAsync();
        var ids = await IdsAsync(index, "", q => q.WithFilter(Facetten.Toegang, Facetten.AchterHetLoket));
        Assert.Equal(["huishoudelijke-hulp", "schuldhulpverlening"], ids.Order().ToList());
    }

    [Fact]
    public async Task Filter_ValuesOfOneFacet_AreCombinedWithOr()
    {
        var index = await CorpusAsync();
        var ids = await IdsAsync(index, "", q => q.WithFilter(Facetten.Levensdomein, "werken", "zorgen"));
        Assert.Equal(["mantelzorgondersteuning", "werkcafe"], ids.Order().ToList());
    }

    [Fact]
    public async Task Filter_DifferentFacets_AreCombinedWithAnd()
    {
        var index = await CorpusAsync();
        var ids = await IdsAsync(index, "", q => q.WithFilter(Facetten.Levensdomein, "rondkomen").WithFilter(Facetten.Vorm, "groep"));
        Assert.Equal(["budgetcursus"], ids);
    }

    [Fact]
    public async Task Filter_Leefgebied_IsDerivedFromLevensdomein()
    {
        var index = await CorpusAsync();
        var ids = await IdsAsync(index, "", q => q.WithFilter(Facetten.Leefgebied, "arbeidsparticipatie-en-inkomen"));
        Assert.Equal(["budgetcursus", "geldpunt", "schuldhulpverlening", "werkcafe"], ids.Order().ToList());
    }

    [Fact]
    public async Task Filter_Kosten_Gratis_LeavesOutPaidAanbod()
    {
        var index = await CorpusAsync();
        var ids = await IdsAsync(index, "werk", q => q.WithFilter(Facetten.Kosten, Facetten.Gratis));
        Assert.DoesNotContain("werkcafe", ids);
        Assert.Contains("werkcafe", await IdsAsync(index, "werk", q => q.WithFilter(Facetten.Kosten, Facetten.Betaald)));
    }

    [Fact]
    public async Task Filter_Wijk_UsesLocationWijk()
    {
        var index = await CorpusAsync();
        var ids = await IdsAsync(index, "", q => q.WithFilter(Facetten.Wijk, "centrum"));
        Assert.Equal(["kerstmarkt", "kookclub", "schuldhulpverlening", "speelotheek"], ids.Order().ToList());
    }

    [Fact]
    public async Task Filter_VormBeide_CountsAsIndividueelAndGroep()
    {
        var index = await CorpusAsync();
        Assert.Contains("wandelgroep", await IdsAsync(index, "", q => q.WithFilter(Facetten.Vorm, "individueel")));
        Assert.Contains("wandelgroep", await IdsAsync(index, "", q => q.WithFilter(Facetten.Vorm, "groep")));
    }

    [Fact]
    public async Task Filter_Taal_FindsAanbodInThatLanguage()
    {
        var index = await CorpusAsync();
        Assert.Equal(["taalcafe"], await IdsAsync(index, "", q => q.WithFilter(Facetten.Taal, "ar")));
    }

    [Fact]
    public async Task Filter_Bereik_Online_AndAanHuis()
    {
        var index = await CorpusAsync();
        Assert.Equal(["huishoudelijke-hulp", "maatjes"], (await IdsAsync(index, "", q => q.WithFilter(Facetten.Bereik, "aan-huis"))).Order().ToList());
    }

    [Fact]
    public async Task Filter_OpenNu_FollowsTheClock()
    {
        var tuesdayAfternoon = await CorpusAsync(FixedTimeProvider.AtLocal(2026, 11, 24, 15, 0));
        Assert.Equal(["taalcafe"], await IdsAsync(tuesdayAfternoon, "", q => q.WithFilter(Facetten.Wanneer, Facetten.OpenNu)));

        var tuesdayEvening = await CorpusAsync(FixedTimeProvider.AtLocal(2026, 11, 24, 16, 0));
        Assert.Empty(await IdsAsync(tuesdayEvening, "", q => q.WithFilter(Facetten.Wanneer, Facetten.OpenNu)));
    }

    [Fact]
    public async Task Filter_DezeWeek_IncludesSingleDateAndWeeklyActivities()
    {
        var index = await CorpusAsync(FixedTimeProvider.AtLocal(2026, 11, 24, 9, 0));
        var ids = await IdsAsync(index, "", q => q.WithFilter(Facetten.Wanneer, Facetten.DezeWeek));
        Assert.Equal(["kerstmarkt", "taalcafe", "wandelgroep"], ids.Order().ToList());

        var later = await CorpusAsync(FixedTimeProvider.AtLocal(2026, 11, 28, 9, 0));
        Assert.DoesNotContain("kerstmarkt", await IdsAsync(later, "", q => q.WithFilter(Facetten.Wanneer, Facetten.DezeWeek)));
    }

    [Fact]
    public async Task Filter_UnknownValue_GivesZeroResultsWithoutError()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery().WithFilter(Facetten.Levensdomein, "bestaat-niet"));
        Assert.Equal(0, results.Totaal);
    }

    [Fact]
    public async Task Facets_CountEveryValue_OfTheResults()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery());
        var toegang = results.Facetten.Single(f => f.Naam == Facetten.Toegang).Waarden;
        Assert.Equal(Corpus().Count, results.Totaal);
        Assert.Equal(2, toegang.Single(w => w.Waarde == Facetten.AchterHetLoket).Aantal);
        Assert.Equal(Corpus().Count - 2, toegang.Single(w => w.Waarde == Facetten.AlgemeenToegankelijk).Aantal);
    }

    [Fact]
    public async Task Facets_IgnoreTheirOwnSelection_SoOtherValuesStayVisible()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery().WithFilter(Facetten.Toegang, Facetten.AchterHetLoket));
        var toegang = results.Facetten.Single(f => f.Naam == Facetten.Toegang).Waarden;
        Assert.Equal(Corpus().Count - 2, toegang.Single(w => w.Waarde == Facetten.AlgemeenToegankelijk).Aantal);
        Assert.True(toegang.Single(w => w.Waarde == Facetten.AchterHetLoket).Gekozen);
    }

    [Fact]
    public async Task Facets_RespectTheOtherFacetsSelection()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery().WithFilter(Facetten.Toegang, Facetten.AchterHetLoket));
        var domeinen = results.Facetten.Single(f => f.Naam == Facetten.Levensdomein).Waarden.Where(w => w.Aantal > 0);
        Assert.Equal(["huishouden", "rondkomen"], domeinen.Select(w => w.Waarde).Order().ToList());
    }

    [Fact]
    public async Task Facets_CountsFollowTheWords()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Tekst = "schulden" });
        var rondkomen = results.Facetten.Single(f => f.Naam == Facetten.Levensdomein).Waarden.Single(w => w.Waarde == "rondkomen");
        Assert.Equal(results.Totaal, rondkomen.Aantal);
        Assert.Equal("Rondkomen", rondkomen.Label);
    }

    // ---- Distance ------------------------------------------------------------------------------------------

    [Fact]
    public async Task Postcode_SortsByDistance_NearestFirst()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Postcode = "3905", Sortering = Sortering.Afstand, PerPagina = 100 });
        var distances = results.Hits.Select(h => h.AfstandKm).ToList();
        Assert.Equal("taalcafe", results.Hits[0].Id);
        Assert.Equal(distances.Where(d => d is not null).Order().ToList(), distances.Where(d => d is not null).ToList());
        Assert.Equal("inloop-amsterdam", results.Hits.Last(h => h.AfstandKm is not null).Id);
        Assert.All(results.Hits.SkipWhile(h => h.AfstandKm is not null), h => Assert.Null(h.AfstandKm));
    }

    [Fact]
    public async Task Postcode_FullPostcode_GivesSameDistancesAsPc4()
    {
        var index = await CorpusAsync();
        var pc4 = await index.SearchAsync(new SearchQuery { Postcode = "3901", Sortering = Sortering.Afstand });
        var full = await index.SearchAsync(new SearchQuery { Postcode = "3901 ab", Sortering = Sortering.Afstand });
        Assert.Equal(pc4.Hits.Select(h => (h.Id, h.AfstandKm)), full.Hits.Select(h => (h.Id, h.AfstandKm)));
    }

    [Fact]
    public async Task Postcode_DistanceInKilometres_IsRealistic()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Postcode = "3901", PerPagina = 100 });
        var amsterdam = results.Hits.Single(h => h.Id == "inloop-amsterdam").AfstandKm!.Value;
        Assert.InRange(amsterdam, 55, 65); // Veenendaal – Amsterdam centre is about 60 km as the crow flies
    }

    [Fact]
    public async Task Postcode_Radius_LeavesOutFarAway_KeepsAanbodWithoutPlace()
    {
        var index = await CorpusAsync();
        var ids = await IdsAsync(index, "", q => q with { Postcode = "3901", StraalKm = 10 });
        Assert.DoesNotContain("inloop-amsterdam", ids);
        Assert.Contains("geldpunt", ids);
        Assert.Contains("taalcafe", ids);
    }

    [Fact]
    public async Task Postcode_Unknown_IsReportedAndGivesNoDistances()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Postcode = "0000 XX", Sortering = Sortering.Afstand });
        Assert.False(results.PostcodeBekend);
        Assert.All(results.Hits, h => Assert.Null(h.AfstandKm));
    }

    [Fact]
    public async Task Sort_Naam_WithWords_IsAlphabeticalNotByScore()
    {
        // A few matches among many aanbod (an engine may order a small result differently from a large one).
        var filler = Enumerable.Range(0, 80).Select(i => Aanbod($"vul-{i:00}", $"Activiteit {i:00}", "Iets anders.", "Niets hierover."));
        var index = await IndexAsync(filler.Concat(
        [
            Aanbod("a", "Atelier", "Tekenen.", "Soms een kleurplaat."),
            Aanbod("m", "Middagclub", "Een kleurplaat kleuren.", "Kleurplaat na kleurplaat."),
            Aanbod("z", "Zondagse kleurplaat", "Kleurplaat.", "Kleurplaat voor iedereen.", trefwoorden: ["kleurplaat"]),
        ]));
        var byName = await IdsAsync(index, "kleurplaat", q => q with { Sortering = Sortering.Naam });
        Assert.Equal(["a", "m", "z"], byName);
        Assert.Equal(["z", "m", "a"], await IdsAsync(index, "kleurplaat"));
    }

    [Fact]
    public async Task Sort_DistanceWithoutPostcode_IsByRelevance()
    {
        var index = await CorpusAsync();
        Assert.Equal(await IdsAsync(index, "schulden"), await IdsAsync(index, "schulden", q => q with { Sortering = Sortering.Afstand }));
    }

    // ---- Paging ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Paging_PagesAreDisjoint_AndTotalIsStable()
    {
        var index = await CorpusAsync();
        var first = await index.SearchAsync(new SearchQuery { PerPagina = 5, Pagina = 1 });
        var second = await index.SearchAsync(new SearchQuery { PerPagina = 5, Pagina = 2 });
        Assert.Equal(first.Totaal, second.Totaal);
        Assert.Equal(5, second.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)));
        Assert.Equal(4, first.AantalPaginas);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public async Task Paging_PageBelowOne_IsTheFirstPage(int pagina)
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Pagina = pagina });
        Assert.Equal((await index.SearchAsync(new SearchQuery())).Hits.Select(h => h.Id), results.Hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Paging_PageBeyondTheEnd_IsEmpty()
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Pagina = 999 });
        Assert.Empty(results.Hits);
        Assert.Equal(Corpus().Count, results.Totaal);
    }

    // ---- Any input is safe ------------------------------------------------------------------------------------

    [Theory]
    [InlineData("\"schulden")]
    [InlineData("schul*")]
    [InlineData("*")]
    [InlineData("schulden AND OR NOT werk")]
    [InlineData("NEAR(schulden werk")]
    [InlineData("((schulden)")]
    [InlineData("schulden) OR (")]
    [InlineData("naam:schulden")]
    [InlineData("^schulden$ +werk -tuin")]
    [InlineData("'; DROP TABLE aanbod; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("schulden 😀🙈")]
    [InlineData("😀")]
    [InlineData("\u0000\u0001\t\r\n")]
    [InlineData("ik de het een")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a")]
    [InlineData("مساعدة")]
    [InlineData("-- - -")]
    public async Task Search_AnyInput_NeverThrows(string tekst)
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Tekst = tekst });
        Assert.NotNull(results);
        Assert.True(results.Totaal >= 0);
    }

    [Fact]
    public async Task Search_VeryLongInput_NeverThrows()
    {
        var index = await CorpusAsync();
        var tekst = string.Concat(Enumerable.Repeat("schulden werk ", 800))[..10_000];
        var results = await index.SearchAsync(new SearchQuery { Tekst = tekst });
        Assert.True(results.Totaal >= 0);
        var oneWord = new string('x', 10_000);
        Assert.Equal(0, (await index.SearchAsync(new SearchQuery { Tekst = oneWord })).Totaal);
    }

    [Fact]
    public async Task Search_QuerySyntax_IsTreatedAsWords()
    {
        var index = await CorpusAsync();
        Assert.Equal(await IdsAsync(index, "schulden"), await IdsAsync(index, "\"schulden\""));
        Assert.Equal(await IdsAsync(index, "schulden"), await IdsAsync(index, "(schulden)"));
    }

    [Fact]
    public async Task Search_OnlyStopWords_FindsNothingAndSaysSo()
    {
        // Issue 11: a text without a word to search with is no "show everything" (that is the empty text).
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Tekst = "ik heb" });
        Assert.Equal(0, results.Totaal);
        Assert.True(results.GeenZoekwoord);
        Assert.False((await index.SearchAsync(new SearchQuery { Tekst = "" })).GeenZoekwoord);
        Assert.Equal(Corpus().Count, (await index.SearchAsync(new SearchQuery { Tekst = "" })).Totaal);
    }

    [Theory]
    [InlineData("???")]
    [InlineData("😀🙏")]
    [InlineData("\"\" AND OR NOT *")]
    [InlineData("-() :: ** || &&")]
    [InlineData("de het een")]
    public async Task Search_NoSearchableWord_FindsNothingAndSaysSo(string tekst)
    {
        var index = await CorpusAsync();
        var results = await index.SearchAsync(new SearchQuery { Tekst = tekst });
        Assert.Equal(0, results.Totaal);
        Assert.True(results.GeenZoekwoord);
        Assert.Null(results.BedoeldeU);
    }

    // ---- Autocomplete ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Suggest_CompletesTitles_FromThreeCharacters()
    {
        var index = await CorpusAsync();
        Assert.Contains("Schuldhulpverlening", (await index.SuggestAsync("sch")).Select(s => s.Tekst));
        Assert.Contains("Mantelzorgondersteuning", (await index.SuggestAsync("MANTEL")).Select(s => s.Tekst));
        Assert.Empty(await index.SuggestAsync("sc"));
    }

    [Fact]
    public async Task Suggest_MatchesWordsInsideAPhrase_AfterPhraseStarts()
    {
        var index = await CorpusAsync();
        var suggesties = (await index.SuggestAsync("grip")).Select(s => s.Tekst).ToList();
        Assert.Contains("Budgetcursus: grip op uw geld", suggesties);
    }

    [Fact]
    public async Task Suggest_AcceptsAnyInput()
    {
        var index = await CorpusAsync();
        Assert.Empty(await index.SuggestAsync("\"*)("));
        Assert.Empty(await index.SuggestAsync(new string('a', 10_000)));
    }

    // ---- Documents and internal fields ------------------------------------------------------------------------------

    [Fact]
    public async Task Get_ReturnsPublicDocument_WithoutInternalFields()
    {
        var index = await CorpusAsync();
        var detail = await index.GetAsync("schuldhulpverlening");
        Assert.NotNull(detail);
        Assert.Null(detail.Intern);
        Assert.Null(detail.Document.Aanbod.Intern);
        // The body comes back as written (the page renders it) and as the plain text that was searched.
        Assert.Equal("De gemeente helpt met een betalingsregeling. Schuldhulpverlening begint met een melding.", detail.Document.Aanbod.BodyMarkdown);
        Assert.Equal(detail.Document.Aanbod.BodyMarkdown, detail.Document.BodyTekst);
    }

    [Fact]
    public async Task Get_ReturnsInternalFields_OnlyWhenAskedFor()
    {
        var index = await CorpusAsync();
        var detail = await index.GetAsync("schuldhulpverlening", metIntern: true);
        Assert.Equal("Alleen na intake.", detail!.Intern!.Toewijzingscriteria);
    }

    [Fact]
    public async Task Get_UnknownId_IsNull()
    {
        var index = await CorpusAsync();
        Assert.Null(await index.GetAsync("bestaat-niet"));
        Assert.Null(await index.GetAsync("'; --"));
    }

    [Fact]
    public async Task Search_NeverFindsInternalFields()
    {
        var index = await CorpusAsync();
        Assert.Equal(0, (await index.SearchAsync(new SearchQuery { Tekst = "zebrapad" })).Totaal);
        Assert.Equal(0, (await index.SearchAsync(new SearchQuery { Tekst = "intake" })).Totaal);
    }

    // ---- Rebuild and swap -------------------------------------------------------------------------------------------

    [Fact]
    public async Task Rebuild_IsSeenByReaders_AsAWhole()
    {
        var (writer, reader) = await CreateAsync(Dinsdagmiddag());
        await writer.RebuildAsync(Batch(Corpus()));
        Assert.Equal(Corpus().Count, (await reader.SearchAsync(new SearchQuery())).Totaal);

        await writer.RebuildAsync(Batch([Aanbod("nieuw", "Nieuw aanbod")]));

        // Readers pick up a new index within seconds (Elasticsearch: after a refresh / alias swap), and until then
        // they see the old one as a whole: never a mix, never an error.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        SearchResults results;
        do
        {
            results = await reader.SearchAsync(new SearchQuery());
            Assert.True(results.Totaal == Corpus().Count || results.Hits.Select(h => h.Id).SequenceEqual(["nieuw"]));
            await Task.Delay(100);
        }
        while (results.Totaal != 1 && DateTime.UtcNow < deadline);
        Assert.Equal(["nieuw"], results.Hits.Select(h => h.Id));
    }

    // ---- Updates (publishing: one aanbod approved or withdrawn) -------------------------------------------------------

    /// <summary>The index input of one aanbod, as the indexer makes it (rendered, with its internal fields apart).</summary>
    protected static IndexInput Input(Aanbod aanbod) => Batch([aanbod]).Documents.Single();

    protected static IndexUpdate Upsert(params Aanbod[] aanbod) => new(aanbod.Select(Input).ToList(), []);

    protected static IndexUpdate Delete(params string[] ids) => new([], ids);

    protected async Task<(ISearchIndexWriter Writer, ISearchIndex Reader)> CorpusWithWriterAsync(TimeProvider? clock = null)
    {
        var (writer, reader) = await CreateAsync(clock ?? Dinsdagmiddag());
        await writer.RebuildAsync(Batch(Corpus()));
        return (writer, reader);
    }

    private static Aanbod Repaircafe() =>
        Aanbod("repaircafe", "Repair Café De Schroevendraaier", "Samen kapotte spullen repareren.",
            "Neem uw kapotte broodrooster mee; vrijwilligers solderen en naaien met u.", levensdomeinen: ["meedoen", "wonen"],
            talen: ["nl", "pl"], vorm: "groep", locaties: [Locatie("3904", "west")], tijden: [Wekelijks("TU", "13:00", "17:00")],
            trefwoorden: ["repareren"]);

    [Fact]
    public async Task Update_AddsAanbod_SearchableWhenItReturns()
    {
        var (writer, reader) = await CorpusWithWriterAsync();
        Assert.Equal(0, (await reader.SearchAsync(new SearchQuery { Tekst = "broodrooster" })).Totaal);

        await writer.UpdateAsync(Upsert(Repaircafe()));

        Assert.Equal(["repaircafe"], await IdsAsync(reader, "broodrooster"));
        Assert.Equal(Corpus().Count + 1, (await reader.SearchAsync(new SearchQuery())).Totaal);
        Assert.Equal("Repair Café De Schroevendraaier", (await reader.GetAsync("repaircafe"))!.Document.Aanbod.Name);
        var taal = (await reader.SearchAsync(new SearchQuery())).Facetten.Single(f => f.Naam == Facetten.Taal).Waarden;
        Assert.Equal(1, taal.Single(w => w.Waarde == "pl").Aantal);
        Assert.Contains("Repair Café De Schroevendraaier", (await reader.SuggestAsync("repair")).Select(s => s.Tekst));
    }

    [Fact]
    public async Task Update_ReplacesAanbod_ById()
    {
        var (writer, reader) = await CorpusWithWriterAsync();
        await writer.UpdateAsync(Upsert(Aanbod("taalcafe", "Taalcafé De Brug", "Oefen Nederlands schrijven.", "Elke donderdag brieven schrijven.",
            levensdomeinen: ["leren"], talen: ["nl"], locaties: [Locatie("3905 KL", "petenbos", 52.0334, 5.5489)])));

        Assert.Equal(["taalcafe"], await IdsAsync(reader, "brieven"));
        Assert.DoesNotContain("taalcafe", await IdsAsync(reader, "gesprekken"));
        Assert.Empty(await IdsAsync(reader, "", q => q.WithFilter(Facetten.Taal, "ar")));
        Assert.Equal(Corpus().Count, (await reader.SearchAsync(new SearchQuery())).Totaal);
        Assert.Equal("Oefen Nederlands schrijven.", (await reader.GetAsync("taalcafe"))!.Document.Aanbod.Samenvatting);
    }

    [Fact]
    public async Task Update_DeletesAanbod_GoneFromSearchFacetsAndSuggestions()
    {
        var (writer, reader) = await CorpusWithWriterAsync();
        await writer.UpdateAsync(Delete("geldpunt", "speelotheek"));

        Assert.DoesNotContain("geldpunt", await IdsAsync(reader, "schulden"));
        Assert.Empty(await IdsAsync(reader, "speelgoed"));
        Assert.Null(await reader.GetAsync("geldpunt"));
        var results = await reader.SearchAsync(new SearchQuery());
        Assert.Equal(Corpus().Count - 2, results.Totaal);
        Assert.DoesNotContain(results.Facetten.Single(f => f.Naam == Facetten.Bereik).Waarden, w => w.Waarde == "telefonisch");
        Assert.DoesNotContain("Speel-o-theek Kikker", (await reader.SuggestAsync("speel")).Select(s => s.Tekst));
    }

    [Fact]
    public async Task Update_UnknownId_IsNoError()
    {
        var (writer, reader) = await CorpusWithWriterAsync();
        await writer.UpdateAsync(Delete("bestaat-niet"));
        Assert.Equal(Corpus().Count, (await reader.SearchAsync(new SearchQuery())).Totaal);
    }

    [Fact]
    public async Task Update_SameIdUpsertedAndDeleted_IsRefused()
    {
        var (writer, reader) = await CorpusWithWriterAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => writer.UpdateAsync(new IndexUpdate([Input(Repaircafe())], ["repaircafe"])));
        await Assert.ThrowsAsync<ArgumentException>(() => writer.UpdateAsync(new IndexUpdate([Input(Repaircafe()), Input(Repaircafe())], [])));
        Assert.Equal(Corpus().Count, (await reader.SearchAsync(new SearchQuery())).Totaal);
    }

    [Fact]
    public async Task Update_KeepsInternalFieldsApart()
    {
        var (writer, reader) = await CorpusWithWriterAsync();
        await writer.UpdateAsync(Upsert(Aanbod("wmo-hulp", "Hulp bij het huishouden", "Via de gemeente.", "Vraag het aan bij het loket.",
            toegang: Toegang.AchterHetLoket, levensdomeinen: ["huishouden"], intern: new InternAanbod("Na keukentafelgesprek.", "Wachtwoord flamingo."))));

        Assert.Equal(0, (await reader.SearchAsync(new SearchQuery { Tekst = "flamingo" })).Totaal);
        Assert.Null((await reader.GetAsync("wmo-hulp"))!.Intern);
        Assert.Equal("Na keukentafelgesprek.", (await reader.GetAsync("wmo-hulp", metIntern: true))!.Intern!.Toewijzingscriteria);
    }

    [Fact]
    public async Task Update_IsSeenWholeOrNotAtAll_WhileSearching()
    {
        var (writer, reader) = await CorpusWithWriterAsync();
        // Every update moves two aanbod to the next round at once: a search never sees one moved and the other not.
        Aanbod Versie(string id, int ronde) => Aanbod(id, "Klusgroep " + id, $"Klussen in ronde {ronde}.", "Samen klussen.", levensdomeinen: ["wonen"]);
        await writer.UpdateAsync(Upsert(Versie("klus-a", 0), Versie("klus-b", 0)));
        using var stop = new CancellationTokenSource();
        var seen = new List<string[]>();
        var searching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var searcher = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var hits = (await reader.SearchAsync(new SearchQuery { Tekst = "klusgroep" })).Hits;
                lock (seen)
                {
                    seen.Add(hits.Select(h => h.Samenvatting).ToArray());
                }

                searching.TrySetResult();
            }
        });
        // On a busy machine the searcher may not get a thread before the updates end: wait until it is searching.
        await searching.Task.WaitAsync(TimeSpan.FromSeconds(30));

        for (var ronde = 1; ronde <= 20; ronde++)
        {
            await writer.UpdateAsync(Upsert(Versie("klus-a", ronde), Versie("klus-b", ronde)));
            var hits = (await reader.SearchAsync(new SearchQuery { Tekst = "klusgroep" })).Hits;
            Assert.All(hits, h => Assert.Equal($"Klussen in ronde {ronde}.", h.Samenvatting));
        }

        await stop.CancelAsync();
        await searcher;
        Assert.NotEmpty(seen);
        Assert.All(seen, hits => Assert.Equal(2, hits.Distinct().Count() == 1 ? hits.Length : -1));
    }

    [Fact]
    public async Task Rebuild_AfterUpdates_ReplacesThem()
    {
        var (writer, reader) = await CorpusWithWriterAsync();
        await writer.UpdateAsync(Upsert(Repaircafe()));
        await writer.UpdateAsync(Delete("geldpunt"));

        await writer.RebuildAsync(Batch(Corpus()));

        Assert.Empty(await IdsAsync(reader, "broodrooster"));
        Assert.Contains("geldpunt", await IdsAsync(reader, "schulden"));
        Assert.Equal(Corpus().Count, (await reader.SearchAsync(new SearchQuery())).Totaal);
    }

    /// <summary>
    /// The full rebuild gives the same index as the sum of the updates: the same hits in the same order with the same
    /// scores, the same facet counts, suggestions and documents. (Ranking statistics — number of aanbod, document
    /// frequencies, lengths — must be exact after updates.)
    /// </summary>
    [Fact]
    public async Task Updates_GiveTheSameIndexAsARebuild()
    {
        var clock = Dinsdagmiddag();
        var (writer, updated) = await CorpusWithWriterAsync(clock);
        var final = Corpus().ToDictionary(a => a.Id);

        SearchQuery[] queries =
        [
            new(), new() { Pagina = 2, PerPagina = 5 }, new() { Sortering = Sortering.Naam, PerPagina = 100 },
            new() { Tekst = "schulden", PerPagina = 100 }, new() { Tekst = "koffie" }, new() { Tekst = "hulp bij geldzorgen" },
            new() { Tekst = "hulpverlening" }, new() { Tekst = "mantelzrog" }, new() { Tekst = "taalcaffe" }, new() { Tekst = "brieven schrijven" },
            new() { Tekst = "geldproblemen" }, new() { Tekst = "ik heb niemand om mee te praten" }, new() { Tekst = "taalcafé wandelgroep" },
            new() { Tekst = "xyzzy speelgoed" }, new() { Tekst = "spelletjes" }, new() { Tekst = "repareren" },
            new SearchQuery { Tekst = "samen" }.WithFilter(Facetten.Levensdomein, "ontmoeten", "meedoen"),
            new SearchQuery().WithFilter(Facetten.Toegang, Facetten.AchterHetLoket),
            new SearchQuery().WithFilter(Facetten.Wijk, "oost").WithFilter(Facetten.Kosten, Facetten.Gratis),
            new SearchQuery().WithFilter(Facetten.Wanneer, Facetten.OpenNu), new SearchQuery().WithFilter(Facetten.Wanneer, Facetten.DezeWeek),
            new SearchQuery().WithFilter(Facetten.Taal, "tr", "pl"),
            new() { Postcode = "3905", Sortering = Sortering.Afstand, PerPagina = 100 },
            new() { Tekst = "koffie", Postcode = "3901 AB", Sortering = Sortering.Afstand },
            new() { Postcode = "3901", StraalKm = 2, PerPagina = 100 },
        ];

        // Every query runs before each update too, so whatever an engine keeps between searches (decoded postings,
        // caches) has to follow the updates.
        async Task Apply(IndexUpdate update)
        {
            foreach (var query in queries)
            {
                await updated.SearchAsync(query);
            }

            await writer.UpdateAsync(update);
            foreach (var id in update.Deletes)
            {
                final.Remove(id);
            }

            foreach (var input in update.Upserts)
            {
                final[input.Document.Aanbod.Id] = Source[input.Document.Aanbod.Id];
            }
        }

        await Apply(Remember(Upsert(Repaircafe())));
        await Apply(Remember(Upsert(Aanbod("taalcafe", "Taalcafé De Brug", "Oefen Nederlands schrijven en praten.", "Elke donderdag brieven schrijven en koffie.",
            levensdomeinen: ["leren"], talen: ["nl", "tr"], locaties: [Locatie("3905 KL", "petenbos", 52.0334, 5.5489)]))));
        await Apply(Delete("geldpunt", "bestaat-niet"));
        await Apply(Remember(Upsert(Aanbod("buurtkamer", "Buurtkamer Oost", "Koffie en een praatje.", "Iedere ochtend open voor buurtbewoners.",
            levensdomeinen: ["ontmoeten"], locaties: [Locatie("3907", "oost")], tijden: [Wekelijks("MO,TU,WE,TH,FR", "09:00", "12:00")]))));
        await Apply(Delete("inloop-amsterdam", "kerstmarkt"));
        await Apply(Remember(Upsert(
            Aanbod("buurtkamer", "Buurtkamer Oost", "Koffie, thee en een praatje over schulden.", "Iedere middag open; ook hulp bij geldzorgen.",
                levensdomeinen: ["ontmoeten", "rondkomen"], locaties: [Locatie("3907", "oost")]),
            Aanbod("schuldhulpverlening", "Schuldhulpverlening", "Hulp als u niet meer rond kunt komen.",
                "De gemeente helpt met een betalingsregeling. Schuldhulpverlening begint met een melding.",
                toegang: Toegang.AchterHetLoket, levensdomeinen: ["rondkomen"], locaties: [Locatie("3901 AB", "centrum")],
                intern: new InternAanbod("Alleen na intake bij het Geldpunt.", "Nieuw codewoord.")))));
        await Apply(Delete("speelotheek"));
        await Apply(Remember(Upsert(Aanbod("speelotheek", "Speel-o-theek Kikker", "Speelgoed en spelletjes lenen voor uw kind.", "Kom langs en kies samen.",
            levensdomeinen: ["opgroeien"], doelgroepen: ["ouders"], locaties: [Locatie("3901", "centrum")]))));

        // The rebuild gets the final aanbod in another order than the updates added them.
        var (rebuildWriter, rebuilt) = await CreateAsync(clock);
        await rebuildWriter.RebuildAsync(Batch(final.Values.OrderByDescending(a => a.Id, StringComparer.Ordinal)));

        foreach (var query in queries)
        {
            Assert.Equal(Describe(await rebuilt.SearchAsync(query)), Describe(await updated.SearchAsync(query)));
        }

        foreach (var prefix in new[] { "sch", "koffie", "buurt", "speel", "taal", "repair", "geld" })
        {
            Assert.Equal(await rebuilt.SuggestAsync(prefix), await updated.SuggestAsync(prefix));
        }

        foreach (var id in final.Keys.Append("geldpunt"))
        {
            Assert.Equal(Describe(await rebuilt.GetAsync(id, metIntern: true)), Describe(await updated.GetAsync(id, metIntern: true)));
            Assert.Equal(Describe(await rebuilt.GetAsync(id)), Describe(await updated.GetAsync(id)));
        }
    }

    private Dictionary<string, Aanbod> Source { get; } = [];

    private IndexUpdate Remember(IndexUpdate update)
    {
        foreach (var input in update.Upserts)
        {
            Source[input.Document.Aanbod.Id] = input.Document.Aanbod with { Intern = input.Intern };
        }

        return update;
    }

    private static string Describe(object? value) =>
        System.Text.Json.JsonSerializer.Serialize(value, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}
