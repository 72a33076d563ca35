using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Benchmarks.Peers;

/// <summary>
/// PostgreSQL full-text search on the same corpus: the <c>dutch</c> configuration, a weighted tsvector (A title, B
/// trefwoorden, C samenvatting and categories, D aanbieder and body) with a GIN index, <c>ts_rank_cd</c>, all words
/// required (<c>plainto_tsquery</c>); filters as array overlaps, disjunctive facet counts, haversine distance and paging
/// in one statement. It does less than our engine: no synonyms, compounds, typo correction, accent folding,
/// broadening or highlighting, and four weights instead of six.
/// </summary>
internal sealed class PostgresPeer : IDisposable
{
    private static readonly string[] Facets = Facetten.Alle.Where(f => f != Facetten.Wanneer).ToArray();

    private readonly NpgsqlDataSource _source;
    private readonly NpgsqlConnection _connection;
    private readonly PeerFacets _cache; // only for "open nu" / "deze week" (computed from the schedules, as the peers do)
    private readonly Dictionary<string, GeoPunt> _postcodes;

    private PostgresPeer(string connectionString, PeerFacets cache, Dictionary<string, GeoPunt> postcodes)
    {
        _source = NpgsqlDataSource.Create(connectionString);
        _connection = _source.OpenConnection();
        _cache = cache;
        _postcodes = postcodes;
    }

    public string Name => "PostgreSQL 15 FTS";

    public static void Build(IndexBatch batch, string connectionString, Taxonomie taxonomie)
    {
        using var source = NpgsqlDataSource.Create(connectionString);
        using var connection = source.OpenConnection();
        Execute(connection, """
            DROP TABLE IF EXISTS bron; DROP TABLE IF EXISTS aanbod;
            CREATE UNLOGGED TABLE bron(nr int, id text, naam text, trefwoorden text, samenvatting text, categorie text, aanbieder text, tekst text,
              levensdomein text[], leefgebied text[], toegang text[], doelgroep text[], kosten text[], wijk text[], vorm text[], bereik text[], taal text[],
              lat float8[], lon float8[], naamrang int, tijden text);
            """);
        var names = batch.Documents.Select(d => d.Document.Aanbod).ToList();
        var comparer = StringComparer.Create(CultureInfo.GetCultureInfo("nl-NL"), ignoreCase: true);
        var order = Enumerable.Range(0, names.Count).OrderBy(i => names[i].Name, comparer).ThenBy(i => names[i].Id, StringComparer.Ordinal).ToArray();
        var rank = new int[order.Length];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        using (var copy = connection.BeginBinaryImport("COPY bron FROM STDIN (FORMAT BINARY)"))
        {
            for (var nr = 0; nr < batch.Documents.Count; nr++)
            {
                var d = batch.Documents[nr].Document;
                var a = d.Aanbod;
                copy.StartRow();
                copy.Write(nr, NpgsqlDbType.Integer);
                copy.Write(a.Id, NpgsqlDbType.Text);
                copy.Write(a.Name, NpgsqlDbType.Text);
                copy.Write(string.Join(" . ", a.Trefwoorden.Concat(a.WettelijkKader)), NpgsqlDbType.Text);
                copy.Write(a.Samenvatting, NpgsqlDbType.Text);
                copy.Write(string.Join(" . ", a.Levensdomeinen.Concat(d.Leefgebieden).Concat(a.Doelgroepen).Select(taxonomie.Naam)), NpgsqlDbType.Text);
                copy.Write(a.Organization.Name, NpgsqlDbType.Text);
                copy.Write(d.BodyTekst, NpgsqlDbType.Text);
                var facets = FacetWaarden.Van(d, taxonomie);
                foreach (var f in Facets)
                {
                    copy.Write(facets.GetValueOrDefault(f) ?? [], NpgsqlDbType.Array | NpgsqlDbType.Text);
                }

                copy.Write(d.Punten.Select(p => p.Lat).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Double);
                copy.Write(d.Punten.Select(p => p.Lon).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Double);
                copy.Write(rank[nr], NpgsqlDbType.Integer);
                copy.Write(System.Text.Json.JsonSerializer.Serialize(a.Schedules), NpgsqlDbType.Text);
            }

            copy.Complete();
        }

        Execute(connection, """
            CREATE TABLE aanbod AS SELECT nr, id, naam, samenvatting, aanbieder,
              setweight(to_tsvector('dutch', naam), 'A') || setweight(to_tsvector('dutch', trefwoorden), 'B')
              || setweight(to_tsvector('dutch', samenvatting || ' ' || categorie), 'C') || setweight(to_tsvector('dutch', aanbieder || ' ' || tekst), 'D') AS tsv,
              levensdomein, leefgebied, toegang, doelgroep, kosten, wijk, vorm, bereik, taal, lat, lon, naamrang, tijden
            FROM bron;
            DROP TABLE bron;
            ALTER TABLE aanbod ADD PRIMARY KEY (nr);
            CREATE INDEX aanbod_tsv ON aanbod USING gin(tsv);
            """);
        Execute(connection, "VACUUM ANALYZE aanbod");
    }

