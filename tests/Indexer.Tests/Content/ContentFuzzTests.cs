using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;

namespace SocialeKaart.Indexer.Tests.Content;

/// <summary>
/// Property tests of the content parser with random and mutated files: whatever a file holds, parsing never throws
/// (nor overflows the stack, which would end this test process), and the answer is a valid aanbod or problems as
/// <c>path:line: message</c> with a line that exists in the file. The mutations start from the real content, so they
/// reach deep into the parser. FsCheck picks a new seed each run and prints it on a failure, for replay.
/// </summary>
public sealed class ContentFuzzTests
{
    /// <summary>Cases per property; SK_FUZZ_GEVALLEN asks for more (a longer run by hand or at night).</summary>
    private static readonly int Gevallen = int.TryParse(Environment.GetEnvironmentVariable("SK_FUZZ_GEVALLEN"), out var n) && n > 0 ? n : 400;

    private static readonly AanbodParser Parser = new(TestContent.Taxonomie);

    private static readonly string[] Echt = Directory.GetFiles(Path.Combine(TestContent.ContentRoot, ContentIndexer.AanbodFolder), "*.md")
        .Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    // What YAML, Markdown and text encodings give meaning to, and what breaks naive code.
    private static readonly string[] Stukjes =
    [
        "[", "]", "{", "}", ":", ": ", "- ", "? ", ",", "&a ", "*a", "!!binary ", "!foo ", "\t", "\r", "\n", "\r\n", "'", "\"",
        "#", "|", ">", "---", "\n---\n", "...", "%YAML 1.2\n", "\uFEFF", "\0", "é", "𝄞", "\u202E", "\uD800", "~", "null",
        "true", "0x1F", "1e400", "-", "2026-02-30", "25:61", "<script>", "\\", "%", "@", "`", "\u00A0", "ﬁ", "İ",
        "id: ", "name: ", "toegang: ", "levensdomeinen: ", "schedules:\n  - ", "locations:\n  - ", "intern:\n  ", "? [a, b]\n: x\n",
    ];

    [Fact]
    public void Parse_RandomText_NeverThrowsAndNamesRealLines()
    {
        var tekst = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "");
        var bestand = Gen.OneOf(
            tekst,
            tekst.Select(s => "---\n" + s + "\n---\nTekst"),
            Gen.ArrayOf(Gen.Elements(Stukjes)).Select(s => "---\n" + string.Concat(s) + "\n---\n"));

