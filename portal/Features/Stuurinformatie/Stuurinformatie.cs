using System.Globalization;
using Microsoft.Extensions.Options;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;
using SocialeKaart.Portal.Features.Makelpunt;
using Route = SocialeKaart.Portal.Features.Makelpunt.Route;
using SocialeKaart.Portal.Features.OpenData;

namespace SocialeKaart.Portal.Features.Stuurinformatie;

/// <summary>The filters of the page, all in the URL: a period of whole days (Dutch dates) and optionally a wijk.</summary>
public sealed record Filter(DateOnly Van, DateOnly Tot, string? Wijk)
{
    public const int MaxDagen = 731;

    /// <summary>The last 13 ISO weeks, this week included.</summary>
    public static Filter Standaard(DateOnly vandaag) => new(IsoWeek.Maandag(vandaag).AddDays(-7 * 12), vandaag, null);

    public static (Filter Filter, Dictionary<string, string> Fouten) Lees(IQueryCollection query, DateOnly vandaag, Taxonomie taxonomie)
    {
        var fouten = new Dictionary<string, string>();
        var standaard = Standaard(vandaag);
        DateOnly Datum(string naam, DateOnly anders)
        {
            var tekst = query[naam].ToString();
            if (tekst.Length == 0)
            {
                return anders;
            }

            if (DateOnly.TryParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            fouten[naam] = $"De datum '{Kort(tekst)}' klopt niet. Schrijf bijvoorbeeld {vandaag:yyyy-MM-dd}.";
            return anders;
        }

        var van = Datum("van", standaard.Van);
        var tot = Datum("tot", standaard.Tot);
        if (van > tot)
        {
            fouten["van"] = "De begindatum ligt na de einddatum.";
            (van, tot) = (standaard.Van, standaard.Tot);
        }
        else if (tot.DayNumber - van.DayNumber >= MaxDagen)
        {
            fouten["van"] = "Kies een periode van hoogstens twee jaar.";
            van = tot.AddDays(-(MaxDagen - 1));
        }

        var wijk = query["wijk"].ToString();
        if (wijk.Length > 0 && !taxonomie.IsWijk(wijk))
        {
            fouten["wijk"] = $"De wijk '{Kort(wijk)}' kennen we niet.";
            wijk = "";
        }

        return (new Filter(van, tot, wijk.Length == 0 ? null : wijk), fouten);
    }

    private static string Kort(string s) => s.Length > 40 ? s[..40] + "…" : s;

    public string Query(string pad) =>
        $"{pad}?van={Van:yyyy-MM-dd}&tot={Tot:yyyy-MM-dd}" + (Wijk is null ? "" : "&wijk=" + Uri.EscapeDataString(Wijk));
}

public sealed record Rapport(Filter Filter, DateOnly Vandaag, IReadOnlyList<Figuur> Meldingen, IReadOnlyList<Figuur> Aanbod, int Controleleeftijd)
{
    public IEnumerable<Figuur> Alle => Meldingen.Concat(Aanbod);
}

/// <summary>
/// Computes the figures of the stuurinformatie page from the makelpunt store (aggregates of non-personal facts only)
/// and the public aanbod of the search index. Every count goes through <see cref="Cel"/>, so small counts are
/// suppressed in the page, the charts and the CSV alike.
/// </summary>
public sealed class StuurinformatieBerekening(IMakelpuntStore store, ISearchIndex index, Taxonomie taxonomie, IOptions<Versheid> versheid)
{
    public const string GeenLevensdomein = "onbekend";

    public async Task<Rapport> RapportAsync(Filter filter, DateOnly vandaag, CancellationToken cancellationToken)
    {
        var van = Begin(filter.Van);
        var tot = Begin(filter.Tot.AddDays(1));
        var meldingen = await store.KengetallenAsync(van, tot, cancellationToken);
        var ditHelpt = await store.DitHelptAsync(filter.Van, filter.Tot, cancellationToken);
        var zoektermen = await store.ZoektermenAsync(IsoWeek.Van(filter.Van), IsoWeek.Van(filter.Tot), cancellationToken);
        var aanbod = await OpenDataBron.AlleAanbodAsync(index, cancellationToken);

        return new Rapport(filter, vandaag,
        [
            PerWeek(filter, meldingen),
            PerLevensdomein(meldingen),
            PerWijk(),
            TermijnenGehaald(meldingen, vandaag),
            DitHelpt(meldingen, ditHelpt),
            Zoektermen(zoektermen),
            VerwijzingenDoorOrganisaties(meldingen),
            Doorverwijzingen(meldingen, aanbod),
        ],
        [
            AanbodPerLevensdomein(aanbod, filter.Wijk, vandaag),
            AanbodPerWijk(aanbod, vandaag),
        ], versheid.Value.Maanden);
    }

