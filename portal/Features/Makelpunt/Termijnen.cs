namespace SocialeKaart.Portal.Features.Makelpunt;

/// <summary>The deadlines of one melding, as dates in Dutch local time; the deadline day itself is still in time. Each
/// legal term applies only when the melding touches its law (<see cref="WettelijkKader"/>).</summary>
/// <param name="EersteContact">First contact with the inwoner: our service promise, in working days.</param>
/// <param name="WmoOnderzoekKlaar">The Wmo onderzoek is finished (Wmo 2015 art. 2.3.2 lid 1); null when the melding does not touch the Wmo.</param>
/// <param name="SchuldhulpEersteGesprek">The first schuldhulp conversation (Wgs art. 4a); null when the melding is not about rondkomen.</param>
public sealed record Termijnen(DateOnly EersteContact, DateOnly? WmoOnderzoekKlaar, DateOnly? SchuldhulpEersteGesprek)
{
    /// <summary>Jeugdwet: a decision on the request for jeugdhulp within eight weeks (Awb art. 4:13, the term gemeenten
    /// use for a besluit on jeugdhulp); null when the melding is not about opgroeien.</summary>
    public DateOnly? JeugdhulpBesluit { get; init; }

    /// <summary>Participatiewet: a decision on a request for bijstand within eight weeks (Awb art. 4:13 with Pw art. 44),
    /// when there is no income; null otherwise.</summary>
    public DateOnly? BijstandBesluit { get; init; }

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
        var kaders = WettelijkKader.Van(melding);
        DateOnly? wmo = kaders.Contains(WettelijkKader.Wmo) ? Atw(werkdagen, datum.AddDays(options.WmoOnderzoekDagen)) : null;

        // Wet gemeentelijke schuldhulpverlening art. 4a: a first conversation within four weeks after the request
        // for help, and within three working days when eviction or the cut-off of energy or water threatens.
        DateOnly? schuldhulp = null;
        if (melding.Levensdomeinen.Contains(Rondkomen, StringComparer.Ordinal))
        {
            schuldhulp = melding.Urgentie.HuisuitzettingOfAfsluiting
                ? werkdagen.TelOp(datum, options.SchuldhulpSpoedWerkdagen)
                : Atw(werkdagen, datum.AddDays(options.SchuldhulpDagen));
        }

        return new Termijnen(eersteContact, wmo, schuldhulp)
        {
            JeugdhulpBesluit = kaders.Contains(WettelijkKader.Jeugdwet) ? Atw(werkdagen, datum.AddDays(options.JeugdhulpBesluitDagen)) : null,
            BijstandBesluit = kaders.Contains(WettelijkKader.Participatiewet) ? Atw(werkdagen, datum.AddDays(options.BijstandBesluitDagen)) : null,
        };
    }

    // Algemene termijnenwet art. 1 lid 1: a statutory term that ends on a Saturday, Sunday or algemeen erkende
    // feestdag runs on to the next day that is none of those.
    private static DateOnly Atw(Werkdagen werkdagen, DateOnly einde) => werkdagen.TelOp(einde, 0);
}

/// <summary>
/// Which law a melding touches, by its levensdomeinen and urgency (README, "Deadlines per wettelijk kader"):
/// the Wmo 2015 for support at home and taking part (wonen, huishouden, zorgen, ontmoeten, meedoen); the Jeugdwet for
/// opgroeien; the Participatiewet when there is no income, or for werken with rondkomen; the Wgs for rondkomen.
/// A melding without levensdomeinen is unclear and may touch the Wmo: its onderzoek term applies.
/// </summary>
public static class WettelijkKader
{
    public const string Wmo = "Wmo";
    public const string Jeugdwet = "Jeugdwet";
    public const string Participatiewet = "Participatiewet";
    public const string Wgs = "Wgs";

    private static readonly string[] WmoDomeinen = ["wonen", "huishouden", "zorgen", "ontmoeten", "meedoen"];

    public static IReadOnlySet<string> Van(MeldingKenmerken melding)
    {
        var d = melding.Levensdomeinen;
        var kaders = new HashSet<string>(StringComparer.Ordinal);
        if (d.Count == 0 || d.Any(WmoDomeinen.Contains))
        {
            kaders.Add(Wmo);
        }

        if (d.Contains("opgroeien"))
        {
            kaders.Add(Jeugdwet);
        }

        if (melding.Urgentie.GeenInkomen || (d.Contains("werken") && d.Contains(Termijnen.Rondkomen)))
        {
            kaders.Add(Participatiewet);
        }

        if (d.Contains(Termijnen.Rondkomen))
        {
            kaders.Add(Wgs);
        }

        return kaders;
    }
}
