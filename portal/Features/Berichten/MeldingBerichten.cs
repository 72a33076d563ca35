using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Melding;

namespace SocialeKaart.Portal.Features.Berichten;

/// <summary>A message for the outbox. The address and the text are personal data: they live only in the makelpunt
/// store, and only until the mail server has the message.</summary>
public sealed record UitgaandBericht(string Aan, string Onderwerp, string Tekst);

/// <summary>
/// The messages to the inwoner (or the referred person) about their melding: a confirmation when it arrives, and a
/// message on every change the status link shows. They say what the status page says — the meldingnummer, the status,
/// the next step — and nothing of the story, the notes or the outcome. Only to an address that may get them
/// (<see cref="MeldingAntwoorden.BerichtenToegestaan"/>).
/// </summary>
public sealed class MeldingBerichten(string publiekeUrl)
{
    private const string Afzender = "Het makelpunt van de gemeente Veenendaal\nTelefoon 0318 000 100 (op werkdagen van 9 tot 17 uur)";

    public UitgaandBericht? BijOntvangst(Makelpunt.Melding melding, string statusToken)
    {
        if (!melding.Antwoorden.BerichtenToegestaan)
        {
            return null;
        }

        var info = MeldingStatusInfo.Van(melding, null);
        var link = publiekeUrl.TrimEnd('/') + MeldingPaden.Status(statusToken);
        var tekst = $"""
            Hallo,

            {Inleiding(melding.Antwoorden)} Uw meldingnummer is {melding.Referentie}.

            Wat gebeurt er nu?
            Een medewerker van het makelpunt leest de melding. {MeldingStatusTekst.Contactbelofte(info)}
            Samen kijken we wat nodig is.

            Hoe het met uw melding gaat, ziet u op deze pagina:
            {link}
            Deel deze link niet met anderen. Wij sturen u ook een e-mail als er iets verandert.

            Is er nu gevaar? Bel 112.

            {Afzender}
            """;
        return new UitgaandBericht(melding.Antwoorden.Email.Trim(), $"Uw melding {melding.Referentie} is ontvangen", Regels(tekst));
    }

    public UitgaandBericht? BijWijziging(Makelpunt.Melding melding, MeldingStatusInfo voor, MeldingStatusInfo na)
    {
        var zin = MeldingStatusTekst.Hoofdzin(na);
        if (!melding.Antwoorden.BerichtenToegestaan || zin == MeldingStatusTekst.Hoofdzin(voor))
        {
            return null;
        }

        var tekst = $"""
            Hallo,

            Er is nieuws over uw melding {melding.Referentie}:
            {zin}

            Op de pagina uit onze eerste e-mail ziet u altijd hoe het met uw melding gaat.
            Vragen? Bel het makelpunt en noem uw meldingnummer.

            {Afzender}
            """;
        return new UitgaandBericht(melding.Antwoorden.Email.Trim(), $"Nieuws over uw melding {melding.Referentie}", Regels(tekst));
    }

    private static string Inleiding(MeldingAntwoorden a)
    {
        if (a.Soort != Soort.Verwijzing)
        {
            return "Wij hebben uw melding ontvangen.";
        }

        var organisatie = a.Verwijzer?.Organisatie ?? a.Organisatie;
        return $"{(organisatie.Length > 0 ? organisatie : "Een organisatie")} heeft u, met uw toestemming, aangemeld bij het makelpunt van de gemeente.";
    }

    private static string Regels(string tekst) => string.Join("\n", tekst.Split('\n').Select(r => r.TrimEnd())).Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
}
