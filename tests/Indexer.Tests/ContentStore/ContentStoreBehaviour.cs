using System.Text;
using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Indexer.Tests.ContentStore;

/// <summary>
/// The behaviour of the content store port, written once and run unchanged against every adapter (the local folder and
/// the Azure Blob container, live on Azurite) by subclassing. Each test gets its own empty store.
/// </summary>
public abstract class ContentStoreBehaviour
{
    /// <summary>A fresh, empty store of the adapter under test.</summary>
    protected abstract Task<IContentStore> CreateAsync();

    /// <summary>Another instance on the same storage as <paramref name="store"/> (another portal instance, or process).</summary>
    protected abstract IContentStore SecondInstance(IContentStore store);

    private static Dictionary<string, string> Meta(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Write_ThenRead_GivesTheTextItsVersionAndMetadata()
    {
        var store = await CreateAsync();
        var version = await store.WriteAsync("aanbod/a.md", "---\nid: a\n---\nTekst.\n", null, Meta(("status", "ingediend"), ("auteur", "account-17")), Ct);

        var file = await store.ReadFileAsync("aanbod/a.md", Ct);
        Assert.NotNull(file);
        Assert.Equal("aanbod/a.md", file.Path);
        Assert.Equal("---\nid: a\n---\nTekst.\n", file.Text);
        Assert.Equal(version, file.Version);
        Assert.Equal(Meta(("auteur", "account-17"), ("status", "ingediend")), file.Metadata);
        Assert.Equal(["auteur", "status"], file.Metadata.Keys);
        Assert.Equal(file.Text, await store.ReadAsync("aanbod/a.md", Ct));
    }

    [Fact]
    public async Task Read_MissingFile_IsNull()
    {
        var store = await CreateAsync();
        Assert.Null(await store.ReadAsync("aanbod/niets.md", Ct));
        Assert.Null(await store.ReadFileAsync("aanbod/niets.md", Ct));
        Assert.Empty(await store.ListAsync("", Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Write_CreateOnly_IsRefusedWhenTheFileExists()
    {
        var store = await CreateAsync();
        var version = await store.WriteAsync("aanbod/a.md", "eerste", null, Meta(("status", "live")), Ct);

        var e = await Assert.ThrowsAsync<ContentConflictException>(() => store.WriteAsync("aanbod/a.md", "tweede", null, null, Ct));
        Assert.Equal(ContentConflict.BestaatAl, e.Reden);
        Assert.Equal("aanbod/a.md", e.Path);
        var file = await store.ReadFileAsync("aanbod/a.md", Ct);
        Assert.Equal(("eerste", version, "live"), (file!.Text, file.Version, file.Metadata["status"]));
    }

    [Fact]
    public async Task Write_WithTheCurrentVersion_Replaces_AndGivesANewVersion()
    {
        var store = await CreateAsync();
        var v1 = await store.WriteAsync("a.md", "een", null, null, Ct);
        var v2 = await store.WriteAsync("a.md", "twee", v1, Meta(("status", "goedgekeurd")), Ct);

        Assert.NotEqual(v1, v2);
        var file = await store.ReadFileAsync("a.md", Ct);
        Assert.Equal(("twee", v2), (file!.Text, file.Version));
        Assert.Equal("goedgekeurd", file.Metadata["status"]);
        var v3 = await store.WriteAsync("a.md", "drie", v2, null, Ct);
        Assert.Equal("drie", await store.ReadAsync("a.md", Ct));
        Assert.NotEqual(v2, v3);
    }

    [Fact]
    public async Task Write_WithAStaleVersion_IsRefused_AndChangesNothing()
    {
        var store = await CreateAsync();
        var v1 = await store.WriteAsync("aanbod/a.md", "een", null, Meta(("status", "concept")), Ct);
        var v2 = await store.WriteAsync("aanbod/a.md", "twee", v1, Meta(("status", "ingediend")), Ct);

        var e = await Assert.ThrowsAsync<ContentConflictException>(() => store.WriteAsync("aanbod/a.md", "oud", v1, Meta(("status", "concept")), Ct));
        Assert.Equal(ContentConflict.Gewijzigd, e.Reden);
        Assert.Contains("intussen", e.Message, StringComparison.Ordinal);
        var file = await store.ReadFileAsync("aanbod/a.md", Ct);
        Assert.Equal(("twee", v2, "ingediend"), (file!.Text, file.Version, file.Metadata["status"]));
    }

    [Fact]
    public async Task Write_OnlyMetadataChanged_StillMakesTheOldVersionStale()
    {
        // A redacteur approves (same text, new state); a second redacteur still holding the old version must be refused.
        var store = await CreateAsync();
        var v1 = await store.WriteAsync("a.md", "tekst", null, Meta(("status", "ingediend")), Ct);
        var v2 = await store.WriteAsync("a.md", "tekst", v1, Meta(("status", "goedgekeurd")), Ct);

        Assert.NotEqual(v1, v2);
        var e = await Assert.ThrowsAsync<ContentConflictException>(() => store.WriteAsync("a.md", "tekst", v1, Meta(("status", "teruggestuurd")), Ct));
        Assert.Equal(ContentConflict.Gewijzigd, e.Reden);
        Assert.Equal("goedgekeurd", (await store.ReadFileAsync("a.md", Ct))!.Metadata["status"]);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("\"0x8DD000000000000\"")]
    [InlineData("*")]
    [InlineData("")]
    public async Task Write_WithAMadeUpVersion_IsRefused(string version)
    {
        var store = await CreateAsync();
        await store.WriteAsync("a.md", "tekst", null, null, Ct);

        var e = await Assert.ThrowsAsync<ContentConflictException>(() => store.WriteAsync("a.md", "anders", version, null, Ct));
        Assert.Equal(ContentConflict.Gewijzigd, e.Reden);
        Assert.Equal("tekst", await store.ReadAsync("a.md", Ct));
    }

    [Fact]
    public async Task Write_WithAVersion_WhenTheFileIsGone_IsRefused()
    {
        var store = await CreateAsync();
        var v1 = await store.WriteAsync("a.md", "tekst", null, null, Ct);
        await store.DeleteAsync("a.md", v1, Ct);

        var e = await Assert.ThrowsAsync<ContentConflictException>(() => store.WriteAsync("a.md", "terug", v1, null, Ct));
        Assert.Equal(ContentConflict.BestaatNiet, e.Reden);
        Assert.Null(await store.ReadAsync("a.md", Ct));
    }

    [Fact]
    public async Task Write_TwoInstancesRacing_ExactlyOneWinsEachRound()
    {
        var first = await CreateAsync();
        var second = SecondInstance(first);
        var version = await first.WriteAsync("aanbod/race.md", "start", null, null, Ct);
        for (var round = 0; round < 8; round++)
        {
            var writers = Enumerable.Range(0, 6).Select(async w =>
            {
                var store = w % 2 == 0 ? first : second;
                await Task.Yield();
                try
                {
                    return (Writer: w, Version: await store.WriteAsync("aanbod/race.md", $"ronde {round} schrijver {w}", version, Meta(("schrijver", $"w{w}")), Ct));
                }
                catch (ContentConflictException e) when (e.Reden == ContentConflict.Gewijzigd)
                {
                    return (Writer: w, Version: (string?)null);
                }
            }).ToList();
            var results = await Task.WhenAll(writers);

            var winner = Assert.Single(results, r => r.Version is not null);
            var file = await second.ReadFileAsync("aanbod/race.md", Ct);
            Assert.Equal($"ronde {round} schrijver {winner.Writer}", file!.Text);
            Assert.Equal(winner.Version, file.Version);
            Assert.Equal($"w{winner.Writer}", file.Metadata["schrijver"]);
            version = winner.Version!;
        }
    }

    [Fact]
    public async Task Write_CreatesRacing_ExactlyOneWins()
    {
        var first = await CreateAsync();
        var second = SecondInstance(first);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(async w =>
        {
            await Task.Yield();
            try
            {
                await (w % 2 == 0 ? first : second).WriteAsync("aanbod/nieuw.md", $"schrijver {w}", null, null, Ct);
                return w;
            }
            catch (ContentConflictException e) when (e.Reden == ContentConflict.BestaatAl)
            {
                return -1;
            }
        }));

        var winner = Assert.Single(results, r => r >= 0);
        Assert.Equal($"schrijver {winner}", await first.ReadAsync("aanbod/nieuw.md", Ct));
    }

    [Fact]
    public async Task Version_IsTheSameForEveryReaderAndInstance()
    {
        var store = await CreateAsync();
        var version = await store.WriteAsync("a.md", "tekst", null, Meta(("status", "live")), Ct);

        Assert.Equal(version, (await store.ReadFileAsync("a.md", Ct))!.Version);
        Assert.Equal(version, (await store.ReadFileAsync("a.md", Ct))!.Version);
        Assert.Equal(version, (await SecondInstance(store).ReadFileAsync("a.md", Ct))!.Version);
        await SecondInstance(store).WriteAsync("a.md", "van de tweede", version, null, Ct);
    }

    [Fact]
    public async Task Metadata_IsReplacedWholeOnEveryWrite()
    {
        var store = await CreateAsync();
        var v1 = await store.WriteAsync("a.md", "tekst", null, Meta(("status", "ingediend"), ("reden", "eerste versie")), Ct);
        var v2 = await store.WriteAsync("a.md", "tekst 2", v1, Meta(("status", "goedgekeurd")), Ct);
        Assert.Equal(Meta(("status", "goedgekeurd")), (await store.ReadFileAsync("a.md", Ct))!.Metadata);

        await store.WriteAsync("a.md", "tekst 3", v2, null, Ct);
        Assert.Empty((await store.ReadFileAsync("a.md", Ct))!.Metadata);
    }

    [Fact]
    public async Task Metadata_AnyTextValue_Survives()
    {
        var store = await CreateAsync();
        var values = Meta(
            ("reden", "Graag de tijden aanpassen: di 14:00–16:00, niet \"ma\". 100% zeker? Ja! é ü ß 中文 😀"),
            ("regels", "een\ntwee\r\ndrie\ttab"),
            ("procent", "%20%zz%"),
            ("tijd", "2026-12-01T13:05:00+01:00"),
            ("spaties", "  aan beide kanten  "));
        await store.WriteAsync("a.md", "tekst", null, values, Ct);

        Assert.Equal(values.OrderBy(v => v.Key, StringComparer.Ordinal), (await store.ReadFileAsync("a.md", Ct))!.Metadata);
        Assert.Equal(values.OrderBy(v => v.Key, StringComparer.Ordinal), (await store.ListEntriesAsync("", Ct).SingleAsync(Ct)).Metadata);
    }

    [Theory]
    [InlineData("Status")]
    [InlineData("1status")]
    [InlineData("sta-tus")]
    [InlineData("sta tus")]
    [InlineData("")]
    [InlineData("sk_write")]
    [InlineData("status!")]
    public async Task Metadata_InvalidKey_IsRefused_AndNothingIsWritten(string key)
    {
        var store = await CreateAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync("a.md", "tekst", null, Meta((key, "waarde")), Ct));
        Assert.Null(await store.ReadAsync("a.md", Ct));
    }

    [Fact]
    public async Task Metadata_EmptyOrTooLarge_IsRefused()
    {
        var store = await CreateAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync("a.md", "tekst", null, Meta(("status", "")), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync("a.md", "tekst", null, Meta(("reden", new string('é', 1000))), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync("a.md", "tekst", null, Enumerable.Range(0, 33).ToDictionary(i => $"k{i}", _ => "v"), Ct));
        Assert.Null(await store.ReadAsync("a.md", Ct));
    }

    [Fact]
    public async Task Delete_WithTheCurrentVersion_RemovesTheFileAndItsMetadata()
    {
        var store = await CreateAsync();
        var version = await store.WriteAsync("aanbod/a.md", "tekst", null, Meta(("status", "live")), Ct);
        await store.DeleteAsync("aanbod/a.md", version, Ct);

        Assert.Null(await store.ReadFileAsync("aanbod/a.md", Ct));
        Assert.Empty(await store.ListAsync("", Ct).ToListAsync(Ct));
        await store.WriteAsync("aanbod/a.md", "opnieuw", null, null, Ct);
        Assert.Empty((await store.ReadFileAsync("aanbod/a.md", Ct))!.Metadata);
    }

    [Fact]
    public async Task Delete_Stale_OrMissing_IsRefused()
    {
        var store = await CreateAsync();
        var v1 = await store.WriteAsync("a.md", "een", null, null, Ct);
        await store.WriteAsync("a.md", "twee", v1, null, Ct);

        Assert.Equal(ContentConflict.Gewijzigd, (await Assert.ThrowsAsync<ContentConflictException>(() => store.DeleteAsync("a.md", v1, Ct))).Reden);
        Assert.Equal("twee", await store.ReadAsync("a.md", Ct));
        Assert.Equal(ContentConflict.BestaatNiet, (await Assert.ThrowsAsync<ContentConflictException>(() => store.DeleteAsync("b.md", v1, Ct))).Reden);
    }

    [Fact]
    public async Task List_IsRecursive_OrdinalAndScopedToTheFolder()
    {
        var store = await CreateAsync();
        foreach (var path in new[] { "aanbod/b.md", "aanbod/sub/c.md", "aanbodx/d.md", "aanbod/A.md", "aanbod/a.md", "taxonomie.yml", "aanbod/a-b.md", "aanbod/ä.md" })
        {
            await store.WriteAsync(path, path, null, path == "aanbod/b.md" ? Meta(("status", "ingediend")) : null, Ct);
        }

        string[] expected = ["aanbod/A.md", "aanbod/a-b.md", "aanbod/a.md", "aanbod/b.md", "aanbod/sub/c.md", "aanbod/ä.md"];
        Assert.Equal(expected, await store.ListAsync("aanbod", Ct).ToListAsync(Ct));
        Assert.Equal(expected, await store.ListAsync("aanbod/", Ct).ToListAsync(Ct));
        Assert.Equal(expected, await SecondInstance(store).ListAsync("aanbod", Ct).ToListAsync(Ct));
        Assert.Equal(["aanbod/sub/c.md"], await store.ListAsync("aanbod/sub", Ct).ToListAsync(Ct));
        Assert.Equal(8, await store.ListAsync("", Ct).CountAsync(Ct));
        Assert.Empty(await store.ListAsync("bestaat-niet", Ct).ToListAsync(Ct));

        var entries = await store.ListEntriesAsync("aanbod", Ct).ToListAsync(Ct);
        Assert.Equal(expected, entries.Select(e => e.Path));
        Assert.Equal("ingediend", entries.Single(e => e.Path == "aanbod/b.md").Metadata["status"]);
        Assert.All(entries.Where(e => e.Path != "aanbod/b.md"), e => Assert.Empty(e.Metadata));
    }

    private static readonly string[] OddPaths =
    [
        "", "/etc/passwd", "../buiten.md", "aanbod/../../buiten.md", "aanbod/../taxonomie.yml", "aanbod/./a.md", "./a.md",
        "aanbod//a.md", "aanbod/", "aanbod/a.md/", ".lock", "aanbod/.a.md.meta.json", ".git/config", "aanbod\\a.md", "..\\buiten.md",
        "c:/windows/win.ini", "C:\\temp\\a.md", "a:b.md", "aanbod/a\0.md", "aanbod/a\n.md", "aanbod/a\r.md", "aanbod/\u001b[31m.md",
        "aanbod/a*.md", "aanbod/a?.md", "aanbod/<a>.md", "aanbod/a|b.md", "aanbod/\"a\".md", "aanbod/a.", "aanbod/a. ", " a.md", "a.md ",
        "..", ".", "aanbod/..", "aanbod/\u2028.md", "aanbod/\ufeffa.md", "aanbod/\ud800.md", new string('a', 241) + ".md",
        string.Join('/', Enumerable.Repeat("map", 300)),
    ];

    [Fact]
    public async Task Paths_Odd_AreRefusedEverywhere_AndNothingIsWritten()
    {
        var store = await CreateAsync();
        var version = await store.WriteAsync("taxonomie.yml", "echt", null, null, Ct);
        var failures = new List<string>();
        foreach (var path in OddPaths)
        {
            var checks = new List<(string, Func<Task>)>
            {
                ("create", () => store.WriteAsync(path, "kwaad", null, null, Ct)),
                ("replace", () => store.WriteAsync(path, "kwaad", version, null, Ct)),
                ("read", () => store.ReadAsync(path, Ct)),
                ("read file", () => store.ReadFileAsync(path, Ct)),
                ("delete", () => store.DeleteAsync(path, version, Ct)),
            };
            if (path.Length > 0 && ContentPad.Probleem(path.EndsWith('/') ? path[..^1] : path) is not null)
            {
                checks.Add(("list", async () => await store.ListAsync(path, Ct).ToListAsync(Ct)));
                checks.Add(("list entries", async () => await store.ListEntriesAsync(path, Ct).ToListAsync(Ct)));
            }

            foreach (var (what, check) in checks)
            {
                try
                {
                    await check();
                    failures.Add($"{what} '{ContentPadText(path)}' was accepted");
                }
                catch (ArgumentException)
                {
                }
                catch (Exception e)
                {
                    failures.Add($"{what} '{ContentPadText(path)}' threw {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.Equal(["taxonomie.yml"], await store.ListAsync("", Ct).ToListAsync(Ct));
        Assert.Equal("echt", await store.ReadAsync("taxonomie.yml", Ct));
    }

    private static string ContentPadText(string path) => string.Concat(path.Take(60).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    [Theory]
    [InlineData("aanbod/café & co (2).md")]
    [InlineData("aanbod/%2e%2e/a.md")]
    [InlineData("aanbod/a%2fb.md")]
    [InlineData("aanbod/a#b.md")]
    [InlineData("aanbod/naam met spaties.md")]
    [InlineData("aanbod/中文-😀.md")]
    [InlineData("aanbod/a..b.md")]
    [InlineData("aanbod/a;b=c&d+e.md")]
    [InlineData("aanbod/~a-b_c.md")]
    public async Task Paths_UnusualButValid_RoundTripExactly(string path)
    {
        var store = await CreateAsync();
        var version = await store.WriteAsync(path, "tekst", null, Meta(("status", "live")), Ct);

        Assert.Equal([path], await store.ListAsync("", Ct).ToListAsync(Ct));
        Assert.Equal([path], await store.ListAsync("aanbod", Ct).ToListAsync(Ct));
        Assert.Equal("tekst", (await store.ReadFileAsync(path, Ct))!.Text);
        await store.DeleteAsync(path, version, Ct);
        Assert.Empty(await store.ListAsync("", Ct).ToListAsync(Ct));
    }

    [Fact]
    public async Task Text_RoundTripsExactly()
    {
        var store = await CreateAsync();
        var text = "---\r\nid: a\n---\n\tTab, CRLF\r\n, é, 中文, 😀, \u00a0, \u200b, nul-achtig: \u0001\n\n\n";
        await store.WriteAsync("a.md", text, null, null, Ct);
        Assert.Equal(text, await store.ReadAsync("a.md", Ct));
        Assert.Equal(text, (await SecondInstance(store).ReadFileAsync("a.md", Ct))!.Text);
    }

    [Fact]
    public async Task Text_WithAnInvalidUnicodeCharacter_IsRefused()
    {
        var store = await CreateAsync();
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.WriteAsync("a.md", "half \ud800 teken", null, null, Ct));
        Assert.Null(await store.ReadAsync("a.md", Ct));
    }

    [Fact]
    public async Task LargeFile_RoundTrips()
    {
        var store = await CreateAsync();
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < 6_000_000; i++)
        {
            builder.Append(i).Append(": schuldhulpverlening, café, 中文 😀\n");
        }

        var text = builder.ToString();
        var v1 = await store.WriteAsync("postcodes/groot.tsv", text, null, Meta(("status", "groot")), Ct);
        var file = await store.ReadFileAsync("postcodes/groot.tsv", Ct);
        Assert.Equal(text, file!.Text);
        Assert.Equal(v1, file.Version);

        var v2 = await store.WriteAsync("postcodes/groot.tsv", text + "einde\n", v1, null, Ct);
        await Assert.ThrowsAsync<ContentConflictException>(() => store.WriteAsync("postcodes/groot.tsv", text, v1, null, Ct));
        Assert.Equal(text + "einde\n", await store.ReadAsync("postcodes/groot.tsv", Ct));
        Assert.NotEqual(v1, v2);
    }

    [Fact]
    public async Task EmptyText_IsAFile()
    {
        var store = await CreateAsync();
        var version = await store.WriteAsync("leeg.md", "", null, null, Ct);
        Assert.Equal("", await store.ReadAsync("leeg.md", Ct));
        Assert.Equal(version, (await store.ReadFileAsync("leeg.md", Ct))!.Version);
        Assert.Equal(["leeg.md"], await store.ListAsync("", Ct).ToListAsync(Ct));
    }
}
