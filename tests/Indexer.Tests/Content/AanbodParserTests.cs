using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Indexer.Tests.Content;

public sealed class AanbodParserTests
{
    private static readonly AanbodParser Parser = new(TestContent.Taxonomie);

    private const string Valid = """
        ---
        id: koffie-ochtend
        name: Koffieochtend
        samenvatting: Elke week koffie drinken met buren.
        toegang: algemeen-toegankelijk
        levensdomeinen: [ontmoeten]
        organization:
          name: Buurthuis De Linde
          soort: vrijwilligersorganisatie
        locations:
          - address_1: Lindelaan 1
            postal_code: 3901 AB
            city: Veenendaal
            wijk: centrum
        schedules:
          - freq: WEEKLY
            byday: WE
            opens_at: "10:00"
            closes_at: "12:00"
        assured_date: 2026-10-01
        ---
        Kom gezellig langs.
        """;

    private static ParseResult Parse(string text, string path = "aanbod/koffie-ochtend.md") => Parser.Parse(path, text);

    private static string With(string replace, string by) => Valid.Replace(replace, by, StringComparison.Ordinal);

    [Fact]
    public void Parse_ValidFile_GivesAanbod()
    {
        var result = Parse(Valid);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var a = result.Aanbod!;
        Assert.Equal("Koffieochtend", a.Name);
        Assert.Equal(Toegang.AlgemeenToegankelijk, a.Toegang);
        Assert.Equal("Kom gezellig langs.", a.BodyMarkdown);
        Assert.Equal(new TimeOnly(10, 0), a.Schedules[0].OpensAt);
        Assert.True(a.Gratis);
    }

    [Fact]
    public void Parse_WindowsLineEndingsAndBom_AreAccepted()
    {
        Assert.True(Parse("\uFEFF" + Valid.Replace("\n", "\r\n", StringComparison.Ordinal)).IsValid);
    }

