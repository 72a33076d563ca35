using System.Globalization;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Elasticsearch;

/// <summary>What a search asks of the engine, after planning: the same decisions as the embedded searcher.</summary>
internal sealed record Zoekopdracht(
    SearchQuery Query,
    QueryPlan Plan,
    bool TekstGegeven,
    bool Verbreed,
    GeoPunt? Oorsprong,
    DateTime Lokaal)
{
    public int PerPagina => Math.Clamp(Query.PerPagina, 1, SearchQuery.MaxPerPagina);

    public int Pagina => Math.Clamp(Query.Pagina, 1, 100_000);

    public long Overslaan => (long)(Pagina - 1) * PerPagina;

    public Sortering Sortering => Query.Sortering switch
    {
        Sortering.Afstand when Oorsprong is not null => Sortering.Afstand,
        Sortering.Relevantie or Search.Sortering.Afstand when TekstGegeven => Sortering.Relevantie,
        _ => Sortering.Naam,
    };
}

/// <summary>
/// Builds the search request of one search from the query planner's output (engine-independent) and the filters:
/// <list type="bullet">
/// <item>query: per group of the plan a <c>dis_max</c> of its alternatives and phrases, each a <c>combined_fields</c>
/// query (BM25F with the embedded engine's field weights, all stems required; a phrase is one indexed token), boosted by
/// the group's weight; required groups in <c>must</c> (broadened: one of them), the others in <c>should</c>; the plan's
/// levensdomeinen as a multiplying <c>function_score</c>. Not carried over: the embedded engine's coordination (a
/// broadened score × the share of the groups' weight an aanbod matches) — more groups matched still score more;</item>
/// <item><c>post_filter</c>: the radius and every facet's selection, so hits are filtered but aggregations are not;</item>
/// <item>per facet a <c>filter</c> aggregation (radius and the other facets' selections) around a <c>terms</c> aggregation:
/// disjunctive counts, an inwoner sees what choosing another value of the same facet would give;</item>
/// <item>sort: score, distance (<c>_geo_distance</c>, nearest location) or name, always ending in the name so the
/// order is total.</item>
/// </list>
/// </summary>
internal static class ZoekVerzoek
{
    /// <summary>The aggregation whose document count is the number of aanbod that match the words (before filters).</summary>
    public const string Treffers = "treffers";

    public const string FacetPrefix = "facet_";
    public const string Waarden = "waarden";

    /// <summary>More than any facet has values (wijken of a large gemeente included).</summary>
    public const int MaxWaarden = 1000;

    public static SearchRequest Bouw(string index, Zoekopdracht z)
    {
        var filters = Filters(z);
        var aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal)
        {
            [Treffers] = new Aggregation { Filter = new MatchAllQuery() },
        };
        foreach (var facet in Facetten.Alle)
        {
            // A facet counts over the results of every other filter; its own selection does not narrow its own counts.
            var andere = filters.Where(f => f.Facet != facet).Select(f => f.Query).ToList();
            aggregations[FacetPrefix + facet] = new Aggregation
            {
                Filter = andere.Count == 0 ? new MatchAllQuery() : new BoolQuery { Filter = andere },
                Aggregations = new Dictionary<string, Aggregation>(StringComparer.Ordinal) { [Waarden] = Telling(facet, z) },
            };
        }

        var skip = z.Overslaan;
        var size = z.PerPagina;
        if (skip + size > 10_000)
        {
            // Beyond the result window: counts and facets only (nobody pages that far).
            skip = 0;
            size = 0;
        }

