using SocialeKaart.Kaart.Analysis;

namespace SocialeKaart.Indexer.Tests.Analysis;

/// <summary>Script-aware folding and the two rule files a redacteur edits: content/situaties.txt and content/talen.txt.</summary>
public sealed class ZoekKennisTests
{
    [Theory]
    [InlineData("Taalcafé", "taalcafe")]
    [InlineData("DŁUGI", "dlugi")]
    [InlineData("borçlarım", "borclarim")]
    [InlineData("İşsizim", "issizim")]
    [InlineData("ДОПОМОГА", "допомога")]
    [InlineData("мій", "мій")]            // й is a letter of its own, not и with a mark
    [InlineData("Україна", "україна")]    // ї stays ї
    [InlineData("ёлка", "елка")]
    [InlineData("الدُّيُون", "الديون")]     // short vowels and shadda go
    [InlineData("أسرة", "اسره")]           // alef with hamza → alef, taa marbuta → haa
    [InlineData("مستشفى", "مستشفي")]       // alef maqsura → yeh
    [InlineData("٢٠٢٦", "2026")]
    public void Fold_KeepsEachScriptReadable(string text, string folded)
    {
        Assert.Equal(folded, TextFolding.Fold(text));
    }

    [Fact]
    public void Stem_LeavesOtherScriptsWhole()
    {
        Assert.Equal("допомогою", DutchAnalyzer.Stem(TextFolding.Fold("допомогою")));
        Assert.Equal("ديون", DutchAnalyzer.Stem("ديون"));
    }

    [Fact]
    public void Situaties_Parse_ReportsEachProblemWithItsLine()
    {
        var problems = new List<Situaties.Problem>();
        Situaties.Parse("""
            # een opmerking
            [huur]
            herken: huur + betal*
            zoek: huurachterstand
            levensdomein: vissen
            crisis: paniek
            kleur: blauw

            [zonder zoek]
            herken: fiets
            [huur]
            herken: niet + meer
            zoek: huur
            """, ["wonen", "rondkomen"], problems);
        Assert.Contains(problems, p => p.Line == 5 && p.Message.Contains("levensdomein 'vissen' bestaat niet", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 6 && p.Message.Contains("crisis 'paniek'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 7 && p.Message.Contains("'kleur:'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 9 && p.Message.Contains("geen 'zoek:'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 11 && p.Message.Contains("al een situatie 'huur'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 12 && p.Message.Contains("alleen stopwoorden", StringComparison.Ordinal));
    }

    [Fact]
    public void Situaties_Herken_PartsInAnyOrderAndWordFormsAndPrefixes()
    {
        var situaties = Situaties.Parse("""
            [huur]
            herken: huur + betal*|betaal*
            zoek: huurachterstand
            levensdomein: wonen
            """, ["wonen"]);
        Assert.Single(situaties.Herken(Woorden("ik kan mijn huur niet betalen")));
        Assert.Single(situaties.Herken(Woorden("betaalde de huren niet")));
        Assert.Empty(situaties.Herken(Woorden("huur een fiets")));
    }

    [Fact]
    public void Talen_Parse_ReportsMissingLanguagesAndDoubleExpressionsWithTheirLine()
    {
        var problems = new List<Talen.Problem>();
        Talen.Parse("""
            [schulden]
            en: debt, debts
            tr: borç*
            ar: ديون
            pl: dług*
            uk: борг*

            [geld]
            en: money, debt
            fr: argent
            """, problems);
        Assert.Contains(problems, p => p.Line == 9 && p.Message.Contains("'debt' (en) staat ook al bij [schulden] (regel 1)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 10 && p.Message.Contains("verwacht een taal", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Line == 8 && p.Message.Contains("geen 'tr:'-regel", StringComparison.Ordinal));
    }

    [Fact]
    public void Talen_RealList_CoversAtLeast150ConceptsInAllFiveLanguages()
    {
        var problems = new List<Talen.Problem>();
        var talen = Talen.Parse(File.ReadAllText(Path.Combine(Support.TestContent.ContentRoot, "talen.txt")), problems);
        Assert.Empty(problems);
        Assert.True(talen.Concepten.Count >= 150, $"{talen.Concepten.Count} concepts");
    }

    [Fact]
    public void Situaties_RealRules_HaveNoProblems()
    {
        var problems = new List<Situaties.Problem>();
        Situaties.Parse(File.ReadAllText(Path.Combine(Support.TestContent.ContentRoot, "situaties.txt")),
            Support.TestContent.Taxonomie.Levensdomeinen.Select(d => d.Id).ToList(), problems);
        Assert.Empty(problems);
    }

    private static List<Woord> Woorden(string text) =>
        Tokenizer.Tokenize(text).Select(t => new Woord(t.Folded, DutchAnalyzer.Stem(t.Folded), !DutchAnalyzer.IsIndexable(t.Folded))).ToList();
}
