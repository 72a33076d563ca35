using SocialeKaart.Portal.Features.Makelpunt;

namespace SocialeKaart.Portal.Tests.Makelpunt;

/// <summary>Example meldingen for the makelpunt tests, routed and timed by the real rules and taxonomy.</summary>
internal static class Voorbeeld
{
    private static readonly MakelpuntOptions Options = new();
    private static readonly Routering Regels = new(EchteTaxonomie.Instance, Options);

    public static readonly Medewerker Anna = new("u-anna", "Anna de Vries");
    public static readonly Medewerker Bram = new("u-bram", "Bram Jansen");

    /// <summary>Tuesday 10 March 2026, 10:00 Dutch time.</summary>
    public static readonly DateTimeOffset Dinsdag = new(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(1));

    public static readonly Urgentie Urgent = new(GevaarThuis: true, HuisuitzettingOfAfsluiting: false, GeenInkomen: false);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A complete set of answers, every personal field filled.</summary>
    public static MeldingAntwoorden Antwoorden(string naam = "Jan Pietersen", Urgentie? urgentie = null, params string[] levensdomeinen) => new()
    {
        Soort = Soort.Naaste,
        OverWie = $"{naam} senior",
        Organisatie = "Huisartsenpraktijk De Linde",
        ToestemmingPersoon = true,
        Levensdomeinen = levensdomeinen.Length == 0 ? ["wonen"] : levensdomeinen,
        Vraag = $"Mijn vader ({naam} senior) redt het thuis niet meer.",
        ZelfKunnen = "Hij kookt nog zelf.",
        Omgeving = "Ik woon ver weg.",
        HulpNodig = "Hulp bij het huishouden.",
        NietPluis = false,
        Urgentie = urgentie ?? Urgentie.Geen,
        Naam = naam,
        Telefoon = "06-12345678",
        Email = "jan.pietersen@example.nl",
        Voorkeur = ContactVoorkeur.Email,
        Moment = ContactMoment.Avond,
        ToestemmingDelen = true,
    };

    public static NieuweMelding Nieuw(MeldingAntwoorden antwoorden, DateTimeOffset? ontvangen = null, string? token = null)
    {
        var op = ontvangen ?? Dinsdag;
        var kenmerken = antwoorden.Kenmerken();
        var besluit = Regels.Bepaal(kenmerken);
        return new NieuweMelding(antwoorden, besluit, Termijnen.Bereken(op, besluit, kenmerken, Werkdagen.Standaard, Options), op,
            token ?? Convert.ToHexString(Guid.NewGuid().ToByteArray()));
    }

    /// <summary>A melding as the store would hand it out: status Nieuw, version 1.</summary>
    public static Melding Melding(MeldingAntwoorden? antwoorden = null, DateTimeOffset? ontvangen = null)
    {
        var nieuw = Nieuw(antwoorden ?? Antwoorden(), ontvangen);
        return new Melding(1, "SK-2026-00001", nieuw.Ontvangen, nieuw.Antwoorden, nieuw.Besluit, nieuw.Termijnen, MeldingStatus.Nieuw, 1);
    }
}
