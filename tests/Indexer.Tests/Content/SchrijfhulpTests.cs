using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Taal;

namespace SocialeKaart.Indexer.Tests.Content;

/// <summary>The B1 writing hints: what they find, where (offset, line, column), and what they leave alone.</summary>
public sealed class SchrijfhulpTests
{
    private static readonly Jargonlijst Jargon = Jargonlijst.Parse(File.ReadAllText(Path.Combine(TestContent.ContentRoot, Jargonlijst.Pad)));
    private static readonly Schrijfhulp Hulp = new(Jargon);

    private static List<B1Hint> Hints(string tekst, HintSoort soort) => Hulp.Hints(tekst).Where(h => h.Soort == soort).ToList();

    private static string Woorden(int n) => string.Join(' ', Enumerable.Range(0, n).Select(i => i % 2 == 0 ? "koffie" : "drinken"));

    [Fact]
    public void Jargonlijst_TheRealList_ParsesWithoutProblems()
    {
        Assert.Empty(Jargon.Problemen);
        Assert.InRange(Jargon.Termen.Count, 80, 150);
        Assert.Contains(Jargon.Termen, t => t.Vormen.Contains("maatwerkvoorziening") && t.Alternatief == "hulp die past bij uw situatie");
        Assert.Contains(Jargon.Termen, t => t.Vormen.SequenceEqual(["dient", "dienen"]));
    }

    [Fact]
    public void Jargonlijst_ALineWithoutArrow_IsReportedWithItsLine_AndTheRestIsRead()
    {
        var lijst = Jargonlijst.Parse("# uitleg\nindien => als\nmiddels met\n => leeg\nreeds => al\n");
        Assert.Equal(["indien", "reeds"], lijst.Termen.Select(t => t.Vormen[0]));
        Assert.Equal([3, 4], lijst.Problemen.Select(p => p.Line));
        Assert.All(lijst.Problemen, p => Assert.Equal("taal/jargon.txt", p.Path));
    }

    [Fact]
    public void LangeZin_IsHinted_WithItsPlace()
    {
        var tekst = "Kom langs.\nU kunt " + Woorden(22) + ".";
        var hint = Assert.Single(Hints(tekst, HintSoort.LangeZin));

        Assert.Equal((2, 1, 11), (hint.Regel, hint.Kolom, hint.Begin));
        Assert.Equal(tekst.Length - 1 - 11, hint.Lengte);
        Assert.Contains("24 woorden", hint.Bericht, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20, false)]
    [InlineData(21, true)]
    public void LangeZin_TheThresholdIsTwentyWords(int woorden, bool hint)
    {
        Assert.Equal(hint, Hints(Woorden(woorden) + ". Dat is alles.", HintSoort.LangeZin).Count == 1);
    }

    [Fact]
    public void LangeZin_AbbreviationsInitialsAndTimes_DoNotEndASentence()
    {
        var tekst = "Neem o.a. uw paspoort mee, bijv. voor J. Jansen, om 14.00 uur. " + "Kom gerust.";
        Assert.Empty(Hints(tekst, HintSoort.LangeZin));
        Assert.Single(Hints("Neem o.a. uw paspoort mee, bijv. voor J. Jansen, om 14.00 uur en " + Woorden(10) + ".", HintSoort.LangeZin));
    }

    [Fact]
    public void LangeZin_ListItemsAndHeadings_AreSentencesOfTheirOwn()
    {
        var tekst = "## Wat u meeneemt\n" + string.Join('\n', Enumerable.Range(0, 6).Select(_ => "- uw paspoort en uw bankpas")) + "\n\nNiets anders";
        Assert.Empty(Hints(tekst, HintSoort.LangeZin));
    }

    [Fact]
    public void LangWoord_IsHinted_ButNotNamesAddressesOrAbbreviations()
    {
        var tekst = "U krijgt schuldhulpverlening van Ontmoetingscentrumdedageraad. Mail naar aanmeldingen@schuldhulpmaatjeveenendaal.example.nl of kijk op https://www.ontmoetingscentrumdedageraad.example.nl/aanmelden. Bel het KLANTCONTACTCENTRUM.";
        var hint = Assert.Single(Hints(tekst, HintSoort.LangWoord));

        Assert.Equal("schuldhulpverlening", tekst.Substring(hint.Begin, hint.Lengte));
        Assert.Contains("19 letters", hint.Bericht, StringComparison.Ordinal);
    }

    [Fact]
    public void LangWoord_AtTheStartOfASentence_AndInAHyphenatedWord_IsHinted()
    {
        var hints = Hints("Schuldhulpverlening helpt. Er is een Wmo-woningaanpassingsregeling.", HintSoort.LangWoord);
        Assert.Equal(["Schuldhulpverlening", "Wmo-woningaanpassingsregeling"], hints.Select(h => h.Bericht.Split('\'')[1]));
    }

