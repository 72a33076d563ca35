using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Indexer.Tests.Content;

/// <summary>The names of the taxonomy in the other languages of the inwoner pages (content/taxonomie.yml, vertalingen).</summary>
public sealed class TaxonomieVertalingenTests
{
    private const string Yaml = """
        leefgebieden:
          - id: meedoen-en-ontmoeten
            naam: Meedoen en ontmoeten
        levensdomeinen:
          - id: ontmoeten
            naam: Ontmoeten
            leefgebied: meedoen-en-ontmoeten
            omschrijving: Andere mensen zien.
            vertalingen:
              en: {naam: Meeting people, omschrijving: Seeing other people.}
              ar: {naam: لقاء الناس}
        doelgroepen:
          - id: ouderen
            naam: Ouderen
            vertalingen:
              uk: {naam: Люди похилого віку}
        """;

    [Fact]
    public void Naam_InALanguage_IsItsTranslation_OrTheDutchName()
    {
        var taxonomie = Taxonomie.Parse(Yaml);
        var ontmoeten = taxonomie.Levensdomeinen.Single();

        Assert.Equal("Meeting people", ontmoeten.NaamIn("en"));
        Assert.Equal("Seeing other people.", ontmoeten.OmschrijvingIn("en"));
        Assert.Equal("لقاء الناس", ontmoeten.NaamIn("ar"));
        Assert.Equal("Andere mensen zien.", ontmoeten.OmschrijvingIn("ar"));
        Assert.Equal("Ontmoeten", ontmoeten.NaamIn("tr"));
        Assert.Equal("Люди похилого віку", taxonomie.Naam("ouderen", "uk"));
        Assert.Equal("Ouderen", taxonomie.Naam("ouderen", "en"));
        Assert.Equal("Meedoen en ontmoeten", taxonomie.Naam("meedoen-en-ontmoeten", "en"));
    }

    [Fact]
    public void Parse_RejectsALanguageThePagesDoNotHave()
    {
        var fout = Assert.Throws<InvalidDataException>(() => Taxonomie.Parse(Yaml.Replace("ar: {naam", "fr: {naam", StringComparison.Ordinal)));

        Assert.Contains("'fr'", fout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectsATranslationWithoutName()
    {
        Assert.Throws<InvalidDataException>(() => Taxonomie.Parse(Yaml.Replace("{naam: لقاء الناس}", "{omschrijving: x}", StringComparison.Ordinal)));
    }

    // The real taxonomy: every levensdomein and doelgroep has a name in every language of the inwoner pages.
    [Fact]
    public void RealTaxonomy_NamesEveryLevensdomeinAndDoelgroep_InEveryLanguage()
    {
        var taxonomie = TestContent.Taxonomie;

        foreach (var taal in Talen.Codes)
        {
            Assert.All(taxonomie.Levensdomeinen, l => Assert.NotEqual(l.Naam, l.NaamIn(taal)));
            Assert.All(taxonomie.Levensdomeinen, l => Assert.NotEqual(l.Omschrijving, l.OmschrijvingIn(taal)));
            Assert.All(taxonomie.Doelgroepen, d => Assert.NotEqual(d.Naam, taxonomie.Naam(d.Id, taal)));
        }
    }
}
