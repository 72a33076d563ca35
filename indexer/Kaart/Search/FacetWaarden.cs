using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Kaart.Search;

/// <summary>The facet values of an aanbod and their labels: one definition for every engine.</summary>
public static class FacetWaarden
{
    /// <summary>The values of the static facets (all but <see cref="Facetten.Wanneer"/>, which depends on the clock).</summary>
    public static Dictionary<string, string[]> Van(IndexDocument doc, Taxonomie taxonomie)
    {
        var a = doc.Aanbod;
        var wijken = a.Locations.Select(l => l.Wijk ?? taxonomie.WijkVanPostcode(Postcodes.Pc4(l.PostalCode) ?? ""))
            .OfType<string>().Concat(a.Wijken).Distinct().ToArray();
        var bereik = (a.Locations.Count > 0 ? [Facetten.OpLocatie] : Array.Empty<string>()).Concat(a.Bereik).ToArray();
        return new()
        {
            [Facetten.Levensdomein] = a.Levensdomeinen.ToArray(),
            [Facetten.Leefgebied] = doc.Leefgebieden.ToArray(),
            [Facetten.Toegang] = [a.Toegang == Toegang.AchterHetLoket ? Facetten.AchterHetLoket : Facetten.AlgemeenToegankelijk],
            [Facetten.Doelgroep] = a.Doelgroepen.ToArray(),
            [Facetten.Kosten] = [a.Gratis ? Facetten.Gratis : Facetten.Betaald],
            [Facetten.Wijk] = wijken,
            [Facetten.Vorm] = a.Vorm switch
            {
                "beide" => ["individueel", "groep"],
                null => [],
                var v => [v],
            },
            [Facetten.Bereik] = bereik,
            [Facetten.Taal] = a.Languages.Count == 0 ? ["nl"] : a.Languages.ToArray(),
        };
    }

    /// <summary>The fixed order of values per facet; facets not listed are ordered by count.</summary>
    public static IReadOnlyList<string> Volgorde(string facet, Taxonomie taxonomie) => facet switch
    {
        Facetten.Levensdomein => taxonomie.Levensdomeinen.Select(l => l.Id).ToList(),
        Facetten.Leefgebied => taxonomie.Leefgebieden.Select(l => l.Id).ToList(),
        Facetten.Doelgroep => taxonomie.Doelgroepen.Select(l => l.Id).ToList(),
        Facetten.Wijk => taxonomie.Wijken.Select(l => l.Id).ToList(),
        Facetten.Toegang => [Facetten.AlgemeenToegankelijk, Facetten.AchterHetLoket],
        Facetten.Kosten => [Facetten.Gratis, Facetten.Betaald],
        Facetten.Vorm => ["individueel", "groep"],
        Facetten.Bereik => [Facetten.OpLocatie, "aan-huis", "online", "telefonisch"],
        Facetten.Wanneer => [Facetten.OpenNu, Facetten.DezeWeek],
        _ => [],
    };

    public static string Label(string facet, string waarde, Taxonomie taxonomie) => (facet, waarde) switch
    {
        (Facetten.Toegang, Facetten.AlgemeenToegankelijk) => "Direct naar de aanbieder",
        (Facetten.Toegang, Facetten.AchterHetLoket) => "Via het loket van de gemeente",
        (Facetten.Kosten, Facetten.Gratis) => "Gratis",
        (Facetten.Kosten, Facetten.Betaald) => "Met kosten",
        (Facetten.Vorm, "individueel") => "Alleen u (één op één)",
        (Facetten.Vorm, "groep") => "In een groep",
        (Facetten.Bereik, Facetten.OpLocatie) => "Op een adres",
        (Facetten.Bereik, "aan-huis") => "Bij u thuis",
        (Facetten.Bereik, "online") => "Online",
        (Facetten.Bereik, "telefonisch") => "Via de telefoon",
        (Facetten.Wanneer, Facetten.OpenNu) => "Nu open",
        (Facetten.Wanneer, Facetten.DezeWeek) => "Deze week",
        (Facetten.Taal, _) => Talen.TryGetValue(waarde, out var taal) ? taal : waarde,
        _ => taxonomie.Naam(waarde),
    };

    public static string FacetLabel(string facet) => facet switch
    {
        Facetten.Levensdomein => "Onderwerp",
        Facetten.Leefgebied => "Leefgebied",
        Facetten.Toegang => "Hoe komt u eraan",
        Facetten.Doelgroep => "Voor wie",
        Facetten.Kosten => "Kosten",
        Facetten.Wijk => "Wijk",
        Facetten.Vorm => "Alleen of in een groep",
        Facetten.Bereik => "Waar",
        Facetten.Taal => "Taal",
        Facetten.Wanneer => "Wanneer",
        _ => facet,
    };

    private static readonly Dictionary<string, string> Talen = new()
    {
        ["nl"] = "Nederlands", ["en"] = "Engels", ["de"] = "Duits", ["fr"] = "Frans", ["es"] = "Spaans",
        ["tr"] = "Turks", ["ar"] = "Arabisch", ["pl"] = "Pools", ["uk"] = "Oekraïens", ["ru"] = "Russisch",
        ["ti"] = "Tigrinya", ["so"] = "Somalisch", ["fa"] = "Perzisch", ["zh"] = "Chinees", ["pt"] = "Portugees",
        ["ro"] = "Roemeens", ["bg"] = "Bulgaars", ["ber"] = "Berbers", ["pap"] = "Papiaments", ["fy"] = "Fries",
    };
}
