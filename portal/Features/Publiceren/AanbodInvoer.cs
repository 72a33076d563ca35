using System.Globalization;
using System.Net.Mail;
using Microsoft.Extensions.Primitives;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Portal.Components.Shared;

namespace SocialeKaart.Portal.Features.Publiceren;

/// <summary>One activity time as the form shows it: once on a date, every week on a day, or every month on the n-th day.</summary>
public sealed record TijdInvoer(string Soort = "", string Datum = "", string Dag = "", string Week = "1", string Interval = "1",
    string Van = "", string Tot = "", string TotDatum = "", string Omschrijving = "")
{
    public bool Leeg => Soort.Length == 0 && Datum.Length == 0 && Van.Length == 0 && Tot.Length == 0;
}

public sealed record LocatieInvoer(string Naam = "", string Adres = "", string Postcode = "", string Plaats = "Veenendaal")
{
    public bool Leeg => Naam.Length == 0 && Adres.Length == 0 && Postcode.Length == 0;
}

public sealed record TelefoonInvoer(string Nummer = "", string Omschrijving = "");

/// <summary>
/// The publishing form of an aanbod, as the fields come in and go out: every field a string, so a wrong answer is shown
/// back as it was typed and nothing is lost. <see cref="NaarAanbod"/> makes the content model's aanbod of it once
/// <see cref="Controleer"/> found nothing wrong. Without JavaScript a form cannot add rows, so there are always a few
/// empty rows for times, locations and phone numbers beside the filled ones.
/// </summary>
public sealed record AanbodInvoer
{
    public const int ExtraTijden = 3;
    public const int ExtraLocaties = 2;
    public const int ExtraTelefoons = 1;

    public static readonly string[] Dagen = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public string Naam { get; init; } = "";
    public string Samenvatting { get; init; } = "";
    public string Beschrijving { get; init; } = "";
    public IReadOnlyList<string> Levensdomeinen { get; init; } = [];
    public IReadOnlyList<string> Doelgroepen { get; init; } = [];
    public string MinLeeftijd { get; init; } = "";
    public string MaxLeeftijd { get; init; } = "";

    /// <summary>"gratis", "betaald" or "inkomen" (depends on income).</summary>
    public string Kosten { get; init; } = "gratis";
    public string Prijs { get; init; } = "";
    public string PrijsUitleg { get; init; } = "";
    public string Vorm { get; init; } = "";
    public string Uitvoering { get; init; } = "";
    public IReadOnlyList<LocatieInvoer> Locaties { get; init; } = [];
    public IReadOnlyList<string> Bereik { get; init; } = [];
    public string Talen { get; init; } = "nl";

    /// <summary>"ja", "nee" or "" (not known).</summary>
    public string Rolstoel { get; init; } = "";
    public string Website { get; init; } = "";
    public string Email { get; init; } = "";
    public IReadOnlyList<TelefoonInvoer> Telefoons { get; init; } = [];
    public string Aanmelden { get; init; } = "";
    public string Trefwoorden { get; init; } = "";
    public IReadOnlyList<TijdInvoer> Tijden { get; init; } = [];

    /// <summary>The organisation's proposal ("zelf" or "loket"); only a redacteur decides (<see cref="Toegang"/>).</summary>
    public string ToegangVoorstel { get; init; } = "zelf";

    // Only a redacteur sees and sets these.
    public string Toegang { get; init; } = "algemeen-toegankelijk";
    public IReadOnlyList<string> WettelijkKader { get; init; } = [];
    public string InternCriteria { get; init; } = "";
    public string InternNotities { get; init; } = "";
    public bool Bemoeizorg { get; init; }

