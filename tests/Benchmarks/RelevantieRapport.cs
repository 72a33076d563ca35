using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;
using SocialeKaart.TestSupport;

namespace SocialeKaart.Benchmarks;

/// <summary>
/// sk-bench relevantie [--root DIR] [--missers] [--deel A|C]: builds the embedded index of the real content in a temp
/// folder, runs the graded test collection (tests/Relevantie/zoekvragen.txt) and prints success@3, nDCG@5, MRR, the
/// share without results and of unneeded "bedoelde u" per class, language and part (see <see cref="Relevantie"/>).
/// </summary>
internal static class RelevantieRapport
{
    public static async Task<int> RunAsync(Options options)
    {
        var root = Path.GetFullPath(options.Get("root", "."));
        var vragen = Relevantie.Lees(Relevantie.Pad(root));
        if (options.Values.GetValueOrDefault("deel") is { } deel)
        {
            vragen = vragen.Where(v => v.Deel == deel).ToList();
        }

        var content = await new ContentIndexer(new LocalContentStore(Path.Combine(root, "content"))).ReadAsync();
        var folder = Path.Combine(Path.GetTempPath(), "sk-relevantie-" + Guid.NewGuid().ToString("N"));
        try
        {
            var indexOptions = new EmbeddedIndexOptions { Map = folder };
            await new SqliteIndexWriter(indexOptions, new DutchAnalyzer(new Decompounder(content.Woorden.Contains)), TimeProvider.System)
                .RebuildAsync(ContentIndexer.Batch(content));
            using var index = new SqliteSearchIndex(indexOptions, TimeProvider.System);
            var uitkomsten = await Relevantie.MeetAsync(index, vragen, Crisis);
            Console.WriteLine($"Graded test collection: {vragen.Count} queries over {content.Aanbod.Count} aanbod (commit {Commit(root)}).");
            Console.WriteLine();
            Console.Write(Relevantie.Rapport(uitkomsten));
            if (options.Flag("missers"))
            {
                Console.WriteLine("Misses:");
                Console.Write(Relevantie.Missers(uitkomsten));
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    // Crisis help is part of the results since issue 11 (the engine before it had none: measured with "false" here).
    private static bool Crisis(SearchResults r) => r.Crisis.Count > 0;

    private static string Commit(string root)
    {
        try
        {
            var psi = new System.Diagnostics.ProcessStartInfo("git", "rev-parse --short HEAD") { WorkingDirectory = root, RedirectStandardOutput = true };
            using var p = System.Diagnostics.Process.Start(psi)!;
            return p.StandardOutput.ReadToEnd().Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
