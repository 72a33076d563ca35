namespace SocialeKaart.Kaart.Content;

/// <summary>How an inwoner gets to an aanbod (see shared/GLOSSARY.md).</summary>
public enum Toegang
{
    AlgemeenToegankelijk,
    AchterHetLoket,
}

/// <summary>One aanbod as written in content/aanbod/{id}.md, after parsing and validation.</summary>
public sealed record Aanbod
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Samenvatting { get; init; }
    public required string BodyMarkdown { get; init; }
    public required Toegang Toegang { get; init; }
    public bool Bemoeizorg { get; init; }
    public required IReadOnlyList<string> Levensdomeinen { get; init; }
    public IReadOnlyList<string> Doelgroepen { get; init; } = [];
    public int? MinimumAge { get; init; }
    public int? MaximumAge { get; init; }
    public string? Vorm { get; init; }
    public string? Uitvoering { get; init; }
    public required Organisatie Organization { get; init; }
    public string? Url { get; init; }
    public string? Email { get; init; }
    public IReadOnlyList<Telefoon> Phones { get; init; } = [];
    public IReadOnlyList<Locatie> Locations { get; init; } = [];
    public IReadOnlyList<string> Bereik { get; init; } = [];
    public IReadOnlyList<string> Wijken { get; init; } = [];
    public IReadOnlyList<Tijden> Schedules { get; init; } = [];
    public IReadOnlyList<Kosten> CostOptions { get; init; } = [];
    public string? FeesDescription { get; init; }

    /// <summary>The costs depend on income (e.g. a Wmo eigen bijdrage via the CAK): never shown as free.</summary>
    public bool Inkomensafhankelijk { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];
    public bool? Rolstoeltoegankelijk { get; init; }
    public string? Identiteit { get; init; }
    public string? ApplicationProcess { get; init; }
    public IReadOnlyList<string> Trefwoorden { get; init; } = [];
    public required DateOnly AssuredDate { get; init; }
    public IReadOnlyList<string> WettelijkKader { get; init; } = [];

    /// <summary>Internal fields for consulenten. Never shown to the public.</summary>
    public InternAanbod? Intern { get; init; }

    public bool Gratis => !Inkomensafhankelijk && CostOptions.All(c => c.Amount is null or 0m);
}

public sealed record Organisatie(string Name, string Soort, string? Url, string? Email, string? Phone);

public sealed record Telefoon(string Number, string? Description);

public sealed record Locatie(
    string? Name,
    string Address1,
    string PostalCode,
    string City,
    string? Wijk,
    double? Latitude,
    double? Longitude,
    bool? Rolstoeltoegankelijk);

public sealed record Kosten(string? Option, decimal? Amount);

/// <summary>Opening times or activity dates, after HSDS 3.0 <c>schedule</c>.</summary>
public sealed record Tijden(
    string? Freq,
    IReadOnlyList<string> ByDay,
    int Interval,
    DateOnly? DtStart,
    DateOnly? Until,
    TimeOnly? OpensAt,
    TimeOnly? ClosesAt,
    string? Description);

public sealed record InternAanbod(string? Toewijzingscriteria, string? Notities);
