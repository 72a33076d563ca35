namespace SocialeKaart.Portal.Features.Makelpunt;

/// <summary>How the melder wants to be contacted.</summary>
public enum ContactVoorkeur
{
    Telefoon,
    Email,
}

/// <summary>When the melder prefers to be called.</summary>
public enum ContactMoment
{
    MaaktNietUit,
    Ochtend,
    Middag,
    Avond,
}

/// <summary>
/// Everything the melder answered, as one value. Personal data: it lives only in the makelpunt store, never in the
/// search index and never in logs. A draft (concept) holds a partly filled copy; the wizard fills it step by step.
/// </summary>
public sealed record MeldingAntwoorden
{
    // Step 1: voor wie
    public Soort? Soort { get; init; }

    /// <summary>Verwijzing: the organisation that refers (school, huisarts, werkgever…).</summary>
    public string Organisatie { get; init; } = "";

    /// <summary>Verwijzing: the person agreed to the melding. Required for a verwijzing.</summary>
    public bool ToestemmingPersoon { get; init; }

    /// <summary>Naaste, verwijzing or zorgsignaal: the name of the person it is about (a zorgsignaal may leave it empty).</summary>
    public string OverWie { get; init; } = "";

    /// <summary>The organisation account that made the melding (a verwijzing, or a professional's zorgsignaal); null when
    /// an inwoner made it. Set from the login, never from the form.</summary>
    public Verwijzer? Verwijzer { get; init; }

    /// <summary>Verwijzing: who gave consent, when, how, and for what.</summary>
    public Toestemming? Toestemming { get; init; }

    /// <summary>Zorgsignaal: the melder gives no name or contact details.</summary>
    public bool Anoniem { get; init; }

    /// <summary>The age group of the person it is about (optional): ranks aanbod for the right doelgroep.</summary>
    public Leeftijdsgroep? Leeftijd { get; init; }

    /// <summary>The postcode of the person it is about (optional): ranks aanbod in the right wijk.</summary>
    public string Postcode { get; init; } = "";

    // Step 2: waarover
    public IReadOnlyList<string> Levensdomeinen { get; init; } = [];

    /// <summary>The question in the melder's own words.</summary>
    public string Vraag { get; init; } = "";

    // Step 3: quickscan
    public string ZelfKunnen { get; init; } = "";

    public string Omgeving { get; init; } = "";

    public string HulpNodig { get; init; } = "";

    public bool NietPluis { get; init; }

    public Urgentie Urgentie { get; init; } = Urgentie.Geen;

    // Step 5: contact
    public string Naam { get; init; } = "";

    public string Telefoon { get; init; } = "";

    public string Email { get; init; } = "";

    public ContactVoorkeur Voorkeur { get; init; } = ContactVoorkeur.Telefoon;

    public ContactMoment Moment { get; init; } = ContactMoment.MaaktNietUit;

    /// <summary>The melder agrees that the story is shared with the aanbieders involved, so it is told only once.</summary>
    public bool ToestemmingDelen { get; init; }

    /// <summary>Messages about this melding may go to <see cref="Email"/>: the melder or the person themself, never the
    /// person a zorgsignaal is about, and a referred person only when they agreed to be contacted.</summary>
    public bool BerichtenToegestaan => Email.Length > 0 && Soort switch
    {
        Makelpunt.Soort.Zelf or Makelpunt.Soort.Naaste => true,
        Makelpunt.Soort.Verwijzing => Toestemming?.ContactOpnemen == true,
        _ => false,
    };

    /// <summary>What routing may see: no personal data.</summary>
    public MeldingKenmerken Kenmerken() =>
        new(Soort ?? Makelpunt.Soort.Zelf, Levensdomeinen, NietPluis, Urgentie);
}

/// <summary>An organisation account that refers someone or signals a concern (DESIGN.md: algemene maatschappelijke organisatie).</summary>
/// <param name="Soort">The kind of organisation (<see cref="OrganisatieSoorten"/>), for the makelpunt and for statistics.</param>
public sealed record Verwijzer(string AccountId, string Organisatie, string Soort);

public enum ToestemmingWijze
{
    Mondeling,
    Schriftelijk,
}

/// <summary>The consent of a referred person, as the referrer records it with the melding.</summary>
/// <param name="DoorWie">Who gave it: the person, or a parent or guardian.</param>
/// <param name="ContactOpnemen">The person knows the makelpunt will contact them, and agrees.</param>
/// <param name="GegevensDelen">The person agrees that their story is shared with the aanbieder they are referred to.</param>
/// <remarks><see cref="Op"/> and <see cref="Hoe"/> are null while the referrer has not filled them in (a draft keeps what was typed).</remarks>
public sealed record Toestemming(string DoorWie, DateOnly? Op, ToestemmingWijze? Hoe, bool ContactOpnemen, bool GegevensDelen);

public enum Leeftijdsgroep
{
    Kind,
    Jongere,
    Jongvolwassene,
    Volwassene,
    Oudere,
}