        var scored = z.TekstGegeven && z.Sortering != Search.Sortering.Naam;
        return new SearchRequest(index)
        {
            Query = Tekst(z),
            PostFilter = filters.Count == 0 ? null : (Query)new BoolQuery { Filter = filters.Select(f => f.Query).ToList() },
            Aggregations = aggregations,
            Sort = Volgorde(z, scored),
            // Scores also when sorted by name: a hit always carries its score (as in the embedded engine).
            TrackScores = z.TekstGegeven ? true : null,
            TrackTotalHits = new TrackHits(true),
            From = (int)skip,
            Size = size,
            Source = new SourceConfig(new SourceFilter { Includes = Fields.FromString(Velden.Weergave) }),
        };
    }

    /// <summary>
    /// The words, as the plan says (see <see cref="QueryPlan"/>): every required group in <c>must</c> (broadened: at
    /// least one of them), every other group in <c>should</c>, each boosted by its weight; aanbod in a levensdomein of
    /// the plan score ×<see cref="QueryPlan.LevensdomeinFactor"/> (a <c>function_score</c>). Match everything without
    /// words; nothing when words were given but none is in the kaart.
    /// </summary>
    public static Query Tekst(Zoekopdracht z)
    {
        if (!z.TekstGegeven)
        {
            return new MatchAllQuery();
        }

        if (z.Plan.IsEmpty)
        {
            return new MatchNoneQuery();
        }

        var verplicht = z.Plan.Groups.Where(g => g.Verplicht).Select(Groep).ToList();
        var overig = z.Plan.Groups.Where(g => !g.Verplicht).Select(Groep).ToList();
        Query woorden = verplicht.Count == 0
            ? new BoolQuery { Should = overig, MinimumShouldMatch = 1 }
            : !z.Verbreed ? new BoolQuery { Must = verplicht, Should = overig.Count == 0 ? null : overig }
            : overig.Count == 0 ? new BoolQuery { Should = verplicht, MinimumShouldMatch = 1 }
            : new BoolQuery { Must = [new BoolQuery { Should = verplicht, MinimumShouldMatch = 1 }], Should = overig };
        if (z.Plan.Levensdomeinen.Count == 0)
        {
            return woorden;
        }

        var voorkeur = FunctionScore.WeightScore(QueryPlan.LevensdomeinFactor);
        voorkeur.Filter = new TermsQuery
        {
            Field = Velden.FacetVeld(Facetten.Levensdomein),
            Terms = new TermsQueryField(z.Plan.Levensdomeinen.Select(l => (FieldValue)l).ToArray()),
        };
        return new FunctionScoreQuery
        {
            Query = woorden,
            Functions = [voorkeur],
            ScoreMode = FunctionScoreMode.Multiply,
            BoostMode = FunctionBoostMode.Multiply,
        };
    }

    /// <summary>
    /// A group scores its best alternative or phrase (the embedded engine: the maximum per aanbod, × the group's weight,
    /// summed over groups).
    /// </summary>
    private static Query Groep(QueryGroup group)
    {
        var gewicht = group.Gewicht == 1 ? (float?)null : (float)group.Gewicht;
        var alternatives = group.Alternatives.Select(a => Alternatief(string.Join(' ', a)))
            .Concat(group.Frasen.Select(f => Alternatief(Velden.FraseTerm(f))))
            .ToList();
        if (alternatives.Count == 1)
        {
            alternatives[0].Boost = gewicht;
            return alternatives[0];
        }

        return new DisMaxQuery { Queries = alternatives.Select(a => (Query)a).ToList(), TieBreaker = 0, Boost = gewicht };
    }

    /// <summary>All stems (or the phrase token) of the alternative, scored BM25F over the weighted fields as if they were one field.</summary>
    private static CombinedFieldsQuery Alternatief(string termen) => new()
    {
        Query = termen,
        Fields = Fields.FromStrings(Velden.Gewogen.Select(g => g.Veld + "^" + g.Gewicht.ToString(CultureInfo.InvariantCulture)).ToArray()),
        Operator = CombinedFieldsOperator.And,
    };

    private sealed record Filter(string? Facet, Query Query);

    /// <summary>The radius (no facet: it narrows every count) and per facet with a selection: one of its values.</summary>
    private static List<Filter> Filters(Zoekopdracht z)
    {
        var filters = new List<Filter>();
        if (z.Oorsprong is { } o && z.Query.StraalKm is { } straal)
        {
            // Aanbod without a place (online, aan huis) stays in.
            filters.Add(new Filter(null, new BoolQuery
            {
                Should =
                [
                    new GeoDistanceQuery
                    {
                        Field = Velden.Punten,
                        Distance = straal.ToString("0.###", CultureInfo.InvariantCulture) + "km",
                        Location = GeoLocation.LatitudeLongitude(new LatLonGeoLocation { Lat = o.Lat, Lon = o.Lon }),
                        DistanceType = GeoDistanceType.Arc,
                    },
                    new BoolQuery { MustNot = [new ExistsQuery { Field = Velden.Punten }] },
                ],
                MinimumShouldMatch = 1,
            }));
        }

        foreach (var facet in Facetten.Alle)
        {
            var chosen = z.Query.Waarden(facet);
            if (chosen.Count == 0)
            {
                continue;
            }

            if (facet == Facetten.Wanneer)
            {
                var wanneer = new List<Query>();
                if (chosen.Contains(Facetten.OpenNu))
                {
                    wanneer.Add(OpenNu(z.Lokaal));
                }

                if (chosen.Contains(Facetten.DezeWeek))
                {
                    wanneer.Add(DezeWeek(z.Lokaal));
                }

                filters.Add(new Filter(facet, wanneer.Count == 0 ? new MatchNoneQuery() : new BoolQuery { Should = wanneer, MinimumShouldMatch = 1 }));
                continue;
            }

            filters.Add(new Filter(facet, new TermsQuery
            {
                Field = Velden.FacetVeld(facet),
                Terms = new TermsQueryField(chosen.Distinct(StringComparer.Ordinal).Select(v => (FieldValue)v).ToArray()),
            }));
        }

        return filters;
    }

    private static Aggregation Telling(string facet, Zoekopdracht z) => facet == Facetten.Wanneer
        ? new Aggregation
        {
            Filters = new FiltersAggregation
            {
                Filters = new Buckets<Query>(new Dictionary<string, Query>(StringComparer.Ordinal)
                {
                    [Facetten.OpenNu] = OpenNu(z.Lokaal),
                    [Facetten.DezeWeek] = DezeWeek(z.Lokaal),
                }),
            },
        }
        : new Aggregation
        {
            Terms = new TermsAggregation
            {
                Field = Velden.FacetVeld(facet),
                Size = MaxWaarden,
                // Every value the kaart has, also those this search has none of (the embedded engine shows them with 0).
                MinDocCount = 0,
            },
        };

    /// <summary>Open at this local moment: one of the open periods contains it (periods end exclusive).</summary>
    public static Query OpenNu(DateTime lokaal) => new DateRangeQuery
    {
        Field = Velden.TijdenOpen,
        Gte = DocumentMapper.Moment(lokaal),
        Lte = DocumentMapper.Moment(lokaal),
        Format = Velden.MomentFormaat,
        Relation = RangeRelation.Intersects,
    };

    /// <summary>Takes place in the seven days from today (today included).</summary>
    public static Query DezeWeek(DateTime lokaal)
    {
        var vandaag = DateOnly.FromDateTime(lokaal);
        return new DateRangeQuery
        {
            Field = Velden.TijdenDagen,
            Gte = DocumentMapper.Dag(vandaag),
            Lte = DocumentMapper.Dag(vandaag.AddDays(6)),
            Format = Velden.DagFormaat,
        };
    }

    private static List<SortOptions> Volgorde(Zoekopdracht z, bool scored)
    {
        var sort = new List<SortOptions>();
        if (z.Sortering == Search.Sortering.Afstand && z.Oorsprong is { } o)
        {
            sort.Add(new SortOptions
            {
                GeoDistance = new GeoDistanceSort
                {
                    Field = Velden.Punten,
                    Location = [GeoLocation.LatitudeLongitude(new LatLonGeoLocation { Lat = o.Lat, Lon = o.Lon })],
                    Order = SortOrder.Asc,
                    Mode = SortMode.Min,
                    Unit = DistanceUnit.Kilometers,
                    DistanceType = GeoDistanceType.Arc,
                },
            });
        }

        if (scored)
        {
            sort.Add(new SortOptions { Score = new ScoreSort { Order = SortOrder.Desc } });
        }

        sort.Add(new SortOptions { Field = new FieldSort { Field = Velden.NaamSortering, Order = SortOrder.Asc } });
        return sort;
    }
}
