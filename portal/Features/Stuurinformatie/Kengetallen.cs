using System.Globalization;
using SocialeKaart.Portal.Features.Makelpunt;
using Route = SocialeKaart.Portal.Features.Makelpunt.Route;

namespace SocialeKaart.Portal.Features.Stuurinformatie;

/// <summary>
/// What management information may know of one melding: when, which route and levensdomeinen, who made it (soort),
/// the deadlines and when they were met, and the aanbod it was referred to. No name, contact detail, story or note.
/// </summary>
public sealed record MeldingKengetal(
    DateTimeOffset Ontvangen,
    Route Route,
    IReadOnlyList<string> Levensdomeinen,
    Soort Soort,
    Termijnen Termijnen,
    DateTimeOffset? EersteContactOp,
    DateTimeOffset? SchuldhulpgesprekOp,
    IReadOnlyList<string> VerwezenNaar)
{
    /// <summary>The kind of organisation of the account that made the melding (<see cref="OrganisatieSoorten"/>); null for inwoners
    /// and for a verwijzing through the public form.</summary>
    public string? VerwijzerSoort { get; init; }

    public static MeldingKengetal Van(Makelpunt.Melding m) => new(m.Ontvangen, m.Besluit.Route, m.Antwoorden.Levensdomeinen,
        m.Antwoorden.Soort ?? Soort.Zelf, m.Termijnen, m.EersteContactOp, m.SchuldhulpgesprekOp, m.Verwijzingen.Select(v => v.AanbodId).ToList())
    {
        VerwijzerSoort = m.Antwoorden.Verwijzer?.Soort,
    };
}

/// <summary>"Dit helpt mij" on one day for one levensdomein ("onbekend" when none was chosen).</summary>
public sealed record DitHelptTelling(DateOnly Dag, string Levensdomein, int Aantal);

/// <summary>How often a normalised word was searched for without any result in one ISO week (e.g. "2026-W05").</summary>
public sealed record ZoektermTelling(string Week, string Term, int Aantal);

/// <summary>ISO 8601 weeks as the store keeps them: "2026-W05". Text order is time order.</summary>
public static class IsoWeek
{
    public static string Van(DateOnly dag) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dag.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(dag.ToDateTime(TimeOnly.MinValue)):D2}");

    public static DateOnly Maandag(DateOnly dag) => dag.AddDays(-(((int)dag.DayOfWeek + 6) % 7));

    /// <summary>Every ISO week that has a day in [van, tot].</summary>
    public static IReadOnlyList<string> Tussen(DateOnly van, DateOnly tot)
    {
        var weken = new List<string>();
        for (var maandag = Maandag(van); maandag <= tot; maandag = maandag.AddDays(7))
        {
            weken.Add(Van(maandag));
        }

        return weken;
    }
}