        Prop.ForAll(bestand.ToArbitrary(), HeeftEenGoedAntwoord).Check(Config.QuickThrowOnFailure.WithMaxTest(Gevallen));
    }

    [Fact]
    public void Parse_MutatedRealFiles_NeverThrowsAndNamesRealLines()
    {
        Prop.ForAll(Gemuteerd().ToArbitrary(), HeeftEenGoedAntwoord).Check(Config.QuickThrowOnFailure.WithMaxTest(Gevallen));
    }

    [Theory]
    [InlineData('[', 60_000)]
    [InlineData('{', 60_000)]
    [InlineData('[', 100_000)]
    public void Parse_DeepNesting_IsAProblemNotACrash(char haak, int diepte)
    {
        var problem = Assert.Single(Parse("---\nid: diep\nname: " + new string(haak, diepte) + "\n---\nTekst").Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("te diep genest", problem.Message);
    }

    [Fact]
    public void Parse_DeepBlockNesting_IsAProblemNotACrash()
    {
        var lijst = string.Concat(Enumerable.Repeat("- ", 60_000));
        Assert.NotEmpty(Parse($"---\nid: diep\nname:\n  {lijst}x\n---\nTekst").Problems);
        var indent = string.Join("\n", Enumerable.Range(0, 300).Select(i => new string(' ', i) + "a" + i + ":")) + " x";
        Assert.Contains(Parse("---\n" + indent + "\n---\nTekst").Problems, p => p.Message.Contains("te diep genest"));
    }

    [Fact]
    public void Parse_NonScalarKey_IsReportedOnItsLine()
    {
        var result = Parse("---\n? [a, b]\n: x\nid: kapot\n---\nTekst");
        Assert.Null(result.Aanbod);
        Assert.Contains(result.Problems, p => p.Line == 2 && p.Message.Contains("veldnaam"));
    }

    [Fact]
    public void Parse_NonScalarKeyInIntern_IsReportedOnItsLine()
    {
        var tekst = Echt.First(t => t.Contains("\nintern:", StringComparison.Ordinal));
        var regel = tekst[..tekst.IndexOf("\nintern:", StringComparison.Ordinal)].Count(c => c == '\n') + 3;
        var result = Parse(tekst.Replace("\nintern:\n", "\nintern:\n  ? [a, b]\n  : x\n", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Line == regel && p.Message.Contains("in intern"));
    }

    [Fact]
    public void Parse_SelfReferencingAlias_IsAProblemNotACrash()
    {
        var problem = Assert.Single(Parse("---\nid: x\n? &a [*a]\n: y\n---\nTekst").Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("ankers", problem.Message);
    }

    [Fact]
    public void Parse_TabInIndentation_IsReportedOnTheTabsLine()
    {
        var regels = Echt.First(t => t.Contains("\norganization:\n  name:", StringComparison.Ordinal)).Split('\n');
        for (var i = 2; i < regels.Length && regels[i] != "---"; i++)
        {
            if (!regels[i].StartsWith("  ", StringComparison.Ordinal))
            {
                continue;
            }

            var kapot = regels.ToArray();
            kapot[i] = "\t" + kapot[i];
            var problem = Assert.Single(Parse(string.Join('\n', kapot)).Problems);
            Assert.Equal(i + 1, problem.Line);
            Assert.Contains("tab", problem.Message);
        }
    }

    [Fact]
    public void Parse_HugeFile_IsAProblemNotASlowParse()
    {
        var problem = Assert.Single(Parse("---\nid: x\nname: " + new string('a', AanbodParser.MaxTekens) + "\n---\nTekst").Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("te groot", problem.Message);
    }

    [Fact]
    public async Task Read_BrokenAndCopiedFiles_NeverStopOrReplaceTheOthers()
    {
        using var map = new TempContent();
        var origineel = await new ContentIndexer(new LocalContentStore(map.Root)).ReadAsync();
        var aanbod = Path.Combine(map.Root, ContentIndexer.AanbodFolder);
        var gen = Gemuteerd();
        foreach (var (tekst, i) in gen.Sample(60).Select((t, i) => (t, i)))
        {
            await File.WriteAllBytesAsync(Path.Combine(aanbod, $"kapot-{i}.md"), Encoding.UTF8.GetBytes(tekst));
        }

        // Copies of a real file under another spelling or in a subfolder, with a changed name, must not replace it.
        var bron = Path.Combine(aanbod, "taalcafe-de-brug.md");
        var kopie = (await File.ReadAllTextAsync(bron)).Replace("name: Taalcafé De Brug", "name: Nep", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(aanbod, "taalcafe-de-brug.MD"), kopie);
        Directory.CreateDirectory(Path.Combine(aanbod, "a"));
        await File.WriteAllTextAsync(Path.Combine(aanbod, "a", "taalcafe-de-brug.md"), kopie);

        var content = await new ContentIndexer(new LocalContentStore(map.Root)).ReadAsync();

        foreach (var a in origineel.Aanbod)
        {
            var nu = Assert.Single(content.Aanbod, x => x.Id == a.Id);
            Assert.Equal(a.Name, nu.Name);
        }

        Assert.Contains(content.Problems, p => p.Path == "aanbod/taalcafe-de-brug.MD");
        Assert.Contains(content.Problems, p => p.Path == "aanbod/a/taalcafe-de-brug.md" && p.Message.Contains("aanbod/taalcafe-de-brug.md"));
        Assert.DoesNotContain(content.Problems, p => p.Path == "aanbod/taalcafe-de-brug.md");
    }

    private static ParseResult Parse(string text) => Parser.Parse("aanbod/x.md", text);

    private static bool HeeftEenGoedAntwoord(string tekst)
    {
        const string pad = "aanbod/fuzz.md";
        var result = Parser.Parse(pad, tekst);
        var regels = tekst.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Length;
        return result.IsValid
            ? result.Aanbod is not null
            : result.Problems.Count > 0 && result.Problems.All(p =>
                p.Path == pad && p.Line >= 1 && p.Line <= regels && !string.IsNullOrWhiteSpace(p.Message)
                && p.ToString().StartsWith($"{pad}:{p.Line}: ", StringComparison.Ordinal));
    }

    /// <summary>A real content file with one to five mutations.</summary>
    private static Gen<string> Gemuteerd()
    {
        var mutatie = Gen.OneOf(
            // insert a meaningful piece at a random place
            Gen.Elements(Stukjes).Select(stuk => (Func<string, int, string>)((t, p) => t.Insert(p % (t.Length + 1), stuk))),
            // delete a range
            Gen.Choose(1, 40).Select(n => (Func<string, int, string>)((t, p) => t.Length == 0 ? t : t.Remove(p % t.Length, Math.Min(n, t.Length - (p % t.Length))))),
            // nest deeply
            Gen.Elements("[", "{", "- ", "? ", "{a: ").SelectMany(h => Gen.Choose(1, 30_000), (h, n) =>
                (Func<string, int, string>)((t, p) => t.Insert(p % (t.Length + 1), string.Concat(Enumerable.Repeat(h, n))))),
            // a huge value
            Gen.Choose(1_000, 250_000).Select(n => (Func<string, int, string>)((t, p) => t.Insert(p % (t.Length + 1), new string('x', n)))),
            // duplicate or drop a line
            Gen.Elements(true, false).Select(dubbel => (Func<string, int, string>)((t, p) =>
            {
                var regels = t.Split('\n').ToList();
                var i = p % regels.Count;
                if (dubbel)
                {
                    regels.Insert(i, regels[i]);
                }
                else
                {
                    regels.RemoveAt(i);
                }

                return string.Join('\n', regels);
            })),
            // another encoding of the same file
            Gen.Elements<Func<string, int, string>>(
                (t, _) => t.Replace("\n", "\r\n", StringComparison.Ordinal),
                (t, _) => "\uFEFF" + t,
                (t, _) => t.Replace("\n", "\r", StringComparison.Ordinal),
                (t, _) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(t)),
                (t, p) => t.Replace("  ", p % 2 == 0 ? "\t" : " ", StringComparison.Ordinal)));

        var stap = mutatie.SelectMany(_ => Gen.Choose(0, int.MaxValue), (m, p) => (m, p));
        return Gen.Elements(Echt).SelectMany(_ => Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(stap, n)), (tekst, stappen) =>
            stappen.Aggregate(tekst, (t, s) => s.m(t, s.p)));
    }

    /// <summary>A copy of the real content folder, deleted afterwards.</summary>
    private sealed class TempContent : IDisposable
    {
        public TempContent()
        {
            Root = Path.Combine(Path.GetTempPath(), "sk-fuzz-" + Guid.NewGuid().ToString("N"));
            foreach (var file in Directory.EnumerateFiles(TestContent.ContentRoot, "*", SearchOption.AllDirectories))
            {
                var doel = Path.Combine(Root, Path.GetRelativePath(TestContent.ContentRoot, file));
                Directory.CreateDirectory(Path.GetDirectoryName(doel)!);
                File.Copy(file, doel);
            }
        }

        public string Root { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
