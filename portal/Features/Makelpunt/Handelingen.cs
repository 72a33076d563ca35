namespace SocialeKaart.Portal.Features.Makelpunt;

/// <summary>What a consulent or makelaar can do with a melding. Each is checked by <see cref="Behandeling.Pas"/>.</summary>
public abstract record Handeling
{
    /// <summary>The words of the history line, e.g. "Opgepakt".</summary>
    public abstract string Actie { get; }

    /// <summary>Free text that goes with the history line (a note, a reason); personal data, removed at anonymisation.</summary>
    public virtual string? Tekst => null;
}

/// <summary>The acting medewerker takes the melding.</summary>
public sealed record Oppakken : Handeling
{
    public override string Actie => "Opgepakt";
}

public sealed record Toewijzen(Medewerker Aan) : Handeling
{
    public override string Actie => $"Toegewezen aan {Aan.Naam}";
}

/// <summary>First contact with the inwoner took place (meets the first-contact and Wgs deadlines).</summary>
public sealed record ContactGehad : Handeling
{
    public override string Actie => "Eerste contact gehad";
}

/// <summary>The first schuldhulp conversation took place (meets the Wgs deadline).</summary>
public sealed record SchuldhulpgesprekGehad : Handeling
{
    public override string Actie => "Eerste schuldhulpgesprek gehad";
}

/// <summary>Refers the melding to an aanbod. With <see cref="AanbiederId"/> the aanbieder gets a warm handover
/// (<see cref="Overdracht"/>) in its own pages, with only what the person agreed to share.</summary>
public sealed record Doorverwijzen(string AanbodId, string AanbodNaam) : Handeling
{
    public string AanbiederId { get; init; } = "";

    public string AanbiederNaam { get; init; } = "";

    /// <summary>What the consulent tells the aanbieder (no more than the person agreed to share).</summary>
    public string Toelichting { get; init; } = "";

    public override string Actie => $"Doorverwezen naar {AanbodNaam}";
}

public sealed record HuisbezoekPlannen(DateTimeOffset Op) : Handeling
{
    public override string Actie => "Huisbezoek gepland";
}

public sealed record NotitieMaken(string Notitie) : Handeling
{
    public override string Actie => "Notitie";

    public override string? Tekst => Notitie;
}

/// <param name="Reden">Why the melding is closed while a legal deadline is still open (Wgs); required then.</param>
public sealed record Afsluiten(Uitkomst Uitkomst, string Reden = "") : Handeling
{
    public override string Actie => $"Afgesloten: {Behandeling.Naam(Uitkomst)}";

    public override string? Tekst => string.IsNullOrWhiteSpace(Reden) ? null : "Afgesloten terwijl een termijn nog liep: " + Reden.Trim();
}

/// <summary>The outcome of applying a <see cref="Handeling"/>: the new melding, or why it is refused.</summary>
public sealed record Resultaat(Melding? Melding, string? Geweigerd)
{
    public bool Gelukt => Melding is not null;
}

/// <summary>
/// The state machine of a melding. Nieuw → (oppakken/toewijzen) → InBehandeling → HuisbezoekGepland / Doorverwezen
/// → Afgesloten. A melding must be someone's before anything but a note or an assignment happens; a closed melding
/// takes no more actions. Pure: the store applies it inside its transaction.
/// </summary>
public static class Behandeling
{
    public const int MaxNotitie = 4000;

