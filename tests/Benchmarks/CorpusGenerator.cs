using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;

namespace SocialeKaart.Benchmarks;

/// <summary>
/// Makes a synthetic sociale kaart of N aanbod from the real content: sentences, names, trefwoorden,
/// organisations and texts of content/aanbod/*.md (grouped per levensdomein, so an aanbod about rondkomen
/// reads like one), plus a long tail of Dutch words from content/taal/woorden.txt (Zipf–Mandelbrot distributed, so
/// the vocabulary grows with the corpus as in real text). Seeded: the same N and seed give the same corpus.
/// </summary>
internal sealed partial class CorpusGenerator
{
    private const string Veenendaal = "Veenendaal";
    private static readonly string[] DayCodes = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    private static readonly string[] OtherLanguages = ["en", "ar", "tr", "pl", "uk", "ti", "so", "fa", "de", "fr", "es", "ro", "bg", "ber", "pap"];
    private static readonly string[] WettelijkeKaders = ["Wmo", "Jeugdwet", "Participatiewet", "Wgs"];
    private static readonly string[] Soorten = ["vrijwilligersorganisatie", "professionele-aanbieder", "gemeente", "maatschappelijke-organisatie"];
    private static readonly string[] OrgPrefixes = ["Stichting", "Vereniging", "Buurtteam", "Stichting", "Coöperatie", "Zorggroep", "Welzijn", "Huis van"];
    private static readonly string[] StreetSuffixes = ["straat", "laan", "weg", "plein", "hof", "singel", "dreef", "steeg"];
    private static readonly string[] ScheduleDescriptions =
        ["Elke week", "Iedere werkdag", "Op afspraak", "Inloop, u hoeft zich niet aan te melden", "Eens per maand", "In de schoolvakanties niet"];

    private readonly KaartContent _content;
    private readonly Taxonomie _taxonomie;
    private readonly List<Source> _sources = [];
    private readonly Dictionary<string, List<Source>> _byDomein = new(StringComparer.Ordinal);
    private readonly string[] _organisaties;
    private readonly string[] _doelgroepPool;
    private readonly string[] _fees;
    private readonly string[] _applications;
    private readonly string[] _tail;
    private readonly double[] _tailCdf;
    private readonly (string Pc4, string Plaats, double Lat, double Lon)[] _pc4Nl;
    private readonly (string Pc4, string Plaats, double Lat, double Lon)[] _pc4Veenendaal;

    private sealed record Source(Aanbod Aanbod, string[] Sentences, string[] Bullets, string[] Headings, string[] SamenvattingSentences, string[] NameWords);

