using SocialeKaart.Portal.Features.Makelpunt;

namespace SocialeKaart.Portal.Features.Melding;

/// <summary>The words of a melding's status, for the status page and for the messages to the inwoner alike (B1 Dutch).</summary>
public static class MeldingStatusTekst
{
    public static string Hoofdzin(MeldingStatusInfo info) => info switch
    {
        { Status: MeldingStatus.Afgesloten or MeldingStatus.Geanonimiseerd } => "Uw melding is afgerond.",
        { Status: MeldingStatus.HuisbezoekGepland, HuisbezoekOp: { } op } =>
            $"Er is een afspraak voor een gesprek bij u thuis op {NederlandseTekst.DatumTijd(op)}.",
        { Status: MeldingStatus.HuisbezoekGepland } => "Er is een afspraak voor een gesprek bij u thuis.",
        { Status: MeldingStatus.Doorverwezen, DoorverwezenNaar: { } naar, DoorverwijzingAangenomen: true } =>
            $"U bent doorverwezen naar {naar}. Zij hebben uw melding aangenomen en nemen contact met u op.",
        { Status: MeldingStatus.Doorverwezen, DoorverwezenNaar: { } naar } => $"U bent doorverwezen naar {naar}.",
        { Status: MeldingStatus.Doorverwezen } => "U bent doorverwezen naar een organisatie die u kan helpen.",
        { Status: MeldingStatus.InBehandeling } => "Een medewerker is met uw melding bezig.",
        _ => "Ontvangen. Een medewerker gaat uw melding lezen.",
    };

    /// <summary>The promise about first contact, while it still applies.</summary>
    public static string? Contactbelofte(MeldingStatusInfo info) =>
        !info.ContactGehad && info.Status is not (MeldingStatus.Afgesloten or MeldingStatus.Geanonimiseerd)
            ? $"We nemen uiterlijk op {NederlandseTekst.Datum(info.EersteContactUiterlijk)} contact met u op."
            : null;
}
