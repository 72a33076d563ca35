using System.Net.Mail;
using System.Text.RegularExpressions;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Portal.Components.Shared;
using SocialeKaart.Portal.Features.Makelpunt;

namespace SocialeKaart.Portal.Features.Melding;

/// <summary>The six steps of the melding and the checks of each. Pure: the pages call these, tests too. Titles and
/// messages are Dutch; they are the keys of their translations (MeldingStappen.en.resx), which the pages look up through
/// a <see cref="Formulierfouten"/> made with the localizer of this class.</summary>
public static partial class MeldingStappen
{
    public const int MaxVraag = 2000;
    public const int MaxQuickscan = 1000;
    public const int MaxNaam = 100;
    public const int MaxOrganisatie = 150;
    public const int MaxEmail = 254;
    public const int MaxTelefoon = 20;

    public static readonly MeldingStap VoorWie = new(1, "/melding/voor-wie", "Voor wie");
    public static readonly MeldingStap Waarover = new(2, "/melding/waarover", "Waarover");
    public static readonly MeldingStap Situatie = new(3, "/melding/situatie", "Uw situatie");
    public static readonly MeldingStap Aanbod = new(4, "/melding/aanbod", "Hulp die al bestaat");
    public static readonly MeldingStap Contact = new(5, "/melding/contact", "Contact");
    public static readonly MeldingStap Controleren = new(6, MeldingPaden.Versturen, "Controleren en versturen");

    public static IReadOnlyList<MeldingStap> Alle { get; } = [VoorWie, Waarover, Situatie, Aanbod, Contact, Controleren];

    public static MeldingStap Nummer(int nummer) => Alle[Math.Clamp(nummer, 1, Alle.Count) - 1];

    /// <summary>How long ago consent may have been given for a verwijzing (older consent is asked again).</summary>
    public const int ToestemmingMaxDagen = 365;

    public static void ControleerVoorWie(MeldingAntwoorden a, Formulierfouten fouten) => ControleerVoorWie(a, fouten, DateOnly.MaxValue);

    public static void ControleerVoorWie(MeldingAntwoorden a, Formulierfouten fouten, DateOnly vandaag)
    {
        if (a.Soort is null)
        {
            fouten.Voeg("soort", "Kies voor wie u de melding doet.");
            return;
        }

        if (a.Verwijzer is not null && a.Soort is not (Soort.Verwijzing or Soort.Zorgsignaal))
        {
            fouten.Voeg("soort", "Als organisatie kiest u: iemand aanmelden, of een zorg melden.");
            return;
        }

        if (a.Soort == Soort.Verwijzing)
        {
            ControleerToestemming(a.Toestemming, fouten, vandaag);
        }

        if (a.Soort == Soort.Verwijzing)
        {
            Verplicht(fouten, "organisatie", a.Organisatie, "Vul de naam van uw organisatie in.", MaxOrganisatie, "De naam van de organisatie");
        }

        if (a.Soort is Soort.Naaste or Soort.Verwijzing)
        {
            Verplicht(fouten, "overwie", a.OverWie, "Vul de naam in van de persoon voor wie u de melding doet.", MaxNaam, "De naam");
        }
        else
        {
            Lengte(fouten, "overwie", a.OverWie, MaxNaam, "De naam");
        }

        if (a.Soort == Soort.Verwijzing && !a.ToestemmingPersoon)
        {
            fouten.Voeg("toestemming-persoon", "U kunt iemand alleen aanmelden als die persoon het goed vindt. Vink aan dat de persoon het goed vindt.");
        }
    }

    public static void ControleerWaarover(MeldingAntwoorden a, Taxonomie taxonomie, Formulierfouten fouten)
    {
        if (a.Levensdomeinen.FirstOrDefault(d => !taxonomie.IsLevensdomein(d)) is not null)
        {
            fouten.Voeg("levensdomein-" + (taxonomie.Levensdomeinen.FirstOrDefault()?.Id ?? ""), "Kies alleen onderwerpen uit de lijst.");
        }

        Verplicht(fouten, "vraag", a.Vraag, "Vertel in uw eigen woorden waar u hulp bij zoekt.", MaxVraag, "Uw vraag");
    }

    public static void ControleerSituatie(MeldingAntwoorden a, Formulierfouten fouten)
    {
        Lengte(fouten, "zelf", a.ZelfKunnen, MaxQuickscan, "Dit antwoord");
        Lengte(fouten, "omgeving", a.Omgeving, MaxQuickscan, "Dit antwoord");
        Verplicht(fouten, "hulp", a.HulpNodig,
            a.Soort == Soort.Zorgsignaal ? "Vertel waarover u zich zorgen maakt." : "Vertel waarbij u hulp nodig heeft.", MaxQuickscan, "Dit antwoord");
    }

