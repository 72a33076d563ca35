using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>The tables of an embedded index file.</summary>
internal static class IndexSchema
{
    public const int Version = 3;

    // The fields of an aanbod that are searched, and their weight in BM25F (title and keywords above the body).
    public static readonly (string Name, float Weight)[] Fields =
        [("naam", 10f), ("trefwoorden", 6f), ("samenvatting", 3f), ("categorie", 2f), ("aanbieder", 1.5f), ("tekst", 1f)];

    public const string Create = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE aanbod(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, kenmerken TEXT NOT NULL, tekst TEXT NOT NULL);
        -- Internal fields for consulenten only (toewijzingscriteria, notities): never part of a public answer.
        CREATE TABLE intern(rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL);
        -- The inverted index: per stem the aanbod (rowid - 1, ascending, delta-varint) and the weighted term frequency (float32) in each.
        CREATE TABLE termen(term TEXT PRIMARY KEY, df INTEGER NOT NULL, docs BLOB NOT NULL, tf BLOB NOT NULL) WITHOUT ROWID;
        -- The weighted length of every aanbod (float32, by rowid - 1), for BM25's length normalisation.
        CREATE TABLE lengtes(data BLOB NOT NULL);
        CREATE TABLE woorden(woord TEXT PRIMARY KEY, stam TEXT NOT NULL, df INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE suggesties(tekst TEXT NOT NULL, gewicht INTEGER NOT NULL);
        CREATE TABLE postcodes(pc4 TEXT PRIMARY KEY, lat REAL NOT NULL, lon REAL NOT NULL) WITHOUT ROWID;
        """;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>What the reader keeps in memory per aanbod: filters, facets, distance, opening times, and what a hit shows.</summary>
internal sealed record Kenmerken(
    Dictionary<string, string[]> Facetten,
    double[][] Punten,
    Content.Tijden[] Tijden,
    string Samenvatting,
    string Aanbieder,
    bool Bemoeizorg,
    bool Gratis,
    string? Plaats);
