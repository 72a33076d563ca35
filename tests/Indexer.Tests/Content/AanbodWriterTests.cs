using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;

namespace SocialeKaart.Indexer.Tests.Content;

/// <summary>
/// The writer gives back what the parser read: every real content file, parsed, written and parsed again, is the same
/// aanbod; and so is every generated aanbod (FsCheck; every field, values full of what YAML gives meaning to).
/// </summary>
public sealed class AanbodWriterTests
{
    private static readonly int Gevallen = int.TryParse(Environment.GetEnvironmentVariable("SK_FUZZ_GEVALLEN"), out var n) && n > 0 ? n : 500;
    private static readonly Taxonomie Taxonomie = TestContent.Taxonomie;
    private static readonly AanbodParser Parser = new(Taxonomie);
    private static readonly JsonSerializerOptions Json = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static TheoryData<string> RealFiles() =>
        new(Directory.GetFiles(Path.Combine(TestContent.ContentRoot, ContentIndexer.AanbodFolder), "*.md").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Write_RealFile_ParsesBackToTheSameAanbod(string file)
    {
        var path = $"aanbod/{file}";
        var origineel = Parser.Parse(path, File.ReadAllText(Path.Combine(TestContent.ContentRoot, "aanbod", file)));
        Assert.True(origineel.IsValid, string.Join('\n', origineel.Problems));

        var tekst = AanbodWriter.Write(origineel.Aanbod!);
        var terug = Parser.Parse(path, tekst);
        Assert.True(terug.IsValid, string.Join('\n', terug.Problems) + "\n" + tekst);
        Assert.Equal(Serialize(origineel.Aanbod!), Serialize(terug.Aanbod!));
        Assert.Equal(tekst, AanbodWriter.Write(terug.Aanbod!));
    }

    [Fact]
    public void Write_GeneratedAanbod_ParsesBackToTheSameAanbod()
    {
        Prop.ForAll(AanbodGen().ToArbitrary(), a =>
        {
            var tekst = AanbodWriter.Write(a);
            var terug = Parser.Parse($"aanbod/{a.Id}.md", tekst);
            if (!terug.IsValid)
            {
                throw new InvalidOperationException(string.Join('\n', terug.Problems) + "\n" + tekst);
            }

            if (Serialize(a) != Serialize(terug.Aanbod!))
            {
                throw new InvalidOperationException($"Verschil:\n{Serialize(a)}\n{Serialize(terug.Aanbod!)}\n{tekst}");
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Gevallen));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("Nee")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("14:00")]
    [InlineData("0318 000 101")]
    [InlineData("+31 318 000 101")]
    [InlineData("-1FR")]
    [InlineData("- een lijst?")]
    [InlineData("Let op: vooraf bellen")]
    [InlineData("Kamer #3")]
    [InlineData("Kamer # 3")]
    [InlineData("Tot slot:")]
    [InlineData("\"Citaat\" en 'nog een'")]
    [InlineData("Regel één\nRegel twee\r\nRegel drie")]
    [InlineData("[geen lijst]")]
    [InlineData("{geen: object}")]
    [InlineData("&anker *alias !tag |pipe >groter %procent @at `backtick")]
    [InlineData("---")]
    [InlineData("...")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData("2026-10-01")]
    [InlineData("Tab\tin het midden")]
    [InlineData("https://www.example.nl/pad?a=1&b=2#deel")]
    public void Write_ValueYamlGivesMeaningTo_SurvivesAsText(string waarde)
    {
        var a = Basis() with { FeesDescription = waarde, ApplicationProcess = waarde, Trefwoorden = [waarde, "gewoon"], Phones = [new Telefoon(waarde, waarde)] };
        var terug = Parser.Parse("aanbod/basis.md", AanbodWriter.Write(a));

        Assert.True(terug.IsValid, string.Join('\n', terug.Problems));
        Assert.Equal(waarde, terug.Aanbod!.FeesDescription);
        Assert.Equal(waarde, terug.Aanbod.ApplicationProcess);
        Assert.Equal([waarde, "gewoon"], terug.Aanbod.Trefwoorden);
        Assert.Equal(waarde, terug.Aanbod.Phones.Single().Number);
    }

    [Fact]
    public void Write_ReadsLikeTheContentModel()
    {
        var tekst = AanbodWriter.Write(Basis() with
        {
            Phones = [new Telefoon("0318 000 102", "Voor vragen")],
            Schedules = [new Tijden("WEEKLY", ["TU"], 2, new DateOnly(2027, 1, 5), null, new TimeOnly(14, 0), new TimeOnly(16, 0), "Om de week")],
        });

        Assert.StartsWith("---\nid: basis\nname: Taalcafé De Brug\nsamenvatting: Oefen Nederlands praten.\ntoegang: algemeen-toegankelijk\nlevensdomeinen: [ontmoeten, leren]\n", tekst, StringComparison.Ordinal);
        Assert.Contains("phones:\n  - number: \"0318 000 102\"\n    description: Voor vragen\n", tekst, StringComparison.Ordinal);
        Assert.Contains("schedules:\n  - freq: WEEKLY\n    byday: TU\n    interval: 2\n    dtstart: 2027-01-05\n    opens_at: \"14:00\"\n    closes_at: \"16:00\"\n", tekst, StringComparison.Ordinal);
        Assert.EndsWith("assured_date: 2026-10-01\n---\nKom gewoon langs.\n", tekst, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_BodyWithWindowsLineEndsAndFrontMatterLines_StaysTheBody()
    {
        var a = Basis() with { BodyMarkdown = "Eerste regel\r\n\r\n---\r\nid: kaping\n---\nNog meer\r\n" };
        var terug = Parser.Parse("aanbod/basis.md", AanbodWriter.Write(a));

        Assert.True(terug.IsValid, string.Join('\n', terug.Problems));
        Assert.Equal("basis", terug.Aanbod!.Id);
        Assert.Equal("Eerste regel\n\n---\nid: kaping\n---\nNog meer", terug.Aanbod.BodyMarkdown);
    }

    [Fact]
    public void Write_HalfAUnicodeCharacter_IsRefused() =>
        Assert.Throws<ArgumentException>(() => AanbodWriter.Write(Basis() with { FeesDescription = "half \ud800 teken" }));

    private static Aanbod Basis() => new()
    {
        Id = "basis",
        Name = "Taalcafé De Brug",
        Samenvatting = "Oefen Nederlands praten.",
        BodyMarkdown = "Kom gewoon langs.",
        Toegang = Toegang.AlgemeenToegankelijk,
        Levensdomeinen = ["ontmoeten", "leren"],
        Organization = new Organisatie("Stichting De Brug", "vrijwilligersorganisatie", null, null, null),
        Bereik = ["online"],
        AssuredDate = new DateOnly(2026, 10, 1),
    };

    private static string Serialize(Aanbod a) => JsonSerializer.Serialize(a, Json);

    // What YAML, Markdown and text encodings give meaning to.
    private static readonly string[] Stukjes =
    [
        "ja", "nee", "true", "False", "null", "~", "14:00", "0318 000 101", "+31", "-1FR", "- ", ": ", ":", " #", "#", "\"", "'", "\\",
        "\n", "\r\n", "\t", "[", "]", "{", "}", ",", "&a", "*b", "!tag", "|", ">", "%", "@", "`", "?", "---", "...", "\n---\n", "é", "😀",
        "中文", "\u0085", "\u2028", "\u00a0", "\u200b", "\u0000", "\u001b", "\u007f", "\ufeff", "<script>", "&amp;", "a: b", "100%",
        "€ 2,50", "http://x.nl/?a=1#f", "0", "1e3", ".5", "2026-10-01", "Y", "n", "<<",
    ];

    private static readonly string[] Woorden = ["Buurthuis", "koffie", "elke", "dinsdag", "hulp", "bij", "geld", "Stichting", "de", "Brug", "gratis"];

    private static Gen<string> Tekst(int max = 300) =>
        Gen.ListOf(Gen.Frequency((3, Gen.Elements(Woorden).Select(w => w + " ")), (2, Gen.Elements(Stukjes))))
            .Select(d => string.Concat(d).Trim())
            .Select(s => s.Length == 0 ? "tekst" : s.Length > max ? s[..max].Trim() : s)
            .Where(s => s.Length > 0 && !char.IsSurrogate(s[^1]));

    private static Gen<string?> Misschien(Gen<string> gen) => Gen.Frequency((1, Gen.Constant<string?>(null)), (2, gen.Select(s => (string?)s)));

    private static Gen<T?> MisschienWaarde<T>(Gen<T> gen)
        where T : struct => Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(v => (T?)v)));

    private static Gen<List<T>> Deel<T>(IEnumerable<T> items) => Gen.SubListOf(items.ToArray()).Select(l => l.ToList());

    private static readonly Gen<string> Slug =
        Gen.NonEmptyListOf(Gen.Elements("a", "b", "z", "0", "9", "taal", "cafe")).Select(d => string.Join("-", d.Take(5)));

    private static readonly Gen<DateOnly> Datum = Gen.Choose(0, 3000).Select(d => new DateOnly(2025, 1, 1).AddDays(d));

    private static readonly Gen<(TimeOnly? Open, TimeOnly? Dicht)> Tijd =
        from open in Gen.Choose(0, 22 * 60)
        from duur in Gen.Choose(1, 120)
        from welke in Gen.Choose(0, 3)
        let o = new TimeOnly(open / 60, open % 60)
        let d = o.AddMinutes(duur)
        select welke switch
        {
            0 => ((TimeOnly?)null, (TimeOnly?)null),
            1 => (o, (TimeOnly?)null),
            2 => ((TimeOnly?)null, d),
            _ => d > o ? (o, d) : (o, (TimeOnly?)null),
        };

    private static readonly string[] Dagen = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    private static readonly Gen<Tijden> Rooster =
        from soort in Gen.Choose(0, 2)
        from dagen in Gen.NonEmptyListOf(Gen.Elements(Dagen))
        from rangen in Gen.ListOf(Gen.Elements("1", "2", "3", "4", "5", "-1", "-2", ""))
        from interval in Gen.Frequency((3, Gen.Constant(1)), (1, Gen.Choose(2, 52)))
        from start in Datum
        from heeftStart in Gen.Elements(true, false)
        from tot in MisschienWaarde(Gen.Choose(0, 400))
        from tijd in Tijd
        from beschrijving in Misschien(Tekst(100))
        let byDay = soort == 2 ? dagen.Select((d, i) => (i < rangen.Count ? rangen[i] : "") + d).ToList() : dagen.Distinct().ToList()
        select soort == 0
            ? new Tijden(null, [], 1, start, tot is { } t1 ? start.AddDays(t1) : null, tijd.Open, tijd.Dicht, beschrijving)
            : new Tijden(soort == 1 ? "WEEKLY" : "MONTHLY", byDay, interval, heeftStart ? start : null, tot is { } t2 ? (heeftStart ? start : new DateOnly(2025, 1, 1)).AddDays(t2) : null, tijd.Open, tijd.Dicht, beschrijving);

    private static readonly Gen<Locatie> Plek =
        from naam in Misschien(Tekst(80))
        from adres in Tekst(80)
        from pc in Gen.Choose(1000, 9999)
        from letters in Gen.Elements("", " AB", "ZZ", " KL")
        from plaats in Tekst(40)
        from wijk in Misschien(Gen.Elements(Taxonomie.Wijken.Select(w => w.Id).ToArray()))
        from coord in Gen.Elements(true, false)
        from lat in Gen.Choose(0, 3_000_000)
        from lon in Gen.Choose(0, 4_000_000)
        from rolstoel in MisschienWaarde(Gen.Elements(true, false))
        select new Locatie(naam, adres, pc.ToString(System.Globalization.CultureInfo.InvariantCulture) + letters, plaats, wijk,
            coord ? 50.6 + lat / 1_000_000.0 : null, coord ? 3.3 + lon / 1_000_000.0 : null, rolstoel);

    private static readonly Gen<Kosten> Prijs =
        from optie in Misschien(Tekst(60))
        from centen in MisschienWaarde(Gen.Choose(0, 100_000))
        from schaal in Gen.Elements(0, 1, 2)
        select new Kosten(optie, centen is { } c ? decimal.Round(c / 100m, schaal) : null);

    private static readonly Gen<Organisatie> Aanbieder =
        from naam in Tekst(120)
        from soort in Gen.Elements("vrijwilligersorganisatie", "professionele-aanbieder", "gemeente", "maatschappelijke-organisatie")
        from url in Misschien(Slug.Select(s => $"https://{s}.example.nl/pad?a=1&b=%20#deel"))
        from email in Misschien(Slug.Select(s => $"info+{s}@{s}.example.nl"))
        from telefoon in Misschien(Tekst(30))
        select new Organisatie(naam, soort, url, email, telefoon);

    private static Gen<Aanbod> AanbodGen() =>
        from id in Slug
        from naam in Tekst(120)
        from samenvatting in Tekst(300)
        from body in Tekst(3000).Select(b => b.Replace("\r", "", StringComparison.Ordinal).Trim()).Where(b => b.Length > 0)
        from loket in Gen.Elements(true, false)
        from bemoeizorg in Gen.Elements(true, false)
        from levensdomeinen in Gen.Shuffle(Taxonomie.Levensdomeinen.Select(l => l.Id).ToArray()).SelectMany(l => Gen.Choose(1, 3).Select(k => l.Take(k).ToList()))
        from doelgroepen in Deel(Taxonomie.Doelgroepen.Select(d => d.Id))
        from leeftijd in MisschienWaarde(Gen.Choose(0, 120))
        from tot in MisschienWaarde(Gen.Choose(0, 120))
        from vorm in Misschien(Gen.Elements("individueel", "groep", "beide"))
        from uitvoering in Misschien(Gen.Elements("vrijwilligers", "professionals", "beide"))
        from organisatie in Aanbieder
        from url in Misschien(Slug.Select(s => $"http://www.example.nl/{s}"))
        from email in Misschien(Slug.Select(s => $"{s}@example.nl"))
        from telefoons in Gen.ListOf(from nummer in Tekst(30) from beschrijving in Misschien(Tekst(80)) select new Telefoon(nummer, beschrijving))
        from plekken in Gen.ListOf(Plek)
        from bereik in Deel(["aan-huis", "online", "telefonisch"])
        from wijken in Deel(Taxonomie.Wijken.Select(w => w.Id))
        from roosters in Gen.ListOf(Rooster)
        from kosten in Gen.ListOf(Prijs)
        from fees in Misschien(Tekst())
        from inkomen in Gen.Elements(true, false)
        from talen in Deel(["nl", "en", "ar", "tr", "pl", "uk"])
        from rolstoel in MisschienWaarde(Gen.Elements(true, false))
        from identiteit in Misschien(Gen.Elements("neutraal", "levensbeschouwelijk"))
        from aanmelden in Misschien(Tekst())
        from trefwoorden in Gen.ListOf(Tekst(40)).Select(t => t.Distinct().ToList())
        from gecontroleerd in Datum
        from wetten in Gen.SubListOf("Wmo", "Jeugdwet", "Participatiewet", "Wgs").Select(w => w.ToList())
        from wet in Gen.Elements("Wmo", "Jeugdwet", "Participatiewet", "Wgs")
        from intern in Gen.Frequency(
            (1, Gen.Constant<InternAanbod?>(null)),
            (2, from c in Misschien(Tekst()) from nt in Misschien(Tekst()) select (InternAanbod?)new InternAanbod(c, nt)))
        let min = leeftijd is { } l && tot is { } t ? Math.Min(l, t) : leeftijd
        let max = leeftijd is { } l2 && tot is { } t2 ? Math.Max(l2, t2) : tot
        select new Aanbod
        {
            Id = id,
            Name = naam,
            Samenvatting = samenvatting,
            BodyMarkdown = body,
            Toegang = loket ? Toegang.AchterHetLoket : Toegang.AlgemeenToegankelijk,
            Bemoeizorg = !loket && bemoeizorg,
            Levensdomeinen = levensdomeinen,
            Doelgroepen = doelgroepen,
            MinimumAge = min,
            MaximumAge = max,
            Vorm = vorm,
            Uitvoering = uitvoering,
            Organization = organisatie,
            Url = url,
            Email = email,
            Phones = telefoons,
            Locations = plekken,
            Bereik = plekken.Count == 0 && bereik.Count == 0 ? ["telefonisch"] : bereik,
            Wijken = wijken,
            Schedules = roosters,
            CostOptions = kosten,
            FeesDescription = fees,
            Inkomensafhankelijk = inkomen,
            Languages = talen,
            Rolstoeltoegankelijk = rolstoel,
            Identiteit = identiteit,
            ApplicationProcess = aanmelden,
            Trefwoorden = trefwoorden,
            AssuredDate = gecontroleerd,
            WettelijkKader = loket && wetten.Count == 0 ? [wet] : wetten,
            Intern = loket ? intern : null,
        };
}