    public static AanbodInvoer Van(Aanbod a) => new()
    {
        Naam = a.Name,
        Samenvatting = a.Samenvatting,
        Beschrijving = a.BodyMarkdown,
        Levensdomeinen = a.Levensdomeinen,
        Doelgroepen = a.Doelgroepen,
        MinLeeftijd = a.MinimumAge?.ToString(CultureInfo.InvariantCulture) ?? "",
        MaxLeeftijd = a.MaximumAge?.ToString(CultureInfo.InvariantCulture) ?? "",
        Kosten = a.Inkomensafhankelijk ? "inkomen" : a.Gratis ? "gratis" : "betaald",
        Prijs = a.CostOptions.FirstOrDefault(c => c.Amount > 0)?.Amount?.ToString("0.00", CultureInfo.GetCultureInfo("nl-NL")) ?? "",
        PrijsUitleg = a.FeesDescription ?? a.CostOptions.FirstOrDefault()?.Option ?? "",
        Vorm = a.Vorm ?? "",
        Uitvoering = a.Uitvoering ?? "",
        Locaties = [.. a.Locations.Select(l => new LocatieInvoer(l.Name ?? "", l.Address1, l.PostalCode, l.City))],
        Bereik = a.Bereik,
        Talen = a.Languages.Count == 0 ? "" : string.Join(", ", a.Languages),
        Rolstoel = a.Rolstoeltoegankelijk switch { true => "ja", false => "nee", _ => "" },
        Website = a.Url ?? "",
        Email = a.Email ?? "",
        Telefoons = [.. a.Phones.Select(p => new TelefoonInvoer(p.Number, p.Description ?? ""))],
        Aanmelden = a.ApplicationProcess ?? "",
        Trefwoorden = string.Join(", ", a.Trefwoorden),
        Tijden = [.. a.Schedules.Select(Tijd)],
        ToegangVoorstel = a.Toegang == Kaart.Content.Toegang.AchterHetLoket ? "loket" : "zelf",
        Toegang = a.Toegang == Kaart.Content.Toegang.AchterHetLoket ? "achter-het-loket" : "algemeen-toegankelijk",
        WettelijkKader = a.WettelijkKader,
        InternCriteria = a.Intern?.Toewijzingscriteria ?? "",
        InternNotities = a.Intern?.Notities ?? "",
        Bemoeizorg = a.Bemoeizorg,
    };

    private static TijdInvoer Tijd(Tijden t)
    {
        var dag = t.ByDay.FirstOrDefault() ?? "";
        var week = dag.Length > 2 ? dag[..^2] : "1";
        return new TijdInvoer(
            t.Freq switch { "WEEKLY" => "wekelijks", "MONTHLY" => "maandelijks", _ => "eenmalig" },
            t.DtStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            dag.Length >= 2 ? dag[^2..] : "",
            week,
            t.Interval.ToString(CultureInfo.InvariantCulture),
            t.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
            t.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
            t.Until?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            t.Description ?? "");
    }

    /// <summary>The form as posted. Unknown or missing fields are empty, never an error.</summary>
    public static AanbodInvoer Lees(IFormCollection form)
    {
        string T(string naam) => form[naam].ToString().Trim();
        IReadOnlyList<string> L(string naam) => [.. form[naam].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal)];
        var tijden = new List<TijdInvoer>();
        var locaties = new List<LocatieInvoer>();
        var telefoons = new List<TelefoonInvoer>();
        for (var i = 0; i < 50; i++)
        {
            if (form.ContainsKey($"tijd-{i}-soort"))
            {
                tijden.Add(new TijdInvoer(T($"tijd-{i}-soort"), T($"tijd-{i}-datum"), T($"tijd-{i}-dag"), T($"tijd-{i}-week"), T($"tijd-{i}-interval"),
                    T($"tijd-{i}-van"), T($"tijd-{i}-tot"), T($"tijd-{i}-tot-datum"), T($"tijd-{i}-omschrijving")));
            }

            if (form.ContainsKey($"locatie-{i}-adres"))
            {
                locaties.Add(new LocatieInvoer(T($"locatie-{i}-naam"), T($"locatie-{i}-adres"), T($"locatie-{i}-postcode").ToUpperInvariant(), T($"locatie-{i}-plaats")));
            }

            if (form.ContainsKey($"telefoon-{i}-nummer"))
            {
                telefoons.Add(new TelefoonInvoer(T($"telefoon-{i}-nummer"), T($"telefoon-{i}-omschrijving")));
            }
        }

