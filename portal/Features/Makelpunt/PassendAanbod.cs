using System.Globalization;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Portal.Features.Makelpunt;

/// <summary>What to find aanbod for: a melding's answers, and for staff their own search words and filters.</summary>
/// <param name="AlleenAlgemeenToegankelijk">The inwoner's voorliggend aanbod (step 4): nothing achter het loket.</param>
/// <param name="Zoekwoorden">A medewerker's own words (never the inwoner's): they go to the search engine.</param>
/// <param name="Levensdomeinen">Another choice than the melding's (staff); null: the melding's.</param>
public sealed record PassendAanbodVraag(
    MeldingAntwoorden Antwoorden,
    bool AlleenAlgemeenToegankelijk,
    string Zoekwoorden = "",
    IReadOnlyList<string>? Levensdomeinen = null,
    bool MetIntern = false,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters = null);

/// <summary>An aanbod with its score for the melding and why, in words the consulent understands.</summary>
public sealed record PassendAanbodTreffer(Hit Hit, AanbodDetail Detail, double Score, IReadOnlyList<string> Waarom);

/// <summary>
/// Ranks aanbod for one melding, for the consulent ("passend aanbod", "doorverwijzen naar") and for the inwoner
/// (voorliggend aanbod in step 4). Candidates come from the search index by levensdomein (and by the medewerker's own
/// words when given); they are then ranked here, in the portal's own process, by what the melding says: the
/// levensdomeinen, the urgency signals (a cut-off or eviction, no income, danger at home, niet pluis), the age group
/// against the aanbod's ages and doelgroepen, the wijk of the postcode, and the overlap with the inwoner's own words.
/// <b>The inwoner's words never leave this process</b>: they are analysed here and compared with the candidates' text,
/// so no search engine (embedded or Elasticsearch), log or other system ever receives them.
/// </summary>
public sealed class PassendAanbod(ISearchIndex index, Taxonomie taxonomie, PassendAanbod.Tekstanalyse analyse)
{
    /// <summary>How many candidates are ranked at most (pages of the index's maximum size).</summary>
    private const int MaxKandidaten = 300;

    /// <summary>The words each urgency signal looks for in aanbod (stems of the analysed words; readable here on purpose).</summary>
    private static readonly (string Signaal, Func<MeldingAntwoorden, bool> Geldt, string[] Woorden)[] Signalen =
    [
        ("afsluiting of huisuitzetting dreigt", a => a.Urgentie.HuisuitzettingOfAfsluiting,
            ["schulden", "schuldhulpverlening", "betalingsachterstand", "huurachterstand", "achterstand", "afsluiting", "energierekening",
             "deurwaarder", "aanmaning", "geldzorgen", "energie", "huur"]),
        ("geen inkomen", a => a.Urgentie.GeenInkomen,
            ["bijstand", "uitkering", "inkomen", "levensonderhoud", "voedselbank", "noodfonds", "participatiewet"]),
        ("gevaar thuis", a => a.Urgentie.GevaarThuis,
            ["huiselijk", "geweld", "mishandeling", "veilig", "opvang", "crisis", "bedreiging"]),
        ("niet pluis", a => a.NietPluis || a.Soort == Soort.Zorgsignaal,
            ["bemoeizorg", "vangnet", "erop", "outreach", "zorgen", "signaal"]),
    ];

    public async Task<IReadOnlyList<PassendAanbodTreffer>> ZoekAsync(PassendAanbodVraag vraag, int aantal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vraag);
        var a = vraag.Antwoorden;
        var domeinen = (vraag.Levensdomeinen ?? a.Levensdomeinen).Where(taxonomie.IsLevensdomein).Distinct(StringComparer.Ordinal).ToArray();
        var query = new SearchQuery { Tekst = vraag.Zoekwoorden, PerPagina = SearchQuery.MaxPerPagina };
        if (domeinen.Length > 0)
        {
            query = query.WithFilter(Facetten.Levensdomein, domeinen);
        }

        foreach (var (facet, waarden) in vraag.Filters ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            query = query.WithFilter(facet, [.. waarden]);
        }

        if (vraag.AlleenAlgemeenToegankelijk)
        {
            query = query.WithFilter(Facetten.Toegang, Facetten.AlgemeenToegankelijk);
        }

        var kandidaten = new List<Hit>();
        for (var pagina = 1; kandidaten.Count < MaxKandidaten; pagina++)
        {
            var resultaten = await index.SearchAsync(query with { Pagina = pagina }, cancellationToken);
            kandidaten.AddRange(resultaten.Hits);
            if (pagina >= resultaten.AantalPaginas || resultaten.Hits.Count == 0)
            {
                break;
            }
        }

        // The melding's side as whole words, the aanbod's side with compound parts too: "schulden" finds
        // "schuldhulpverlening", but "geldzorgen" does not become "geld" and find every aanbod about money.
        var eigenWoorden = Tekstanalyse.Woordstammen(a.Vraag + " " + a.HulpNodig);
        var signalen = Signalen.Where(s => s.Geldt(a)).Select(s => (s.Signaal, Stammen: Tekstanalyse.Woordstammen(string.Join(' ', s.Woorden)))).ToList();
        var leeftijd = Leeftijd(a.Leeftijd);
        var wijk = a.Postcode.Length >= 4 ? taxonomie.WijkVanPostcode(a.Postcode[..4]) : null;

