using SocialeKaart.Kaart.Analysis;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SocialeKaart.Kaart.Content;

/// <summary>The taxonomy from content/taxonomie.yml: leefgebieden, levensdomeinen, doelgroepen, wijken.</summary>
public sealed class Taxonomie
{
    public IReadOnlyList<Term> Leefgebieden { get; }
    public IReadOnlyList<Levensdomein> Levensdomeinen { get; }
    public IReadOnlyList<Term> Doelgroepen { get; }
    public IReadOnlyList<Wijk> Wijken { get; }

    private readonly Dictionary<string, Levensdomein> _levensdomeinen;

    public Taxonomie(IReadOnlyList<Term> leefgebieden, IReadOnlyList<Levensdomein> levensdomeinen,
        IReadOnlyList<Term> doelgroepen, IReadOnlyList<Wijk> wijken)
    {
        Leefgebieden = leefgebieden;
        Levensdomeinen = levensdomeinen;
        Doelgroepen = doelgroepen;
        Wijken = wijken;
        _levensdomeinen = levensdomeinen.ToDictionary(l => l.Id);
        foreach (var l in levensdomeinen)
        {
            if (!leefgebieden.Any(g => g.Id == l.Leefgebied))
            {
                throw new InvalidDataException($"taxonomie: levensdomein '{l.Id}' verwijst naar onbekend leefgebied '{l.Leefgebied}'.");
            }
        }
    }

    public bool IsLevensdomein(string id) => _levensdomeinen.ContainsKey(id);
    public bool IsDoelgroep(string id) => Doelgroepen.Any(d => d.Id == id);
    public bool IsWijk(string id) => Wijken.Any(w => w.Id == id);

    public string LeefgebiedVan(string levensdomein) => _levensdomeinen[levensdomein].Leefgebied;

    /// <summary>The display name of any taxonomy id, or the id itself when unknown.</summary>
    public string Naam(string id) =>
        _levensdomeinen.TryGetValue(id, out var l) ? l.Naam
        : Leefgebieden.FirstOrDefault(t => t.Id == id)?.Naam
        ?? Doelgroepen.FirstOrDefault(t => t.Id == id)?.Naam
        ?? Wijken.FirstOrDefault(t => t.Id == id)?.Naam
        ?? id;

    /// <summary>The display name in a language (ISO 639-1), from the term's <c>vertalingen</c>; Dutch when it has none.</summary>
    public string Naam(string id, string taal) =>
        Vertalingen(id)?.GetValueOrDefault(taal)?.Naam ?? Naam(id);

    private IReadOnlyDictionary<string, Vertaling>? Vertalingen(string id) =>
        _levensdomeinen.TryGetValue(id, out var l) ? l.Vertalingen
        : Leefgebieden.FirstOrDefault(t => t.Id == id)?.Vertalingen
        ?? Doelgroepen.FirstOrDefault(t => t.Id == id)?.Vertalingen;

    public string? WijkVanPostcode(string pc4) => Wijken.FirstOrDefault(w => w.Postcodes.Contains(pc4))?.Id;

    public static Taxonomie Parse(string yaml)
    {
        if (VeiligeYaml.Controleer(yaml) is { } probleem)
        {
            throw new InvalidDataException($"regel {probleem.Line}: {probleem.Message}");
        }

        var dto = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build()
            .Deserialize<Dto>(yaml) ?? throw new InvalidDataException("taxonomie: het bestand is leeg.");
        return new Taxonomie(
            dto.Leefgebieden.Select(t => new Term(t.Id, t.Naam, LeesVertalingen(t))).ToList(),
            dto.Levensdomeinen.Select(t => new Levensdomein(t.Id, t.Naam, t.Leefgebied, t.Omschrijving ?? "", LeesVertalingen(t))).ToList(),
            dto.Doelgroepen.Select(t => new Term(t.Id, t.Naam, LeesVertalingen(t))).ToList(),
            dto.Wijken.Select(t => new Wijk(t.Id, t.Naam, t.Postcodes)).ToList());
    }

    private static Dictionary<string, Vertaling> LeesVertalingen(TermDto term)
    {
        foreach (var (taal, vertaling) in term.Vertalingen)
        {
            if (!Talen.Codes.Contains(taal))
            {
                throw new InvalidDataException(
                    $"taxonomie: '{term.Id}' heeft een vertaling in '{taal}'; dat kan in: {string.Join(", ", Talen.Codes)}.");
            }

            if (string.IsNullOrWhiteSpace(vertaling.Naam))
            {
                throw new InvalidDataException($"taxonomie: de vertaling '{taal}' van '{term.Id}' heeft geen naam.");
            }
        }

        return term.Vertalingen.ToDictionary(v => v.Key, v => new Vertaling(v.Value.Naam.Trim(), v.Value.Omschrijving?.Trim()));
    }

    /// <summary>A term's name (and for a levensdomein its description) in another language, for the inwoner pages.</summary>
    public sealed record Vertaling(string Naam, string? Omschrijving);

    public sealed record Term(string Id, string Naam, IReadOnlyDictionary<string, Vertaling>? Vertalingen = null);

    public sealed record Levensdomein(string Id, string Naam, string Leefgebied, string Omschrijving,
        IReadOnlyDictionary<string, Vertaling>? Vertalingen = null)
    {
        public string NaamIn(string taal) => Vertalingen?.GetValueOrDefault(taal)?.Naam ?? Naam;

        public string OmschrijvingIn(string taal) => Vertalingen?.GetValueOrDefault(taal)?.Omschrijving ?? Omschrijving;
    }
    public sealed record Wijk(string Id, string Naam, IReadOnlyList<string> Postcodes);

    private sealed class Dto
    {
        public List<TermDto> Leefgebieden { get; set; } = [];
        public List<TermDto> Levensdomeinen { get; set; } = [];
        public List<TermDto> Doelgroepen { get; set; } = [];
        public List<TermDto> Wijken { get; set; } = [];
    }

    private sealed class TermDto
    {
        public string Id { get; set; } = "";
        public string Naam { get; set; } = "";
        public string Leefgebied { get; set; } = "";
        public string? Omschrijving { get; set; }
        public List<string> Postcodes { get; set; } = [];
        public Dictionary<string, VertalingDto> Vertalingen { get; set; } = [];
    }

    private sealed class VertalingDto
    {
        public string Naam { get; set; } = "";
        public string? Omschrijving { get; set; }
    }
}
