using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Elasticsearch;

/// <summary>The field names of the aanbod index: one definition for the mapping, the documents and the queries.</summary>
internal static class Velden
{
    public const string Id = "id";
    public const string NaamSortering = "naam_sortering";
    public const string Weergave = "weergave";
    public const string Document = "document";
    public const string Termen = "termen";
    public const string Facet = "facet";
    public const string Punten = "punten";
    public const string Tijden = "tijden";
    public const string TijdenDagen = "tijden.dagen";
    public const string TijdenOpen = "tijden.open";
    public const string Woorden = "woorden";
    public const string Suggesties = "suggesties";
    public const string Intern = "intern";
    public const string Kaart = "kaart";

    public static string Term(string veld) => Termen + "." + veld;

    public static string FacetVeld(string facet) => Facet + "." + facet;

    /// <summary>
    /// A phrase (a multi-word synonym or situation word) as one token of the whitespace-analysed term fields: its stems
    /// joined by '_', which no stem contains. Both engines index a phrase where its stems stand side by side.
    /// </summary>
    public static string FraseTerm(IReadOnlyList<string> stems) => string.Join('_', stems);

    /// <summary>The facets stored as keyword fields (all but wanneer, which depends on the clock: see <see cref="Tijden"/>).</summary>
    public static IReadOnlyList<string> StatischeFacetten { get; } = Facetten.Alle.Where(f => f != Facetten.Wanneer).ToList();

    /// <summary>The searchable fields with the embedded engine's BM25F weights (<see cref="IndexFormat.Fields"/>, in whole units).</summary>
    public static IReadOnlyList<(string Veld, double Gewicht)> Gewogen { get; } =
        IndexFormat.Fields.Select(f => (Term(f.Name), f.HalfUnits / 2.0)).ToList();

    public const string DagFormaat = "strict_date";
    public const string MomentFormaat = "strict_date_hour_minute_second";
}

/// <summary>
/// The settings and mappings of the two indexes of a build, created from code. The aanbod index holds what a public
/// search may read; the intern index holds the internal fields and the index's own data (taxonomie, synoniemen,
/// postcodes, version), read only by id — a public search never names it, so it can never return them.
/// </summary>
internal static class IndexDefinitie
{
    /// <summary>The analyzer of every searchable field: the terms arrive analysed (Dutch, in C#), so only split them.</summary>
    public const string Analyzer = "whitespace";

    public static CreateIndexRequest Aanbod(string index) => new(index)
    {
        Settings = new IndexSettings
        {
            // One shard: term statistics (and so BM25) over the whole kaart, as in the embedded engine. A gemeente's
            // kaart is small; replicas give the spread over machines.
            NumberOfShards = 1,
            AutoExpandReplicas = "0-1",
            // No periodic refresh: the writer refreshes after a whole build or update, so a search sees all of it or none.
            RefreshInterval = "-1",
            MaxResultWindow = 10_000,
            OtherSettings = new Dictionary<string, object>
            {
                // An update replaces documents; expunging every deleted one keeps the statistics those of the live aanbod.
                ["merge.policy.expunge_deletes_allowed"] = 0,
            },
        },
        Mappings = new TypeMapping
        {
            Dynamic = DynamicMapping.Strict,
            Properties = new Properties
            {
                [Velden.Id] = new KeywordProperty(),
                [Velden.NaamSortering] = new KeywordProperty { Index = false },
                [Velden.Weergave] = new ObjectProperty { Enabled = false },
                [Velden.Document] = new ObjectProperty { Enabled = false },
                [Velden.Termen] = new ObjectProperty
                {
                    Properties = new Properties(IndexFormat.Fields.ToDictionary(f => (PropertyName)f.Name, f => (IProperty)new TextProperty
                    {
                        Analyzer = Analyzer,
                        // Frequencies for BM25, no positions: the query planner asks for stems, never for phrases.
                        IndexOptions = IndexOptions.Freqs,
                    })),
                },
                [Velden.Facet] = new ObjectProperty
                {
                    Properties = new Properties(Velden.StatischeFacetten.ToDictionary(f => (PropertyName)f, _ => (IProperty)new KeywordProperty())),
                },
                [Velden.Punten] = new GeoPointProperty(),
                [Velden.Tijden] = new ObjectProperty
                {
                    Properties = new Properties
                    {
                        ["dagen"] = new DateProperty { Format = Velden.DagFormaat },
                        ["open"] = new DateRangeProperty { Format = Velden.MomentFormaat },
                    },
                },
                [Velden.Woorden] = new KeywordProperty { Index = false },
                [Velden.Suggesties] = new KeywordProperty { Index = false },
            },
        },
    };

    public static CreateIndexRequest Intern(string index) => new(index)
    {
        Settings = new IndexSettings { NumberOfShards = 1, AutoExpandReplicas = "0-1" },
        Mappings = new TypeMapping
        {
            Dynamic = DynamicMapping.Strict,
            Properties = new Properties
            {
                [Velden.Intern] = new ObjectProperty { Enabled = false },
                [Velden.Kaart] = new ObjectProperty { Enabled = false },
            },
        },
    };
}