    private static DateTimeOffset Begin(DateOnly dag)
    {
        var lokaal = dag.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(lokaal, Rooster.Amsterdam.GetUtcOffset(lokaal));
    }

    private static DateOnly Dag(DateTimeOffset t) => NederlandseTekst.Dag(t);

    private static Figuur PerWeek(Filter filter, IReadOnlyList<MeldingKengetal> meldingen)
    {
        var perWeek = meldingen.GroupBy(m => IsoWeek.Van(Dag(m.Ontvangen))).ToDictionary(g => g.Key, g => g.ToList());
        var rijen = IsoWeek.Tussen(filter.Van, filter.Tot).Select(w =>
        {
            var lijst = perWeek.GetValueOrDefault(w) ?? [];
            return new Rij(WeekLabel(w), [Cel.Aantal(lijst.Count(m => m.Route == Route.Enkelvoudig)), Cel.Aantal(lijst.Count(m => m.Route == Route.Meervoudig))]);
        }).ToList();
        return new Figuur("meldingen-per-week", "Meldingen per week, per route",
            "Enkelvoudig: over één levensdomein, snel doorverwezen. Meervoudig: meer levensdomeinen, onduidelijk of een zorgsignaal: naar een sociale makelaar.",
            "Week", ["Enkelvoudig", "Meervoudig"], rijen, [0, 1]);
    }

    private Figuur PerLevensdomein(IReadOnlyList<MeldingKengetal> meldingen)
    {
        var rijen = taxonomie.Levensdomeinen.Select(l => new Rij(l.Naam, [Cel.Aantal(meldingen.Count(m => m.Levensdomeinen.Contains(l.Id)))])).ToList();
        rijen.Add(new Rij("Geen levensdomein gekozen", [Cel.Aantal(meldingen.Count(m => m.Levensdomeinen.Count == 0))]));
        return new Figuur("meldingen-per-levensdomein", "Meldingen per levensdomein",
            "Een melding over meer levensdomeinen telt bij elk ervan mee.", "Levensdomein", ["Meldingen"], rijen, [0]);
    }

    private Figuur PerWijk() => new("meldingen-per-wijk", "Meldingen per wijk",
        "Hoeveel meldingen uit elke wijk komen.", "Wijk", ["Meldingen"], [], [],
        "De melding vraagt geen adres of postcode, dus meldingen zijn nog niet per wijk te tellen. We leiden de wijk ook niet af "
        + "uit iets anders (een telefoonnummer, een aanbod): dat zou over een persoon gaan. Het wijkfilter geldt daarom alleen voor het aanbod.");

    private static Figuur TermijnenGehaald(IReadOnlyList<MeldingKengetal> meldingen, DateOnly vandaag)
    {
        // A deadline counts once it has passed or was met; a melding still within its term is not counted yet.
        (int Geteld, int OpTijd) Tel(Func<MeldingKengetal, DateOnly?> termijn, Func<MeldingKengetal, DateTimeOffset?> gedaan)
        {
            var geteld = 0;
            var opTijd = 0;
            foreach (var m in meldingen)
            {
                if (termijn(m) is not { } t)
                {
                    continue;
                }

                if (gedaan(m) is { } op)
                {
                    geteld++;
                    opTijd += Dag(op) <= t ? 1 : 0;
                }
                else if (t < vandaag)
                {
                    geteld++;
                }
            }

            return (geteld, opTijd);
        }

        var contact = Tel(m => m.Termijnen.EersteContact, m => m.EersteContactOp);
        var wgs = Tel(m => m.Termijnen.SchuldhulpEersteGesprek, m => m.SchuldhulpgesprekOp);
        return new Figuur("termijnen", "Termijnen gehaald",
            "Eerste contact: binnen de termijn van het makelpunt (werkdagen). Wgs: het eerste gesprek over schulden binnen de wettelijke termijn "
            + "(3 werkdagen bij dreigende uitzetting of afsluiting, anders 4 weken). Een melding telt mee zodra de termijn voorbij is of gehaald.",
            "Termijn", ["Afgelopen termijnen", "Op tijd", "Op tijd (%)"],
            [
                new Rij("Eerste contact", [Cel.Aantal(contact.Geteld), Cel.Deel(contact.OpTijd, contact.Geteld), Cel.Procent(contact.OpTijd, contact.Geteld)]),
                new Rij("Eerste schuldhulpgesprek (Wgs)", [Cel.Aantal(wgs.Geteld), Cel.Deel(wgs.OpTijd, wgs.Geteld), Cel.Procent(wgs.OpTijd, wgs.Geteld)]),
            ], [2]);
    }

