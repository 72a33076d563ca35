using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Indexer.Tests.Content;

public sealed class ContentRulesTests
{
    [Theory]
    [InlineData("schuldhulpverlening", "schuld", "hulp", "verlening")]
    [InlineData("mantelzorgondersteuning", "mantelzorg", "ondersteuning")]
    [InlineData("huiswerkbegeleiding", "huiswerk", "begeleiding")]
    [InlineData("levensdomein", "levens", "domein")]
    [InlineData("boodschappendienst", "boodschappen", "dienst")]
    public void Decompounder_SplitsRealCompounds(string word, params string[] parts)
    {
        var split = new Decompounder(TestContent.Woorden.Contains).Split(word);
        Assert.All(parts, p => Assert.Contains(p, split));
        Assert.DoesNotContain(word, split);
    }

    [Theory]
    [InlineData("eenzaamheid")]
    [InlineData("opvoeding")]
    [InlineData("verlening")]
    [InlineData("zoeken")]
    [InlineData("gemeentelijk")]
    public void Decompounder_LeavesNonCompoundsAlone(string word)
    {
        Assert.Empty(new Decompounder(TestContent.Woorden.Contains).Split(word));
    }

    [Fact]
    public void Tokenizer_FoldsAccentsAndCase_AndJoinsHyphenatedWords()
    {
        var tokens = Tokenizer.Tokenize("Taalcafé: Speel-o-theek, ĳsbaan!").Select(t => t.Folded).ToList();
        Assert.Equal(["taalcafe", "speel", "o", "theek", "speelotheek", "ijsbaan"], tokens);
    }

    [Fact]
    public void StopWords_AreTheSnowballDutchList()
    {
        Assert.Equal(101, StopWords.Dutch.Count);
        Assert.Contains("ik", (IReadOnlySet<string>)StopWords.Dutch);
        Assert.DoesNotContain("schuld", (IReadOnlySet<string>)StopWords.Dutch);
    }

    [Fact]
    public void Synonyms_ContentFile_HasAtLeast80RulesAndNoProblems()
    {
        var problems = new List<Synonyms.Problem>();
        var synonyms = Synonyms.Parse(File.ReadAllText(Path.Combine(TestContent.ContentRoot, "synoniemen.txt")), problems);
        Assert.Empty(problems);
        Assert.True(synonyms.RuleCount >= 80, $"only {synonyms.RuleCount} rules");
    }

    [Fact]
    public void Synonyms_ParseSolrFormat_EquivalentAndOneWay()
    {
        var problems = new List<Synonyms.Problem>();
        var s = Synonyms.Parse("# c\ngeldzorgen, schulden\nalleen => eenzaamheid\nlosse regel\n", problems);
        Assert.Equal(2, s.RuleCount);
        Assert.Equal(4, Assert.Single(problems).Line);
        var equivalent = s.Match(["geldzorg"], 0)!;
        Assert.Contains(["schuld"], equivalent.Alternatives);
        Assert.Contains(["geldzorg"], equivalent.Alternatives);
        Assert.Equal([["eenzam"]], s.Match(["allen"], 0)!.Alternatives);
    }

    [Fact]
    public void Synonyms_PhraseThatShrinksToOneWord_IsReportedAndIgnored()
    {
        var problems = new List<Synonyms.Problem>();
        var s = Synonyms.Parse("dakloos, geen huis, zwerver\n", problems);
        Assert.Contains("'geen huis'", Assert.Single(problems).Message);
        Assert.Null(s.Match(["huis"], 0)); // "huis" alone must not expand to dakloos
        Assert.NotNull(s.Match(["zwerver"], 0));
    }

    [Fact]
    public void Tokenizer_KeepsApostropheInsideAWord()
    {
        Assert.Equal(["zzp'er", "baby's"], Tokenizer.Tokenize("zzp'er, baby's").Select(t => t.Folded));
    }

    [Theory]
    [InlineData("2026-11-24", true)]  // a Tuesday
    [InlineData("2026-11-25", false)]
    [InlineData("2026-12-01", false)] // two weeks later is on, one week later off
    [InlineData("2026-12-08", true)]
    public void Rooster_EveryOtherWeek(string date, bool expected)
    {
        var t = new Tijden("WEEKLY", ["TU"], 2, new DateOnly(2026, 11, 10), null, null, null, null);
        Assert.Equal(expected, t.OccursOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("1TU", "2026-12-01", true)]
    [InlineData("1TU", "2026-12-08", false)]
    [InlineData("-1FR", "2026-12-25", true)]
    [InlineData("-1FR", "2026-12-18", false)]
    public void Rooster_MonthlyOrdinalDays(string byday, string date, bool expected)
    {
        var t = new Tijden("MONTHLY", [byday], 1, null, null, null, null, null);
        Assert.Equal(expected, t.OccursOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Rooster_Volgende_ListsNextDatesInOrder()
    {
        var weekly = new Tijden("WEEKLY", ["MO", "TH"], 1, null, new DateOnly(2026, 12, 10), new TimeOnly(9, 0), new TimeOnly(10, 0), null);
        var dates = new[] { weekly }.Volgende(new DateOnly(2026, 11, 24), 10).Select(d => d.Datum.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["11-26", "11-30", "12-03", "12-07", "12-10"], dates);
    }

    [Theory]
    [InlineData("[klik](javascript:alert(1))", "<p>klik</p>")]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;")]
    [InlineData("[site](https://example.nl)", "href=\"https://example.nl\"")]
    [InlineData("[bel](tel:0318000000)", "href=\"tel:0318000000\"")]
    public void Markdown_RendersSafely(string markdown, string expected)
    {
        var (html, _) = MarkdownRenderer.Render(markdown);
        Assert.Contains(expected, html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<script", html);
    }

    [Theory]
    [InlineData("3901", "3901")]
    [InlineData("3901 AB", "3901")]
    [InlineData("3901ab", "3901")]
    [InlineData("0901", null)]
    [InlineData("39O1", null)]
    [InlineData("3901 ABC", null)]
    [InlineData("", null)]
    public void Postcodes_Pc4_ReadsDutchPostcodes(string input, string? expected)
    {
        Assert.Equal(expected, Postcodes.Pc4(input));
    }
}