    public CorpusGenerator(KaartContent content, string pc4Tsv)
    {
        _content = content;
        _taxonomie = content.Taxonomie ?? throw new InvalidOperationException("content/taxonomie.yml ontbreekt of klopt niet.");
        if (content.Aanbod.Count == 0)
        {
            throw new InvalidOperationException("Geen geldig aanbod in content/aanbod: er is geen woordenschat om een corpus van te maken.");
        }

        foreach (var a in content.Aanbod)
        {
            var sentences = new List<string>();
            var bullets = new List<string>();
            var headings = new List<string>();
            foreach (var raw in a.BodyMarkdown.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                if (line.StartsWith('#'))
                {
                    headings.Add(line.TrimStart('#').Trim());
                }
                else if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
                {
                    bullets.Add(line[2..].Trim());
                }
                else
                {
                    sentences.AddRange(SplitSentences(line));
                }
            }

            var source = new Source(a, sentences.ToArray(), bullets.ToArray(), headings.ToArray(),
                SplitSentences(a.Samenvatting).ToArray(), Words(a.Name).ToArray());
            _sources.Add(source);
            foreach (var domein in a.Levensdomeinen)
            {
                if (!_byDomein.TryGetValue(domein, out var list))
                {
                    _byDomein[domein] = list = [];
                }

                list.Add(source);
            }
        }

        _doelgroepPool = content.Aanbod.SelectMany(a => a.Doelgroepen).ToArray();
        if (_doelgroepPool.Length == 0)
        {
            _doelgroepPool = _taxonomie.Doelgroepen.Select(d => d.Id).ToArray();
        }

        _organisaties = content.Aanbod.Select(a => a.Organization.Name).Distinct(StringComparer.Ordinal).ToArray();
        _fees = content.Aanbod.Select(a => a.FeesDescription).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        _applications = content.Aanbod.Select(a => a.ApplicationProcess).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

        // The long tail: real Dutch words in a fixed random order, drawn with Zipf–Mandelbrot weights 1 / (rank + 1000):
        // the common words already come from the real sentences, so the tail has no head of its own.
        var tail = content.Woorden.Where(w => w.Length is >= 4 and <= 16 && w.All(char.IsAsciiLetterLower)).Order(StringComparer.Ordinal).ToArray();
        new Random(7).Shuffle(tail);
        _tail = tail;
        _tailCdf = new double[tail.Length];
        var sum = 0.0;
        for (var i = 0; i < tail.Length; i++)
        {
            sum += 1.0 / (i + 1000);
            _tailCdf[i] = sum;
        }

        for (var i = 0; i < tail.Length; i++)
        {
            _tailCdf[i] /= sum;
        }

        var pc4 = new List<(string, string, double, double)>();
        foreach (var line in pc4Tsv.Split('\n'))
        {
            var f = line.Split('\t');
            if (f.Length >= 11 && f[1].Length == 4
                && double.TryParse(f[9], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                pc4.Add((f[1], f[2], lat, lon));
            }
        }

        _pc4Nl = pc4.DistinctBy(p => p.Item1).ToArray();
        _pc4Veenendaal = _pc4Nl.Where(p => string.CompareOrdinal(p.Pc4, "3901") >= 0 && string.CompareOrdinal(p.Pc4, "3907") <= 0).ToArray();
        if (_pc4Veenendaal.Length == 0)
        {
            throw new InvalidOperationException("content/postcodes/pc4.tsv heeft geen postcodes 3901–3907.");
        }
    }

    /// <summary>The number of real aanbod the corpus is made from.</summary>
    public int SourceCount => _sources.Count;

    public List<Aanbod> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var result = new List<Aanbod>(count);
        var wijken = _taxonomie.Wijken.Select(w => w.Id).ToArray();
        var domeinen = _taxonomie.Levensdomeinen.Select(l => l.Id).ToArray();

        // Organisations: the real ones and about one new one per eight aanbod, each with a fixed soort.
        var orgs = _organisaties.Select(n => (Name: n, Soort: Soorten[random.Next(Soorten.Length)]))
            .Concat(Enumerable.Range(0, Math.Max(1, count / 8)).Select(_ => (Name: OrgPrefixes[random.Next(OrgPrefixes.Length)] + " " + Capitalize(TailWord(random)), Soort: Soorten[random.Next(Soorten.Length)])))
            .ToArray();

        for (var n = 0; n < count; n++)
        {
            var template = _sources[random.Next(_sources.Count)];

            // 1–3 levensdomeinen as in content/ (1: 31%, 2: 60%, 3: 9%): the template's, then mostly other ones of related aanbod.
            var aantalDomeinen = Pick(random, [31, 60, 9]) + 1;
            var levensdomeinen = new List<string> { template.Aanbod.Levensdomeinen[0] };
            for (var tries = 0; levensdomeinen.Count < aantalDomeinen && tries < 20; tries++)
            {
                var extra = template.Aanbod.Levensdomeinen.Count > levensdomeinen.Count && random.NextDouble() < 0.7
                    ? template.Aanbod.Levensdomeinen[levensdomeinen.Count]
                    : random.NextDouble() < 0.7
                        ? _byDomein[levensdomeinen[0]][random.Next(_byDomein[levensdomeinen[0]].Count)].Aanbod.Levensdomeinen[^1]
                        : domeinen[random.Next(domeinen.Length)];
                if (!levensdomeinen.Contains(extra))
                {
                    levensdomeinen.Add(extra);
                }
            }

            // Texts: 60% from the template, 35% from aanbod about the same levensdomeinen, 5% from any aanbod.
            var related = levensdomeinen.SelectMany(d => _byDomein.GetValueOrDefault(d) ?? []).Distinct().ToList();
            if (related.Count == 0)
            {
                related = _sources;
            }

            Source Related() => random.NextDouble() switch
            {
                < 0.60 => template,
                < 0.95 => related[random.Next(related.Count)],
                _ => _sources[random.Next(_sources.Count)],
            };

            var toegang = random.NextDouble() < 0.8 ? Toegang.AlgemeenToegankelijk : Toegang.AchterHetLoket;
            var org = random.NextDouble() < (toegang == Toegang.AchterHetLoket ? 0.7 : 0.0)
                ? (Name: "Gemeente Veenendaal, " + Capitalize(Related().NameWords.FirstOrDefault() ?? "Loket"), Soort: "gemeente")
                : orgs[random.Next(orgs.Length)];
            var name = MakeName(random, template, org.Name);
            var id = Slug(name) + "-" + n.ToString(CultureInfo.InvariantCulture);

            var samenvatting = string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ =>
            {
                var s = Related();
                return s.SamenvattingSentences.Length > 0 ? s.SamenvattingSentences[random.Next(s.SamenvattingSentences.Length)] : s.Aanbod.Samenvatting;
            }).Distinct());
            if (samenvatting.Length > 300)
            {
                samenvatting = samenvatting[..300].TrimEnd();
            }

