using System.Text.Json;
using Microsoft.Data.Sqlite;
using SocialeKaart.Portal.Features.Berichten;

namespace SocialeKaart.Portal.Features.Makelpunt.Opslag;

/// <summary>The store's second job: what organisations see — their own verwijzingen, handovers to their aanbod — and
/// the outbox of messages to inwoners. Same file, same transactions as the meldingen they belong to.</summary>
public sealed partial class SqliteMakelpuntStore
{
    private const int MaxPostvakRegels = 200;

    public Task<IReadOnlyList<VerwijzingVoortgang>> VerwijzingenVanAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        return Task.FromResult(Lees<IReadOnlyList<VerwijzingVoortgang>>(c =>
        {
            using var cmd = Opdracht(c, null, "SELECT data FROM meldingen WHERE verwijzer_id = @id ORDER BY id DESC", ("@id", accountId));
            using var r = cmd.ExecuteReader();
            var lijst = new List<VerwijzingVoortgang>();
            while (r.Read())
            {
                var m = Melding(r.GetString(0));
                lijst.Add(new VerwijzingVoortgang(m.Referentie, m.Antwoorden.Soort ?? Soort.Verwijzing, m.Ontvangen, OpgepaktOp(c, m.Id), m.AfgeslotenOp));
            }

            return lijst;
        }));
    }

    public Task<IReadOnlyList<Overdracht>> OverdrachtenVoorAsync(string aanbiederId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Lees<IReadOnlyList<Overdracht>>(c =>
            Overdrachten(c, null, "SELECT data FROM overdrachten WHERE aanbieder_id = @a ORDER BY id DESC", ("@a", aanbiederId))));

    public Task<Overdracht?> OverdrachtAsync(string aanbiederId, long id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Lees(c =>
            Overdrachten(c, null, "SELECT data FROM overdrachten WHERE aanbieder_id = @a AND id = @id", ("@a", aanbiederId), ("@id", id))
                .SingleOrDefault()));

    public Task<IReadOnlyList<Overdracht>> OverdrachtenVanMeldingAsync(long meldingId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Lees<IReadOnlyList<Overdracht>>(c =>
            Overdrachten(c, null, "SELECT data FROM overdrachten WHERE melding_id = @m ORDER BY id", ("@m", meldingId))));

    public Task<(Overdracht? Overdracht, string? Geweigerd)?> BeantwoordOverdrachtAsync(string aanbiederId, long id, int versie,
        OverdrachtHandeling handeling, Medewerker wie, DateTimeOffset nu, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handeling);
        ArgumentNullException.ThrowIfNull(wie);
        return SchrijfAsync<(Overdracht?, string?)?>((c, tx) =>
        {
            if (Overdrachten(c, tx, "SELECT data FROM overdrachten WHERE aanbieder_id = @a AND id = @id", ("@a", aanbiederId), ("@id", id))
                .SingleOrDefault() is not { } overdracht)
            {
                return null;
            }

            if (overdracht.Versie != versie)
            {
                return (null, "Deze doorverwijzing is intussen gewijzigd. Bekijk hem opnieuw.");
            }

            var melding = LaadMelding(c, tx, overdracht.MeldingId)!;
            if (melding.Status is MeldingStatus.Geanonimiseerd)
            {
                return (null, "Deze melding is al lang afgesloten. Er kan niets meer aan veranderen.");
            }

            var (nieuw, geweigerd) = Makelpunt.Overdrachten.Pas(overdracht, handeling, wie, nu);
            if (nieuw is null)
            {
                return (null, geweigerd);
            }

            var voor = MeldingStatusInfo.Van(melding, LaatsteOverdrachtStatus(c, tx, melding.Id));
            Voer(c, tx, "UPDATE overdrachten SET status = @status, versie = @versie, data = @data WHERE id = @id",
                ("@id", nieuw.Id), ("@status", nieuw.Status.ToString()), ("@versie", nieuw.Versie),
                ("@data", JsonSerializer.Serialize(nieuw, MakelpuntJson.Default.Overdracht)));
            Audit(c, tx, melding.Id, nu, wie, handeling.Actie(nieuw));
            Bericht(c, tx, melding, voor, MeldingStatusInfo.Van(melding, LaatsteOverdrachtStatus(c, tx, melding.Id)), nu);
            return (nieuw, null);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<TeVersturen>> TeVersturenAsync(DateTimeOffset nu, DateTimeOffset claimTot, int max,
        CancellationToken cancellationToken = default) =>
        SchrijfAsync<IReadOnlyList<TeVersturen>>((c, tx) =>
        {
            // One writer at a time: selecting and claiming in one transaction gives every message to one caller only.
            using var cmd = Opdracht(c, tx, """
                UPDATE uitgaand SET geclaimd_tot = @tot
                WHERE id IN (SELECT id FROM uitgaand
                             WHERE verzonden_op IS NULL AND volgende_poging IS NOT NULL AND volgende_poging <= @nu AND aan IS NOT NULL
                               AND (geclaimd_tot IS NULL OR geclaimd_tot <= @nu)
                             ORDER BY volgende_poging, id LIMIT @max)
                RETURNING id, aan, onderwerp, tekst, pogingen, volgende_poging
                """, ("@nu", Tijd(nu)), ("@tot", Tijd(claimTot)), ("@max", max));
            using var r = cmd.ExecuteReader();
            var lijst = new List<(TeVersturen Bericht, string Volgende)>();
            while (r.Read())
            {
                lijst.Add((new TeVersturen(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? "" : r.GetString(3), r.GetInt32(4)), r.GetString(5)));
            }

            // RETURNING gives no order: oldest first, as the port promises.
            return lijst.OrderBy(b => b.Volgende, StringComparer.Ordinal).ThenBy(b => b.Bericht.Id).Select(b => b.Bericht).ToList();
        }, cancellationToken);

    public Task BezorgdAsync(long id, DateTimeOffset op, CancellationToken cancellationToken = default) =>
        SchrijfAsync((c, tx) => Voer(c, tx, """
            UPDATE uitgaand SET verzonden_op = @op, aan = NULL, tekst = NULL, volgende_poging = NULL, pogingen = pogingen + 1,
                laatste_fout = NULL, geclaimd_tot = NULL
            WHERE id = @id
            """, ("@id", id), ("@op", Tijd(op))), cancellationToken);

    public Task NietBezorgdAsync(long id, string fout, DateTimeOffset? volgende, CancellationToken cancellationToken = default) =>
        SchrijfAsync((c, tx) => Voer(c, tx, """
            UPDATE uitgaand SET pogingen = pogingen + 1, laatste_fout = @fout, volgende_poging = @volgende, geclaimd_tot = NULL WHERE id = @id
            """, ("@id", id), ("@fout", fout.Length > 300 ? fout[..300] : fout), ("@volgende", volgende is { } v ? Tijd(v) : null)), cancellationToken);

    public Task<Postvak> PostvakAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(Lees(c =>
        {
            using var tx = c.BeginTransaction(deferred: true);
            var wachtend = (int)Scalar<long>(c, tx, "SELECT count(*) FROM uitgaand WHERE verzonden_op IS NULL AND volgende_poging IS NOT NULL");
            var verzonden = (int)Scalar<long>(c, tx, "SELECT count(*) FROM uitgaand WHERE verzonden_op IS NOT NULL");
            var opgegeven = (int)Scalar<long>(c, tx, "SELECT count(*) FROM uitgaand WHERE verzonden_op IS NULL AND volgende_poging IS NULL");
            using var cmd = Opdracht(c, tx, """
                SELECT id, aangemaakt, aan, onderwerp, pogingen, volgende_poging, verzonden_op, laatste_fout FROM uitgaand
                ORDER BY (verzonden_op IS NULL) DESC, id DESC LIMIT @max
                """, ("@max", MaxPostvakRegels));
            var regels = new List<PostvakRegel>();
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    var verzondenOp = r.IsDBNull(6) ? (DateTimeOffset?)null : Tijd(r.GetString(6));
                    var volgende = r.IsDBNull(5) ? (DateTimeOffset?)null : Tijd(r.GetString(5));
                    regels.Add(new PostvakRegel(r.GetInt64(0), Tijd(r.GetString(1)), Verberg(r.IsDBNull(2) ? null : r.GetString(2)),
                        r.GetString(3), r.GetInt32(4), volgende, verzondenOp, r.IsDBNull(7) ? null : r.GetString(7),
                        Opgegeven: verzondenOp is null && volgende is null));
                }
            }

            tx.Commit();
            return new Postvak(wachtend, verzonden, opgegeven, regels);
        }));

    public Task<long> MeldTerugAsync(Terugmelden.Terugmelding melding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(melding);
        return SchrijfAsync((c, tx) =>
        {
            Voer(c, tx, "INSERT INTO terugmeldingen (aanbod_id, aanbieder_id, op, data) VALUES (@a, @b, @op, '{}')",
                ("@a", melding.AanbodId), ("@b", melding.AanbiederId), ("@op", Tijd(melding.Op)));
            var id = Scalar<long>(c, tx, "SELECT last_insert_rowid()");
            Voer(c, tx, "UPDATE terugmeldingen SET data = @data WHERE id = @id",
                ("@id", id), ("@data", JsonSerializer.Serialize(melding with { Id = id }, MakelpuntJson.Default.Terugmelding)));
            return id;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Terugmelden.Terugmelding>> TerugmeldingenAsync(string? aanbiederId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Lees<IReadOnlyList<Terugmelden.Terugmelding>>(c =>
        {
            using var cmd = Opdracht(c, null, """
                SELECT data FROM terugmeldingen WHERE gesloten_op IS NULL AND (@a IS NULL OR aanbieder_id = @a) ORDER BY id
                """, ("@a", aanbiederId));
            using var r = cmd.ExecuteReader();
            var lijst = new List<Terugmelden.Terugmelding>();
            while (r.Read())
            {
                lijst.Add(Ontleed(r.GetString(0), MakelpuntJson.Default.Terugmelding));
            }

            return lijst;
        }));

    public Task<bool> SluitTerugmeldingAsync(long id, string afhandeling, Medewerker wie, DateTimeOffset nu, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wie);
        return SchrijfAsync((c, tx) =>
        {
            using var cmd = Opdracht(c, tx, "SELECT data FROM terugmeldingen WHERE id = @id AND gesloten_op IS NULL", ("@id", id));
            if (cmd.ExecuteScalar() is not string data)
            {
                return false;
            }

            var gesloten = Ontleed(data, MakelpuntJson.Default.Terugmelding) with { GeslotenOp = nu, Afhandeling = afhandeling.Trim(), AfgehandeldDoor = wie.Naam };
            Voer(c, tx, "UPDATE terugmeldingen SET gesloten_op = @op, data = @data WHERE id = @id",
                ("@id", id), ("@op", Tijd(nu)), ("@data", JsonSerializer.Serialize(gesloten, MakelpuntJson.Default.Terugmelding)));
            return true;
        }, cancellationToken);
    }

    public Task<bool> StuurHerinneringAsync(string sleutel, UitgaandBericht bericht, DateTimeOffset nu, TimeSpan nietVaker,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bericht);
        return SchrijfAsync((c, tx) =>
        {
            using var cmd = Opdracht(c, tx, "SELECT laatst FROM herinneringen WHERE sleutel = @s", ("@s", sleutel));
            if (cmd.ExecuteScalar() is string laatst && Tijd(laatst) > nu - nietVaker)
            {
                return false;
            }

            Voer(c, tx, "INSERT INTO herinneringen (sleutel, laatst) VALUES (@s, @op) ON CONFLICT (sleutel) DO UPDATE SET laatst = excluded.laatst",
                ("@s", sleutel), ("@op", Tijd(nu)));
            Voer(c, tx, """
                INSERT INTO uitgaand (melding_id, aangemaakt, aan, onderwerp, tekst, volgende_poging) VALUES (NULL, @op, @aan, @onderwerp, @tekst, @op)
                """, ("@op", Tijd(nu)), ("@aan", bericht.Aan), ("@onderwerp", bericht.Onderwerp), ("@tekst", bericht.Tekst));
            return true;
        }, cancellationToken);
    }

    /// <summary>"w*****@v*****.nl": enough for the beheerder to tell messages apart, not to learn the address.</summary>
    internal static string Verberg(string? adres)
    {
        if (string.IsNullOrEmpty(adres))
        {
            return "(verwijderd)";
        }

        var at = adres.IndexOf('@', StringComparison.Ordinal);
        var punt = adres.LastIndexOf('.');
        return at <= 0 || punt <= at
            ? "*****"
            : $"{adres[0]}*****@{adres[at + 1]}*****{adres[punt..]}";
    }

    private void Bericht(SqliteConnection c, SqliteTransaction tx, Melding melding, MeldingStatusInfo voor, MeldingStatusInfo na, DateTimeOffset nu)
    {
        if (_berichten?.BijWijziging(melding, voor, na) is { } bericht)
        {
            ZetInPostvak(c, tx, melding.Id, bericht, nu);
        }
    }

    private static void ZetInPostvak(SqliteConnection c, SqliteTransaction tx, long meldingId, UitgaandBericht bericht, DateTimeOffset nu) =>
        Voer(c, tx, """
            INSERT INTO uitgaand (melding_id, aangemaakt, aan, onderwerp, tekst, volgende_poging) VALUES (@m, @op, @aan, @onderwerp, @tekst, @op)
            """, ("@m", meldingId), ("@op", Tijd(nu)), ("@aan", bericht.Aan), ("@onderwerp", bericht.Onderwerp), ("@tekst", bericht.Tekst));

    private static void MaakOverdracht(SqliteConnection c, SqliteTransaction tx, Melding melding, Doorverwijzen d, DateTimeOffset nu)
    {
        var overdracht = new Overdracht(0, melding.Id, melding.Referentie, d.AanbodId, d.AanbodNaam, d.AanbiederId, d.AanbiederNaam, nu,
            OverdrachtGegevens.Van(melding.Antwoorden, d.Toelichting), OverdrachtStatus.Verstuurd, 1);
        Voer(c, tx, """
            INSERT INTO overdrachten (melding_id, aanbieder_id, status, op, versie, data) VALUES (@m, @a, @status, @op, 1, '{}')
            """, ("@m", melding.Id), ("@a", d.AanbiederId), ("@status", overdracht.Status.ToString()), ("@op", Tijd(nu)));
        var id = Scalar<long>(c, tx, "SELECT last_insert_rowid()");
        Voer(c, tx, "UPDATE overdrachten SET data = @data WHERE id = @id",
            ("@id", id), ("@data", JsonSerializer.Serialize(overdracht with { Id = id }, MakelpuntJson.Default.Overdracht)));
    }

    private static void AnonimiseerOverdrachten(SqliteConnection c, SqliteTransaction tx, long meldingId)
    {
        foreach (var o in Overdrachten(c, tx, "SELECT data FROM overdrachten WHERE melding_id = @m", ("@m", meldingId)))
        {
            var leeg = o with { Gegevens = new OverdrachtGegevens(o.Gegevens.Levensdomeinen), Reden = null };
            Voer(c, tx, "UPDATE overdrachten SET data = @data WHERE id = @id",
                ("@id", o.Id), ("@data", JsonSerializer.Serialize(leeg, MakelpuntJson.Default.Overdracht)));
        }
    }

    private static OverdrachtStatus? LaatsteOverdrachtStatus(SqliteConnection c, SqliteTransaction? tx, long meldingId)
    {
        using var cmd = Opdracht(c, tx, "SELECT status FROM overdrachten WHERE melding_id = @m ORDER BY id DESC LIMIT 1", ("@m", meldingId));
        return cmd.ExecuteScalar() is string status && Enum.TryParse<OverdrachtStatus>(status, out var s) ? s : null;
    }

    private static DateTimeOffset? OpgepaktOp(SqliteConnection c, long meldingId)
    {
        using var cmd = Opdracht(c, null, """
            SELECT op FROM audit WHERE melding_id = @m AND (actie = 'Opgepakt' OR actie LIKE 'Toegewezen aan %') ORDER BY id LIMIT 1
            """, ("@m", meldingId));
        return cmd.ExecuteScalar() is string op ? Tijd(op) : null;
    }

    private static List<Overdracht> Overdrachten(SqliteConnection c, SqliteTransaction? tx, string sql, params (string, object?)[] parameters)
    {
        using var cmd = Opdracht(c, tx, sql, parameters);
        using var r = cmd.ExecuteReader();
        var lijst = new List<Overdracht>();
        while (r.Read())
        {
            lijst.Add(Ontleed(r.GetString(0), MakelpuntJson.Default.Overdracht));
        }

        return lijst;
    }
}
