using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Portal.Components.Pages.Aanbod;
using SocialeKaart.Portal.Features.Talen;

namespace SocialeKaart.Portal.Tests.Talen;

/// <summary>The aanbod page, its report form, the error pages and "Mijn lijstje" in their languages.</summary>
public sealed class AanbodTalenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> AndereTalen => new("en", "ar", "tr", "pl", "uk");

    public static TheoryData<string, string> AanbodInTalen()
    {
        var data = new TheoryData<string, string>();
        foreach (var id in new[] { "taalcafe-de-brug", "schuldhulpverlening-gemeente" })
        {
            foreach (var taal in new[] { "en", "ar", "tr", "pl", "uk" })
            {
                data.Add(id, taal);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AanbodInTalen))]
    public async Task Aanbod_IsInTheChosenLanguage_WithItsOwnContentMarkedDutch(string id, string taal)
    {
        var (doc, bevinding) = await Vertaalcontrole.ControleerAsync(factory, factory.Client(), "/aanbod/" + id, taal);

        AssertSchoon(doc, bevinding);
        Assert.Equal("nl", doc.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("nl", doc.QuerySelector(".intro")!.GetAttribute("lang"));
        Assert.Equal("nl", doc.QuerySelector(".tekst")!.GetAttribute("lang"));
        Assert.Single(doc.QuerySelectorAll(".in-het-nederlands"));
        // Day names come from code, not from the localizer, and are no word of the Dutch word list: asked for here.
        var tijden = doc.QuerySelector("section[aria-labelledby='tijden-kop']")!;
        var zonderNl = string.Join(" ", tijden.QuerySelectorAll("li").Select(li => string.Concat(li.ChildNodes
            .Where(n => n is not AngleSharp.Dom.IElement { } e || e.GetAttribute("lang") != "nl").Select(n => n.TextContent))));
        Assert.DoesNotMatch("(?i)maandag|dinsdag|donderdag|vrijdag| uur", zonderNl);
        Assert.DoesNotContain("Gecontroleerd", doc.QuerySelector(".gecontroleerd")!.TextContent, StringComparison.OrdinalIgnoreCase);
        if (id == "schuldhulpverlening-gemeente")
        {
            Assert.NotNull(doc.QuerySelector(".route.loket a.knop[href^='/melding']"));
        }
    }

    [Fact]
    public async Task Aanbod_InDutch_RendersAsBefore_WithoutLanguageMarks()
    {
        var (response, doc) = await factory.Client().GetPageAsync("/aanbod/taalcafe-de-brug");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(doc.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Empty(doc.QuerySelectorAll("article [lang], article[lang]"));
        Assert.Null(doc.QuerySelector(".in-het-nederlands"));
        var tijden = doc.QuerySelectorAll("section[aria-labelledby='tijden-kop'] > ul > li").Select(li => li.TextContent).ToList();
        Assert.Contains("Elke dinsdag van 14.00 tot 16.00 uur. Elke dinsdagmiddag", tijden);
        Assert.StartsWith("Laatst gecontroleerd: ", doc.QuerySelector(".gecontroleerd")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Door: Stichting De Brug", doc.QuerySelector(".aanbieder")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aanbod_Times_InEnglishAndArabic_HaveTheirDayNamesAndTimeFormat()
    {
        var (_, en) = await factory.Client().GetPageAsync("/aanbod/taalcafe-de-brug?taal=en");
        var (_, ar) = await factory.Client().GetPageAsync("/aanbod/taalcafe-de-brug?taal=ar");

        var tijdenEn = Tijden(en);
        Assert.Contains(tijdenEn, t => t.StartsWith("Every Tuesday from 14:00 to 16:00. ", StringComparison.Ordinal));
        Assert.Contains(tijdenEn, t => t.StartsWith("Every Thursday from 19:00 to 20:30. ", StringComparison.Ordinal));
        Assert.Matches(@"^(Tuesday|Thursday) \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, (14:00|19:00)$",
            Volgende(en).First());

        var tijdenAr = Tijden(ar);
        Assert.Contains(tijdenAr, t => t.StartsWith("كل يوم ثلاثاء، من الساعة 14:00 إلى الساعة 16:00. ", StringComparison.Ordinal));
        Assert.Matches("^(الثلاثاء|الخميس) \\d{1,2} \\p{IsArabic}+ \\d{4}، الساعة (14:00|19:00)$", Volgende(ar).First());
    }

    [Fact]
    public async Task Aanbod_WorkingDays_InEachLanguage()
    {
        var verwacht = new Dictionary<string, string>
        {
            ["en"] = "Monday to Friday from 09:00 to 17:00",
            ["ar"] = "من الاثنين إلى الجمعة، من الساعة 09:00 إلى الساعة 17:00",
            ["tr"] = "Pazartesiden cumaya, saat 09:00 ile 17:00 arası",
            ["pl"] = "Od poniedziałku do piątku, od 09:00 do 17:00",
            ["uk"] = "З понеділка по п'ятницю, з 09:00 до 17:00",
        };
        foreach (var (taal, tekst) in verwacht)
        {
            var (_, doc) = await factory.Client().GetPageAsync("/aanbod/schuldhulpverlening-gemeente?taal=" + taal);
            Assert.Contains(Tijden(doc), t => t.StartsWith(tekst + ". ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("en", "WEEKLY", "MO,WE", 1, "Every Monday and Wednesday from 10:00 to 12:00")]
    [InlineData("en", "MONTHLY", "-1TH", 1, "The last Thursday of the month from 10:00 to 12:00")]
    [InlineData("en", "WEEKLY", "TU", 2, "Every 2 weeks on Tuesday from 10:00 to 12:00")]
    [InlineData("ar", "WEEKLY", "MO,WE,FR", 1, "كل أسبوع، أيام الاثنين، الأربعاء والجمعة، من الساعة 10:00 إلى الساعة 12:00")]
    [InlineData("ar", "MONTHLY", "1SA", 1, "السبت الأول من كل شهر، من الساعة 10:00 إلى الساعة 12:00")]
    [InlineData("tr", "MONTHLY", "3WE", 1, "Her ayın üçüncü çarşamba günü, saat 10:00 ile 12:00 arası")]
    [InlineData("pl", "WEEKLY", "WE,SA", 1, "Co środę i sobotę, od 10:00 do 12:00")]
    [InlineData("pl", "MONTHLY", "1SA", 1, "W pierwszą sobotę miesiąca, od 10:00 do 12:00")]
    [InlineData("pl", "WEEKLY", "TU", 2, "Co 2 tygodnie, we wtorek, od 10:00 do 12:00")]
    [InlineData("uk", "WEEKLY", "TU,TH", 1, "Щовівторка і щочетверга, з 10:00 до 12:00")]
    [InlineData("uk", "MONTHLY", "2WE", 1, "У другу середу місяця, з 10:00 до 12:00")]
    public void RoosterTekst_DescribesTheRule_InTheLanguage(string taal, string freq, string dagen, int interval, string verwacht)
    {
        var t = new Tijden(freq, dagen.Split(','), interval, null, null, new TimeOnly(10, 0), new TimeOnly(12, 0), null);

        Assert.Equal(verwacht, RoosterTekst.Beschrijf(t, Taal.Zoek(taal)!));
    }

    [Fact]
    public void RoosterTekst_InDutch_IsTheDutchText()
    {
        var t = new Tijden("WEEKLY", ["TU"], 1, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), new TimeOnly(14, 0), new TimeOnly(16, 0), null);

        Assert.Equal(RoosterTekst.Beschrijf(t), RoosterTekst.Beschrijf(t, Taal.Nederlands));
        Assert.Equal("Elke dinsdag van 14.00 tot 16.00 uur (van dinsdag 1 december 2026 tot en met donderdag 31 december 2026)", RoosterTekst.Beschrijf(t, Taal.Nederlands));
        Assert.Equal("Every Tuesday from 14:00 to 16:00 (from 1 December 2026 to 31 December 2026)", RoosterTekst.Beschrijf(t, Taal.Engels));
        Assert.Equal("Co wtorek, od 14:00 do 16:00 (od 1 grudnia 2026 do 31 grudnia 2026)", RoosterTekst.Beschrijf(t, Taal.Pools));
    }

    [Theory]
    [InlineData("en", 0, "today")]
    [InlineData("en", 40, "5 weeks ago")]
    [InlineData("en", 400, "more than a year ago")]
    [InlineData("ar", 3, "قبل 3 أيام")]
    [InlineData("ar", 70, "قبل شهرين")]
    [InlineData("ar", 16, "قبل أسبوعين")]
    [InlineData("tr", 100, "3 ay önce")]
    [InlineData("pl", 100, "3 miesiące temu")]
    [InlineData("pl", 160, "5 miesięcy temu")]
    [InlineData("pl", 800, "2 lata temu")]
    [InlineData("uk", 2, "2 дні тому")]
    [InlineData("uk", 160, "5 місяців тому")]
    [InlineData("uk", 1900, "5 років тому")]
    public void Geleden_InTheLanguage_HasItsPluralForm(string taal, int dagenGeleden, string verwacht)
    {
        var vandaag = new DateOnly(2026, 12, 1);

        Assert.Equal(verwacht, Tijdtaal.Voor(Taal.Zoek(taal)!)!.Geleden(vandaag.AddDays(-dagenGeleden), vandaag));
    }

    [Theory]
    [MemberData(nameof(AndereTalen))]
    public async Task ReportForm_WithAValidationError_IsInTheChosenLanguage(string taal)
    {
        var client = factory.Client();
        var (_, pagina) = await client.GetPageAsync("/aanbod/taalcafe-de-brug?taal=" + taal);
        var form = pagina.QuerySelector("form[action='/aanbod/taalcafe-de-brug/klopt-niet']")!;
        var velden = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        velden["soort"] = "Telefoon";
        velden["tekst"] = new string('x', 1001);

        var post = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(velden));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/aanbod/taalcafe-de-brug?klopt=fout#klopt-niet", post.Headers.Location!.OriginalString);

        var (doc, bevinding) = await Vertaalcontrole.ControleerAsync(factory, client, "/aanbod/taalcafe-de-brug?klopt=fout", taal);
        AssertSchoon(doc, bevinding);
        var fout = doc.QuerySelector(".klopt-niet .fout[role=alert]")!;
        Assert.Contains("1000", fout.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, doc.QuerySelectorAll(".klopt-niet input[name=soort] + label").Length);
    }

    [Fact]
    public async Task ReportForm_Expired_IsExplainedInTheChosenLanguage()
    {
        var client = factory.Client();
        await client.GetPageAsync("/aanbod/taalcafe-de-brug?taal=ar");

        var response = await client.PostAsync("/aanbod/taalcafe-de-brug/klopt-niet",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["soort"] = "Telefoon", ["tekst"] = "" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("انتهت صلاحية هذا النموذج", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("لم ينجح ذلك", problem.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(AndereTalen))]
    public async Task ReportForm_Thanks_IsInTheChosenLanguage(string taal)
    {
        var (doc, bevinding) = await Vertaalcontrole.ControleerAsync(factory, factory.Client(), "/aanbod/taalcafe-de-brug?klopt=dank", taal);

        AssertSchoon(doc, bevinding);
        Assert.NotNull(doc.QuerySelector(".klopt-niet [role=status]"));
    }

    [Theory]
    [InlineData("/bestaat-niet", "en")]
    [InlineData("/bestaat-niet", "ar")]
    [InlineData("/bestaat-niet", "tr")]
    [InlineData("/bestaat-niet", "pl")]
    [InlineData("/bestaat-niet", "uk")]
    [InlineData("/aanbod/bestaat-niet", "en")]
    [InlineData("/aanbod/bestaat-niet", "ar")]
    [InlineData("/aanbod/bestaat-niet", "uk")]
    [InlineData("/lijstje/bestaat-niet", "en")]
    [InlineData("/zoeken/bestaat/niet", "tr")]
    public async Task NotFound_ReadsInTheChosenLanguage(string url, string taal)
    {
        var (doc, bevinding) = await Vertaalcontrole.ControleerAsync(factory, factory.Client(), url, taal);

        AssertSchoon(doc, bevinding);
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.NotNull(doc.QuerySelector("form.zoekformulier label[for=q]"));
        Assert.Null(doc.QuerySelector(".taal-uitwijking"));
    }

    [Fact]
    public async Task NotFound_StatusIs404_InEveryLanguage_AndTheCookieChoiceCounts()
    {
        var client = factory.Client();
        var (response, doc) = await client.GetPageAsync("/bestaat-niet?taal=pl");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Ta strona nie istnieje", doc.QuerySelector("h1")!.TextContent);

        // The re-executed status page reads the choice from the cookie as well.
        var (opnieuw, doc2) = await client.GetPageAsync("/aanbod/bestaat-niet");
        Assert.Equal(HttpStatusCode.NotFound, opnieuw.StatusCode);
        Assert.Equal("pl", doc2.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Albo szukaj tutaj:", doc2.QuerySelector("form.zoekformulier label[for=q]")!.TextContent);
    }

    [Theory]
    [InlineData("/status/413")]
    [InlineData("/status/429")]
    [InlineData("/status/503")]
    [InlineData("/status/500")]
    [InlineData("/fout")]
    public async Task ErrorPages_AreInEveryLanguage(string url)
    {
        foreach (var taal in new[] { "en", "ar", "tr", "pl", "uk" })
        {
            var (doc, bevinding) = await Vertaalcontrole.ControleerAsync(factory, factory.Client(), url, taal);
            AssertSchoon(doc, bevinding);
            Assert.NotNull(doc.QuerySelector("h1"));
        }
    }

    [Fact]
    public async Task Lijstje_EmptyFilledAndPrinted_AreInEnglish()
    {
        var client = factory.Client();
        var (leeg, leegBevinding) = await Vertaalcontrole.ControleerAsync(factory, client, "/lijstje", "en");
        AssertSchoon(leeg, leegBevinding);
        Assert.Contains("Your list is still empty", leeg.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        foreach (var id in new[] { "taalcafe-de-brug", "schuldhulpverlening-gemeente" })
        {
            var (_, pagina) = await client.GetPageAsync($"/aanbod/{id}?taal=en");
            var form = pagina.QuerySelector("form[action='/lijstje/toevoegen']")!;
            var velden = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/lijstje/toevoegen", new FormUrlEncodedContent(velden))).StatusCode);
        }

        var (vol, volBevinding) = await Vertaalcontrole.ControleerAsync(factory, client, "/lijstje", "en");
        AssertSchoon(vol, volBevinding);
        Assert.Equal(2, vol.QuerySelectorAll(".lijstje > li").Length);
        Assert.Contains("You have saved 2 services on this device.", vol.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.All(vol.QuerySelectorAll(".lijstje h2"), h => Assert.Equal("nl", h.GetAttribute("lang")));
        Assert.Single(vol.QuerySelectorAll(".in-het-nederlands"));

        var (afdruk, afdrukBevinding) = await Vertaalcontrole.ControleerAsync(factory, client, "/lijstje/afdrukken", "en");
        AssertSchoon(afdruk, afdrukBevinding);
        Assert.Contains("More information:", afdruk.QuerySelector(".lijstje")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Back to my list", afdruk.QuerySelector(".niet-printen")!.TextContent, StringComparison.Ordinal);
    }

    // The lijstje is in Dutch and English: a reader of Arabic gets English, and is told so in Arabic.
    [Fact]
    public async Task Lijstje_InArabic_IsEnglish_AndSaysSo()
    {
        var (_, doc) = await factory.Client().GetPageAsync("/lijstje?taal=ar");

        Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ar", doc.QuerySelector(".taal-uitwijking")!.GetAttribute("lang"));
        Assert.Equal("My list", doc.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Lijstje_ExpiredForm_IsExplainedInEnglish()
    {
        var client = factory.Client();
        await client.GetPageAsync("/lijstje?taal=en");

        var response = await client.PostAsync("/lijstje/toevoegen", new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = "taalcafe-de-brug" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("This form has expired", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static List<string> Tijden(IHtmlDocument doc) =>
        doc.QuerySelectorAll("section[aria-labelledby='tijden-kop'] > ul > li").Select(li => li.TextContent).ToList();

    private static List<string> Volgende(IHtmlDocument doc) =>
        doc.QuerySelectorAll("section[aria-labelledby='tijden-kop'] h3 + ul > li").Select(li => li.TextContent).ToList();

    private static void AssertSchoon(IHtmlDocument doc, Vertaalcontrole.Bevinding bevinding) => Assert.True(bevinding.Schoon, bevinding.ToString());
}