    private Figuur DitHelpt(IReadOnlyList<MeldingKengetal> meldingen, IReadOnlyList<DitHelptTelling> tellingen)
    {
        Rij Rij(string id, string naam)
        {
            var helpt = tellingen.Where(t => t.Levensdomein == id).Sum(t => t.Aantal);
            var gemeld = id == GeenLevensdomein ? meldingen.Count(m => m.Levensdomeinen.Count == 0) : meldingen.Count(m => m.Levensdomeinen.Contains(id));
            return new Rij(naam, [Cel.Aantal(helpt), Cel.Aantal(gemeld), Cel.Procent(helpt, helpt + gemeld)]);
        }

        var rijen = taxonomie.Levensdomeinen.Select(l => Rij(l.Id, l.Naam)).Append(Rij(GeenLevensdomein, "Geen levensdomein gekozen")).ToList();
        return new Figuur("dit-helpt-mij", "\"Dit helpt mij\" per levensdomein",
            "Hoe vaak een inwoner in stap 4 van de melding voorliggend aanbod koos (\"Dit helpt mij\") in plaats van een melding te sturen. "
            + "Het percentage is het deel van alle keren (dit helpt mij en meldingen) waarin het voorliggende aanbod genoeg was.",
            "Levensdomein", ["Dit helpt mij", "Meldingen", "Voorliggend aanbod genoeg (%)"], rijen, [0, 1]);
    }

    private static Figuur Zoektermen(IReadOnlyList<ZoektermTelling> tellingen)
    {
        // Only a word searched at least 5 times in a week is shown, for that week.
        var rijen = tellingen.Where(t => t.Aantal >= Cel.Drempel)
            .OrderByDescending(t => t.Week, StringComparer.Ordinal).ThenByDescending(t => t.Aantal).ThenBy(t => t.Term, StringComparer.Ordinal)
            .Select(t => new Rij($"{t.Term} ({WeekLabel(t.Week)})", [Cel.Aantal(t.Aantal)])).ToList();
        return new Figuur("zoektermen-zonder-resultaat", "Gezocht en niet gevonden",
            "Woorden uit zoekvragen zonder één resultaat, per week. Alleen gewone Nederlandse woorden, zonder cijfers, namen, adressen, "
            + "telefoonnummers of e-mailadressen; een woord staat hier pas als het in die week minstens 5 keer is gezocht.",
            "Woord (week)", ["Keer gezocht zonder resultaat"], rijen, [0],
            rijen.Count == 0 ? "In deze periode is geen woord 5 keer of vaker gezocht zonder resultaat." : null);
    }

    private static Figuur VerwijzingenDoorOrganisaties(IReadOnlyList<MeldingKengetal> meldingen)
    {
        var vanOrganisaties = meldingen.Where(m => m.VerwijzerSoort is not null || m.Soort == Soort.Verwijzing).ToList();
        var rijen = OrganisatieSoorten.Alle
            .Select(s => new Rij(s.Naam, [
                Cel.Aantal(vanOrganisaties.Count(m => m.VerwijzerSoort == s.Id && m.Soort == Soort.Verwijzing)),
                Cel.Aantal(vanOrganisaties.Count(m => m.VerwijzerSoort == s.Id && m.Soort == Soort.Zorgsignaal))]))
            .Append(new Rij("Via het openbare formulier (zonder account)", [
                Cel.Aantal(vanOrganisaties.Count(m => m.VerwijzerSoort is null && m.Soort == Soort.Verwijzing)), Cel.Aantal(0)]))
            .ToList();
        return new("verwijzingen-door-organisaties", "Verwijzingen door organisaties, per soort organisatie",
            "Meldingen die een organisatie (school, huisarts, werkgever…) deed: voor iemand met diens toestemming (verwijzing), of als "
            + "professional uit zorg over iemand (zorgsignaal). De soort komt van het account van de organisatie.",
            "Soort organisatie", ["Verwijzingen", "Zorgsignalen"], rijen, [0, 1]);
    }

