using System.Globalization;
using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Portal.Features.Publiceren;

/// <summary>The fields that differ between two versions of an aanbod, in words, for the redacteur's side-by-side view.</summary>
public static class Verschil
{
    public static IReadOnlyList<(string Veld, string Oud, string Nieuw)> Tussen(Aanbod? oud, Aanbod nieuw, Taxonomie taxonomie)
    {
        var velden = Velden(nieuw, taxonomie);
        var oude = oud is null ? [] : Velden(oud, taxonomie).ToDictionary(v => v.Veld, v => v.Waarde, StringComparer.Ordinal);
        return [.. velden
            .Select(v => (v.Veld, Oud: oude.GetValueOrDefault(v.Veld) ?? "", Nieuw: v.Waarde))
            .Where(v => v.Oud != v.Nieuw)];
    }

    private static List<(string Veld, string Waarde)> Velden(Aanbod a, Taxonomie t)
    {
        static string Lijst(IEnumerable<string> waarden) => string.Join(", ", waarden);
        var nl = CultureInfo.GetCultureInfo("nl-NL");
        return
        [
            ("Naam", a.Name),
            ("Samenvatting", a.Samenvatting),
            ("Beschrijving", a.BodyMarkdown),
            ("Onderwerpen", Lijst(a.Levensdomeinen.Select(t.Naam))),
            ("Doelgroepen", Lijst(a.Doelgroepen.Select(t.Naam))),
            ("Leeftijd", a.MinimumAge is null && a.MaximumAge is null ? "" : $"{a.MinimumAge?.ToString(nl) ?? "0"} tot en met {a.MaximumAge?.ToString(nl) ?? "…"}"),
            ("Kosten", a.Inkomensafhankelijk ? "hangt af van het inkomen" : a.Gratis ? "gratis" : Lijst(a.CostOptions.Select(c => $"€ {c.Amount?.ToString("0.00", nl)} {c.Option}"))),
            ("Uitleg kosten", a.FeesDescription ?? ""),
            ("Vorm", a.Vorm ?? ""),
            ("Uitvoering", a.Uitvoering ?? ""),
            ("Adressen", Lijst(a.Locations.Select(l => $"{l.Name} {l.Address1}, {l.PostalCode} {l.City}".Trim()))),
            ("Bereik", Lijst(a.Bereik)),
            ("Tijden", Lijst(a.Schedules.Select(s => $"{s.Freq ?? "eenmalig"} {Lijst(s.ByDay)} {s.DtStart:yyyy-MM-dd} {s.OpensAt:HH\\:mm}-{s.ClosesAt:HH\\:mm} tot {s.Until:yyyy-MM-dd} {s.Description}".Trim()))),
            ("Talen", Lijst(a.Languages)),
            ("Rolstoeltoegankelijk", a.Rolstoeltoegankelijk switch { true => "ja", false => "nee", _ => "" }),
            ("Website", a.Url ?? ""),
            ("E-mail", a.Email ?? ""),
            ("Telefoon", Lijst(a.Phones.Select(p => $"{p.Number} {p.Description}".Trim()))),
            ("Aanmelden", a.ApplicationProcess ?? ""),
            ("Zoekwoorden", Lijst(a.Trefwoorden)),
            ("Toegang", a.Toegang == Toegang.AchterHetLoket ? "achter het loket" : "algemeen toegankelijk"),
            ("Wettelijk kader", Lijst(a.WettelijkKader)),
        ];
    }
}
