using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Portal.Features.Makelpunt;

/// <summary>Who made the melding: the inwoner, someone close, an organisation (with consent) or someone worried about another.</summary>
public enum Soort
{
    Zelf,
    Naaste,
    Verwijzing,
    Zorgsignaal,
}

/// <summary>The urgency questions of the melding; any yes makes it urgent.</summary>
public sealed record Urgentie(bool GevaarThuis, bool HuisuitzettingOfAfsluiting, bool GeenInkomen)
{
    public static Urgentie Geen { get; } = new(false, false, false);

    public bool Any => GevaarThuis || HuisuitzettingOfAfsluiting || GeenInkomen;
}

/// <summary>What routing looks at in a melding: no personal data, so it can be logged and tested freely.</summary>
/// <param name="Levensdomeinen">Levensdomein ids from the taxonomy; none means the inwoner did not know.</param>
public sealed record MeldingKenmerken(Soort Soort, IReadOnlyList<string> Levensdomeinen, bool NietPluis, Urgentie Urgentie);

public enum Route
{
    /// <summary>One levensdomein: a consulent of that leefgebied's team refers quickly to an aanbieder.</summary>
    Enkelvoudig,

    /// <summary>Several levensdomeinen, unclear, a zorgsignaal or niet pluis: a sociale makelaar, usually a huisbezoek.</summary>
    Meervoudig,
}

/// <summary>The routing decision for a melding.</summary>
/// <param name="Team">The team id that gets the melding in its queue.</param>
/// <param name="Urgent">Show at the top of the queue; first contact within the urgent term.</param>
/// <param name="Reden">Why, in plain Dutch, for the consulent.</param>
public sealed record RouteringsBesluit(Route Route, string Team, bool Urgent, bool Huisbezoek, string Reden)
{
    /// <summary>For an enkelvoudige melding: the levensdomein to suggest aanbod for (the caller searches it). Otherwise null.</summary>
    public string? SuggestieLevensdomein { get; init; }
}

/// <summary>The makelpunt rules: teams, terms and the holiday calendar. Section "Makelpunt".</summary>
public sealed class MakelpuntOptions : IValidatableObject
{
    public const string Section = "Makelpunt";

    /// <summary>Team id per leefgebied id (content/taxonomie.yml) for enkelvoudige meldingen.</summary>
    [Required]
    public Dictionary<string, string> TeamPerLeefgebied { get; } = new(StringComparer.Ordinal)
    {
        ["opgroeien-en-opvoeden"] = "team-opgroeien",
        ["arbeidsparticipatie-en-inkomen"] = "team-werk-en-inkomen",
        ["zelfredzaamheid-thuis"] = "team-thuis",
        ["sociale-participatie"] = "team-meedoen",
    };

    /// <summary>The name staff see for each team id.</summary>
    public Dictionary<string, string> TeamNamen { get; } = new(StringComparer.Ordinal)
    {
        ["team-opgroeien"] = "Opgroeien en opvoeden",
        ["team-werk-en-inkomen"] = "Werk en inkomen",
        ["team-thuis"] = "Zelfredzaam thuis",
        ["team-meedoen"] = "Meedoen",
        ["sociale-makelaars"] = "Sociale makelaars",
    };

    public string TeamNaam(string team) => TeamNamen.TryGetValue(team, out var naam) ? naam : team;

    /// <summary>All team ids that can have meldingen in their queue.</summary>
    public IEnumerable<string> Teams => TeamPerLeefgebied.Values.Append(MakelaarsTeam).Distinct(StringComparer.Ordinal);

    /// <summary>The team of the sociale makelaars: meervoudige, unclear and worrying meldingen.</summary>
    [Required(AllowEmptyStrings = false)]
    public string MakelaarsTeam { get; set; } = "sociale-makelaars";

    /// <summary>First contact with the inwoner, in working days after the melding (our service promise).</summary>
    [Range(1, 20)]
    public int EersteContactWerkdagen { get; set; } = 3;

    /// <summary>First contact for an urgent melding, in working days after the melding.</summary>
    [Range(1, 20)]
    public int EersteContactUrgentWerkdagen { get; set; } = 1;

    /// <summary>Wmo onderzoek finished, in calendar days after the melding; the law allows at most six weeks (Wmo 2015 art. 2.3.2 lid 1).</summary>
    [Range(1, 42)]
    public int WmoOnderzoekDagen { get; set; } = 42;

    /// <summary>Decision on a request for jeugdhulp, in calendar days (Awb art. 4:13: eight weeks).</summary>
    [Range(1, 56)]
    public int JeugdhulpBesluitDagen { get; set; } = 56;

    /// <summary>Decision on a request for bijstand, in calendar days (Awb art. 4:13 with Participatiewet art. 44: eight weeks).</summary>
    [Range(1, 56)]
    public int BijstandBesluitDagen { get; set; } = 56;

    /// <summary>First schuldhulp conversation when eviction or cut-off threatens, in working days; at most 3 by law (Wgs art. 4a).</summary>
    [Range(1, 3)]
    public int SchuldhulpSpoedWerkdagen { get; set; } = 3;

    /// <summary>First schuldhulp conversation otherwise, in calendar days; at most four weeks by law (Wgs art. 4a).</summary>
    [Range(1, 28)]
    public int SchuldhulpDagen { get; set; } = 28;

    /// <summary>The holidays that are not working days; default the list of the Algemene termijnenwet. In configuration: "Nieuwjaarsdag, Kerstdagen".</summary>
    public Feestdag Feestdagen { get; set; } = Feestdag.AlgemeneTermijnenwet;

