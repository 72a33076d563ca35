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

    /// <summary>
    /// An aanbod of activities that are all over: every schedule has an end — its date for a one-off activity, its
    /// <c>until</c> for a recurring one — and every end is before <paramref name="vandaag"/>. It leaves search (and stays
    /// in the content, for the redactie). Aanbod without schedules never ends this way.
    /// </summary>
    public static bool IsAfgelopen(Aanbod aanbod, DateOnly vandaag) =>
        aanbod.Schedules.Count > 0 && aanbod.Schedules.All(t => Einde(t) is { } einde && einde < vandaag);

    private static DateOnly? Einde(Tijden t) => t.Freq is null ? t.Until ?? t.DtStart : t.Until;
}