    private static void ControleerToestemming(Toestemming? t, Formulierfouten fouten, DateOnly vandaag)
    {
        Verplicht(fouten, "toestemming-doorwie", t?.DoorWie ?? "", "Vul in wie toestemming gaf: de persoon zelf, of een ouder of verzorger.", MaxNaam, "De naam");
        if (t?.Op is not { } op)
        {
            fouten.Voeg("toestemming-op", "Vul in op welke dag de persoon toestemming gaf, zoals 1-12-2026.");
        }
        else if (op > vandaag)
        {
            fouten.Voeg("toestemming-op", "Die dag ligt in de toekomst. Vul de dag in waarop de persoon toestemming gaf.");
        }
        else if (vandaag != DateOnly.MaxValue && op < vandaag.AddDays(-ToestemmingMaxDagen))
        {
            fouten.Voeg("toestemming-op", "Die toestemming is ouder dan een jaar. Vraag de persoon opnieuw of het goed is.");
        }

        if (t?.Hoe is null)
        {
            fouten.Voeg("toestemming-hoe", "Kies hoe de persoon toestemming gaf.");
        }
    }

    /// <summary>Whose contact details step 5 asks for: the melder's, the referred person's, or none (anonymous).</summary>
    public static ContactVan ContactVan(MeldingAntwoorden a) => a switch
    {
        { Soort: Soort.Zorgsignaal, Verwijzer: null, Anoniem: true } => Melding.ContactVan.Niemand,
        { Soort: Soort.Verwijzing, Toestemming.ContactOpnemen: true } => Melding.ContactVan.Persoon,
        _ => Melding.ContactVan.Melder,
    };

    public static void ControleerContact(MeldingAntwoorden a, Formulierfouten fouten)
    {
        if (a.Postcode.Length > 0 && !PostcodeRegex().IsMatch(a.Postcode))
        {
            fouten.Voeg("postcode", "Vul een postcode in zoals 3901 AB, of laat het leeg.");
        }

        if (ContactVan(a) == Melding.ContactVan.Niemand)
        {
            return;
        }

        Verplicht(fouten, "naam", a.Naam, ContactVan(a) == Melding.ContactVan.Persoon ? "Vul de naam in van de persoon (of de ouder of verzorger)." : "Vul uw naam in.",
            MaxNaam, "De naam");
        var telefoon = a.Telefoon.Trim();
        var email = a.Email.Trim();
        if (telefoon.Length == 0 && email.Length == 0)
        {
            fouten.Voeg("telefoon", "Vul een telefoonnummer of een e-mailadres in, zodat wij contact met u kunnen opnemen.");
        }

        if (telefoon.Length > 0 && !IsTelefoon(telefoon))
        {
            fouten.Voeg("telefoon", "Vul een telefoonnummer in met 10 cijfers, zoals 06 12345678 of 0318 123456.");
        }

        if (email.Length > 0 && !IsEmail(email))
        {
            fouten.Voeg("email", "Vul een e-mailadres in zoals naam@voorbeeld.nl.");
        }

        if (a.Voorkeur == ContactVoorkeur.Telefoon && telefoon.Length == 0 && email.Length > 0)
        {
            fouten.Voeg("voorkeur", "U wilt gebeld worden. Vul dan ook uw telefoonnummer in, of kies voor e-mail.");
        }

        if (a.Voorkeur == ContactVoorkeur.Email && email.Length == 0 && telefoon.Length > 0)
        {
            fouten.Voeg("voorkeur", "U wilt een e-mail. Vul dan ook uw e-mailadres in, of kies voor telefoon.");
        }
    }

    /// <summary>The first step whose answers are missing or wrong: after an edit the check page sends the melder there.</summary>
    public static MeldingStap? EersteOnvolledige(MeldingAntwoorden a, Taxonomie taxonomie)
    {
        var fouten = new Formulierfouten();
        ControleerVoorWie(a, fouten);
        if (fouten.Count > 0)
        {
            return VoorWie;
        }

        ControleerWaarover(a, taxonomie, fouten);
        if (fouten.Count > 0)
        {
            return Waarover;
        }

        ControleerSituatie(a, fouten);
        if (fouten.Count > 0)
        {
            return Situatie;
        }

        ControleerContact(a, fouten);
        return fouten.Count > 0 ? Contact : null;
    }

    private static bool IsTelefoon(string telefoon)
    {
        if (telefoon.Length > MaxTelefoon || !TelefoonTekens().IsMatch(telefoon))
        {
            return false;
        }

        var cijfers = telefoon.Count(char.IsAsciiDigit);
        return cijfers is >= 10 and <= 15;
    }

    private static bool IsEmail(string email) =>
        email.Length <= MaxEmail && MailAddress.TryCreate(email, out var adres) && adres.Address == email
        && adres.Host.Contains('.', StringComparison.Ordinal);

    private static void Verplicht(Formulierfouten fouten, string veld, string waarde, string leeg, int max, string wat)
    {
        if (string.IsNullOrWhiteSpace(waarde))
        {
            fouten.Voeg(veld, leeg);
        }

        Lengte(fouten, veld, waarde, max, wat);
    }

    private static void Lengte(Formulierfouten fouten, string veld, string waarde, int max, string wat)
    {
        if (waarde.Length > max)
        {
            // The Dutch sentence is the key of its translation; the numbers go in after translating.
            fouten.Voeg(veld, $"{wat} is te lang: maximaal {{0}} tekens. Nu zijn het er {{1}}. Maak het korter; uw tekst is bewaard.", max, waarde.Length);
        }
    }

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex TelefoonTekens();

    [GeneratedRegex(@"^[1-9][0-9]{3}\s?[A-Za-z]{2}$")]
    private static partial Regex PostcodeRegex();
}