    [Fact]
    public void Jargon_IsHinted_WithThePlainerWords()
    {
        var tekst = "Indien u een maatwerkvoorziening wilt, doen we in het kader van de Wmo een keukentafelgesprek. Indicaties duren lang.";
        var hints = Hints(tekst, HintSoort.Jargon);

        Assert.Equal(["Indien", "maatwerkvoorziening", "in het kader van", "keukentafelgesprek", "Indicaties"], hints.Select(h => tekst.Substring(h.Begin, h.Lengte)));
        Assert.Contains("Schrijf liever: hulp die past bij uw situatie.", hints[1].Bericht, StringComparison.Ordinal);
        Assert.Contains("Schrijf liever: voor, bij.", hints[2].Bericht, StringComparison.Ordinal);
        Assert.DoesNotContain(Hulp.Hints(tekst), h => h.Soort == HintSoort.LangWoord && h.Begin == hints[1].Begin);
    }

    [Fact]
    public void Jargon_OnlyWholeWords()
    {
        Assert.Empty(Hints("Wij zijn mensen met menselijke manieren.", HintSoort.Jargon));
        Assert.Single(Hints("Men kan bellen.", HintSoort.Jargon));
    }

    [Theory]
    [InlineData("De aanvraag wordt door de gemeente beoordeeld.", "wordt … beoordeeld")]
    [InlineData("Uw gegevens worden bewaard.", "worden bewaard")]
    [InlineData("Het formulier werd vorig jaar door ons veranderd.", "werd … veranderd")]
    public void Lijdend_IsHinted(string zin, string woorden)
    {
        var hint = Assert.Single(Hints(zin, HintSoort.Lijdend));
        Assert.Contains($"'{woorden}'", hint.Bericht, StringComparison.Ordinal);
        Assert.StartsWith(woorden.Split(' ')[0], zin[hint.Begin..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Het wordt koud.")]
    [InlineData("Wij beoordelen uw aanvraag.")]
    [InlineData("U wordt lid van de club.")]
    public void Lijdend_NotForActiveSentences(string zin) => Assert.Empty(Hints(zin, HintSoort.Lijdend));

    [Fact]
    public void GeenU_ALongerTextThatNeverSaysU_GetsOneHint()
    {
        var zonder = "De vereniging organiseert wandelingen in het park. Deelnemers lopen in kleine groepen. " + Woorden(26) + ".";
        Assert.Single(Hints(zonder, HintSoort.GeenU));
        Assert.Empty(Hints(zonder + " Komt u ook?", HintSoort.GeenU));
        Assert.Empty(Hints("Wandelen in het park.", HintSoort.GeenU));
    }

    [Fact]
    public void Markdown_LinkTargetsAndCode_AreNotRead_ButLinkTextIs()
    {
        var tekst = "Lees [over de maatwerkvoorziening](https://www.example.nl/maatwerkvoorziening-schuldhulpverlening) en `schuldhulpverleningsaanvraag`.";
        var hints = Hulp.Hints(tekst);
        var hint = Assert.Single(hints);
        Assert.Equal((HintSoort.Jargon, "maatwerkvoorziening"), (hint.Soort, tekst.Substring(hint.Begin, hint.Lengte)));
        Assert.True(hint.Begin < tekst.IndexOf("](", StringComparison.Ordinal));
    }

    [Fact]
    public void Hints_OnTheRealContent_PointAtTheirPlaceInTheText()
    {
        var parser = new AanbodParser(TestContent.Taxonomie);
        var totaal = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(TestContent.ContentRoot, ContentIndexer.AanbodFolder), "*.md"))
        {
            var aanbod = parser.Parse("aanbod/" + Path.GetFileName(file), File.ReadAllText(file)).Aanbod!;
            foreach (var tekst in new[] { aanbod.BodyMarkdown, aanbod.Samenvatting })
            {
                var regels = tekst.Split('\n');
                foreach (var hint in Hulp.Hints(tekst))
                {
                    totaal++;
                    Assert.InRange(hint.Begin + hint.Lengte, 1, tekst.Length);
                    Assert.Equal(tekst[hint.Begin], regels[hint.Regel - 1][hint.Kolom - 1]);
                    Assert.False(string.IsNullOrWhiteSpace(hint.Bericht));
                }
            }
        }

        Assert.True(totaal > 0);
    }

    [Fact]
    public void Hints_HostileOrEmptyText_NeverThrows()
    {
        foreach (var tekst in new[] { "", " ", "\n\n\n", "...", "```", "[", "](", "- ", "#", new string('a', 100_000), string.Concat(Enumerable.Repeat("wordt ", 10_000)), "\ud800", "é\u0301" })
        {
            _ = Hulp.Hints(tekst);
        }
    }
}
