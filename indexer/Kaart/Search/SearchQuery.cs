namespace SocialeKaart.Kaart.Search;

public enum Sortering
{
    Relevantie,
    Afstand,
    Naam,
}

/// <summary>
/// A search of the sociale kaart: words, filters per facet (values within a facet are OR'ed, facets AND'ed),
/// an optional postcode for distances, sorting and paging.
/// </summary>
public sealed record SearchQuery
{
    public const int MaxTekstLength = 500;
    public const int MaxPerPagina = 100;

    public string Tekst { get; init; } = "";

    /// <summary>Selected values per facet name (see <see cref="Facetten"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>PC4 ("3901") or full postcode ("3901 AB").</summary>
    public string? Postcode { get; init; }

    /// <summary>Only aanbod within this distance of the postcode; aanbod without a place (online, aan huis) stays in.</summary>
    public double? StraalKm { get; init; }

    public Sortering Sortering { get; init; } = Sortering.Relevantie;
    public int Pagina { get; init; } = 1;
    public int PerPagina { get; init; } = 10;

    public IReadOnlyList<string> Waarden(string facet) =>
        Filters.TryGetValue(facet, out var values) ? values : [];

    public SearchQuery WithFilter(string facet, params string[] values)
    {
        var filters = Filters.ToDictionary(f => f.Key, f => f.Value);
        filters[facet] = values;
        return this with { Filters = filters };
    }
}

/// <summary>The facets of the sociale kaart and their fixed values.</summary>
public static class Facetten
{
    public const string Levensdomein = "levensdomein";
    public const string Leefgebied = "leefgebied";
    public const string Toegang = "toegang";
    public const string Doelgroep = "doelgroep";
    public const string Kosten = "kosten";
    public const string Wijk = "wijk";
    public const string Vorm = "vorm";
    public const string Bereik = "bereik";
    public const string Taal = "taal";
    public const string Wanneer = "wanneer";

    public static IReadOnlyList<string> Alle { get; } =
        [Levensdomein, Leefgebied, Toegang, Doelgroep, Kosten, Wijk, Vorm, Bereik, Taal, Wanneer];

    public const string AlgemeenToegankelijk = "algemeen-toegankelijk";
    public const string AchterHetLoket = "achter-het-loket";
    public const string Gratis = "gratis";
    public const string Betaald = "betaald";
    public const string OpLocatie = "op-locatie";
    public const string OpenNu = "open-nu";
    public const string DezeWeek = "deze-week";
}