    /// <summary>Opens the table; the schedules are read once (for "open nu" and "deze week", computed per minute as the other peers do).</summary>
    public static PostgresPeer Open(string connectionString, Dictionary<string, GeoPunt> postcodes)
    {
        using var source = NpgsqlDataSource.Create(connectionString);
        using var connection = source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT nr, tijden FROM aanbod ORDER BY nr", connection);
        var tijden = new List<Tijden[]>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                tijden.Add(System.Text.Json.JsonSerializer.Deserialize<Tijden[]>(reader.GetString(1)) ?? []);
            }
        }

        var none = tijden.Select(_ => new Dictionary<string, string[]>()).ToList();
        var cache = PeerFacets.Create(tijden.Count, none, tijden.Select(_ => Array.Empty<GeoPunt>()).ToList(), tijden,
            tijden.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToList(), tijden.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToList(), postcodes);
        return new PostgresPeer(connectionString, cache, postcodes);
    }

    public long Bytes()
    {
        using var cmd = new NpgsqlCommand("SELECT pg_total_relation_size('aanbod')", _connection);
        return (long)cmd.ExecuteScalar()!;
    }

    private const string Haversine =
        "2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(p.la - @olat) / 2), 2) + cos(radians(@olat)) * cos(radians(p.la)) * power(sin(radians(p.lo - @olon) / 2), 2))))";

    public int Search(SearchQuery query, DateTime lokaal)
    {
        var origin = Kaart.Content.Postcodes.Pc4(query.Postcode) is { } pc4 && _postcodes.TryGetValue(pc4, out var o) ? o : (GeoPunt?)null;
        var tekst = (query.Tekst ?? "").Trim();
        var cmd = new NpgsqlCommand { Connection = _connection };
        var sql = new StringBuilder();
        var hasText = tekst.Length > 0 && HasTerms(tekst);
        if (hasText)
        {
            cmd.Parameters.AddWithValue("tekst", tekst);
        }

        sql.Append("WITH q AS (SELECT plainto_tsquery('dutch', ").Append(hasText ? "@tekst" : "''").Append(") AS q), ");
        sql.Append("m AS (SELECT a.*, ").Append(hasText ? "ts_rank_cd('{0.1, 0.3, 0.6, 1.0}', tsv, q.q)" : "0::real").Append(" AS score, ");
        sql.Append(origin is null ? "NULL::float8" : $"(SELECT min({Haversine}) FROM unnest(a.lat, a.lon) AS p(la, lo))").Append(" AS km ");
        sql.Append("FROM aanbod a, q").Append(hasText ? " WHERE a.tsv @@ q.q" : "");
        if (origin is { } from)
        {
            cmd.Parameters.AddWithValue("olat", from.Lat);
            cmd.Parameters.AddWithValue("olon", from.Lon);
        }

        sql.Append("), f AS MATERIALIZED (SELECT * FROM m");
        if (origin is not null && query.StraalKm is { } straal)
        {
            cmd.Parameters.AddWithValue("straal", straal);
            sql.Append(" WHERE km IS NULL OR km <= @straal");
        }

        sql.Append(')');
        var conditions = new Dictionary<string, string>(StringComparer.Ordinal);
        var wanneer = _cache.Wanneer(lokaal);
        foreach (var facet in Facetten.Alle)
        {
            var chosen = query.Waarden(facet);
            if (chosen.Count == 0)
            {
                continue;
            }

            if (facet == Facetten.Wanneer)
            {
                var nrs = new List<int>();
                foreach (var (set, value) in new[] { (wanneer.OpenNu, Facetten.OpenNu), (wanneer.DezeWeek, Facetten.DezeWeek) })
                {
                    if (chosen.Contains(value))
                    {
                        nrs.AddRange(Members(set));
                    }
                }

                cmd.Parameters.AddWithValue("w_wanneer", nrs.Distinct().ToArray());
                conditions[facet] = "nr = ANY(@w_wanneer)";
            }
            else
            {
                cmd.Parameters.AddWithValue("w_" + facet, chosen.ToArray());
                conditions[facet] = $"{facet} && @w_{facet}";
            }
        }

        string Where(string? except) =>
            conditions.Where(c => c.Key != except).Select(c => c.Value).DefaultIfEmpty("true").Aggregate((x, y) => x + " AND " + y);

        var perPagina = Math.Clamp(query.PerPagina, 1, 100);
        var skip = (Math.Clamp(query.Pagina, 1, 100_000) - 1) * perPagina;
        var orderBy = query.Sortering switch
        {
            Sortering.Afstand when origin is not null => "km NULLS LAST, score DESC, naamrang",
            Sortering.Naam => "naamrang",
            _ when hasText => "score DESC, naamrang",
            _ => "naamrang",
        };
        sql.Append($" SELECT (SELECT count(*) FROM f WHERE {Where(null)}) AS total, ");
        sql.Append($"(SELECT json_agg(x) FROM (SELECT id, naam, samenvatting, aanbieder, km FROM f WHERE {Where(null)} ORDER BY {orderBy} LIMIT {perPagina} OFFSET {skip}) x) AS hits, ");
        sql.Append("(SELECT json_agg(c) FROM (");
        sql.Append(string.Join(" UNION ALL ", Facets.Select(facet =>
            $"SELECT '{facet}' AS facet, v, count(*) AS n FROM f, unnest(f.{facet}) v WHERE {Where(facet)} GROUP BY v")));
        sql.Append($" UNION ALL SELECT 'wanneer', 'open-nu', count(*) FROM f WHERE nr = ANY(@opennu) AND {Where(Facetten.Wanneer)}");
        sql.Append($" UNION ALL SELECT 'wanneer', 'deze-week', count(*) FROM f WHERE nr = ANY(@dezeweek) AND {Where(Facetten.Wanneer)}");
        sql.Append(") c) AS facets");
        cmd.Parameters.AddWithValue("opennu", Members(wanneer.OpenNu).ToArray());
        cmd.Parameters.AddWithValue("dezeweek", Members(wanneer.DezeWeek).ToArray());
        cmd.CommandText = sql.ToString();
        using (cmd)
        {
            using var reader = cmd.ExecuteReader();
            reader.Read();
            var total = (int)reader.GetInt64(0);
            _ = reader.IsDBNull(1) ? null : reader.GetString(1);
            _ = reader.IsDBNull(2) ? null : reader.GetString(2);
            return total;
        }
    }

    // plainto_tsquery drops stop words; a text of stop words only means: everything, as our engine does.
    private bool HasTerms(string tekst)
    {
        using var cmd = new NpgsqlCommand("SELECT numnode(plainto_tsquery('dutch', @t))", _connection);
        cmd.Parameters.AddWithValue("t", tekst);
        return (int)cmd.ExecuteScalar()! > 0;
    }

    private static IEnumerable<int> Members(ulong[] bits)
    {
        for (var w = 0; w < bits.Length; w++)
        {
            var word = bits[w];
            while (word != 0)
            {
                yield return (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _source.Dispose();
    }
}