            var trefwoorden = Enumerable.Range(0, random.Next(2, 8))
                .Select(_ => Related().Aanbod.Trefwoorden)
                .Where(t => t.Count > 0)
                .Select(t => t[random.Next(t.Count)])
                .Distinct(StringComparer.Ordinal).ToList();

            var locations = new List<Locatie>();
            var aantalLocaties = Pick(random, [25, 60, 15]);
            for (var l = 0; l < aantalLocaties; l++)
            {
                locations.Add(MakeLocation(random, wijken));
            }

            var bereik = new List<string>();
            if (locations.Count == 0 || random.NextDouble() < 0.2)
            {
                string[] ways = ["aan-huis", "online", "telefonisch"];
                var k = random.Next(1, 3);
                bereik.AddRange(ways.OrderBy(_ => random.Next()).Take(k));
            }

            var schedules = random.NextDouble() < 0.3 ? MakeSchedules(random) : [];
            var gratis = random.NextDouble() < 0.7;
            var kosten = gratis
                ? (random.NextDouble() < 0.5 ? [] : new List<Kosten> { new("Deelname", 0m) })
                : Enumerable.Range(0, random.Next(1, 3)).Select(i => new Kosten(i == 0 ? "Per keer" : "Per jaar", Math.Round((decimal)(random.NextDouble() * 60 + 1), 2))).ToList();

            var languages = random.NextDouble() < 0.4
                ? []
                : new[] { "nl" }.Concat(OtherLanguages.OrderBy(_ => random.Next()).Take(Pick(random, [40, 30, 20, 10]))).ToList();

            // Doelgroepen: mostly the template's; otherwise 1–4 drawn with the frequencies of content/.
            var doelgroepList = random.NextDouble() < 0.8 && template.Aanbod.Doelgroepen.Count > 0
                ? template.Aanbod.Doelgroepen.ToList()
                : DrawDoelgroepen(random, Pick(random, [44, 41, 12, 3]) + 1);

            var minimumAge = random.NextDouble() < 0.3 ? (int?)new[] { 4, 12, 16, 18, 18, 18, 23, 55, 65 }[random.Next(9)] : null;
            var intern = toegang == Toegang.AchterHetLoket && random.NextDouble() < 0.5
                ? new InternAanbod(Sentence(random, Related()), random.NextDouble() < 0.5 ? Sentence(random, Related()) : null)
                : null;

