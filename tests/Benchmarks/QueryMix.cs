using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Benchmarks;

/// <summary>The kind of a benchmark query, for the per-kind figures.</summary>
internal enum QueryKind
{
    /// <summary>Words only.</summary>
    Tekst,

    /// <summary>Words and one or two facet filters.</summary>
    TekstFilter,

    /// <summary>No words, one or two facet filters (browsing the kaart).</summary>
    Bladeren,

    /// <summary>A postcode, sorted on distance (sometimes with a radius), with or without words.</summary>
    Afstand,

    /// <summary>Sorted on name.</summary>
    Naam,
}

internal sealed record BenchQuery(SearchQuery Query, QueryKind Kind);

/// <summary>
/// A fixed, seeded mix of searches as inwoners type them: single words, sentences, synonyms, compounds,
/// typos, stop words only and nonsense; about half with one or two facet filters; some browsing without words;
/// some from a postcode sorted on distance; a few sorted on name; pages 1–3.
/// </summary>
internal static class QueryMix
{
    // Weighted: the common searches appear more often, as in a search log.
    private static readonly (string Tekst, int Gewicht)[] Teksten =
    [
        ("schulden", 8), ("ik heb schulden", 6), ("geldzorgen", 3), ("eenzaam", 6), ("ik ben eenzaam", 3), ("alleen", 2),
        ("hulp bij opvoeding", 4), ("opvoeden", 2), ("werk zoeken", 5), ("werk", 3), ("baan", 2), ("mantelzorg", 5),
        ("ondersteuning mantelzorger", 2), ("schuldhulpverlening", 3), ("schuldhulpverleening", 2), ("taalcafe", 2),
        ("taalcafé", 1), ("nederlands leren", 3), ("huishoudelijke hulp", 4), ("hulp in het huishouden", 2), ("scootmobiel", 2),
        ("rolstoel", 1), ("traplift", 1), ("woningaanpassing", 1), ("dagbesteding", 3), ("vrijwilligerswerk", 3), ("sporten", 2),
        ("sport voor kinderen", 2), ("kinderen", 1), ("jongeren", 1), ("budgetcursus", 1), ("bijstand", 3), ("uitkering aanvragen", 2),
        ("toeslag", 1), ("energie besparen", 2), ("energierekening te hoog", 2), ("formulieren invullen", 2), ("hulp bij formulieren", 2),
        ("belastingaangifte", 1), ("maaltijd", 1), ("samen eten", 2), ("boodschappen", 1), ("vervoer", 1), ("taxi", 1), ("dementie", 2),
        ("ouderen", 1), ("eenzaamheid ouderen", 2), ("buurthuis", 2), ("koffie drinken", 1), ("ontmoeten", 1), ("repair cafe", 1),
        ("kleding", 1), ("voedselbank", 2), ("huur betalen", 1), ("dakloos", 1), ("opvang", 1), ("psychische klachten", 2),
        ("depressie", 1), ("verslaving", 1), ("ruzie met de buren", 2), ("burenruzie", 1), ("juridisch advies", 1), ("inburgering", 1),
        ("statushouder", 1), ("sollicitatie", 1), ("cv schrijven", 1), ("computer leren", 1), ("digid", 1), ("huiswerkbegeleiding", 1),
        ("mantelzorgr", 1), ("eenzaamhied", 1), ("opvoedign", 1), ("vrijwiliger", 1), ("huishoudelijk hulp", 1), ("shculden", 1),
        ("ik heb", 1), ("de", 1), ("xyzqv", 1), ("hulp", 2),
        ("mijn moeder van 85 kan niet meer alleen douchen en wil graag hulp in huis", 1),
        ("ik zoek werk maar ik spreek nog niet goed nederlands", 1),
        ("ik kan mijn rekeningen niet meer betalen wat nu", 1),
    ];

    private static readonly string[] Postcodes = ["3901 AB", "3902", "3903 CD", "3904", "3905 KL", "3906", "3907 XZ", "3811", "6711", "1012 AB", "9999"];

