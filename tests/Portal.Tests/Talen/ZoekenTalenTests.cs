using System.Net;
using AngleSharp.Dom;

namespace SocialeKaart.Portal.Tests.Talen;

/// <summary>The search results page in every language: each state of the page, the crisis help first, filters that keep
/// working, the aanbod marked as Dutch content, and the page's language never taken for a filter.</summary>
public sealed class ZoekenTalenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> AndereTalen => new("en", "ar", "tr", "pl", "uk");

    /// <summary>Every state of the page: hits, filters, distance, page 2, nothing found, no word, crisis, a typo, English.</summary>
    public static TheoryData<string, string> Toestanden
    {
        get
        {
            var data = new TheoryData<string, string>();
            string[] urls =
            [
                "/zoeken",
                "/zoeken?q=schulden",
                "/zoeken?q=schulden&levensdomein=rondkomen&toegang=algemeen-toegankelijk",
                "/zoeken?q=schulden&wijk=centrum&kosten=gratis",
                "/zoeken?q=taal&postcode=3905%20KL&sorteer=afstand",
                "/zoeken?q=taal&postcode=3905%20KL&straal=2",
                "/zoeken?q=taal&postcode=9999",
                "/zoeken?q=schulden&pagina=2",
                "/zoeken?q=xyzzyq",
                "/zoeken?q=xyzzyq&levensdomein=rondkomen",
                "/zoeken?q=%3F%3F%3F",
                "/zoeken?q=" + Uri.EscapeDataString("ik denk aan zelfmoord"),
                "/zoeken?q=" + Uri.EscapeDataString("mijn man slaat mij"),
                "/zoeken?q=" + Uri.EscapeDataString("vannacht buiten slapen"),
                "/zoeken?q=eenzaamheit",
                "/zoeken?q=" + Uri.EscapeDataString("schulden xyzzyq"),
                "/zoeken?q=" + Uri.EscapeDataString("debt help"),
                "/zoeken?q=" + Uri.EscapeDataString("ديون"),
            ];
            foreach (var taal in new[] { "en", "ar", "tr", "pl", "uk" })
            {
                foreach (var url in urls)
                {
                    data.Add(taal, url);
                }
            }

            return data;
        }
    }

    private static readonly Dictionary<string, string> CrisisKop = new()
    {
        ["en"] = "Help now, day and night", ["ar"] = "مساعدة الآن، ليلًا ونهارًا", ["tr"] = "Şimdi yardım, gece gündüz",
        ["pl"] = "Pomoc teraz, całą dobę", ["uk"] = "Допомога зараз, цілодобово",
    };

    private static readonly Dictionary<string, string> InNederlands = new()
    {
        ["en"] = "in Dutch", ["ar"] = "الهولندية", ["tr"] = "Felemenkçe", ["pl"] = "niderlandzkim", ["uk"] = "нідерландською",
    };

    [Theory]
    [MemberData(nameof(Toestanden))]
    public async Task Search_EveryState_IsEntirelyInTheChosenLanguage(string taal, string url)
    {
        var (doc, bevinding) = await Vertaalcontrole.ControleerAsync(factory, factory.Client(), url, taal);

        Assert.True(bevinding.Schoon, bevinding.ToString());
        // The aanbod itself is Dutch content, marked so; the page says once, in its own language, that it is in Dutch.
        var treffers = doc.QuerySelectorAll("article.treffer");
        Assert.All(treffers, t =>
        {
            Assert.Equal("nl", t.QuerySelector("h3 a")!.GetAttribute("lang"));
            Assert.Equal("nl", t.QuerySelector(".samenvatting")!.GetAttribute("lang"));
            Assert.NotNull(t.QuerySelector(".aanbieder [lang='nl']"));
        });
        if (treffers.Length > 0)
        {
            var melding = Assert.Single(doc.QuerySelectorAll(".treffers .in-nederlands"));
            Assert.Contains(InNederlands[taal], melding.TextContent, StringComparison.Ordinal);
            Assert.Null(melding.GetAttribute("lang")); // the page's own language
        }
    }

    [Theory]
    [MemberData(nameof(AndereTalen))]
    public async Task Search_Crisis_LeadsThePage_InTheChosenLanguage(string taal)
    {
        var (doc, bevinding) = await Vertaalcontrole.ControleerAsync(factory, factory.Client(),
            "/zoeken?q=" + Uri.EscapeDataString("ik wil er niet meer zijn zelfmoord"), taal);

        var crisis = doc.QuerySelector("main .crisis")!;
        Assert.Equal(CrisisKop[taal], crisis.QuerySelector("h2")!.TextContent);
        Assert.NotNull(crisis.QuerySelector("a[href='tel:112']"));
        Assert.NotNull(crisis.QuerySelector("a[href='tel:08000113']"));
        Assert.DoesNotContain("Bel ", crisis.TextContent, StringComparison.Ordinal);
        // Only the page's heading comes before it.
        var alles = doc.QuerySelectorAll("main *").ToList();
        var kop = doc.QuerySelector("main h1")!;
        Assert.All(alles.Take(alles.IndexOf(crisis)), e => Assert.True(e == kop || kop.Contains(e), e.OuterHtml));
        Assert.True(alles.IndexOf(crisis) < alles.IndexOf(doc.QuerySelector("main form[role=search]")!));
        Assert.True(alles.IndexOf(crisis) < alles.IndexOf(doc.QuerySelector("ol.lijst")!));
        // The Dutch query itself is in the title ("niet", "meer"); the rest of the page is in the chosen language.
        Assert.All(bevinding.Gemist, g => Assert.Fail(g));
        Assert.Equal("nl", doc.QuerySelector("h1 [lang]")!.GetAttribute("lang"));
    }

    [Theory]
    [MemberData(nameof(AndereTalen))]
    public async Task Search_NightShelter_NamesTheAanbodAsDutch(string taal)
    {
        var (doc, _) = await Vertaalcontrole.ControleerAsync(factory, factory.Client(),
            "/zoeken?q=" + Uri.EscapeDataString("vannacht buiten slapen"), taal);

        var regel = doc.QuerySelector("main .crisis li[data-crisis='dakloos']")!;
        Assert.NotNull(regel.QuerySelector("a[href='/aanbod/maatschappelijke-opvang-de-herberg']"));
        Assert.Contains("Herberg", regel.QuerySelector("span[lang='nl']")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AndereTalen))]
    public async Task Search_FacetLinks_KeepWorking_InTheChosenLanguage(string taal)
    {
        var client = factory.Client();
        var (doc, _) = await Vertaalcontrole.ControleerAsync(factory, client, "/zoeken?q=schulden", taal);
        var onderwerp = doc.QuerySelector(".facet a[href='/zoeken?q=schulden&levensdomein=rondkomen']")!;
        Assert.NotEqual("Rondkomen", onderwerp.TextContent.Split('(')[0].Trim());

        // The link itself carries no language: the cookie the first page set keeps it.
        var (response, gefilterd) = await client.GetPageAsync(onderwerp.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(taal, gefilterd.DocumentElement.GetAttribute("lang"));
        var chip = Assert.Single(gefilterd.QuerySelectorAll(".actief ul a"));
        Assert.Equal("/zoeken?q=schulden", chip.GetAttribute("href"));
        Assert.Empty(Vertaalcontrole.NederlandseWoorden(gefilterd));
        Assert.NotEmpty(gefilterd.QuerySelectorAll("article.treffer"));

        // And back: the chip takes the filter away.
        var (_, terug) = await client.GetPageAsync(chip.GetAttribute("href")!);
        Assert.Equal(taal, terug.DocumentElement.GetAttribute("lang"));
        Assert.Null(terug.QuerySelector(".actief"));
    }

    // ?taal= is the page's language on every page; it used to be the aanbod-language filter of the search as well, so
    // an Arabic page showed only Arabic-speaking help. The aanbod's language is ?voertaal= now.
    [Theory]
    [MemberData(nameof(AndereTalen))]
    public async Task Search_PageLanguage_IsNoFilterOnTheAanbodsLanguage(string taal)
    {
        var (_, nl) = await factory.Client().GetPageAsync("/zoeken?q=schulden");
        var (_, anders) = await factory.Client().GetPageAsync("/zoeken?q=schulden&taal=" + taal);

        Assert.Equal(Aantal(nl), Aantal(anders));
        Assert.Null(anders.QuerySelector(".actief"));
    }

    [Fact]
    public async Task Search_VoertaalFilter_FiltersOnTheAanbodsLanguage_AndLinksWithVoertaal()
    {
        var client = factory.Client();
        var (_, alles) = await client.GetPageAsync("/zoeken?taal=en");
        var link = alles.QuerySelectorAll(".facet a").Select(a => a.GetAttribute("href")!).First(h => h.Contains("voertaal=tr", StringComparison.Ordinal));
        Assert.DoesNotContain("taal=tr", link.Replace("voertaal=tr", "", StringComparison.Ordinal), StringComparison.Ordinal);

        var (_, turks) = await client.GetPageAsync(link);

        Assert.Equal("en", turks.DocumentElement.GetAttribute("lang")); // the filter does not change the page's language
        Assert.True(Aantal(turks) < Aantal(alles));
        Assert.Contains("Turkish", Assert.Single(turks.QuerySelectorAll(".actief ul a")).TextContent, StringComparison.Ordinal);
        Assert.NotNull(turks.QuerySelector("form[role=search] input[type=hidden][name=voertaal][value=tr]"));
    }

    [Theory]
    [InlineData("en", "Enter a postcode like 3901 or 3901 AB.")]
    [InlineData("ar", "اكتب رمزًا بريديًا مثل 3901 أو 3901 AB.")]
    [InlineData("uk", "Введіть поштовий індекс, наприклад 3901 або 3901 AB.")]
    public async Task Search_BadPostcode_Is400_WithTheMessageInThePagesLanguage(string taal, string bericht)
    {
        var (response, doc) = await factory.Client().GetPageAsync("/zoeken?q=schulden&postcode=12345&taal=" + taal);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(bericht, doc.QuerySelector("#postcode-fout")!.TextContent);
        Assert.Contains(bericht, doc.QuerySelector(".foutoverzicht")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "We do not know 'vissen' as a choice for “Topic”. We search without this filter.")]
    [InlineData("pl", "Nie znamy ‘vissen’ jako wyboru dla „Temat”. Szukamy bez tego filtra.")]
    public async Task Search_UnknownFacetValue_IsNamedInThePagesLanguage(string taal, string bericht)
    {
        var (response, doc) = await factory.Client().GetPageAsync("/zoeken?levensdomein=vissen&taal=" + taal);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(bericht, doc.QuerySelector(".foutoverzicht")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_StaysDutch_WhateverThePageLanguage()
    {
        var client = factory.Client();
        await client.GetPageAsync("/zoeken?q=schulden&taal=en"); // the cookie now says English

        var response = await client.GetAsync("/api/zoeken?postcode=12345");
        var body = await response.Content.ReadAsStringAsync();
        var crisis = await client.GetStringAsync("/api/zoeken?q=" + Uri.EscapeDataString("ik denk aan zelfmoord"));
        var turks = await client.GetStringAsync("/api/zoeken?taal=tr");
        var voertaal = await client.GetStringAsync("/api/zoeken?voertaal=tr");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Vul een postcode in zoals 3901 of 3901 AB.", body, StringComparison.Ordinal);
        Assert.Contains("Is er nu gevaar? Bel 112.", crisis, StringComparison.Ordinal);
        Assert.DoesNotContain("sjabloon", crisis, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(turks, voertaal); // the API has no page language: there taal= is still the aanbod's language
    }

    [Theory]
    [InlineData("en", "Suggestions", "1 suggestion. Use the down arrow to choose.", "{0} suggestions. Use the down arrow to choose.")]
    [InlineData("tr", "Öneriler", "1 öneri. Seçmek için aşağı ok tuşunu kullanın.", "{0} öneri. Seçmek için aşağı ok tuşunu kullanın.")]
    [InlineData("nl", "Suggesties", "1 suggestie. Gebruik pijl omlaag om te kiezen.", "{0} suggesties. Gebruik pijl omlaag om te kiezen.")]
    public async Task Search_AutocompleteWords_ComeFromThePage_OnSearchAndHome(string taal, string lijst, string een, string meer)
    {
        foreach (var url in new[] { "/zoeken?q=schulden&taal=", "/?taal=" })
        {
            var (_, doc) = await factory.Client().GetPageAsync(url + taal);

            var q = doc.QuerySelector("input#q")!;
            Assert.Equal(lijst, q.GetAttribute("data-tekst-lijst"));
            Assert.Equal(een, q.GetAttribute("data-tekst-een"));
            Assert.Equal(meer, q.GetAttribute("data-tekst-meer"));
        }
    }

    [Theory]
    [MemberData(nameof(AndereTalen))]
    public async Task LijstjeKnop_NamesTheAanbod_InItsDutchName(string taal)
    {
        var (_, doc) = await factory.Client().GetPageAsync("/zoeken?q=taalcaf%C3%A9&taal=" + taal);

        var knop = doc.QuerySelector("article[aria-labelledby='t-taalcafe-de-linde'] form[action='/lijstje/toevoegen'] button")!;
        var ids = knop.GetAttribute("aria-labelledby")!.Split(' ');
        Assert.Equal(knop.TextContent, doc.GetElementById(ids[0])!.TextContent); // the name starts with the visible text
        var naam = doc.GetElementById(ids[1])!;
        Assert.Equal("nl", naam.GetAttribute("lang"));
        Assert.Equal(doc.QuerySelector("#t-taalcafe-de-linde a")!.TextContent, naam.TextContent);
    }

    /// <summary>The total in the count heading: its first number, in every language.</summary>
    private static int Aantal(IDocument doc) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(doc.QuerySelector("#aantal-kop")!.TextContent, "[0-9]+").Value, System.Globalization.CultureInfo.InvariantCulture);
}
