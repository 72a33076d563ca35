using System.Globalization;
using System.Text;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.TestSupport;

/// <summary>
/// The graded test collection of the search (tests/Relevantie/zoekvragen.txt) and its measures: success@3 (an aanbod
/// graded 2 among the first three), nDCG@5 (gain 2^grade − 1), MRR (first aanbod graded 1 or 2 within ten), the share of
/// searches without results, the share of "bedoelde u" offered for correctly spelled searches, and whether crisis help
/// was shown. Compiled into the report command (<c>sk-bench relevantie</c>) and the regression test of the targets, so both
/// count the same way. It uses only the search port, so it measures any adapter.
/// </summary>
internal static class Relevantie
{
    public sealed record Zoekvraag(int Regel, string Klasse, string Taal, string Deel, string Tekst, IReadOnlyDictionary<string, int> Oordelen, bool Crisis)
    {
        /// <summary>Answerable: it has aanbod that answer it ('niets' and 'geenwoord' have none).</summary>
        public bool Beantwoordbaar => Oordelen.Count > 0;
    }

    public sealed record Uitkomst(
        Zoekvraag Vraag, IReadOnlyList<string> Top, int Totaal, string? BedoeldeU, bool CrisisGetoond,
        bool Succes3, double Ndcg5, double Rr)
    {
        /// <summary>For 'niets': few (at most three) or no results; for 'geenwoord': none.</summary>
        public bool Eerlijk => Vraag.Klasse == "geenwoord" ? Totaal == 0 : Totaal <= 3;

        /// <summary>A suggestion for a search whose words are spelled correctly (every class but 'spelling').</summary>
        public bool OnnodigBedoeldeU => Vraag.Klasse != "spelling" && BedoeldeU is not null;
    }

    public static string Pad(string root) => Path.Combine(root, "tests", "Relevantie", "zoekvragen.txt");