            result.Add(new Aanbod
            {
                Id = id,
                Name = name,
                Samenvatting = samenvatting,
                BodyMarkdown = MakeBody(random, Related, random.Next(80, 251)),
                Toegang = toegang,
                Bemoeizorg = toegang == Toegang.AlgemeenToegankelijk && random.NextDouble() < 0.02,
                Levensdomeinen = levensdomeinen,
                Doelgroepen = doelgroepList,
                MinimumAge = minimumAge,
                MaximumAge = minimumAge is < 18 && random.NextDouble() < 0.5 ? minimumAge + 8 : null,
                Vorm = Pick(random, [45, 35, 15, 5]) switch { 0 => "individueel", 1 => "groep", 2 => "beide", _ => null },
                Uitvoering = Pick(random, [40, 45, 15]) switch { 0 => "vrijwilligers", 1 => "professionals", _ => "beide" },
                Organization = new Organisatie(org.Name, org.Soort, $"https://{Slug(org.Name)}.example.nl", $"info@{Slug(org.Name)}.example.nl", Phone(random)),
                Url = random.NextDouble() < 0.6 ? $"https://{Slug(org.Name)}.example.nl/{id}" : null,
                Email = random.NextDouble() < 0.4 ? $"{Slug(name)}@example.nl" : null,
                Phones = random.NextDouble() < 0.5 ? [new Telefoon(Phone(random), "Voor vragen en aanmelden")] : [],
                Locations = locations,
                Bereik = bereik,
                Wijken = random.NextDouble() < 0.1 ? wijken : [],
                Schedules = schedules,
                CostOptions = kosten,
                FeesDescription = _fees.Length > 0 && random.NextDouble() < 0.8 ? _fees[random.Next(_fees.Length)] : null,
                Languages = languages,
                Rolstoeltoegankelijk = random.NextDouble() < 0.7 ? random.NextDouble() < 0.8 : null,
                Identiteit = random.NextDouble() < 0.85 ? "neutraal" : "levensbeschouwelijk",
                ApplicationProcess = _applications.Length > 0 && random.NextDouble() < 0.9 ? _applications[random.Next(_applications.Length)] : null,
                Trefwoorden = trefwoorden,
                AssuredDate = new DateOnly(2025, 1, 1).AddDays(random.Next(0, 700)),
                WettelijkKader = toegang == Toegang.AchterHetLoket ? [WettelijkeKaders[random.Next(WettelijkeKaders.Length)]] : [],
                Intern = intern,
            });
        }

        return result;
    }

    private List<string> DrawDoelgroepen(Random random, int count)
    {
        var result = new List<string>();
        for (var tries = 0; result.Count < count && tries < 50; tries++)
        {
            var d = _doelgroepPool[random.Next(_doelgroepPool.Length)];
            if (!result.Contains(d))
            {
                result.Add(d);
            }
        }

        return result;
    }

    private string MakeName(Random random, Source template, string org)
    {
        var baseName = template.Aanbod.Name;
        var firstWord = template.NameWords.FirstOrDefault() ?? "Aanbod";
        return Pick(random, [35, 35, 30]) switch
        {
            0 => baseName + " " + Capitalize(_taxonomie.Wijken[random.Next(_taxonomie.Wijken.Count)].Naam),
            1 => Capitalize(firstWord) + " De " + Capitalize(TailWord(random)),
            _ => Capitalize(firstWord) + " " + org,
        } is var name && name.Length > 120 ? name[..120].TrimEnd() : name;
    }

    private string MakeBody(Random random, Func<Source> related, int targetWords)
    {
        var sb = new StringBuilder();
        var words = 0;
        var first = true;
        while (words < targetWords)
        {
            var source = related();
            var kind = first ? 2 : Pick(random, [12, 18, 70]);
            first = false;
            switch (kind)
            {
                case 0 when source.Headings.Length > 0:
                    sb.Append("## ").Append(source.Headings[random.Next(source.Headings.Length)]).Append("\n\n");
                    break;
                case 1 when source.Bullets.Length > 0:
                    for (var b = random.Next(2, 5); b > 0 && words < targetWords; b--)
                    {
                        var bullet = WithTail(random, source.Bullets[random.Next(source.Bullets.Length)]);
                        words += CountWords(bullet);
                        sb.Append("- ").Append(bullet).Append('\n');
                    }

                    sb.Append('\n');
                    break;
                default:
                    for (var s = random.Next(2, 5); s > 0 && words < targetWords; s--)
                    {
                        var sentence = WithTail(random, Sentence(random, related()));
                        if (random.NextDouble() < 0.1)
                        {
                            sentence = Bold(random, sentence);
                        }

                        words += CountWords(sentence);
                        sb.Append(sentence).Append(' ');
                    }

                    sb.Length--;
                    sb.Append("\n\n");
                    break;
            }
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    private static string Sentence(Random random, Source source) =>
        source.Sentences.Length > 0 ? source.Sentences[random.Next(source.Sentences.Length)] : source.Aanbod.Samenvatting;

    /// <summary>About one word in twenty is a word from the long tail, inserted at a random place in the sentence.</summary>
    private string WithTail(Random random, string sentence)
    {
        var parts = sentence.Split(' ');
        var extra = 0;
        foreach (var _ in parts)
        {
            if (random.NextDouble() < 0.05)
            {
                extra++;
            }
        }

        if (extra == 0)
        {
            return sentence;
        }

        var list = parts.ToList();
        for (var e = 0; e < extra; e++)
        {
            list.Insert(random.Next(1, list.Count), TailWord(random));
        }

        return string.Join(' ', list);
    }

    private static string Bold(Random random, string sentence)
    {
        var parts = sentence.Split(' ');
        var i = random.Next(parts.Length);
        if (parts[i].Length > 3 && parts[i].All(char.IsLetter))
        {
            parts[i] = "**" + parts[i] + "**";
        }

        return string.Join(' ', parts);
    }

    private string TailWord(Random random)
    {
        var i = Array.BinarySearch(_tailCdf, random.NextDouble());
        return _tail[Math.Min(i < 0 ? ~i : i, _tail.Length - 1)];
    }

    private Locatie MakeLocation(Random random, string[] wijken)
    {
        var inVeenendaal = random.NextDouble() < 0.75;
        var pc = inVeenendaal ? _pc4Veenendaal[random.Next(_pc4Veenendaal.Length)] : _pc4Nl[random.Next(_pc4Nl.Length)];
        var letters = $"{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
        var exact = random.NextDouble() < 0.5;
        string? wijk = null;
        if (inVeenendaal && random.NextDouble() < 0.5)
        {
            var index = int.Parse(pc.Pc4, CultureInfo.InvariantCulture) - 3901;
            wijk = wijken[Math.Clamp(index, 0, wijken.Length - 1)];
        }

        return new Locatie(
            _sources[random.Next(_sources.Count)].Aanbod.Locations.FirstOrDefault()?.Name ?? "Buurthuis",
            Capitalize(TailWord(random)) + StreetSuffixes[random.Next(StreetSuffixes.Length)] + " " + random.Next(1, 200).ToString(CultureInfo.InvariantCulture),
            pc.Pc4 + " " + letters,
            pc.Plaats,
            wijk,
            exact ? Math.Round(pc.Lat + (random.NextDouble() - 0.5) * 0.01, 4) : null,
            exact ? Math.Round(pc.Lon + (random.NextDouble() - 0.5) * 0.015, 4) : null,
            random.NextDouble() < 0.5 ? random.NextDouble() < 0.8 : null);
    }

    private static List<Tijden> MakeSchedules(Random random)
    {
        var list = new List<Tijden>();
        var today = new DateOnly(2026, 11, 24);
        for (var s = random.Next(1, 3); s > 0; s--)
        {
            var opens = new TimeOnly(random.Next(8, 20), random.Next(2) * 30);
            var closes = opens.AddMinutes(random.Next(2, 9) * 30);
            if (closes < opens)
            {
                closes = new TimeOnly(23, 59);
            }

            var description = ScheduleDescriptions[random.Next(ScheduleDescriptions.Length)];
            list.Add(Pick(random, [60, 15, 15, 10]) switch
            {
                0 => new Tijden("WEEKLY", DayCodes.Take(5).OrderBy(_ => random.Next()).Take(random.Next(1, 6)).ToList(), 1, null, null, opens, closes, description),
                1 => new Tijden("WEEKLY", [DayCodes[random.Next(7)]], 2, today.AddDays(-random.Next(0, 60)), null, opens, closes, description),
                2 => new Tijden("MONTHLY", [(random.Next(2) == 0 ? "1" : "-1") + DayCodes[random.Next(7)]], 1, null, null, opens, closes, description),
                _ => new Tijden(null, [], 1, today.AddDays(random.Next(-30, 60)), null, opens, closes, description),
            });
        }

        return list;
    }

    private static string Phone(Random random) => "0318 " + random.Next(100, 1000).ToString(CultureInfo.InvariantCulture) + " " + random.Next(100, 1000).ToString(CultureInfo.InvariantCulture);

    /// <summary>Index into the weights, chosen with probability proportional to its weight.</summary>
    internal static int Pick(Random random, int[] weights)
    {
        var r = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            r -= weights[i];
            if (r < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static IEnumerable<string> SplitSentences(string text) =>
        SentenceEnd().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0);

    private static IEnumerable<string> Words(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter));

    private static int CountWords(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string Capitalize(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in SocialeKaart.Kaart.Analysis.TextFolding.Fold(text))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        var slug = sb.ToString().Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    /// <summary>The content a corpus is indexed from: the real taxonomy, synonyms, postcodes and word list, with synthetic aanbod.</summary>
    public KaartContent WithAanbod(IReadOnlyList<Aanbod> aanbod, string synoniemen) =>
        new(_content.Taxonomie, _content.TaxonomieYaml, synoniemen, _content.Postcodes, _content.Woorden, aanbod, [], aanbod.Count)
        {
            Situaties = _content.Situaties,
            Talen = _content.Talen,
        };
}