    public static List<BenchQuery> Build(Taxonomie taxonomie, int count, int seed)
    {
        var random = new Random(seed);
        var total = Teksten.Sum(t => t.Gewicht);
        var facets = new (string Facet, string[] Waarden)[]
        {
            (Facetten.Levensdomein, taxonomie.Levensdomeinen.Select(l => l.Id).ToArray()),
            (Facetten.Toegang, [Facetten.AlgemeenToegankelijk, Facetten.AchterHetLoket]),
            (Facetten.Kosten, [Facetten.Gratis, Facetten.Betaald]),
            (Facetten.Wijk, taxonomie.Wijken.Select(w => w.Id).ToArray()),
            (Facetten.Doelgroep, taxonomie.Doelgroepen.Select(d => d.Id).ToArray()),
            (Facetten.Wanneer, [Facetten.OpenNu, Facetten.DezeWeek]),
            (Facetten.Vorm, ["individueel", "groep"]),
            (Facetten.Taal, ["en", "ar", "tr"]),
        };
        int[] facetWeights = [30, 20, 15, 12, 12, 6, 3, 2];

        string Tekst()
        {
            var r = random.Next(total);
            foreach (var (tekst, gewicht) in Teksten)
            {
                r -= gewicht;
                if (r < 0)
                {
                    return tekst;
                }
            }

            return Teksten[0].Tekst;
        }

        var list = new List<BenchQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            QueryKind kind = roll switch
            {
                < 0.15 => QueryKind.Bladeren,
                < 0.27 => QueryKind.Afstand,
                < 0.32 => QueryKind.Naam,
                < 0.60 => QueryKind.TekstFilter,
                _ => QueryKind.Tekst,
            };

            var query = new SearchQuery
            {
                Tekst = kind == QueryKind.Bladeren || (kind is QueryKind.Afstand or QueryKind.Naam && random.NextDouble() < 0.3) ? "" : Tekst(),
                Pagina = random.NextDouble() switch { < 0.7 => 1, < 0.9 => 2, _ => 3 },
                PerPagina = 10,
            };

            var filters = kind switch
            {
                QueryKind.Bladeren or QueryKind.TekstFilter => random.NextDouble() < 0.65 ? 1 : 2,
                QueryKind.Afstand or QueryKind.Naam => random.NextDouble() < 0.5 ? 1 : 0,
                _ => 0,
            };
            var chosen = new HashSet<int>();
            while (chosen.Count < filters)
            {
                chosen.Add(CorpusGenerator.Pick(random, facetWeights));
            }

            foreach (var f in chosen)
            {
                var (facet, waarden) = facets[f];
                var values = waarden.OrderBy(_ => random.Next()).Take(random.NextDouble() < 0.85 ? 1 : 2).ToArray();
                query = query.WithFilter(facet, values);
            }

            if (kind == QueryKind.Afstand)
            {
                query = query with
                {
                    Postcode = Postcodes[random.Next(Postcodes.Length)],
                    Sortering = Sortering.Afstand,
                    StraalKm = random.NextDouble() < 0.35 ? new double[] { 2, 5, 10, 25 }[random.Next(4)] : null,
                };
            }
            else if (kind == QueryKind.Naam)
            {
                query = query with { Sortering = Sortering.Naam };
            }

            list.Add(new BenchQuery(query, kind));
        }

        return list;
    }

    public static string Describe(SearchQuery q)
    {
        var parts = new List<string> { $"\"{q.Tekst}\"" };
        parts.AddRange(q.Filters.Select(f => $"{f.Key}={string.Join('|', f.Value)}"));
        if (q.Postcode is not null)
        {
            parts.Add($"postcode={q.Postcode}" + (q.StraalKm is { } s ? $" straal={s}" : ""));
        }

        if (q.Sortering != Sortering.Relevantie)
        {
            parts.Add($"sorteer={q.Sortering}");
        }

        parts.Add($"p{q.Pagina}");
        return string.Join(' ', parts);
    }
}