    /// <summary>Extra non-working days: the days the Crown makes equal to a feestdag for a period (Atw art. 3 lid 3), such as the Friday after Hemelvaartsdag.
    /// They extend legal terms too, so list only days that the law allows.</summary>
    public List<DateOnly> GelijkgesteldeDagen { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (leefgebied, team) in TeamPerLeefgebied)
        {
            if (string.IsNullOrWhiteSpace(team))
            {
                yield return new ValidationResult($"Makelpunt: geen team voor leefgebied '{leefgebied}'.", [nameof(TeamPerLeefgebied)]);
            }
        }

        if (EersteContactUrgentWerkdagen > EersteContactWerkdagen)
        {
            yield return new ValidationResult("Makelpunt: de termijn voor urgent eerste contact is langer dan de gewone.",
                [nameof(EersteContactUrgentWerkdagen)]);
        }
    }
}

/// <summary>
/// The routing rules of the makelpunt (DESIGN.md): one levensdomein goes to the team of its leefgebied for a
/// quick referral; several, none, a zorgsignaal or niet pluis go to a sociale makelaar with a huisbezoek.
/// Urgency sets the flag and does not change the route. Never throws on the melding: whatever it cannot
/// place goes to the makelaars, so no melding gets stuck.
/// </summary>
public sealed class Routering(Taxonomie taxonomie, MakelpuntOptions options)
{
    public RouteringsBesluit Bepaal(MeldingKenmerken melding)
    {
        var domeinen = melding.Levensdomeinen.Distinct(StringComparer.Ordinal).ToList();
        var onbekend = domeinen.Where(d => !taxonomie.IsLevensdomein(d)).ToList();
        var urgent = melding.Urgentie.Any;

        var redenen = new List<string>();
        if (melding.Soort == Soort.Zorgsignaal)
        {
            redenen.Add("Het is een zorgsignaal: iemand maakt zich zorgen over een ander.");
        }

        if (melding.NietPluis)
        {
            redenen.Add("De melder zegt dat het niet pluis is.");
        }

        if (onbekend.Count > 0)
        {
            redenen.Add($"De melding noemt een levensdomein dat wij niet kennen ({string.Join(", ", onbekend)}).");
        }
        else if (domeinen.Count == 0)
        {
            redenen.Add("Het is nog niet duidelijk over welk levensdomein de melding gaat.");
        }
        else if (domeinen.Count > 1)
        {
            redenen.Add($"De melding gaat over meer levensdomeinen: {Namen(domeinen)}.");
        }

        if (redenen.Count == 0)
        {
            var domein = domeinen[0];
            var leefgebied = taxonomie.LeefgebiedVan(domein);
            if (options.TeamPerLeefgebied.TryGetValue(leefgebied, out var team) && !string.IsNullOrWhiteSpace(team))
            {
                var reden = $"De melding gaat over één levensdomein: {taxonomie.Naam(domein)} (leefgebied {taxonomie.Naam(leefgebied)}). "
                    + "Verwijs snel door naar passend aanbod.";
                return new RouteringsBesluit(Route.Enkelvoudig, team, urgent, Huisbezoek: false, Spoed(reden, melding.Urgentie))
                {
                    SuggestieLevensdomein = domein,
                };
            }

            redenen.Add($"Er is geen team ingesteld voor leefgebied {taxonomie.Naam(leefgebied)}.");
        }

        redenen.Add("Een sociale makelaar pakt de melding op en gaat op huisbezoek.");
        return new RouteringsBesluit(Route.Meervoudig, options.MakelaarsTeam, urgent, Huisbezoek: true,
            Spoed(string.Join(" ", redenen), melding.Urgentie));
    }

    private string Namen(IEnumerable<string> domeinen) => string.Join(", ", domeinen.Select(taxonomie.Naam));

    private static string Spoed(string reden, Urgentie urgentie)
    {
        var waarom = new List<string>();
        if (urgentie.GevaarThuis)
        {
            waarom.Add("er is gevaar thuis");
        }

        if (urgentie.HuisuitzettingOfAfsluiting)
        {
            waarom.Add("er dreigt een huisuitzetting of afsluiting");
        }

        if (urgentie.GeenInkomen)
        {
            waarom.Add("er is geen inkomen");
        }

        return waarom.Count == 0 ? reden : $"Spoed: {Opsomming(waarom)}. {reden}";
    }

    private static string Opsomming(List<string> delen) =>
        delen.Count == 1 ? delen[0] : $"{string.Join(", ", delen[..^1])} en {delen[^1]}";
}

public static class MakelpuntRegels
{
    /// <summary>The makelpunt rules: <see cref="MakelpuntOptions"/> (section "Makelpunt", validated at start),
    /// the <see cref="Werkdagen"/> calendar and the <see cref="Routering"/> (which needs the <see cref="Taxonomie"/>).</summary>
    public static IServiceCollection AddMakelpuntRegels(this IServiceCollection services)
    {
        services.AddOptions<MakelpuntOptions>().BindConfiguration(MakelpuntOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MakelpuntOptions>>().Value;
            return new Werkdagen(options.Feestdagen, options.GelijkgesteldeDagen);
        });
        services.AddSingleton(sp => new Routering(sp.GetRequiredService<Taxonomie>(), sp.GetRequiredService<IOptions<MakelpuntOptions>>().Value));
        return services;
    }
}