    [Fact]
    public void Parse_NoFrontMatter_IsReportedOnLineOne()
    {
        var problem = Assert.Single(Parse("Gewoon tekst.").Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("---", problem.Message);
    }

    [Fact]
    public void Parse_UnclosedFrontMatter_IsReported()
    {
        Assert.Contains("sluiten niet af", Assert.Single(Parse("---\nid: x\n").Problems).Message);
    }

    [Fact]
    public void Parse_YamlSyntaxError_IsReportedWithItsLine()
    {
        var problem = Assert.Single(Parse(With("samenvatting: Elke week koffie drinken met buren.", "samenvatting: [niet goed")).Problems);
        Assert.InRange(problem.Line, 4, 6);
        Assert.StartsWith("de gegevens kloppen niet (YAML)", problem.Message);
    }

    [Fact]
    public void Parse_UnknownToegang_IsReportedOnItsLine()
    {
        var problem = Assert.Single(Parse(With("toegang: algemeen-toegankelijk", "toegang: open")).Problems);
        Assert.Equal(5, problem.Line);
        Assert.Equal("toegang 'open' bestaat niet. Kies 'algemeen-toegankelijk' of 'achter-het-loket'.", problem.Message);
        Assert.Equal("aanbod/koffie-ochtend.md:5: toegang 'open' bestaat niet. Kies 'algemeen-toegankelijk' of 'achter-het-loket'.", problem.ToString());
    }

    [Fact]
    public void Parse_UnknownField_IsReportedOnItsLine()
    {
        var problem = Assert.Single(Parse(With("assured_date: 2026-10-01", "assured_date: 2026-10-01\ntitel: Dubbel")).Problems);
        Assert.Equal(21, problem.Line);
        Assert.Contains("onbekend veld 'titel'", problem.Message);
    }

    [Fact]
    public void Parse_MissingRequiredFields_AreEachReported()
    {
        var problems = Parse(With("name: Koffieochtend\n", "").Replace("assured_date: 2026-10-01\n", "", StringComparison.Ordinal)).Problems;
        Assert.Contains(problems, p => p.Message == "het veld 'name' ontbreekt of is leeg.");
        Assert.Contains(problems, p => p.Message == "het veld 'assured_date' ontbreekt of is leeg.");
    }

    [Fact]
    public void Parse_UnknownLevensdomein_IsReportedOnTheItemsLine()
    {
        var problem = Assert.Single(Parse(With("levensdomeinen: [ontmoeten]", "levensdomeinen:\n  - ontmoeten\n  - feesten")).Problems);
        Assert.Equal(8, problem.Line);
        Assert.Equal("levensdomein 'feesten' bestaat niet.", problem.Message);
    }

    [Fact]
    public void Parse_IdDifferentFromFileName_IsReported()
    {
        var problem = Assert.Single(Parse(Valid, "aanbod/iets-anders.md").Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains("bestandsnaam 'iets-anders'", problem.Message);
    }

    [Fact]
    public void Parse_AchterHetLoketWithoutWettelijkKader_IsReported()
    {
        var problems = Parse(With("toegang: algemeen-toegankelijk", "toegang: achter-het-loket")).Problems;
        Assert.Contains(problems, p => p.Message.Contains("wettelijk_kader", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_InternOnAlgemeenToegankelijk_IsReported()
    {
        var problems = Parse(With("assured_date: 2026-10-01", "assured_date: 2026-10-01\nintern:\n  notities: geheim")).Problems;
        Assert.Contains(problems, p => p.Message == "interne velden horen alleen bij aanbod achter het loket.");
    }

    [Fact]
    public void Parse_AchterHetLoketWithIntern_KeepsInternSeparate()
    {
        var text = With("toegang: algemeen-toegankelijk", "toegang: achter-het-loket\nwettelijk_kader: [Wmo]")
            .Replace("assured_date: 2026-10-01", "assured_date: 2026-10-01\nintern:\n  toewijzingscriteria: Na gesprek.\n  notities: Let op.", StringComparison.Ordinal);
        var result = Parse(text);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(new InternAanbod("Na gesprek.", "Let op."), result.Aanbod!.Intern);
    }

    [Fact]
    public void Parse_BadPostcode_IsReportedOnItsLine()
    {
        var problem = Assert.Single(Parse(With("postal_code: 3901 AB", "postal_code: 39011")).Problems);
        Assert.Equal(12, problem.Line);
        Assert.Contains("postcode '39011' klopt niet", problem.Message);
    }

    [Fact]
    public void Parse_ClosingBeforeOpening_IsReported()
    {
        var problem = Assert.Single(Parse(With("closes_at: \"12:00\"", "closes_at: \"09:00\"")).Problems);
        Assert.Equal(19, problem.Line);
        Assert.Equal("closes_at moet later zijn dan opens_at.", problem.Message);
    }

    [Fact]
    public void Parse_BadDayCode_IsReported()
    {
        var problem = Assert.Single(Parse(With("byday: WE", "byday: woensdag")).Problems);
        Assert.Contains("dag 'woensdag' klopt niet", problem.Message);
    }

    [Fact]
    public void Parse_EmptyBody_IsReportedBelowTheFrontMatter()
    {
        var problem = Assert.Single(Parse(With("Kom gezellig langs.", "")).Problems);
        Assert.Equal(22, problem.Line);
    }

    [Fact]
    public void Parse_NoLocationAndNoBereik_IsReported()
    {
        var text = Valid[..Valid.IndexOf("locations:", StringComparison.Ordinal)] + Valid[Valid.IndexOf("schedules:", StringComparison.Ordinal)..];
        Assert.Contains(Parse(text).Problems, p => p.Message.StartsWith("geef minstens één locatie", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TooLongSamenvatting_IsReported()
    {
        var problem = Assert.Single(Parse(With("Elke week koffie drinken met buren.", new string('a', 301))).Problems);
        Assert.Contains("te lang: 301 tekens", problem.Message);
    }
}
