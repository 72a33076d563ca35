using SocialeKaart.Kaart.Content;

namespace SocialeKaart.Kaart.Search;

public sealed record SearchResults
{
    public required SearchQuery Query { get; init; }
    public required int Totaal { get; init; }
    public required IReadOnlyList<Hit> Hits { get; init; }
    public required IReadOnlyList<Facet> Facetten { get; init; }

    /// <summary>A corrected query when words were misspelled ("bedoelde u …?").</summary>
    public string? BedoeldeU { get; init; }

    /// <summary>True when no aanbod had all the words and the results have some of them.</summary>
    public bool Verbreed { get; init; }

    /// <summary>Words that matched nothing in the kaart and were left out.</summary>
    public IReadOnlyList<string> NietGevonden { get; init; } = [];

    /// <summary>False when a postcode was given that we do not know.</summary>
    public bool PostcodeBekend { get; init; } = true;

    /// <summary>The text had no word to search with (only punctuation, emoji, query syntax or stop words): no aanbod.</summary>
    public bool GeenZoekwoord { get; init; }

    /// <summary>Kinds of acute danger in the words (<see cref="Analysis.CrisisSoort"/>): show crisis help before any aanbod.</summary>
    public IReadOnlyList<string> Crisis { get; init; } = [];

    /// <summary>The language of the search when it was not Dutch (ISO 639-1), so the page can say the information is in Dutch.</summary>
    public string? Taal { get; init; }

    public int AantalPaginas => Math.Max(1, (Totaal + Query.PerPagina - 1) / Query.PerPagina);
}

public sealed record Hit
{
    public required string Id { get; init; }
    public required string Naam { get; init; }
    public required string Samenvatting { get; init; }

    /// <summary>The samenvatting or a piece of the body, with the matched words marked.</summary>
    public required IReadOnlyList<Fragment> Markering { get; init; }

    public required Toegang Toegang { get; init; }
    public bool Bemoeizorg { get; init; }
    public required string Aanbieder { get; init; }
    public required IReadOnlyList<string> Levensdomeinen { get; init; }
    public bool Gratis { get; init; }
    public double Score { get; init; }
    public double? AfstandKm { get; init; }
    public string? Plaats { get; init; }
}

/// <summary>A piece of text; <see cref="Treffer"/> when it is a word the inwoner searched for.</summary>
public sealed record Fragment(string Tekst, bool Treffer);

public sealed record Facet(string Naam, IReadOnlyList<FacetWaarde> Waarden);

public sealed record FacetWaarde(string Waarde, string Label, int Aantal, bool Gekozen);

public sealed record Suggestie(string Tekst, int Gewicht);

/// <summary>An aanbod as the index holds it: public fields (the body as Markdown), the body's plain text and derived
/// values. The body's HTML is not stored: the page renders it from the Markdown (<see cref="Content.MarkdownRenderer.Html"/>).</summary>
public sealed record IndexDocument
{
    /// <summary>The aanbod without its internal fields.</summary>
    public required Aanbod Aanbod { get; init; }
    public required string BodyTekst { get; init; }
    public required IReadOnlyList<string> Leefgebieden { get; init; }
    public required IReadOnlyList<GeoPunt> Punten { get; init; }
}

public readonly record struct GeoPunt(double Lat, double Lon)
{
    /// <summary>Great-circle distance in kilometres (haversine, as Elasticsearch's arc distance).</summary>
    public double AfstandKm(GeoPunt other)
    {
        const double r = 6371.0088;
        var dLat = double.DegreesToRadians(other.Lat - Lat);
        var dLon = double.DegreesToRadians(other.Lon - Lon);
        var a = Math.Pow(Math.Sin(dLat / 2), 2)
            + Math.Cos(double.DegreesToRadians(Lat)) * Math.Cos(double.DegreesToRadians(other.Lat)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * r * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>An aanbod for its own page; <see cref="Intern"/> only when asked for by a consulent.</summary>
public sealed record AanbodDetail(IndexDocument Document, InternAanbod? Intern);
