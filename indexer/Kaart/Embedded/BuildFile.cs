using System.Collections.Concurrent;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>
/// One build file, opened read-only: the stored documents, postings and columns on disk. Shared by every snapshot of
/// this build (the build and the updates applied to it). Connections are pooled; when a newer build replaces this one
/// it is retired and its connections close after its last search.
/// </summary>
internal sealed class BuildFile
{
    private readonly ConcurrentBag<SqliteConnection> _pool = [];
    private int _users;
    private volatile bool _retired;

    private BuildFile(string name, string path, Dictionary<string, byte[]> meta)
    {
        Name = name;
        Path = path;
        Meta = meta;
        ConnectionString = ConnectionStringFor(path);
        DocCodec = new Codec(meta.GetValueOrDefault("docdict") ?? []);
        TekstCodec = new Codec(meta.GetValueOrDefault("tekstdict") ?? []);
        BaseCount = int.Parse(Text("documenten"), System.Globalization.CultureInfo.InvariantCulture);
    }

    public string Name { get; }
    public string Path { get; }
    public string LogPath => IndexFormat.LogPath(Path);
    public string ConnectionString { get; }
    public Dictionary<string, byte[]> Meta { get; }
    public Codec DocCodec { get; }
    public Codec TekstCodec { get; }

    /// <summary>The number of aanbod in the build (numbers 0 to BaseCount - 1); updates number theirs after these.</summary>
    public int BaseCount { get; }

    public string Text(string key) => Encoding.UTF8.GetString(Meta[key]);

    public static string ConnectionStringFor(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    public static BuildFile Open(string path, string name)
    {
        if (!File.Exists(path))
        {
            throw new IndexNotFoundException($"Het zoekindex-bestand {path} ontbreekt. Bouw de index opnieuw.");
        }

        using var connection = new SqliteConnection(ConnectionStringFor(path));
        connection.Open();
        var meta = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT key, value FROM meta";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                meta[reader.GetString(0)] = reader.GetValue(1) switch
                {
                    byte[] b => b,
                    string s => Encoding.UTF8.GetBytes(s),
                    var v => Encoding.UTF8.GetBytes(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                };
            }
        }
        catch (SqliteException)
        {
            // Not an index of this engine (or a damaged one): reported below as an old format.
        }

        if (!meta.TryGetValue("schema", out var schema) || Encoding.UTF8.GetString(schema) != IndexFormat.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new IndexNotFoundException($"De zoekindex {path} heeft een oud formaat. Bouw de index opnieuw.");
        }

        return new BuildFile(name, path, meta);
    }

    public void Acquire() => Interlocked.Increment(ref _users);

    public void Release()
    {
        if (Interlocked.Decrement(ref _users) == 0 && _retired)
        {
            Drain();
        }
    }

    /// <summary>This build has been replaced: its connections close when its last search is done.</summary>
    public void Retire()
    {
        _retired = true;
        if (Volatile.Read(ref _users) == 0)
        {
            Drain();
        }
    }

    private void Drain()
    {
        while (_pool.TryTake(out var c))
        {
            c.Dispose();
        }
    }

    private T WithConnection<T>(Func<SqliteConnection, T> work)
    {
        if (!_pool.TryTake(out var connection))
        {
            connection = new SqliteConnection(ConnectionString);
            connection.Open();
            using var pragma = connection.CreateCommand();
            // Postings and documents are read once and kept (postings) or are small: a small page cache per connection.
            pragma.CommandText = "PRAGMA cache_size = -1024; PRAGMA mmap_size = 0;";
            pragma.ExecuteNonQuery();
        }

        try
        {
            return work(connection);
        }
        finally
        {
            if (_retired)
            {
                connection.Dispose();
            }
            else
            {
                _pool.Add(connection);
            }
        }
    }

    public byte[]? Column(string name) => WithConnection(c => Blob(c, "SELECT data FROM kolommen WHERE name = $k", name));

    public byte[]? Postings(string term) => WithConnection(c => Blob(c, "SELECT postings FROM termen WHERE term = $k", term));

    public (byte[] Doc, byte[] Tekst)? Document(int nr) => WithConnection<(byte[], byte[])?>(c =>
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT doc, tekst FROM docs WHERE nr = $k";
        cmd.Parameters.AddWithValue("$k", nr);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ((byte[])reader.GetValue(0), (byte[])reader.GetValue(1)) : null;
    });

    /// <summary>Every stored aanbod of the build in number order, with its internal fields (to fold the log into a new build).</summary>
    public List<StoredDocument> AllDocuments() => WithConnection(c =>
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT d.doc, d.tekst, i.doc FROM docs d LEFT JOIN intern i ON i.nr = d.nr ORDER BY d.nr";
        using var reader = cmd.ExecuteReader();
        var result = new List<StoredDocument>(BaseCount);
        while (reader.Read())
        {
            result.Add(new StoredDocument((byte[])reader.GetValue(0), (byte[])reader.GetValue(1), reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2)));
        }

        return result;
    });

    public byte[]? Tekst(int nr) => WithConnection(c => Blob(c, "SELECT tekst FROM docs WHERE nr = $k", nr));

    public byte[]? Intern(int nr) => WithConnection(c => Blob(c, "SELECT doc FROM intern WHERE nr = $k", nr));

    private static byte[]? Blob(SqliteConnection connection, string sql, object key)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as byte[];
    }
}

/// <summary>There is no (usable) index yet: build it first.</summary>
public sealed class IndexNotFoundException(string message) : Exception(message);