    public static List<Zoekvraag> Lees(string path)
    {
        var result = new List<Zoekvraag>();
        var regel = 0;
        foreach (var raw in File.ReadLines(path))
        {
            regel++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('|').Select(p => p.Trim()).ToArray();
            if (parts.Length is < 4 or > 5)
            {
                throw new InvalidDataException($"{path}:{regel}: verwacht 'klasse | taal | deel | zoekvraag | oordelen'.");
            }

            var oordelen = new Dictionary<string, int>(StringComparer.Ordinal);
            var crisis = false;
            foreach (var oordeel in (parts.Length == 5 ? parts[4] : "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (oordeel == "!crisis")
                {
                    crisis = true;
                    continue;
                }

                var eq = oordeel.LastIndexOf('=');
                if (eq < 1 || !int.TryParse(oordeel[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var grade) || grade is < 1 or > 2)
                {
                    throw new InvalidDataException($"{path}:{regel}: oordeel '{oordeel}' is geen id=1 of id=2.");
                }

                oordelen[oordeel[..eq]] = grade;
            }

            result.Add(new Zoekvraag(regel, parts[0], parts[1], parts[2], parts[3], oordelen, crisis));
        }

        return result;
    }

    /// <param name="crisis">Whether the results show crisis help (an adapter without crisis detection: always false).</param>
    public static async Task<List<Uitkomst>> MeetAsync(ISearchIndex index, IEnumerable<Zoekvraag> vragen, Func<SearchResults, bool> crisis)
    {
        var result = new List<Uitkomst>();
        foreach (var v in vragen)
        {
            var r = await index.SearchAsync(new SearchQuery { Tekst = v.Tekst, PerPagina = 10 });
            var top = r.Hits.Select(h => h.Id).ToList();
            var grades = top.Select(id => v.Oordelen.GetValueOrDefault(id)).ToList();
            var succes = v.Oordelen.Values.Contains(2)
                ? grades.Take(3).Contains(2)
                : grades.Take(3).Any(g => g > 0);
            var dcg = grades.Take(5).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
            var ideal = v.Oordelen.Values.OrderDescending().Take(5).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
            var first = grades.FindIndex(g => g > 0);
            result.Add(new Uitkomst(v, top, r.Totaal, r.BedoeldeU, crisis(r), succes, ideal == 0 ? 0 : dcg / ideal, first < 0 ? 0 : 1.0 / (first + 1)));
        }

        return result;
    }

    public sealed record Cijfers(string Naam, int Vragen, int Beantwoordbaar, double Succes3, double Ndcg5, double Mrr, double ZonderResultaat,
        int NietBeantwoordbaar, double Eerlijk, double OnnodigBedoeldeU, int CrisisVerwacht, double CrisisGetoond, int CrisisOnterecht);

    public static Cijfers Tel(string naam, IReadOnlyCollection<Uitkomst> u)
    {
        var a = u.Where(x => x.Vraag.Beantwoordbaar).ToList();
        var n = u.Where(x => !x.Vraag.Beantwoordbaar).ToList();
        var crisis = u.Where(x => x.Vraag.Crisis).ToList();
        var nietSpelling = u.Where(x => x.Vraag.Klasse != "spelling").ToList();
        return new Cijfers(naam, u.Count, a.Count,
            a.Count == 0 ? double.NaN : a.Count(x => x.Succes3) / (double)a.Count,
            a.Count == 0 ? double.NaN : a.Average(x => x.Ndcg5),
            a.Count == 0 ? double.NaN : a.Average(x => x.Rr),
            u.Count == 0 ? double.NaN : u.Count(x => x.Totaal == 0) / (double)u.Count,
            n.Count,
            n.Count == 0 ? double.NaN : n.Count(x => x.Eerlijk) / (double)n.Count,
            nietSpelling.Count == 0 ? double.NaN : nietSpelling.Count(x => x.OnnodigBedoeldeU) / (double)nietSpelling.Count,
            crisis.Count,
            crisis.Count == 0 ? double.NaN : crisis.Count(x => x.CrisisGetoond) / (double)crisis.Count,
            u.Count(x => !x.Vraag.Crisis && x.CrisisGetoond));
    }

    /// <summary>The figures per class, per language, per part (A tuned, C held out) and in total, as markdown.</summary>
    public static string Rapport(IReadOnlyList<Uitkomst> uitkomsten)
    {
        var rows = new List<Cijfers>();
        foreach (var klasse in uitkomsten.Select(u => u.Vraag.Klasse).Distinct())
        {
            rows.Add(Tel(klasse, uitkomsten.Where(u => u.Vraag.Klasse == klasse).ToList()));
        }

        var tabel = new StringBuilder();
        Tabel(tabel, "per class", rows);
        rows.Clear();
        foreach (var taal in uitkomsten.Select(u => u.Vraag.Taal).Distinct())
        {
            rows.Add(Tel(taal, uitkomsten.Where(u => u.Vraag.Taal == taal).ToList()));
        }

        Tabel(tabel, "per language", rows);
        rows.Clear();
        foreach (var deel in new[] { "A", "C" })
        {
            var d = uitkomsten.Where(u => u.Vraag.Deel == deel).ToList();
            rows.Add(Tel($"{deel}: Dutch", d.Where(u => u.Vraag.Taal == "nl").ToList()));
            rows.Add(Tel($"{deel}: other languages", d.Where(u => u.Vraag.Taal != "nl").ToList()));
            rows.Add(Tel($"{deel}: all", d));
        }

        rows.Add(Tel("Dutch", uitkomsten.Where(u => u.Vraag.Taal == "nl").ToList()));
        rows.Add(Tel("other languages", uitkomsten.Where(u => u.Vraag.Taal != "nl").ToList()));
        rows.Add(Tel("all", uitkomsten));
        Tabel(tabel, "per part (A = tuned on, C = held out) and in total", rows);
        return tabel.ToString();
    }

    private static void Tabel(StringBuilder sb, string titel, List<Cijfers> rows)
    {
        sb.AppendLine(CultureInfo.InvariantCulture, $"#### {titel}");
        sb.AppendLine();
        sb.AppendLine("| | queries | answerable | success@3 | nDCG@5 | MRR | zero results | not on the kaart / no word: honest | unneeded bedoelde u | crisis shown (of expected) | crisis shown unasked |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Naam} | {r.Vragen} | {r.Beantwoordbaar} | {P(r.Succes3)} | {F(r.Ndcg5)} | {F(r.Mrr)} | {P(r.ZonderResultaat)} | {(r.NietBeantwoordbaar == 0 ? "–" : $"{P(r.Eerlijk)} of {r.NietBeantwoordbaar}")} | {P(r.OnnodigBedoeldeU)} | {(r.CrisisVerwacht == 0 ? "–" : $"{P(r.CrisisGetoond)} of {r.CrisisVerwacht}")} | {r.CrisisOnterecht} |");
        }

        sb.AppendLine();
    }

    private static string P(double x) => double.IsNaN(x) ? "–" : (x * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string F(double x) => double.IsNaN(x) ? "–" : x.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>One line per query that missed (for tuning): what it is and what came back.</summary>
    public static string Missers(IEnumerable<Uitkomst> uitkomsten)
    {
        var sb = new StringBuilder();
        foreach (var u in uitkomsten)
        {
            var mis = u.Vraag.Beantwoordbaar ? !u.Succes3 : !u.Eerlijk;
            if (mis || u.OnnodigBedoeldeU || u.Vraag.Crisis != u.CrisisGetoond)
            {
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"{u.Vraag.Regel,4} {u.Vraag.Klasse}/{u.Vraag.Taal}/{u.Vraag.Deel} '{u.Vraag.Tekst}': {u.Totaal} results{(u.BedoeldeU is { } b ? $", bedoelde u '{b}'" : "")}{(u.CrisisGetoond ? ", crisis" : "")}; top: {string.Join(' ', u.Top.Take(3).Select(id => u.Vraag.Oordelen.TryGetValue(id, out var g) ? $"{id}({g})" : id))}");
            }
        }

        return sb.ToString();
    }
}