/// <summary>The kinds of organisation an account can be, with their names (B1 Dutch).</summary>
public static class OrganisatieSoorten
{
    public static readonly IReadOnlyList<(string Id, string Naam)> Alle =
    [
        ("school", "School"),
        ("kinderopvang", "Kinderopvang"),
        ("huisarts", "Huisarts of praktijkondersteuner"),
        ("wijkverpleging", "Wijkverpleging of thuiszorg"),
        ("werkgever", "Werkgever"),
        ("kerk", "Kerk, moskee of levensbeschouwelijke organisatie"),
        ("sportclub", "Sportclub of vereniging"),
        ("woningcorporatie", "Woningcorporatie"),
        ("vrijwilligersorganisatie", "Vrijwilligersorganisatie"),
        ("professionele-aanbieder", "Professionele aanbieder"),
        ("anders", "Andere organisatie"),
    ];

    public static bool Bestaat(string? id) => Alle.Any(s => s.Id == id);

    public static string Naam(string? id) => Alle.FirstOrDefault(s => s.Id == id).Naam ?? "Organisatie";
}

public enum MeldingStatus
{
    /// <summary>In the queue, nobody has it yet.</summary>
    Nieuw,

    /// <summary>A consulent or makelaar has it.</summary>
    InBehandeling,

    HuisbezoekGepland,

    Doorverwezen,

    /// <summary>Closed with an <see cref="Uitkomst"/>.</summary>
    Afgesloten,

    /// <summary>Closed, and after the retention period its personal data was removed.</summary>
    Geanonimiseerd,
}

public enum Uitkomst
{
    OpgelostMetEigenKrachtOfNetwerk,
    AlgemeenToegankelijkAanbod,
    MaatwerkvoorzieningAangevraagd,
    GeenVervolgNodig,
}

/// <summary>A member of staff, as the audit log and the melding record them (user id and display name).</summary>
public sealed record Medewerker(string Id, string Naam);

/// <summary>A melding as the makelpunt sees it.</summary>
/// <param name="Referentie">The number the inwoner gets, e.g. "SK-2026-00042".</param>
/// <param name="Versie">Increments on every change; actions name the version they saw so two people cannot overwrite each other.</param>
public sealed record Melding(
    long Id,
    string Referentie,
    DateTimeOffset Ontvangen,
    MeldingAntwoorden Antwoorden,
    RouteringsBesluit Besluit,
    Termijnen Termijnen,
    MeldingStatus Status,
    int Versie)
{
    public Medewerker? Behandelaar { get; init; }

    /// <summary>When first contact with the inwoner was recorded; this meets the first-contact (and Wgs) deadline.</summary>
    public DateTimeOffset? EersteContactOp { get; init; }

    /// <summary>When the first schuldhulp conversation took place; this meets the Wgs deadline (a phone call does not).</summary>
    public DateTimeOffset? SchuldhulpgesprekOp { get; init; }

    public DateTimeOffset? HuisbezoekOp { get; init; }

    /// <summary>The aanbod (id and name) the melding was referred to, latest last.</summary>
    public IReadOnlyList<Verwijzing> Verwijzingen { get; init; } = [];

    public Uitkomst? Uitkomst { get; init; }

    public DateTimeOffset? AfgeslotenOp { get; init; }

    /// <summary>The deadline that matters next, or null when none is open (closed meldingen).</summary>
    public DateOnly? EerstvolgendeTermijn => Termijnbewaking.Eerstvolgende(this);
}

/// <summary>A doorverwijzing to an aanbod; <see cref="AanbiederNaam"/> is the organisation the inwoner is told about.</summary>
public sealed record Verwijzing(string AanbodId, string AanbodNaam, DateTimeOffset Op)
{
    public string AanbiederNaam { get; init; } = "";
}

/// <summary>One line of the history of a melding: who did what when. Notes carry their text; nothing else holds personal data.</summary>
public sealed record Gebeurtenis(DateTimeOffset Op, Medewerker? Wie, string Actie, string? Tekst)
{
    /// <summary>The action of a staff member reading a melding (<see cref="IMakelpuntStore.BekijkAsync"/>).</summary>
    public const string Bekeken = "Bekeken";
}

/// <summary>Which deadline is next and whether it has passed.</summary>
public static class Termijnbewaking
{
    public static DateOnly? Eerstvolgende(Melding melding)
    {
        if (melding.Status is MeldingStatus.Afgesloten or MeldingStatus.Geanonimiseerd)
        {
            return null;
        }

        var open = new List<DateOnly>();
        if (melding.EersteContactOp is null)
        {
            open.Add(melding.Termijnen.EersteContact);
        }

        // Wgs art. 4a asks for a first conversation about the debts, not just contact.
        if (melding.SchuldhulpgesprekOp is null && melding.Termijnen.SchuldhulpEersteGesprek is { } wgs)
        {
            open.Add(wgs);
        }

        // The decisions themselves are taken outside the makelpunt; until the melding is closed they count here too.
        foreach (var termijn in new[] { melding.Termijnen.WmoOnderzoekKlaar, melding.Termijnen.JeugdhulpBesluit, melding.Termijnen.BijstandBesluit })
        {
            if (termijn is { } t)
            {
                open.Add(t);
            }
        }

        return open.Count == 0 ? null : open.Min();
    }

    /// <summary>Overdue: the deadline day has passed (the deadline day itself is still in time).</summary>
    public static bool TeLaat(Melding melding, DateOnly vandaag) =>
        Eerstvolgende(melding) is { } termijn && termijn < vandaag;
}
