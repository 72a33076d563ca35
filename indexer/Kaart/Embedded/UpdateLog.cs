using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>An aanbod that an update takes out (deleted, or the old version of a replaced one): what it had added up.</summary>
internal sealed record RemovedDocument(string Id, string[] Terms, long LengthHalf, string[] Words, string[] Stems, SuggestieBijdrage[] Suggesties);

/// <summary>An aanbod that an update adds (new, or the new version of a replaced one), analysed and stored.</summary>
internal sealed record AddedDocument(AnalysedDocument Analysis, byte[] Doc, byte[] Tekst, byte[]? Intern);

/// <summary>One update as readers apply it: first the removals, then the additions, as one step.</summary>
internal sealed record IndexChange(RemovedDocument[] Removed, AddedDocument[] Added);

/// <summary>
/// The log of updates next to a build file (<c>kaart-*.log.db</c>). The writer appends one row per update in one
/// transaction (WAL, synchronous=FULL: durable when the commit returns); readers, in this process or another, read the
/// rows after the last one they applied. A reader never sees half an update: a row is there whole or not at all.
/// </summary>
internal static class UpdateLog
{
    public static SqliteConnection OpenForWriting(string logPath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = logPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; " + IndexFormat.CreateLog;
        cmd.ExecuteNonQuery();
        return connection;
    }

    /// <summary>A read connection to the log, or null while there is none (no update since the build).</summary>
    public static SqliteConnection? OpenForReading(string logPath)
    {
        if (!File.Exists(logPath))
        {
            return null;
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = logPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        try
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM sqlite_schema WHERE name = 'wijzigingen'";
            if ((long)cmd.ExecuteScalar()! == 0)
            {
                connection.Dispose();
                return null;
            }

            return connection;
        }
        catch (SqliteException)
        {
            connection.Dispose();
            return null;
        }
    }

    public static long LastSeq(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT coalesce(max(seq), 0) FROM wijzigingen";
        return (long)cmd.ExecuteScalar()!;
    }

    public static List<(long Seq, IndexChange Change)> ReadAfter(SqliteConnection connection, long seq)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT seq, payload FROM wijzigingen WHERE seq > $s ORDER BY seq";
        cmd.Parameters.AddWithValue("$s", seq);
        using var reader = cmd.ExecuteReader();
        var result = new List<(long, IndexChange)>();
        while (reader.Read())
        {
            result.Add((reader.GetInt64(0), Decode((byte[])reader.GetValue(1))));
        }

        return result;
    }

    public static byte[] Encode(IndexChange change) => Codec.Plain.Compress(JsonSerializer.SerializeToUtf8Bytes(change, IndexFormat.Json));

    public static IndexChange Decode(byte[] payload) =>
        JsonSerializer.Deserialize<IndexChange>(Codec.Plain.Decompress(payload), IndexFormat.Json)
        ?? throw new InvalidDataException("Een wijziging in de zoekindex is leeg.");

    /// <summary>The newest stored version of an aanbod changed since the build: (null, null) when it was deleted, null when the log does not have it.</summary>
    public static (StoredDocument? Document, bool Known) Find(SqliteConnection connection, string id)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT doc, tekst, intern FROM documenten WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
        {
            return (null, false);
        }

        return reader.IsDBNull(0)
            ? (null, true)
            : (new StoredDocument((byte[])reader.GetValue(0), (byte[])reader.GetValue(1), reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2)), true);
    }

    /// <summary>Appends one update in one durable transaction and returns its number.</summary>
    public static long Append(SqliteConnection connection, IndexChange change)
    {
        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO wijzigingen(payload) VALUES ($p) RETURNING seq";
        insert.Parameters.AddWithValue("$p", Encode(change));
        var seq = (long)insert.ExecuteScalar()!;

        using var doc = connection.CreateCommand();
        doc.Transaction = tx;
        doc.CommandText = "INSERT OR REPLACE INTO documenten(id, doc, tekst, intern) VALUES ($id, $doc, $tekst, $intern)";
        var id = doc.Parameters.Add("$id", SqliteType.Text);
        var d = doc.Parameters.Add("$doc", SqliteType.Blob);
        var t = doc.Parameters.Add("$tekst", SqliteType.Blob);
        var i = doc.Parameters.Add("$intern", SqliteType.Blob);
        foreach (var removed in change.Removed)
        {
            id.Value = removed.Id;
            d.Value = DBNull.Value;
            t.Value = DBNull.Value;
            i.Value = DBNull.Value;
            doc.ExecuteNonQuery();
        }

        foreach (var added in change.Added)
        {
            id.Value = added.Analysis.Id;
            d.Value = added.Doc;
            t.Value = added.Tekst;
            i.Value = (object?)added.Intern ?? DBNull.Value;
            doc.ExecuteNonQuery();
        }

        tx.Commit();
        return seq;
    }
}
