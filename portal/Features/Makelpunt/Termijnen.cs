namespace SocialeKaart.Portal.Features.Makelpunt;

/// <summary>The deadlines of one melding, as dates in Dutch local time; the deadline day itself is still in time.</summary>
/// <param name="EersteContact">First contact with the inwoner: our service promise, in working days.</param>
/// <param name="WmoOnderzoekKlaar">The Wmo onderzoek is finished (Wmo 2015 art. 2.3.2 lid 1).</param>
/// <param name="SchuldhulpEersteGesprek">The first schuldhulp conversation (Wgs art. 4a); null when the melding is not about rondkomen.</param>
public sealed record Termijnen(DateOnly EersteContact, DateOnly WmoOnderzoekKlaar, DateOnly? SchuldhulpEersteGesprek)
{
    /// <summary>The levensdomein whose meldingen are a request for schuldhulp under the Wgs.</summary>
    public const string Rondkomen = "rondkomen";

    /// <summary>The day a melding counts as received: its date in Dutch local time, whatever the offset it came with.</summary>
    public static DateOnly Ontvangstdatum(DateTimeOffset ontvangen) => NederlandseTekst.Dag(ontvangen);

    /// <summary>
    /// The deadlines of a melding received at <paramref name="ontvangen"/>. Terms in working days start counting
    /// on the first working day after the day of receipt (see <see cref="Werkdagen.TelOp"/>): a melding of Friday
    /// evening, Saturday or Sunday has the same deadlines as one of Friday. Terms in calendar days that end on a
    /// Saturday, Sunday or feestdag move to the next working day (Algemene termijnenwet art. 1 lid 1).
    /// </summary>
    public static Termijnen Bereken(DateTimeOffset ontvangen, RouteringsBesluit besluit, MeldingKenmerken melding,
        Werkdagen werkdagen, MakelpuntOptions options)
    {
        var datum = Ontvangstdatum(ontvangen);

        var eersteContact = werkdagen.TelOp(datum,
            besluit.Urgent ? options.EersteContactUrgentWerkdagen : options.EersteContactWerkdagen);

        // Wmo 2015 art. 2.3.2 lid 1: the college completes the onderzoek "binnen zes weken na de melding".
        var wmo = Atw(werkdagen, datum.AddDays(options.WmoOnderzoekDagen));

        // Wet gemeentelijke schuldhulpverlening art. 4a: a first conversation within four weeks after the request
        // for help, and within three working days when eviction or the cut-off of energy or water threatens.
        DateOnly? schuldhulp = null;
        if (melding.Levensdomeinen.Contains(Rondkomen, StringComparer.Ordinal))
        {
            schuldhulp = melding.Urgentie.HuisuitzettingOfAfsluiting
                ? werkdagen.TelOp(datum, options.SchuldhulpSpoedWerkdagen)
                : Atw(werkdagen, datum.AddDays(options.SchuldhulpDagen));
        }

        return new Termijnen(eersteContact, wmo, schuldhulp);
    }

    // Algemene termijnenwet art. 1 lid 1: a statutory term that ends on a Saturday, Sunday or algemeen erkende
    // feestdag runs on to the next day that is none of those.
    private static DateOnly Atw(Werkdagen werkdagen, DateOnly einde) => werkdagen.TelOp(einde, 0);
}