    public static Resultaat Pas(Melding melding, Handeling handeling, Medewerker wie, DateTimeOffset nu)
    {
        if (melding.Status is MeldingStatus.Afgesloten or MeldingStatus.Geanonimiseerd)
        {
            return Weiger("Deze melding is afgesloten. Er kan niets meer aan veranderen.");
        }

        var inBehandeling = melding.Status != MeldingStatus.Nieuw;
        switch (handeling)
        {
            case Oppakken:
                if (melding.Behandelaar?.Id == wie.Id)
                {
                    return Weiger("U heeft deze melding al.");
                }

                return Gelukt(melding with
                {
                    Behandelaar = wie,
                    Status = inBehandeling ? melding.Status : MeldingStatus.InBehandeling,
                });

            case Toewijzen toewijzen when melding.Behandelaar?.Id == toewijzen.Aan.Id:
                return Weiger($"{toewijzen.Aan.Naam} heeft deze melding al.");

            case Toewijzen toewijzen:
                return Gelukt(melding with
                {
                    Behandelaar = toewijzen.Aan,
                    Status = inBehandeling ? melding.Status : MeldingStatus.InBehandeling,
                });

            case NotitieMaken notitie:
                if (string.IsNullOrWhiteSpace(notitie.Notitie))
                {
                    return Weiger("Schrijf een notitie.");
                }

                if (notitie.Notitie.Length > MaxNotitie)
                {
                    return Weiger($"Een notitie is maximaal {MaxNotitie} tekens.");
                }

                return Gelukt(melding);
        }

        if (!inBehandeling)
        {
            return Weiger("Pak de melding eerst op of wijs hem toe.");
        }

        return handeling switch
        {
            ContactGehad when melding.EersteContactOp is not null => Weiger("Het eerste contact is al vastgelegd."),
            ContactGehad => Gelukt(melding with { EersteContactOp = nu }),
            SchuldhulpgesprekGehad when melding.Termijnen.SchuldhulpEersteGesprek is null => Weiger("Deze melding gaat niet over schuldhulp."),
            SchuldhulpgesprekGehad when melding.SchuldhulpgesprekOp is not null => Weiger("Het eerste schuldhulpgesprek is al vastgelegd."),
            SchuldhulpgesprekGehad => Gelukt(melding with { SchuldhulpgesprekOp = nu, EersteContactOp = melding.EersteContactOp ?? nu }),
            Doorverwijzen d when string.IsNullOrWhiteSpace(d.AanbodId) => Weiger("Kies het aanbod waarnaar u doorverwijst."),
            Doorverwijzen d when d.Toelichting.Length > MaxNotitie => Weiger($"Een toelichting is maximaal {MaxNotitie} tekens."),
            Doorverwijzen d => Gelukt(melding with
            {
                Status = MeldingStatus.Doorverwezen,
                Verwijzingen = [.. melding.Verwijzingen, new Verwijzing(d.AanbodId, d.AanbodNaam, nu) { AanbiederNaam = d.AanbiederNaam }],
            }),
            HuisbezoekPlannen h when h.Op < nu => Weiger("Een huisbezoek plant u in de toekomst."),
            HuisbezoekPlannen h when h.Op > nu.AddYears(1) => Weiger("Een huisbezoek plant u binnen een jaar."),
            HuisbezoekPlannen h => Gelukt(melding with { Status = MeldingStatus.HuisbezoekGepland, HuisbezoekOp = h.Op }),
            Afsluiten a when OpenWettelijkeTermijn(melding) is { } open && string.IsNullOrWhiteSpace(a.Reden) =>
                Weiger($"De termijn voor {open} loopt nog. Schrijf op waarom u de melding toch afsluit."),
            Afsluiten a when a.Reden.Length > MaxNotitie => Weiger($"Een reden is maximaal {MaxNotitie} tekens."),
            Afsluiten a => Gelukt(melding with { Status = MeldingStatus.Afgesloten, Uitkomst = a.Uitkomst, AfgeslotenOp = nu }),
            _ => Weiger("Deze handeling kennen wij niet."),
        };

        Resultaat Gelukt(Melding nieuw) => new(nieuw with { Versie = melding.Versie + 1 }, null);
    }

    private static Resultaat Weiger(string waarom) => new(null, waarom);

    /// <summary>The legal deadline that closing would leave unmet: the first schuldhulp conversation (Wgs) when it has
    /// not taken place. Null when none.</summary>
    public static string? OpenWettelijkeTermijn(Melding melding) =>
        melding.Termijnen.SchuldhulpEersteGesprek is not null && melding.SchuldhulpgesprekOp is null
            ? "het eerste schuldhulpgesprek (Wgs)"
            : null;

    public static string Naam(Uitkomst uitkomst) => uitkomst switch
    {
        Uitkomst.OpgelostMetEigenKrachtOfNetwerk => "opgelost met eigen kracht of netwerk",
        Uitkomst.AlgemeenToegankelijkAanbod => "algemeen toegankelijk aanbod",
        Uitkomst.MaatwerkvoorzieningAangevraagd => "maatwerkvoorziening aangevraagd",
        Uitkomst.GeenVervolgNodig => "geen vervolg nodig",
        _ => uitkomst.ToString(),
    };

    public static string Naam(MeldingStatus status) => status switch
    {
        MeldingStatus.Nieuw => "Nieuw",
        MeldingStatus.InBehandeling => "In behandeling",
        MeldingStatus.HuisbezoekGepland => "Huisbezoek gepland",
        MeldingStatus.Doorverwezen => "Doorverwezen",
        MeldingStatus.Afgesloten => "Afgesloten",
        MeldingStatus.Geanonimiseerd => "Afgesloten",
        _ => status.ToString(),
    };
}
