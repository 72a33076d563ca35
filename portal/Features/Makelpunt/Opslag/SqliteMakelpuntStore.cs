using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;
using SocialeKaart.Portal.Features.Berichten;
using SocialeKaart.Portal.Features.Stuurinformatie;

namespace SocialeKaart.Portal.Features.Makelpunt.Opslag;

/// <summary>
/// The makelpunt store in one SQLite file (the embedded default of DESIGN.md). WAL with synchronous=FULL: a commit
/// is on disk before a method returns. All writes go through one writer connection behind a semaphore, so
/// concurrent writers queue in memory instead of sleeping in SQLite's busy handler: for 16 parallel
/// <see cref="OntvangAsync"/> calls that gave p95 7–9 ms against 9–15 ms with pooled writers and BEGIN IMMEDIATE
/// (p99 9–14 against 10–37 ms, half the throughput). Reads use pooled read-only connections and see the last
/// committed state. A melding is kept as one JSON document
/// (the <see cref="Melding"/> record) plus the columns the queue filters and sorts on, recomputed on every change.
/// </summary>
/// <remarks>
/// A sent concept keeps its row (without answers: those now live in the melding only) so a retry returns the first
/// receipt and the confirmation page can show the status link; <see cref="BewaarConceptAsync"/> leaves a sent
/// concept alone and <see cref="ConceptAsync"/> no longer returns it, so the wizard must start a new concept id
/// after sending.
/// </remarks>
public sealed partial class SqliteMakelpuntStore : IMakelpuntStore, IDisposable
{
    /// <summary>The schema this code creates and reads (PRAGMA user_version).</summary>
    public const int SchemaVersie = 3;

    public const int PerPagina = 25;

    /// <summary>How many meldingen one anonymisation transaction handles; submitters wait at most one batch.</summary>
    private const int AnonimiseerBatch = 100;

    private const string Open = "status NOT IN ('Afgesloten', 'Geanonimiseerd')";

