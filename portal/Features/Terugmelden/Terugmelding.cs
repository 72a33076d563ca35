namespace SocialeKaart.Portal.Features.Terugmelden;

/// <summary>What an inwoner says is wrong with an aanbod ("Klopt er iets niet?").</summary>
public enum TerugmeldingSoort
{
    Telefoon,
    Adres,
    Tijden,
    BestaatNietMeer,
    Anders,
}

/// <summary>
/// A report on an aanbod from its public page. It asks nothing personal (no name, no contact); the free text is kept in
/// the portal's own store only, shown to the redactie and to the aanbieder of the aanbod, and deleted some time after it
/// was closed. Closing records what was done.
/// </summary>
public sealed record Terugmelding(long Id, string AanbodId, string AanbodNaam, string AanbiederId, TerugmeldingSoort Soort, string Tekst, DateTimeOffset Op)
{
    public const int MaxTekst = 1000;

    public DateTimeOffset? GeslotenOp { get; init; }

    public string? Afhandeling { get; init; }

    public string? AfgehandeldDoor { get; init; }

    public static string SoortTekst(TerugmeldingSoort soort) => soort switch
    {
        TerugmeldingSoort.Telefoon => "Het telefoonnummer klopt niet",
        TerugmeldingSoort.Adres => "Het adres klopt niet",
        TerugmeldingSoort.Tijden => "De tijden kloppen niet",
        TerugmeldingSoort.BestaatNietMeer => "Dit bestaat niet meer",
        _ => "Iets anders",
    };
}