        var treffers = new List<PassendAanbodTreffer>();
        foreach (var (hit, rang) in kandidaten.Select((h, i) => (h, i)))
        {
            if (await index.GetAsync(hit.Id, vraag.MetIntern, cancellationToken) is not { } detail)
            {
                continue;
            }

            var aanbod = detail.Document.Aanbod;
            var waarom = new List<string>();
            double score = 0;

            // The medewerker's own words: the engine's order counts, most for the first.
            if (vraag.Zoekwoorden.Length > 0)
            {
                score += 6.0 * (1 - (double)rang / Math.Max(1, kandidaten.Count));
            }

            var gedeeld = aanbod.Levensdomeinen.Intersect(domeinen, StringComparer.Ordinal).ToList();
            if (gedeeld.Count > 0)
            {
                score += 2 + gedeeld.Count;
                waarom.Add(string.Join(", ", gedeeld.Select(taxonomie.Naam)));
            }

            var naam = analyse.Stammen(aanbod.Name);
            var titel = analyse.Stammen(aanbod.Name + " " + string.Join(' ', aanbod.Trefwoorden));
            var tekst = analyse.Stammen(aanbod.Samenvatting + " " + detail.Document.BodyTekst);
            foreach (var (signaal, stammen) in signalen)
            {
                if (stammen.Overlaps(titel))
                {
                    score += 5;
                    waarom.Add(signaal);
                }
                else if (stammen.Overlaps(tekst))
                {
                    score += 2;
                    waarom.Add(signaal);
                }
            }

            // Voorliggend aanbod comes first (eigen kracht, netwerk, algemeen toegankelijk, then the loket).
            if (aanbod.Toegang == Toegang.AlgemeenToegankelijk)
            {
                score += 1;
            }

            // The Wgs asks for a first schuldhulp conversation within three working days when eviction or a cut-off threatens.
            if (a.Urgentie.HuisuitzettingOfAfsluiting && aanbod.WettelijkKader.Contains("Wgs"))
            {
                score += 4;
                waarom.Add("Wgs: eerste gesprek binnen 3 werkdagen");
            }

            if ((a.NietPluis || a.Soort == Soort.Zorgsignaal) && aanbod.Bemoeizorg)
            {
                score += 3;
            }

            // The name says what an aanbod is for; trefwoorden what people call it; the text mentions much more.
            var overlap = eigenWoorden.Sum(w => naam.Contains(w) ? 2.5 : titel.Contains(w) ? 1.5 : tekst.Contains(w) ? 0.5 : 0);
            if (overlap > 0)
            {
                score += Math.Min(6, overlap);
                waarom.Add("woorden uit de melding");
            }

            if (leeftijd is var (van, tot, doelgroep))
            {
                if ((aanbod.MinimumAge is { } min && tot < min) || (aanbod.MaximumAge is { } max && van > max))
                {
                    continue; // not for this age at all
                }

                if (aanbod.Doelgroepen.Contains(doelgroep))
                {
                    score += 2;
                    waarom.Add(taxonomie.Naam(doelgroep).ToLower(CultureInfo.GetCultureInfo("nl-NL")));
                }
            }

            if (wijk is not null)
            {
                if (aanbod.Wijken.Contains(wijk) || aanbod.Locations.Any(l => l.Wijk == wijk
                    || (l.PostalCode.Length >= 4 && taxonomie.WijkVanPostcode(l.PostalCode[..4]) == wijk)))
                {
                    score += 1.5;
                    waarom.Add("in de wijk " + taxonomie.Naam(wijk));
                }
                else if (aanbod.Wijken.Count > 0)
                {
                    score -= 2; // only for other wijken
                }
            }

            treffers.Add(new PassendAanbodTreffer(hit, detail, score, waarom));
        }

        return treffers
            .OrderByDescending(t => t.Score)
            .ThenBy(t => t.Hit.Naam, StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true))
            .Take(aantal)
            .ToList();
    }

    private static (int Van, int Tot, string Doelgroep)? Leeftijd(Leeftijdsgroep? groep) => groep switch
    {
        Leeftijdsgroep.Kind => (0, 11, "kinderen"),
        Leeftijdsgroep.Jongere => (12, 17, "jongeren"),
        Leeftijdsgroep.Jongvolwassene => (18, 26, "jongeren"),
        Leeftijdsgroep.Volwassene => (27, 64, "volwassenen"),
        Leeftijdsgroep.Oudere => (65, 120, "ouderen"),
        _ => null,
    };

    /// <summary>
    /// The Dutch analysis of the index (stems, stop words, compound parts from the content's word list), used in this
    /// process to compare the inwoner's words with aanbod. Loaded once, when first needed.
    /// </summary>
    public sealed class Tekstanalyse(DutchAnalyzer analyzer)
    {
        /// <summary>The stems of the words themselves, without compound parts.</summary>
        public static HashSet<string> Woordstammen(string tekst) =>
            Tokenizer.Tokenize(tekst.Length > 20_000 ? tekst[..20_000] : tekst).Select(t => t.Folded).Where(DutchAnalyzer.IsIndexable)
                .Select(DutchAnalyzer.Stem).ToHashSet(StringComparer.Ordinal);

        /// <summary>The stems of the words and of their compound parts, as the index has them.</summary>
        public HashSet<string> Stammen(string tekst)
        {
            var termen = new List<string>();
            analyzer.AnalyzeForIndex(tekst.Length > 20_000 ? tekst[..20_000] : tekst, termen);
            return termen.ToHashSet(StringComparer.Ordinal);
        }
    }
}