        return new AanbodInvoer
        {
            Naam = T("naam"),
            Samenvatting = T("samenvatting"),
            Beschrijving = form["beschrijving"].ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
            Levensdomeinen = L("levensdomein"),
            Doelgroepen = L("doelgroep"),
            MinLeeftijd = T("min-leeftijd"),
            MaxLeeftijd = T("max-leeftijd"),
            Kosten = T("kosten") is "betaald" or "inkomen" ? T("kosten") : "gratis",
            Prijs = T("prijs"),
            PrijsUitleg = T("prijs-uitleg"),
            Vorm = T("vorm"),
            Uitvoering = T("uitvoering"),
            Locaties = locaties,
            Bereik = L("bereik"),
            Talen = T("talen"),
            Rolstoel = T("rolstoel") is "ja" or "nee" ? T("rolstoel") : "",
            Website = T("website"),
            Email = T("email"),
            Telefoons = telefoons,
            Aanmelden = T("aanmelden"),
            Trefwoorden = T("trefwoorden"),
            Tijden = tijden,
            ToegangVoorstel = T("toegang-voorstel") == "loket" ? "loket" : "zelf",
            Toegang = T("toegang") == "achter-het-loket" ? "achter-het-loket" : "algemeen-toegankelijk",
            WettelijkKader = L("wettelijk-kader"),
            InternCriteria = T("intern-criteria"),
            InternNotities = T("intern-notities"),
            Bemoeizorg = T("bemoeizorg") == "ja",
        };
    }

    /// <summary>The same form with the redacteur's fields taken from <paramref name="bron"/>: an organisation never sets them.</summary>
    public AanbodInvoer MetRedactieVan(AanbodInvoer bron) => this with
    {
        Toegang = bron.Toegang,
        WettelijkKader = bron.WettelijkKader,
        InternCriteria = bron.InternCriteria,
        InternNotities = bron.InternNotities,
        Bemoeizorg = bron.Bemoeizorg,
    };

    /// <summary>Every field checked, with messages in plain Dutch linked to the field (id) they are about.</summary>
    public void Controleer(Taxonomie taxonomie, Postcodes postcodes, Formulierfouten fouten, bool redactie)
    {
        Verplicht(fouten, "naam", Naam, "Geef het aanbod een naam.", 120);
        Verplicht(fouten, "samenvatting", Samenvatting, "Schrijf in één of twee zinnen wat het aanbod is.", 300);
        Verplicht(fouten, "beschrijving", Beschrijving, "Schrijf een beschrijving: wat gebeurt er, voor wie, en hoe doet iemand mee?", 20_000);
        if (MarkdownRenderer.Probleem(Beschrijving) is { } probleem)
        {
            fouten.Voeg("beschrijving", probleem);
        }

        if (Levensdomeinen.Count == 0)
        {
            fouten.Voeg("levensdomein-" + taxonomie.Levensdomeinen[0].Id, "Kies minstens één onderwerp.");
        }
        else if (Levensdomeinen.Any(d => !taxonomie.IsLevensdomein(d)) || Doelgroepen.Any(d => !taxonomie.IsDoelgroep(d)))
        {
            fouten.Voeg("levensdomein-" + taxonomie.Levensdomeinen[0].Id, "Kies alleen onderwerpen en doelgroepen uit de lijst.");
        }

        var min = Leeftijd(fouten, "min-leeftijd", MinLeeftijd);
        var max = Leeftijd(fouten, "max-leeftijd", MaxLeeftijd);
        if (min is not null && max is not null && min > max)
        {
            fouten.Voeg("max-leeftijd", "De hoogste leeftijd is lager dan de laagste.");
        }

        if (Kosten == "betaald" && !IsBedrag(Prijs))
        {
            fouten.Voeg("prijs", "Vul de prijs in euro's in, zoals 2,50.");
        }

        Lengte(fouten, "prijs-uitleg", PrijsUitleg, 300);
        if (Website.Length > 0 && !(Uri.TryCreate(Website, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
        {
            fouten.Voeg("website", "Vul een webadres in dat begint met https://, zoals https://www.voorbeeld.nl.");
        }

        if (Email.Length > 0 && !(MailAddress.TryCreate(Email, out var adres) && adres.Address == Email && Email.Contains('.', StringComparison.Ordinal)))
        {
            fouten.Voeg("email", "Vul een e-mailadres in zoals info@voorbeeld.nl.");
        }

        if (Talen.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Any(t => t.Length != 2 || !t.All(char.IsAsciiLetterLower)))
        {
            fouten.Voeg("talen", "Schrijf talen als taalcodes van twee letters, met komma's, zoals: nl, en, ar.");
        }

        Lengte(fouten, "aanmelden", Aanmelden, 4000);
        var locaties = Locaties.Select((l, i) => (l, i)).Where(x => !x.l.Leeg).ToList();
        foreach (var (l, i) in locaties)
        {
            Verplicht(fouten, $"locatie-{i}-adres", l.Adres, "Vul de straat en het huisnummer in.", 200);
            if (Postcodes.Pc4(l.Postcode) is not { } pc4 || !System.Text.RegularExpressions.Regex.IsMatch(l.Postcode, @"^[1-9][0-9]{3}\s?[A-Z]{2}$"))
            {
                fouten.Voeg($"locatie-{i}-postcode", "Vul een postcode in zoals 3901 AB.");
            }
            else if (postcodes.Find(pc4) is null)
            {
                fouten.Voeg($"locatie-{i}-postcode", $"Postcode {pc4} kennen wij niet. Kijk of de cijfers kloppen.");
            }

            Verplicht(fouten, $"locatie-{i}-plaats", l.Plaats, "Vul de plaats in.", 100);
        }

        if (locaties.Count == 0 && Bereik.Count == 0)
        {
            fouten.Voeg("locatie-0-adres", "Geef een adres, of kies hieronder of het aan huis, online of telefonisch is.");
        }

        foreach (var (t, i) in Tijden.Select((t, i) => (t, i)).Where(x => !x.t.Leeg))
        {
            ControleerTijd(fouten, t, i);
        }

        foreach (var (p, i) in Telefoons.Select((p, i) => (p, i)).Where(x => x.p.Nummer.Length > 0))
        {
            if (p.Nummer.Count(char.IsAsciiDigit) is < 10 or > 15 || p.Nummer.Length > 20)
            {
                fouten.Voeg($"telefoon-{i}-nummer", "Vul een telefoonnummer in met 10 cijfers, zoals 0318 123456.");
            }
        }

        if (redactie && Toegang == "achter-het-loket" && WettelijkKader.Count == 0)
        {
            fouten.Voeg("wettelijk-kader-Wmo", "Aanbod achter het loket heeft een wettelijk kader nodig: kies Wmo, Jeugdwet, Participatiewet of Wgs.");
        }
    }

    private static void ControleerTijd(Formulierfouten fouten, TijdInvoer t, int i)
    {
        var veld = $"tijd-{i}";
        if (t.Soort is not ("eenmalig" or "wekelijks" or "maandelijks"))
        {
            fouten.Voeg($"{veld}-soort", "Kies of het één keer is, elke week of elke maand.");
            return;
        }

        if (t.Soort == "eenmalig" && !IsDatum(t.Datum))
        {
            fouten.Voeg($"{veld}-datum", "Vul de datum in.");
        }

        if (t.Soort != "eenmalig" && !Dagen.Contains(t.Dag))
        {
            fouten.Voeg($"{veld}-dag", "Kies de dag.");
        }

        if (!IsTijd(t.Van) || !IsTijd(t.Tot))
        {
            fouten.Voeg($"{veld}-van", "Vul de begintijd en de eindtijd in, zoals 14:00 en 16:00.");
        }
        else if (string.CompareOrdinal(Tijd(t.Tot), Tijd(t.Van)) <= 0)
        {
            fouten.Voeg($"{veld}-tot", "De eindtijd moet later zijn dan de begintijd.");
        }

        if (t.TotDatum.Length > 0 && !IsDatum(t.TotDatum))
        {
            fouten.Voeg($"{veld}-tot-datum", "Vul de laatste datum in, of laat het leeg.");
        }
        else if (t.Soort == "eenmalig" && IsDatum(t.Datum) && IsDatum(t.TotDatum) && string.CompareOrdinal(t.TotDatum, t.Datum) < 0)
        {
            fouten.Voeg($"{veld}-tot-datum", "De laatste datum ligt voor de eerste.");
        }

        if (t.Soort == "wekelijks" && !(int.TryParse(t.Interval, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 4))
        {
            fouten.Voeg($"{veld}-interval", "Kies hoe vaak: elke week, of om de 2, 3 of 4 weken.");
        }

        Lengte(fouten, $"{veld}-omschrijving", t.Omschrijving, 200);
    }

    /// <summary>The aanbod of this form; the caller has checked it with <see cref="Controleer"/>.</summary>
    /// <param name="basis">The live version (or a new aanbod's fixed fields): id, organisation, and what the form does not show.</param>
    public Aanbod NaarAanbod(Aanbod basis, bool redactie, DateOnly vandaag, Taxonomie taxonomie)
    {
        var prijs = Kosten == "betaald" && IsBedrag(Prijs) ? decimal.Parse(Prijs.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture) : (decimal?)null;
        var toegang = redactie
            ? (Toegang == "achter-het-loket" ? Kaart.Content.Toegang.AchterHetLoket : Kaart.Content.Toegang.AlgemeenToegankelijk)
            : basis.Toegang;
        return basis with
        {
            Name = Naam,
            Samenvatting = Samenvatting,
            BodyMarkdown = Beschrijving,
            Levensdomeinen = Levensdomeinen,
            Doelgroepen = Doelgroepen,
            MinimumAge = int.TryParse(MinLeeftijd, NumberStyles.None, CultureInfo.InvariantCulture, out var min) ? min : null,
            MaximumAge = int.TryParse(MaxLeeftijd, NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? max : null,
            Vorm = Vorm is "individueel" or "groep" or "beide" ? Vorm : null,
            Uitvoering = Uitvoering is "vrijwilligers" or "professionals" or "beide" ? Uitvoering : null,
            Url = Leeg(Website),
            Email = Leeg(Email),
            Phones = [.. Telefoons.Where(p => p.Nummer.Length > 0).Select(p => new Telefoon(p.Nummer, Leeg(p.Omschrijving)))],
            Locations = [.. Locaties.Where(l => !l.Leeg).Select(l => new Locatie(Leeg(l.Naam), l.Adres, Postcode(l.Postcode), l.Plaats,
                Postcodes.Pc4(l.Postcode) is { } pc4 ? taxonomie.WijkVanPostcode(pc4) : null, null, null, null))],
            Bereik = [.. Bereik.Where(b => b is "aan-huis" or "online" or "telefonisch")],
            Schedules = [.. Tijden.Where(t => !t.Leeg).Select(NaarTijden)],
            CostOptions = prijs is { } bedrag ? [new Kosten(Leeg(PrijsUitleg), bedrag)] : [],
            FeesDescription = Kosten == "gratis" ? null : Leeg(PrijsUitleg),
            Inkomensafhankelijk = Kosten == "inkomen",
            Languages = [.. Talen.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)],
            Rolstoeltoegankelijk = Rolstoel switch { "ja" => true, "nee" => false, _ => null },
            ApplicationProcess = Leeg(Aanmelden),
            Trefwoorden = [.. Trefwoorden.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)],
            Toegang = toegang,
            WettelijkKader = redactie ? (toegang == Kaart.Content.Toegang.AchterHetLoket ? WettelijkKader : []) : basis.WettelijkKader,
            Bemoeizorg = redactie ? Bemoeizorg && toegang != Kaart.Content.Toegang.AchterHetLoket : basis.Bemoeizorg,
            Intern = redactie
                ? (toegang == Kaart.Content.Toegang.AchterHetLoket && (InternCriteria.Length > 0 || InternNotities.Length > 0)
                    ? new InternAanbod(Leeg(InternCriteria), Leeg(InternNotities)) : null)
                : basis.Intern,
            AssuredDate = vandaag,
        };
    }

    private static Tijden NaarTijden(TijdInvoer t) => t.Soort switch
    {
        "eenmalig" => new Tijden(null, [], 1, Datum(t.Datum), Datum(t.TotDatum), Uur(t.Van), Uur(t.Tot), Leeg(t.Omschrijving)),
        "maandelijks" => new Tijden("MONTHLY", [$"{(t.Week is "1" or "2" or "3" or "4" or "-1" ? t.Week : "1")}{t.Dag}"], 1, null, Datum(t.TotDatum),
            Uur(t.Van), Uur(t.Tot), Leeg(t.Omschrijving)),
        _ => new Tijden("WEEKLY", [t.Dag], int.TryParse(t.Interval, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1, null,
            Datum(t.TotDatum), Uur(t.Van), Uur(t.Tot), Leeg(t.Omschrijving)),
    };

    /// <summary>The rows the form shows: the filled ones and a few empty ones to add more.</summary>
    public IReadOnlyList<TijdInvoer> TijdRijen => [.. Tijden.Where(t => !t.Leeg), .. Enumerable.Repeat(new TijdInvoer(), ExtraTijden)];

    public IReadOnlyList<LocatieInvoer> LocatieRijen => [.. Locaties.Where(l => !l.Leeg), .. Enumerable.Repeat(new LocatieInvoer(), ExtraLocaties)];

    public IReadOnlyList<TelefoonInvoer> TelefoonRijen => [.. Telefoons.Where(p => p.Nummer.Length > 0), .. Enumerable.Repeat(new TelefoonInvoer(), ExtraTelefoons)];

    private static string Postcode(string postcode) => postcode.Length == 6 ? $"{postcode[..4]} {postcode[4..]}" : postcode;

    private static string? Leeg(string tekst) => string.IsNullOrWhiteSpace(tekst) ? null : tekst.Trim();

    private static bool IsDatum(string tekst) => DateOnly.TryParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static DateOnly? Datum(string tekst) =>
        DateOnly.TryParseExact(tekst, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static bool IsTijd(string tekst) => TimeOnly.TryParseExact(tekst, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static string Tijd(string tekst) => Uur(tekst)?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "";

    private static TimeOnly? Uur(string tekst) =>
        TimeOnly.TryParseExact(tekst, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    private static bool IsBedrag(string tekst) =>
        decimal.TryParse(tekst.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d is > 0 and < 100_000;

    private static int? Leeftijd(Formulierfouten fouten, string veld, string tekst)
    {
        if (tekst.Length == 0)
        {
            return null;
        }

        if (int.TryParse(tekst, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 120)
        {
            return n;
        }

        fouten.Voeg(veld, "Vul een leeftijd in jaren in, van 0 tot 120, of laat het leeg.");
        return null;
    }

    private static void Verplicht(Formulierfouten fouten, string veld, string waarde, string leeg, int max)
    {
        if (string.IsNullOrWhiteSpace(waarde))
        {
            fouten.Voeg(veld, leeg);
        }

        Lengte(fouten, veld, waarde, max);
    }

    private static void Lengte(Formulierfouten fouten, string veld, string waarde, int max)
    {
        if (waarde.Length > max)
        {
            fouten.Voeg(veld, $"Dit is te lang: maximaal {max} tekens. Nu zijn het er {waarde.Length}. Uw tekst staat er nog.");
        }
    }
}
