using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>The tables of an embedded index file.</summary>
internal static class IndexSchema
{
    public const int Version = 1;

    // Column order of the full-text table, and the weights bm25 gives each (title and keywords above body).
    public static readonly string[] Columns = ["naam", "trefwoorden", "samenvatting", "categorie", "aanbieder", "tekst"];
    public const string Bm25 = "bm25(zoek, 10.0, 6.0, 3.0, 2.0, 1.5, 1.0)";

    public const string Create = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE aanbod(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL, kenmerken TEXT NOT NULL);
        -- Internal fields for consulenten only (toewijzingscriteria, notities): never part of a public answer.
        CREATE TABLE intern(rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL);
        CREATE VIRTUAL TABLE zoek USING fts5(naam, trefwoorden, samenvatting, categorie, aanbieder, tekst, content='', tokenize='unicode61 remove_diacritics 0');
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

/// <summary>What the reader keeps in memory per aanbod for filters, facets, distance and opening times.</summary>
internal sealed record Kenmerken(
    Dictionary<string, string[]> Facetten,
    double[][] Punten,
    Content.Tijden[] Tijden);