    private const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS meldingen (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            referentie TEXT NOT NULL UNIQUE,
            concept_id TEXT NOT NULL UNIQUE,
            status_token_hash TEXT NOT NULL UNIQUE,
            ontvangen TEXT NOT NULL,
            status TEXT NOT NULL,
            team TEXT NOT NULL,
            urgent INTEGER NOT NULL,
            volgende_termijn TEXT NULL,
            afgesloten_op TEXT NULL,
            versie INTEGER NOT NULL,
            data TEXT NOT NULL,
            verwijzer_id TEXT NULL,
            behandelaar_id TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS meldingen_wachtrij ON meldingen (urgent DESC, volgende_termijn, ontvangen, id)
            WHERE status NOT IN ('Afgesloten', 'Geanonimiseerd');
        CREATE INDEX IF NOT EXISTS meldingen_afgesloten ON meldingen (status, afgesloten_op);

        CREATE TABLE IF NOT EXISTS concepten (
            id TEXT PRIMARY KEY,
            antwoorden TEXT NULL,
            stap INTEGER NOT NULL,
            gewijzigd TEXT NOT NULL,
            melding_id INTEGER NULL REFERENCES meldingen (id),
            status_token TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS concepten_gewijzigd ON concepten (gewijzigd);
        CREATE INDEX IF NOT EXISTS concepten_melding ON concepten (melding_id) WHERE melding_id IS NOT NULL;

        CREATE TABLE IF NOT EXISTS audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            op TEXT NOT NULL,
            wie_id TEXT NULL,
            wie_naam TEXT NULL,
            melding_id INTEGER NOT NULL REFERENCES meldingen (id),
            actie TEXT NOT NULL,
            tekst TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS audit_melding ON audit (melding_id, id);

        CREATE TABLE IF NOT EXISTS dit_helpt (
            dag TEXT NOT NULL,
            levensdomein TEXT NOT NULL,
            aantal INTEGER NOT NULL,
            PRIMARY KEY (dag, levensdomein)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS overdrachten (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            melding_id INTEGER NOT NULL REFERENCES meldingen (id),
            aanbieder_id TEXT NOT NULL,
            status TEXT NOT NULL,
            op TEXT NOT NULL,
            versie INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS overdrachten_aanbieder ON overdrachten (aanbieder_id, id);
        CREATE INDEX IF NOT EXISTS overdrachten_melding ON overdrachten (melding_id, id);

        -- The outbox: a message is written in the same transaction as the change it tells about, and sent later.
        -- Address and text are personal data: removed once the mail server has the message.
        CREATE TABLE IF NOT EXISTS uitgaand (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            melding_id INTEGER NULL REFERENCES meldingen (id),
            aangemaakt TEXT NOT NULL,
            aan TEXT NULL,
            onderwerp TEXT NOT NULL,
            tekst TEXT NULL,
            pogingen INTEGER NOT NULL DEFAULT 0,
            volgende_poging TEXT NULL,
            verzonden_op TEXT NULL,
            laatste_fout TEXT NULL,
            geclaimd_tot TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS uitgaand_wachtend ON uitgaand (volgende_poging, id) WHERE verzonden_op IS NULL AND volgende_poging IS NOT NULL;

        -- "Klopt er iets niet?": reports on aanbod, nothing personal asked; deleted some time after closing.
        CREATE TABLE IF NOT EXISTS terugmeldingen (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            aanbod_id TEXT NOT NULL,
            aanbieder_id TEXT NOT NULL,
            op TEXT NOT NULL,
            gesloten_op TEXT NULL,
            data TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS terugmeldingen_open ON terugmeldingen (aanbieder_id, id) WHERE gesloten_op IS NULL;

        -- When a reminder (to an organisation account) last went to the outbox, so it is not sent every day.
        CREATE TABLE IF NOT EXISTS herinneringen (
            sleutel TEXT PRIMARY KEY,
            laatst TEXT NOT NULL
        ) WITHOUT ROWID;

        -- Normalised words of searches without results, per ISO week: never the query, never anything personal.
        CREATE TABLE IF NOT EXISTS zoektermen (
            week TEXT NOT NULL,
            term TEXT NOT NULL,
            aantal INTEGER NOT NULL,
            PRIMARY KEY (week, term)
        ) WITHOUT ROWID;
        """;

    private readonly string _leesVerbinding;
    private readonly SqliteConnection _schrijver;
    private readonly SemaphoreSlim _schrijfslot = new(1, 1);
    private readonly TimeSpan _wisNa;
    private readonly MeldingBerichten? _berichten;
    private readonly CancellationTokenSource _stop = new();
    private int _wisGepland;
    private int _gesloten;
    private Task _wissen = Task.CompletedTask;

    /// <param name="bestand">The database file.</param>
    /// <param name="wisNa">How soon after a change the write-ahead log is emptied (see <see cref="WisLogAsync"/>).</param>
    /// <param name="berichten">Composes the messages to the inwoner; null: none are written (tests of other things).</param>
    public SqliteMakelpuntStore(string bestand, TimeSpan? wisNa = null, MeldingBerichten? berichten = null)
    {
        _wisNa = wisNa ?? StandaardWisNa;
        _berichten = berichten;
        ArgumentException.ThrowIfNullOrWhiteSpace(bestand);
        bestand = Path.GetFullPath(bestand);
        Directory.CreateDirectory(Path.GetDirectoryName(bestand)!);
        Bestand = bestand;

        _schrijver = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = bestand,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        _leesVerbinding = new SqliteConnectionStringBuilder
        {
            DataSource = bestand,
            Mode = SqliteOpenMode.ReadOnly, // the writer connection exists first and keeps the -wal and -shm files in place
            Pooling = true,
        }.ToString();

        try
        {
            _schrijver.Open();
            Voer(_schrijver, null, "PRAGMA journal_mode = WAL;"); // persistent in the file: every later connection is WAL too
            // Overwrite deleted content: anonymised answers and notes must not linger in free pages of the file.
            Voer(_schrijver, null, Pragmas + " PRAGMA secure_delete = ON;");
            MaakSchema();
        }
        catch
        {
            _schrijver.Dispose();
            throw;
        }
    }

    /// <summary>The full path of the database file.</summary>
    public string Bestand { get; }

    /// <summary>The longest a replaced or deleted answer stays in the write-ahead log (README, "Security").</summary>
    public static readonly TimeSpan StandaardWisNa = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Empties the write-ahead log: a TRUNCATE checkpoint copies the last version of each page into the database file
    /// (where secure_delete has already overwritten what was deleted) and truncates the log to zero bytes. Until then
    /// the log still holds every earlier version of a page — a deleted concept, an answer the inwoner changed, the
    /// answers before anonymisation. So after every change this runs within <see cref="StandaardWisNa"/>, in the
    /// background, and once more when the store is closed. False when readers kept it from finishing (it is tried again).
    /// </summary>
    public async Task<bool> WisLogAsync(CancellationToken cancellationToken = default)
    {
        await _schrijfslot.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return WisLog();
        }
        finally
        {
            _schrijfslot.Release();
        }
    }

    private bool WisLog()
    {
        using var cmd = Opdracht(_schrijver, null, "PRAGMA wal_checkpoint(TRUNCATE)");
        using var r = cmd.ExecuteReader();
        return r.Read() && r.GetInt32(0) == 0; // busy = 0: every frame copied and the log truncated
    }

    /// <summary>Plans one <see cref="WisLogAsync"/> after the last change; changes in the meantime share it.</summary>
    private void PlanWissen()
    {
        if (Interlocked.Exchange(ref _wisGepland, 1) == 1 || _stop.IsCancellationRequested)
        {
            return;
        }

        _wissen = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(_wisNa, _stop.Token).ConfigureAwait(false);
                Volatile.Write(ref _wisGepland, 0);
                if (!await WisLogAsync(_stop.Token).ConfigureAwait(false))
                {
                    PlanWissen();
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SqliteException or ObjectDisposedException)
            {
                // Closing the store empties the log itself; a failed round is retried after the next change.
                Volatile.Write(ref _wisGepland, 0);
            }
        });
    }

    public Task<MeldingConcept?> ConceptAsync(string conceptId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Lees(c =>
        {
            using var cmd = Opdracht(c, null, "SELECT antwoorden, stap, gewijzigd FROM concepten WHERE id = @id AND melding_id IS NULL",
                ("@id", conceptId));
            using var r = cmd.ExecuteReader();
            return r.Read()
                ? new MeldingConcept(conceptId, Ontleed(r.GetString(0), MakelpuntJson.Default.MeldingAntwoorden), r.GetInt32(1), Tijd(r.GetString(2)))
                : null;
        }));

    public Task BewaarConceptAsync(MeldingConcept concept, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(concept);
        ArgumentException.ThrowIfNullOrEmpty(concept.Id);
        return SchrijfAsync((c, tx) => Voer(c, tx, """
            INSERT INTO concepten (id, antwoorden, stap, gewijzigd) VALUES (@id, @antwoorden, @stap, @gewijzigd)
            ON CONFLICT (id) DO UPDATE SET antwoorden = excluded.antwoorden, stap = excluded.stap, gewijzigd = excluded.gewijzigd
            WHERE concepten.melding_id IS NULL
            """,
            ("@id", concept.Id),
            ("@antwoorden", JsonSerializer.Serialize(concept.Antwoorden, MakelpuntJson.Default.MeldingAntwoorden)),
            ("@stap", concept.Stap),
            ("@gewijzigd", Tijd(concept.Gewijzigd))), cancellationToken);
    }

    public Task VerwijderConceptAsync(string conceptId, CancellationToken cancellationToken = default) =>
        SchrijfAsync((c, tx) => Voer(c, tx, "DELETE FROM concepten WHERE id = @id", ("@id", conceptId)), cancellationToken);

    public Task<Ontvangst> OntvangAsync(string conceptId, NieuweMelding melding, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conceptId);
        ArgumentNullException.ThrowIfNull(melding);
        ArgumentException.ThrowIfNullOrEmpty(melding.StatusToken);

        return SchrijfAsync((c, tx) =>
        {
            // The concept id is the idempotency key for the life of the melding, also after the concept row is cleaned up.
            if (EerdereOntvangst(c, tx, conceptId) is { } eerder)
            {
                return eerder;
            }

            // Inside BEGIN IMMEDIATE nobody else can take this id, so the reference can be part of the one insert.
            var id = Scalar<long>(c, tx, "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'meldingen'), 0) + 1");
            var referentie = $"SK-{Termijnen.Ontvangstdatum(melding.Ontvangen).Year}-{id:D5}";
            var nieuw = new Melding(id, referentie, melding.Ontvangen, melding.Antwoorden, melding.Besluit, melding.Termijnen,
                MeldingStatus.Nieuw, Versie: 1);

            Voer(c, tx, """
                INSERT INTO meldingen (id, referentie, concept_id, status_token_hash, ontvangen, status, team, urgent,
                                       volgende_termijn, afgesloten_op, versie, data, verwijzer_id, behandelaar_id)
                VALUES (@id, @referentie, @concept, @hash, @ontvangen, @status, @team, @urgent, @termijn, @afgesloten, @versie, @data,
                        @verwijzer, @behandelaar)
                """,
                [("@referentie", referentie), ("@concept", conceptId), ("@hash", Hash(melding.StatusToken)),
                    ("@ontvangen", Tijd(melding.Ontvangen)), .. Kolommen(nieuw)]);

            Voer(c, tx, """
                INSERT INTO concepten (id, antwoorden, stap, gewijzigd, melding_id, status_token)
                VALUES (@id, NULL, 0, @gewijzigd, @melding, @token)
                ON CONFLICT (id) DO UPDATE SET antwoorden = NULL, gewijzigd = excluded.gewijzigd,
                    melding_id = excluded.melding_id, status_token = excluded.status_token
                """,
                ("@id", conceptId), ("@gewijzigd", Tijd(melding.Ontvangen)), ("@melding", id), ("@token", melding.StatusToken));

            Audit(c, tx, id, melding.Ontvangen, wie: null, "Ontvangen");
            if (_berichten?.BijOntvangst(nieuw, melding.StatusToken) is { } bericht)
            {
                ZetInPostvak(c, tx, id, bericht, melding.Ontvangen);
            }

            return new Ontvangst(id, referentie, melding.StatusToken, melding.Termijnen, Nieuw: true);
        }, cancellationToken);
    }

    public Task<Ontvangst?> OntvangstAsync(string conceptId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Lees(c =>
        {
            using var cmd = Opdracht(c, null, """
                SELECT m.data, k.status_token FROM concepten k JOIN meldingen m ON m.id = k.melding_id WHERE k.id = @id
                """, ("@id", conceptId));
            using var r = cmd.ExecuteReader();
            return r.Read() ? Ontvangst(Melding(r.GetString(0)), r.IsDBNull(1) ? "" : r.GetString(1)) : null;
        }));

    public Task<MeldingStatusInfo?> StatusAsync(string statusToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(statusToken))
        {
            return Task.FromResult<MeldingStatusInfo?>(null);
        }

        return Task.FromResult(Lees(c =>
        {
            using var cmd = Opdracht(c, null, "SELECT data FROM meldingen WHERE status_token_hash = @hash", ("@hash", Hash(statusToken)));
            if (cmd.ExecuteScalar() is not string data)
            {
                return null;
            }

            var m = Melding(data);
            return MeldingStatusInfo.Van(m, LaatsteOverdrachtStatus(c, null, m.Id));
        }));
    }

    public Task<Wachtrij> WachtrijAsync(WachtrijFilter filter, DateOnly vandaag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var pagina = Math.Max(1, filter.Pagina);
        const string Waar = $"""
            WHERE (@referentie IS NOT NULL OR (@afgesloten = 0 AND {Open}) OR (@afgesloten = 1 AND NOT {Open}))
              AND (@referentie IS NULL OR referentie = @referentie)
              AND (@behandelaar IS NULL OR behandelaar_id = @behandelaar)
              AND (@team IS NULL OR team = @team)
              AND (@status IS NULL OR status = @status)
              AND (@urgent = 0 OR urgent = 1)
              AND (@telaat = 0 OR volgende_termijn < @vandaag)
            """;
        (string, object?)[] parameters =
        [
            ("@team", filter.Team), ("@status", filter.Status?.ToString()), ("@urgent", filter.AlleenUrgent),
            ("@telaat", filter.AlleenTeLaat), ("@vandaag", Datum(vandaag)), ("@referentie", filter.Referentie),
            ("@behandelaar", filter.Behandelaar), ("@afgesloten", filter.Afgesloten),
        ];
        var volgorde = filter.Afgesloten ? "afgesloten_op DESC, id DESC" : "urgent DESC, volgende_termijn ASC, ontvangen ASC, id ASC";

        return Task.FromResult(Lees(c =>
        {
            // One read transaction: the count and the page come from the same snapshot.
            using var tx = c.BeginTransaction(deferred: true);
            var totaal = (int)Scalar<long>(c, tx, $"SELECT count(*) FROM meldingen {Waar}", parameters);
            using var cmd = Opdracht(c, tx, $"""
                SELECT data FROM meldingen {Waar}
                ORDER BY {volgorde}
                LIMIT @aantal OFFSET @overslaan
                """, [.. parameters, ("@aantal", PerPagina), ("@overslaan", (long)(pagina - 1) * PerPagina)]);
            var meldingen = new List<Melding>(PerPagina);
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    meldingen.Add(Melding(r.GetString(0)));
                }
            }

            tx.Commit();
            return new Wachtrij(meldingen, totaal, pagina, PerPagina);
        }));
    }

    public Task<Melding?> BekijkAsync(long id, Medewerker wie, DateTimeOffset nu, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wie);
        return SchrijfAsync((c, tx) =>
        {
            var melding = LaadMelding(c, tx, id);
            if (melding is not null)
            {
                Audit(c, tx, id, nu, wie, Gebeurtenis.Bekeken);
            }

            return melding;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Gebeurtenis>> GeschiedenisAsync(long id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Lees<IReadOnlyList<Gebeurtenis>>(c =>
        {
            using var cmd = Opdracht(c, null, "SELECT op, wie_id, wie_naam, actie, tekst FROM audit WHERE melding_id = @id ORDER BY id",
                ("@id", id));
            using var r = cmd.ExecuteReader();
            var lijst = new List<Gebeurtenis>();
            while (r.Read())
            {
                // No wie_id: the melder (Ontvangen) or the system (Geanonimiseerd).
                var wie = r.IsDBNull(1) ? null : new Medewerker(r.GetString(1), r.IsDBNull(2) ? "" : r.GetString(2));
                lijst.Add(new Gebeurtenis(Tijd(r.GetString(0)), wie, r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
            }

            return lijst;
        }));

    public Task<Resultaat?> VoerUitAsync(long id, int versie, Handeling handeling, Medewerker wie, DateTimeOffset nu,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handeling);
        ArgumentNullException.ThrowIfNull(wie);
        return SchrijfAsync<Resultaat?>((c, tx) =>
        {
            var melding = LaadMelding(c, tx, id);
            if (melding is null)
            {
                return null;
            }

            if (melding.Versie != versie)
            {
                return new Resultaat(null, "De melding is intussen gewijzigd door iemand anders. Bekijk hem opnieuw.");
            }

            var resultaat = Behandeling.Pas(melding, handeling, wie, nu);
            if (resultaat.Melding is { } nieuw)
            {
                var voor = MeldingStatusInfo.Van(melding, LaatsteOverdrachtStatus(c, tx, id));
                WerkBij(c, tx, nieuw);
                Audit(c, tx, id, nu, wie, handeling.Actie, handeling.Tekst);
                if (handeling is Doorverwijzen { AanbiederId.Length: > 0 } d)
                {
                    MaakOverdracht(c, tx, nieuw, d, nu);
                }

                Bericht(c, tx, nieuw, voor, MeldingStatusInfo.Van(nieuw, LaatsteOverdrachtStatus(c, tx, id)), nu);
            }

            return resultaat;
        }, cancellationToken);
    }

    public Task TelDitHelptAsync(IReadOnlyList<string> levensdomeinen, DateOnly dag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(levensdomeinen);
        var domeinen = levensdomeinen.Count == 0 ? ["onbekend"] : levensdomeinen.Distinct(StringComparer.Ordinal).ToArray();
        return SchrijfAsync((c, tx) =>
        {
            foreach (var domein in domeinen)
            {
                Voer(c, tx, """
                    INSERT INTO dit_helpt (dag, levensdomein, aantal) VALUES (@dag, @domein, 1)
                    ON CONFLICT (dag, levensdomein) DO UPDATE SET aantal = aantal + 1
                    """, ("@dag", Datum(dag)), ("@domein", domein));
            }

            return 0;
        }, cancellationToken);
    }

    public async Task<int> AnonimiseerAsync(DateTimeOffset afgeslotenVoor, DateTimeOffset nu, CancellationToken cancellationToken = default)
    {
        var totaal = 0;
        int aantal;
        do
        {
            // Batches, each its own transaction: a large backlog never holds the writer long.
            aantal = await SchrijfAsync((c, tx) =>
            {
                var meldingen = new List<Melding>();
                using (var cmd = Opdracht(c, tx, """
                    SELECT data FROM meldingen WHERE status = 'Afgesloten' AND afgesloten_op < @voor ORDER BY id LIMIT @aantal
                    """, ("@voor", Tijd(afgeslotenVoor)), ("@aantal", AnonimiseerBatch)))
                using (var r = cmd.ExecuteReader())
                {
                    while (r.Read())
                    {
                        meldingen.Add(Melding(r.GetString(0)));
                    }
                }

                foreach (var m in meldingen)
                {
                    // Staff names stay: they are not the inwoner's data, and the audit log must show who saw what.
                    WerkBij(c, tx, m with
                    {
                        Antwoorden = Anoniem(m.Antwoorden),
                        Status = MeldingStatus.Geanonimiseerd,
                        Versie = m.Versie + 1,
                    });
                    Voer(c, tx, "UPDATE audit SET tekst = NULL WHERE melding_id = @id AND tekst IS NOT NULL", ("@id", m.Id));
                    Voer(c, tx, "DELETE FROM concepten WHERE melding_id = @id", ("@id", m.Id));
                    AnonimiseerOverdrachten(c, tx, m.Id);
                    Voer(c, tx, "UPDATE uitgaand SET aan = NULL, tekst = NULL, volgende_poging = NULL WHERE melding_id = @id", ("@id", m.Id));
                    Audit(c, tx, m.Id, nu, wie: null, "Geanonimiseerd", wieNaam: "systeem");
                }

                return meldingen.Count;
            }, cancellationToken).ConfigureAwait(false);
            totaal += aantal;
        }
        while (aantal == AnonimiseerBatch);

        // Reports on aanbod, closed before the same retention: their free text may hold something personal.
        totaal += await SchrijfAsync((c, tx) => Voer(c, tx, "DELETE FROM terugmeldingen WHERE gesloten_op IS NOT NULL AND gesloten_op < @voor",
            ("@voor", Tijd(afgeslotenVoor))), cancellationToken).ConfigureAwait(false);
        if (totaal > 0)
        {
            await WisLogAsync(cancellationToken).ConfigureAwait(false);
        }

        return totaal;
    }

    public Task<IReadOnlyList<MeldingKengetal>> KengetallenAsync(DateTimeOffset van, DateTimeOffset tot, CancellationToken cancellationToken = default) =>
        Task.FromResult(Lees<IReadOnlyList<MeldingKengetal>>(c =>
        {
            using var cmd = Opdracht(c, null, "SELECT data FROM meldingen WHERE ontvangen >= @van AND ontvangen < @tot ORDER BY id",
                ("@van", Tijd(van)), ("@tot", Tijd(tot)));
            using var r = cmd.ExecuteReader();
            var lijst = new List<MeldingKengetal>();
            while (r.Read())
            {
                lijst.Add(MeldingKengetal.Van(Melding(r.GetString(0))));
            }

            return lijst;
        }));

    public Task<IReadOnlyList<DitHelptTelling>> DitHelptAsync(DateOnly van, DateOnly tot, CancellationToken cancellationToken = default) =>
        Task.FromResult(Lees<IReadOnlyList<DitHelptTelling>>(c =>
        {
            using var cmd = Opdracht(c, null, "SELECT dag, levensdomein, aantal FROM dit_helpt WHERE dag >= @van AND dag <= @tot ORDER BY dag, levensdomein",
                ("@van", Datum(van)), ("@tot", Datum(tot)));
            using var r = cmd.ExecuteReader();
            var lijst = new List<DitHelptTelling>();
            while (r.Read())
            {
                lijst.Add(new(DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetString(1), r.GetInt32(2)));
            }

            return lijst;
        }));

    public Task TelZoektermenAsync(IReadOnlyList<string> termen, string week, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(termen);
        ArgumentException.ThrowIfNullOrEmpty(week);
        return termen.Count == 0 ? Task.CompletedTask : SchrijfAsync((c, tx) =>
        {
            foreach (var term in termen.Distinct(StringComparer.Ordinal))
            {
                Voer(c, tx, """
                    INSERT INTO zoektermen (week, term, aantal) VALUES (@week, @term, 1)
                    ON CONFLICT (week, term) DO UPDATE SET aantal = aantal + 1
                    """, ("@week", week), ("@term", term));
            }

            return 0;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ZoektermTelling>> ZoektermenAsync(string vanWeek, string totWeek, CancellationToken cancellationToken = default) =>
        Task.FromResult(Lees<IReadOnlyList<ZoektermTelling>>(c =>
        {
            using var cmd = Opdracht(c, null, "SELECT week, term, aantal FROM zoektermen WHERE week >= @van AND week <= @tot ORDER BY week, term",
                ("@van", vanWeek), ("@tot", totWeek));
            using var r = cmd.ExecuteReader();
            var lijst = new List<ZoektermTelling>();
            while (r.Read())
            {
                lijst.Add(new(r.GetString(0), r.GetString(1), r.GetInt32(2)));
            }

            return lijst;
        }));

    public Task<bool> BereikbaarAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Lees(c => Scalar<long>(c, null, "SELECT count(*) FROM sqlite_master WHERE name = 'meldingen'") == 1));

    public Task<int> RuimConceptenOpAsync(DateTimeOffset ouderDan, CancellationToken cancellationToken = default) =>
        SchrijfAsync((c, tx) => Voer(c, tx, "DELETE FROM concepten WHERE gewijzigd < @voor", ("@voor", Tijd(ouderDan))), cancellationToken);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _gesloten, 1) == 1)
        {
            return;
        }

        _stop.Cancel();

        // Every write and every background wipe is done: the writer is ours alone from here on.
        var eigen = _schrijfslot.Wait(TimeSpan.FromSeconds(30));
        using (var lezer = new SqliteConnection(_leesVerbinding))
        {
            SqliteConnection.ClearPool(lezer);
        }

        // With the readers closed first, the writer is the last connection: the log is emptied and, on close, removed.
        for (var poging = 0; poging < 20; poging++)
        {
            try
            {
                if (WisLog())
                {
                    break;
                }
            }
            catch (SqliteException)
            {
            }

            Thread.Sleep(50);
        }

        _schrijver.Dispose();
        if (eigen)
        {
            _schrijfslot.Release();
        }

        _stop.Dispose();
    }

    /// <summary>Only what statistics need: soort, levensdomeinen, niet pluis and urgency; every text empty, every consent false.</summary>
    internal static MeldingAntwoorden Anoniem(MeldingAntwoorden a) => new()
    {
        Soort = a.Soort,
        Levensdomeinen = a.Levensdomeinen,
        NietPluis = a.NietPluis,
        Urgentie = a.Urgentie,
        Verwijzer = a.Verwijzer, // the organisation's account, not the inwoner's data: "mijn verwijzingen" keeps working
    };

    /// <summary>Runs <paramref name="werk"/> on the writer connection in one BEGIN IMMEDIATE transaction and commits.
    /// Cancellation counts only while waiting for the writer: once the work runs, it commits.</summary>
    internal async Task<T> SchrijfAsync<T>(Func<SqliteConnection, SqliteTransaction, T> werk, CancellationToken cancellationToken)
    {
        await _schrijfslot.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var tx = _schrijver.BeginTransaction(deferred: false); // BEGIN IMMEDIATE
            var resultaat = werk(_schrijver, tx);
            tx.Commit();
            PlanWissen();
            return resultaat;
        }
        finally
        {
            _schrijfslot.Release();
        }
    }

    /// <summary>Runs <paramref name="werk"/> on a pooled read connection.</summary>
    internal T Lees<T>(Func<SqliteConnection, T> werk)
    {
        using var c = new SqliteConnection(_leesVerbinding);
        c.Open();
        Voer(c, null, Pragmas);
        return werk(c);
    }

    private void MaakSchema()
    {
        var versie = Scalar<long>(_schrijver, null, "PRAGMA user_version");
        if (versie > SchemaVersie)
        {
            throw new InvalidOperationException(
                $"Het makelpuntbestand {Bestand} heeft schemaversie {versie}; deze versie van het portaal kent alleen {SchemaVersie}.");
        }

        using var tx = _schrijver.BeginTransaction(deferred: false);
        if (versie == 1)
        {
            // Version 2: the columns "mijn meldingen" and "mijn verwijzingen" filter on, filled from the JSON.
            Voer(_schrijver, tx, """
                ALTER TABLE meldingen ADD COLUMN verwijzer_id TEXT NULL;
                ALTER TABLE meldingen ADD COLUMN behandelaar_id TEXT NULL;
                UPDATE meldingen SET verwijzer_id = json_extract(data, '$.Antwoorden.Verwijzer.AccountId'),
                                     behandelaar_id = json_extract(data, '$.Behandelaar.Id');
                """);
        }

        if (versie is 1 or 2 && Scalar<long>(_schrijver, tx, "SELECT count(*) FROM sqlite_master WHERE name = 'uitgaand'") == 1)
        {
            // Version 3: a claimed message (being sent by a Postbode) is not given to another round.
            Voer(_schrijver, tx, "ALTER TABLE uitgaand ADD COLUMN geclaimd_tot TEXT NULL;");
        }

        Voer(_schrijver, tx, Schema);
        Voer(_schrijver, tx, """
            CREATE INDEX IF NOT EXISTS meldingen_verwijzer ON meldingen (verwijzer_id, id) WHERE verwijzer_id IS NOT NULL;
            CREATE INDEX IF NOT EXISTS meldingen_behandelaar ON meldingen (behandelaar_id) WHERE behandelaar_id IS NOT NULL;
            """);
        Voer(_schrijver, tx, $"PRAGMA user_version = {SchemaVersie};");
        tx.Commit();
    }

    private static Ontvangst? EerdereOntvangst(SqliteConnection c, SqliteTransaction tx, string conceptId)
    {
        using var cmd = Opdracht(c, tx, """
            SELECT m.data, k.status_token FROM meldingen m LEFT JOIN concepten k ON k.melding_id = m.id WHERE m.concept_id = @id
            """, ("@id", conceptId));
        using var r = cmd.ExecuteReader();

        // Without the concept row the plain token is gone (only its hash is kept): the receipt has an empty token then.
        return r.Read() ? Ontvangst(Melding(r.GetString(0)), r.IsDBNull(1) ? "" : r.GetString(1)) : null;
    }

    private static Ontvangst Ontvangst(Melding m, string token) => new(m.Id, m.Referentie, token, m.Termijnen, Nieuw: false);

    private static Melding? LaadMelding(SqliteConnection c, SqliteTransaction tx, long id)
    {
        using var cmd = Opdracht(c, tx, "SELECT data FROM meldingen WHERE id = @id", ("@id", id));
        return cmd.ExecuteScalar() is string data ? Melding(data) : null;
    }

    private static void WerkBij(SqliteConnection c, SqliteTransaction tx, Melding m) =>
        Voer(c, tx, """
            UPDATE meldingen SET status = @status, team = @team, urgent = @urgent, volgende_termijn = @termijn,
                afgesloten_op = @afgesloten, versie = @versie, data = @data, verwijzer_id = @verwijzer, behandelaar_id = @behandelaar
            WHERE id = @id
            """, Kolommen(m));

    /// <summary>The columns derived from a melding, recomputed on every write so they never disagree with its JSON.</summary>
    private static (string, object?)[] Kolommen(Melding m) =>
    [
        ("@id", m.Id),
        ("@status", m.Status.ToString()),
        ("@team", m.Besluit.Team),
        ("@urgent", m.Besluit.Urgent),
        ("@termijn", m.EerstvolgendeTermijn is { } t ? Datum(t) : null),
        ("@afgesloten", m.AfgeslotenOp is { } a ? Tijd(a) : null),
        ("@versie", m.Versie),
        ("@data", JsonSerializer.Serialize(m, MakelpuntJson.Default.Melding)),
        ("@verwijzer", m.Antwoorden.Verwijzer?.AccountId),
        ("@behandelaar", m.Behandelaar?.Id),
    ];

    private static void Audit(SqliteConnection c, SqliteTransaction tx, long meldingId, DateTimeOffset op, Medewerker? wie, string actie,
        string? tekst = null, string? wieNaam = null) =>
        Voer(c, tx, """
            INSERT INTO audit (op, wie_id, wie_naam, melding_id, actie, tekst) VALUES (@op, @wieId, @wieNaam, @melding, @actie, @tekst)
            """,
            ("@op", Tijd(op)), ("@wieId", wie?.Id), ("@wieNaam", wie?.Naam ?? wieNaam), ("@melding", meldingId), ("@actie", actie),
            ("@tekst", tekst));

    private static Melding Melding(string data) => Ontleed(data, MakelpuntJson.Default.Melding);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    // Instants as fixed-width UTC text, so text order is time order; the original offset stays in the JSON.
    private static string Tijd(DateTimeOffset tijd) =>
        tijd.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Tijd(string tekst) =>
        DateTimeOffset.ParseExact(tekst, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Datum(DateOnly datum) => datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SqliteCommand Opdracht(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Naam, object? Waarde)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (naam, waarde) in parameters)
        {
            cmd.Parameters.AddWithValue(naam, waarde ?? DBNull.Value);
        }

        return cmd;
    }

    private static int Voer(SqliteConnection c, SqliteTransaction? tx, string sql, params (string, object?)[] parameters)
    {
        using var cmd = Opdracht(c, tx, sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection c, SqliteTransaction? tx, string sql, params (string, object?)[] parameters)
    {
        using var cmd = Opdracht(c, tx, sql, parameters);
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static T Ontleed<T>(string json, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidDataException("Lege JSON in het makelpuntbestand.");
}

/// <summary>The JSON of a stored melding and concept: enums as names, computed properties left out.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, IgnoreReadOnlyProperties = true)]
[JsonSerializable(typeof(Melding))]
[JsonSerializable(typeof(MeldingAntwoorden))]
[JsonSerializable(typeof(Overdracht))]
[JsonSerializable(typeof(Terugmelden.Terugmelding))]
internal sealed partial class MakelpuntJson : JsonSerializerContext;
