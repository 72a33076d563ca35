using Microsoft.Extensions.Localization;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Talen;

namespace SocialeKaart.Portal.Features.Melding;

/// <summary>The words of a melding's status, for the status page and for the messages to the inwoner alike (B1 Dutch).
/// The Dutch sentences are the keys of their translations (MeldingStatusTekst.en.resx) for the status page.</summary>
public static class MeldingStatusTekst
{
    public static string Hoofdzin(MeldingStatusInfo info) => Hoofdzin(info, null, Taal.Nederlands);

    /// <param name="t">The localizer of this class, for the page's language; null for Dutch.</param>
    public static string Hoofdzin(MeldingStatusInfo info, IStringLocalizer? t, Taal taal) => info switch
    {
        { Status: MeldingStatus.Afgesloten or MeldingStatus.Geanonimiseerd } => Zin(t, "Uw melding is afgerond."),
        { Status: MeldingStatus.HuisbezoekGepland, HuisbezoekOp: { } op } =>
            Zin(t, "Er is een afspraak voor een gesprek bij u thuis op {0}.", MeldingDatum.DatumTijd(op, taal)),
        { Status: MeldingStatus.HuisbezoekGepland } => Zin(t, "Er is een afspraak voor een gesprek bij u thuis."),
        { Status: MeldingStatus.Doorverwezen, DoorverwezenNaar: { } naar, DoorverwijzingAangenomen: true } =>
            Zin(t, "U bent doorverwezen naar {0}. Zij hebben uw melding aangenomen en nemen contact met u op.", naar),
        { Status: MeldingStatus.Doorverwezen, DoorverwezenNaar: { } naar } => Zin(t, "U bent doorverwezen naar {0}.", naar),
        { Status: MeldingStatus.Doorverwezen } => Zin(t, "U bent doorverwezen naar een organisatie die u kan helpen."),
        { Status: MeldingStatus.InBehandeling } => Zin(t, "Een medewerker is met uw melding bezig."),
        _ => Zin(t, "Ontvangen. Een medewerker gaat uw melding lezen."),
    };

    /// <summary>The promise about first contact, while it still applies.</summary>
    public static string? Contactbelofte(MeldingStatusInfo info) => Contactbelofte(info, null, Taal.Nederlands);

    public static string? Contactbelofte(MeldingStatusInfo info, IStringLocalizer? t, Taal taal) =>
        !info.ContactGehad && info.Status is not (MeldingStatus.Afgesloten or MeldingStatus.Geanonimiseerd)
            ? Zin(t, "We nemen uiterlijk op {0} contact met u op.", MeldingDatum.Datum(info.EersteContactUiterlijk, taal))
            : null;

    private static string Zin(IStringLocalizer? t, string zin, params object[] waarden) =>
        t is null ? string.Format(NederlandseTekst.Cultuur, zin, waarden) : t[zin, waarden];
}
