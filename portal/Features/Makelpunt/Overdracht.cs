namespace SocialeKaart.Portal.Features.Makelpunt;

public enum OverdrachtStatus
{
    /// <summary>The makelpunt referred the melding; the aanbieder has not answered yet.</summary>
    Verstuurd,

    Geaccepteerd,

    Afgewezen,

    /// <summary>Accepted, and the aanbieder has had first contact with the person.</summary>
    ContactGehad,
}

/// <summary>
/// What the aanbieder gets of the melding: only what the person agreed to share. Without consent to share
/// (<see cref="MeldingAntwoorden.ToestemmingDelen"/>) that is the levensdomeinen and the meldingnummer, and the
/// aanbieder contacts the makelpunt; with it, the name, how to reach them and their question.
/// </summary>
public sealed record OverdrachtGegevens(
    IReadOnlyList<string> Levensdomeinen,
    string? Naam = null,
    string? Telefoon = null,
    string? Email = null,
    string? Vraag = null,
    string? Toelichting = null)
{
    public bool MetPersoonsgegevens => Naam is not null;

    /// <summary>The part of a melding an aanbieder may see.</summary>
    public static OverdrachtGegevens Van(MeldingAntwoorden a, string toelichting)
    {
        var delen = a.Soort == Soort.Verwijzing ? a.Toestemming?.GegevensDelen == true : a.ToestemmingDelen;
        var uitleg = string.IsNullOrWhiteSpace(toelichting) ? null : toelichting.Trim();
        return delen
            ? new(a.Levensdomeinen, Leeg(a.Soort is Soort.Zelf ? a.Naam : a.OverWie.Length > 0 ? a.OverWie : a.Naam),
                Leeg(a.Telefoon), Leeg(a.Email), Leeg(a.Vraag), uitleg)
            : new(a.Levensdomeinen, Toelichting: uitleg);
    }

    private static string? Leeg(string tekst) => string.IsNullOrWhiteSpace(tekst) ? null : tekst.Trim();
}

/// <summary>A warm handover of a melding to an aanbieder organisation, which accepts or declines it and records the
/// first contact. The consulent sees every step in the melding's history.</summary>
public sealed record Overdracht(
    long Id,
    long MeldingId,
    string Referentie,
    string AanbodId,
    string AanbodNaam,
    string AanbiederId,
    string AanbiederNaam,
    DateTimeOffset Op,
    OverdrachtGegevens Gegevens,
    OverdrachtStatus Status,
    int Versie)
{
    public string? Reden { get; init; }

    public DateTimeOffset? BeantwoordOp { get; init; }

    public DateTimeOffset? ContactOp { get; init; }

    public Medewerker? BeantwoordDoor { get; init; }
}

/// <summary>What an aanbieder does with a handover.</summary>
public abstract record OverdrachtHandeling
{
    public abstract string Actie(Overdracht overdracht);
}

public sealed record Accepteren : OverdrachtHandeling
{
    public override string Actie(Overdracht overdracht) => $"{overdracht.AanbiederNaam} heeft de doorverwijzing aangenomen";
}

public sealed record Afwijzen(string Reden) : OverdrachtHandeling
{
    public override string Actie(Overdracht overdracht) => $"{overdracht.AanbiederNaam} heeft de doorverwijzing afgewezen: {Reden.Trim()}";
}

public sealed record ContactMetPersoon : OverdrachtHandeling
{
    public override string Actie(Overdracht overdracht) => $"{overdracht.AanbiederNaam} heeft contact gehad met de persoon";
}

/// <summary>The state machine of a handover: Verstuurd → Geaccepteerd → ContactGehad, or Verstuurd → Afgewezen.</summary>
public static class Overdrachten
{
    public const int MaxReden = 1000;

    public static (Overdracht? Nieuw, string? Geweigerd) Pas(Overdracht o, OverdrachtHandeling handeling, Medewerker wie, DateTimeOffset nu) =>
        (o.Status, handeling) switch
        {
            (OverdrachtStatus.Verstuurd, Accepteren) => (Volgende(o) with { Status = OverdrachtStatus.Geaccepteerd, BeantwoordOp = nu, BeantwoordDoor = wie }, null),
            (OverdrachtStatus.Verstuurd, Afwijzen a) when string.IsNullOrWhiteSpace(a.Reden) => (null, "Schrijf op waarom u de doorverwijzing afwijst. Het makelpunt zoekt dan verder."),
            (OverdrachtStatus.Verstuurd, Afwijzen a) when a.Reden.Length > MaxReden => (null, $"De reden is te lang: maximaal {MaxReden} tekens."),
            (OverdrachtStatus.Verstuurd, Afwijzen a) => (Volgende(o) with { Status = OverdrachtStatus.Afgewezen, Reden = a.Reden.Trim(), BeantwoordOp = nu, BeantwoordDoor = wie }, null),
            (OverdrachtStatus.Geaccepteerd, ContactMetPersoon) => (Volgende(o) with { Status = OverdrachtStatus.ContactGehad, ContactOp = nu }, null),
            (OverdrachtStatus.Verstuurd, ContactMetPersoon) => (null, "Neem de doorverwijzing eerst aan."),
            (OverdrachtStatus.Afgewezen, _) => (null, "U heeft deze doorverwijzing afgewezen. Er kan niets meer aan veranderen."),
            (OverdrachtStatus.ContactGehad, _) => (null, "Het eerste contact is al vastgelegd."),
            _ => (null, "U heeft deze doorverwijzing al aangenomen."),
        };

    public static string Naam(OverdrachtStatus status) => status switch
    {
        OverdrachtStatus.Verstuurd => "Nieuw",
        OverdrachtStatus.Geaccepteerd => "Aangenomen",
        OverdrachtStatus.Afgewezen => "Afgewezen",
        OverdrachtStatus.ContactGehad => "Contact gehad",
        _ => status.ToString(),
    };

    private static Overdracht Volgende(Overdracht o) => o with { Versie = o.Versie + 1 };
}
