using System.ComponentModel.DataAnnotations;

namespace SocialeKaart.Kaart.Content;

/// <summary>
/// When an aanbod is overdue for checking: its <see cref="Aanbod.AssuredDate"/> ("laatst gecontroleerd") is older than
/// <see cref="Maanden"/> months. One rule for every page that asks (stuurinformatie now, the redactie later).
/// Configuration section "Versheid".
/// </summary>
public sealed class Versheid
{
    public const string Section = "Versheid";

    /// <summary>How many months a check stays valid.</summary>
    [Range(1, 60)]
    public int Maanden { get; set; } = 12;

    /// <summary>The last day on which an aanbod checked on <paramref name="gecontroleerd"/> is still current.</summary>
    public DateOnly GeldigTot(DateOnly gecontroleerd) => gecontroleerd.AddMonths(Maanden);

    /// <summary>True when the check is older than the allowed age on <paramref name="vandaag"/>.</summary>
    public bool IsVerlopen(DateOnly gecontroleerd, DateOnly vandaag) => GeldigTot(gecontroleerd) < vandaag;

    public bool IsVerlopen(Aanbod aanbod, DateOnly vandaag) => IsVerlopen(aanbod.AssuredDate, vandaag);
}