    private static Figuur Doorverwijzingen(IReadOnlyList<MeldingKengetal> meldingen, IReadOnlyList<IndexDocument> aanbod)
    {
        var soortVan = aanbod.ToDictionary(d => d.Aanbod.Id, d => d.Aanbod.Organization.Soort, StringComparer.Ordinal);
        var verwezen = meldingen.SelectMany(m => m.VerwezenNaar).Select(id => soortVan.GetValueOrDefault(id) ?? "").ToList();
        var rijen = Kaart.Hsds.HsdsProfiel.SoortOrganisatieTermen.Select(s => new Rij(s.Naam, [Cel.Aantal(verwezen.Count(v => v == s.Code))])).ToList();
        rijen.Add(new Rij("Aanbod staat niet meer op de kaart", [Cel.Aantal(verwezen.Count(v => v.Length == 0))]));
        return new Figuur("doorverwijzingen-per-soort-aanbieder", "Doorverwezen door het makelpunt, per soort aanbieder",
            "Hoe vaak consulenten en sociale makelaars een melding doorverwezen naar aanbod, naar de soort van de aanbieder.",
            "Soort aanbieder", ["Doorverwijzingen"], rijen, [0]);
    }

    private Figuur AanbodPerLevensdomein(IReadOnlyList<IndexDocument> aanbod, string? wijk, DateOnly vandaag)
    {
        var lijst = wijk is null ? aanbod : aanbod.Where(d => Wijken(d).Contains(wijk)).ToList();
        var rijen = taxonomie.Levensdomeinen.Select(l =>
        {
            var hier = lijst.Where(d => d.Aanbod.Levensdomeinen.Contains(l.Id)).ToList();
            return new Rij(l.Naam, [Cel.Aantal(hier.Count), Cel.Aantal(hier.Count(d => versheid.Value.IsVerlopen(d.Aanbod, vandaag)))]);
        }).ToList();
        return new Figuur("aanbod-per-levensdomein", wijk is null ? "Aanbod per levensdomein" : $"Aanbod per levensdomein in {taxonomie.Naam(wijk)}",
            $"Aanbod op de kaart, en hoeveel daarvan langer dan {versheid.Value.Maanden} maanden niet is gecontroleerd (laatst gecontroleerd). "
            + "Aanbod over meer levensdomeinen telt bij elk ervan mee.",
            "Levensdomein", ["Aanbod", "Te controleren"], rijen, [0, 1]);
    }

    private Figuur AanbodPerWijk(IReadOnlyList<IndexDocument> aanbod, DateOnly vandaag)
    {
        var rijen = taxonomie.Wijken.Select(w =>
        {
            var hier = aanbod.Where(d => Wijken(d).Contains(w.Id)).ToList();
            return new Rij(w.Naam, [Cel.Aantal(hier.Count), Cel.Aantal(hier.Count(d => versheid.Value.IsVerlopen(d.Aanbod, vandaag)))]);
        }).ToList();
        var zonder = aanbod.Where(d => Wijken(d).Length == 0).ToList();
        rijen.Add(new Rij("Zonder wijk (online, telefonisch)", [Cel.Aantal(zonder.Count), Cel.Aantal(zonder.Count(d => versheid.Value.IsVerlopen(d.Aanbod, vandaag)))]));
        return new Figuur("aanbod-per-wijk", "Aanbod per wijk",
            "Aanbod met een adres in de wijk of dat de hele wijk bedient, en hoeveel daarvan te controleren is.",
            "Wijk", ["Aanbod", "Te controleren"], rijen, [0, 1]);
    }

    private string[] Wijken(IndexDocument d) => FacetWaarden.Van(d, taxonomie)[Facetten.Wijk];

    public static string WeekLabel(string week) => $"week {int.Parse(week[6..], CultureInfo.InvariantCulture)} van {week[..4]}";
}
