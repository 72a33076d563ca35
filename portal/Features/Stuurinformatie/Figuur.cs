using System.Globalization;

namespace SocialeKaart.Portal.Features.Stuurinformatie;

/// <summary>
/// One number of a table. Counts of 1 to 4 are never shown ("&lt;5"): with a small number someone can be recognised.
/// A percentage is shown only when the part and the rest are each 0 or at least 5 (else it gives the small count away).
/// </summary>
/// <remarks>A count that is not small itself but would give a small one away (the on-time count when 1 to 4 were late,
/// next to the total) is hidden too: <see cref="Secundair"/>, shown as "afgeschermd".</remarks>
public readonly record struct Cel(double? Waarde, bool Afgeschermd, bool IsProcent, bool Secundair = false)
{
    public const int Drempel = 5;

    public static bool IsKlein(int n) => n is > 0 and < Drempel;

    public static Cel Aantal(int n) => IsKlein(n) ? new(null, true, false) : new(n, false, false);

    /// <summary>A count shown next to a total: hidden when the rest of the total (<paramref name="geheel"/> - <paramref name="n"/>) is small.</summary>
    public static Cel Deel(int n, int geheel) => IsKlein(n) ? Aantal(n) : IsKlein(geheel - n) ? new(null, true, false, Secundair: true) : Aantal(n);

    public static Cel Procent(int deel, int geheel) =>
        geheel == 0 ? new(null, false, true)
        : IsKlein(deel) || IsKlein(geheel - deel) || geheel < Drempel ? new(null, true, true)
        : new(100.0 * deel / geheel, false, true);

    public string Tekst => Afgeschermd ? (IsProcent || Secundair ? "afgeschermd" : "<5")
        : Waarde is not { } w ? "–"
        : IsProcent ? w.ToString("0.0", NederlandseTekst.Cultuur) + " %"
        : w.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>As in the CSV: the same suppression, a decimal comma (Dutch spreadsheets), no unit.</summary>
    public string CsvTekst => Afgeschermd ? (IsProcent || Secundair ? "afgeschermd" : "<5")
        : Waarde is not { } w ? ""
        : IsProcent ? w.ToString("0.0", NederlandseTekst.Cultuur) : w.ToString("0", CultureInfo.InvariantCulture);
}

public sealed record Rij(string Label, IReadOnlyList<Cel> Cellen);

/// <summary>A figure of the stuurinformatie page: a table, the columns its chart shows, and what it means.</summary>
/// <param name="Grafiek">The columns drawn as bars; several make grouped bars with a legend.</param>
/// <param name="Opmerking">What the figure cannot show (yet), in plain words.</param>
public sealed record Figuur(
    string Id,
    string Titel,
    string Uitleg,
    string RijKop,
    IReadOnlyList<string> Kolommen,
    IReadOnlyList<Rij> Rijen,
    IReadOnlyList<int> Grafiek,
    string? Opmerking = null)
{
    public bool IsProcent => Grafiek.Count > 0 && Rijen.Any(r => r.Cellen[Grafiek[0]].IsProcent);
}
