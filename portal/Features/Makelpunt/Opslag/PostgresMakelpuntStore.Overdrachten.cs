using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SocialeKaart.Portal.Features.Berichten;

namespace SocialeKaart.Portal.Features.Makelpunt.Opslag;

/// <summary>What organisations see (their verwijzingen, handovers to their aanbod) and the outbox, in PostgreSQL.</summary>
public sealed partial class PostgresMakelpuntStore
{
    private const int MaxPostvakRegels = 200;

    public Task<IReadOnlyList<VerwijzingVoortgang>> VerwijzingenVanAsync(string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        return LeesAsync<IReadOnlyList<VerwijzingVoortgang>>(async c =>
        {
            // The first pick-up per melding in the same query: one round trip, not one per melding.
            await using var cmd = Opdracht(c, null, """
                SELECT m.data::text,
                       (SELECT a.op FROM audit a WHERE a.melding_id = m.id AND (a.actie = 'Opgepakt' OR a.actie LIKE 'Toegewezen aan %')
                        ORDER BY a.id LIMIT 1)
                FROM meldingen m WHERE m.verwijzer_id = @id ORDER BY m.id DESC
                """, ("id", accountId));
            await using var r = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
            var lijst = new List<VerwijzingVoortgang>();
            while (await r.ReadAsync().ConfigureAwait(false))
            {
                var m = Melding(r.GetString(0));
                lijst.Add(new VerwijzingVoortgang(m.Referentie, m.Antwoorden.Soort ?? Soort.Verwijzing, m.Ontvangen, TijdOfNull(r, 1), m.AfgeslotenOp));
            }

            return lijst;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Overdracht>> OverdrachtenVoorAsync(string aanbiederId, CancellationToken cancellationToken = default) =>
        LeesAsync<IReadOnlyList<Overdracht>>(async c =>
            await OverdrachtenAsync(c, null, "SELECT data::text FROM overdrachten WHERE aanbieder_id = @a ORDER BY id DESC", ("a", aanbiederId)).ConfigureAwait(false),
            cancellationToken);

    public Task<Overdracht?> OverdrachtAsync(string aanbiederId, long id, CancellationToken cancellationToken = default) =>
        LeesAsync(async c =>
            (await OverdrachtenAsync(c, null, "SELECT data::text FROM overdrachten WHERE aanbieder_id = @a AND id = @id", ("a", aanbiederId), ("id", id))
                .ConfigureAwait(false)).SingleOrDefault(), cancellationToken);

    public Task<IReadOnlyList<Overdracht>> OverdrachtenVanMeldingAsync(long meldingId, CancellationToken cancellationToken = default) =>
        LeesAsync<IReadOnlyList<Overdracht>>(async c =>
            await OverdrachtenAsync(c, null, "SELECT data::text FROM overdrachten WHERE melding_id = @m ORDER BY id", ("m", meldingId)).ConfigureAwait(false),
            cancellationToken);

    public Task<(Overdracht? Overdracht, string? Geweigerd)?> BeantwoordOverdrachtAsync(string aanbiederId, long id, int versie,
        OverdrachtHandeling handeling, Medewerker wie, DateTimeOffset nu, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handeling);
        ArgumentNullException.ThrowIfNull(wie);
        return SchrijfAsync<(Overdracht?, string?)?>(async (c, tx) =>
        {
            // Lock order as in VoerUitAsync: the melding first, then the handover, so the two never deadlock.
            var meldingId = await ScalarOfNullAsync(c, tx, "SELECT melding_id FROM overdrachten WHERE aanbieder_id = @a AND id = @id",
                ("a", aanbiederId), ("id", id)).ConfigureAwait(false);
            if (meldingId is not long mid)
            {
                return null;
            }

            var melding = (await LaadMeldingAsync(c, tx, mid, voorWijziging: true).ConfigureAwait(false))!;
            var overdracht = (await OverdrachtenAsync(c, tx, "SELECT data::text FROM overdrachten WHERE id = @id FOR UPDATE", ("id", id))
                .ConfigureAwait(false)).Single();
            if (overdracht.Versie != versie)
            {
                return (null, "Deze doorverwijzing is intussen gewijzigd. Bekijk hem opnieuw.");
            }

            if (melding.Status is MeldingStatus.Geanonimiseerd)
            {
                return (null, "Deze melding is al lang afgesloten. Er kan niets meer aan veranderen.");
            }

            var (nieuw, geweigerd) = Makelpunt.Overdrachten.Pas(overdracht, handeling, wie, nu);
            if (nieuw is null)
            {
                return (null, geweigerd);
            }

            var voor = MeldingStatusInfo.Van(melding, await LaatsteOverdrachtStatusAsync(c, tx, melding.Id).ConfigureAwait(false));
            await VoerAsync(c, tx, "UPDATE overdrachten SET status = @status, versie = @versie, data = @data WHERE id = @id",
                ("id", nieuw.Id), ("status", nieuw.Status.ToString()), ("versie", nieuw.Versie),
                ("data", Jsonb(JsonSerializer.Serialize(nieuw, MakelpuntJson.Default.Overdracht)))).ConfigureAwait(false);
            await AuditAsync(c, tx, melding.Id, nu, wie, handeling.Actie(nieuw)).ConfigureAwait(false);
            await BerichtAsync(c, tx, melding, voor, MeldingStatusInfo.Van(melding, await LaatsteOverdrachtStatusAsync(c, tx, melding.Id).ConfigureAwait(false)), nu)
                .ConfigureAwait(false);
            return (nieuw, null);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<TeVersturen>> TeVersturenAsync(DateTimeOffset nu, DateTimeOffset claimTot, int max,
        CancellationToken cancellationToken = default) =>
        SchrijfAsync<IReadOnlyList<TeVersturen>>(async (c, tx) =>
        {
            // SKIP LOCKED: an instance claiming at the same moment takes the next messages, never these.
            await using var cmd = Opdracht(c, tx, """
                WITH vrij AS (
                    SELECT id FROM uitgaand
                    WHERE verzonden_op IS NULL AND volgende_poging IS NOT NULL AND volgende_poging <= @nu AND aan IS NOT NULL
                      AND (geclaimd_tot IS NULL OR geclaimd_tot <= @nu)
                    ORDER BY volgende_poging, id LIMIT @max
                    FOR UPDATE SKIP LOCKED)
                UPDATE uitgaand u SET geclaimd_tot = @tot FROM vrij WHERE u.id = vrij.id
                RETURNING u.id, u.aan, u.onderwerp, u.tekst, u.pogingen, u.volgende_poging
                """, ("nu", Utc(nu)), ("tot", Utc(claimTot)), ("max", max));
            await using var r = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
            var lijst = new List<(TeVersturen Bericht, DateTimeOffset Volgende)>();
            while (await r.ReadAsync().ConfigureAwait(false))
            {
                lijst.Add((new TeVersturen(r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? "" : r.GetString(3), r.GetInt32(4)), Tijd(r, 5)));
            }

            return lijst.OrderBy(b => b.Volgende).ThenBy(b => b.Bericht.Id).Select(b => b.Bericht).ToList();
        }, cancellationToken);

    public Task BezorgdAsync(long id, DateTimeOffset op, CancellationToken cancellationToken = default) =>
        SchrijfAsync((c, tx) => VoerAsync(c, tx, """
            UPDATE uitgaand SET verzonden_op = @op, aan = NULL, tekst = NULL, volgende_poging = NULL, pogingen = pogingen + 1,
                laatste_fout = NULL, geclaimd_tot = NULL
            WHERE id = @id
            """, ("id", id), ("op", Utc(op))), cancellationToken);

    public Task NietBezorgdAsync(long id, string fout, DateTimeOffset? volgende, CancellationToken cancellationToken = default) =>
        SchrijfAsync((c, tx) => VoerAsync(c, tx, """
            UPDATE uitgaand SET pogingen = pogingen + 1, laatste_fout = @fout, volgende_poging = @volgende, geclaimd_tot = NULL WHERE id = @id
            """, ("id", id), ("fout", fout.Length > 300 ? fout[..300] : fout),
            ("volgende", volgende is { } v ? (object)Utc(v) : new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = DBNull.Value })),
            cancellationToken);

    public Task<Postvak> PostvakAsync(CancellationToken cancellationToken = default) =>
        LeesAsync(async c =>
        {
            await using var tx = await c.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead).ConfigureAwait(false);
            var wachtend = (int)await ScalarAsync<long>(c, tx, "SELECT count(*) FROM uitgaand WHERE verzonden_op IS NULL AND volgende_poging IS NOT NULL")
                .ConfigureAwait(false);
            var verzonden = (int)await ScalarAsync<long>(c, tx, "SELECT count(*) FROM uitgaand WHERE verzonden_op IS NOT NULL").ConfigureAwait(false);
            var opgegeven = (int)await ScalarAsync<long>(c, tx, "SELECT count(*) FROM uitgaand WHERE verzonden_op IS NULL AND volgende_poging IS NULL")
                .ConfigureAwait(false);
            await using var cmd = Opdracht(c, tx, """
                SELECT id, aangemaakt, aan, onderwerp, pogingen, volgende_poging, verzonden_op, laatste_fout FROM uitgaand
                ORDER BY (verzonden_op IS NULL) DESC, id DESC LIMIT @max
                """, ("max", MaxPostvakRegels));
            var regels = new List<PostvakRegel>();
            await using (var r = await cmd.ExecuteReaderAsync().ConfigureAwait(false))
            {
                while (await r.ReadAsync().ConfigureAwait(false))
                {
                    var verzondenOp = TijdOfNull(r, 6);
                    var volgendePoging = TijdOfNull(r, 5);
                    regels.Add(new PostvakRegel(r.GetInt64(0), Tijd(r, 1), SqliteMakelpuntStore.Verberg(r.IsDBNull(2) ? null : r.GetString(2)),
                        r.GetString(3), r.GetInt32(4), volgendePoging, verzondenOp, r.IsDBNull(7) ? null : r.GetString(7),
                        Opgegeven: verzondenOp is null && volgendePoging is null));
                }
            }

            await tx.CommitAsync().ConfigureAwait(false);
            return new Postvak(wachtend, verzonden, opgegeven, regels);
        }, cancellationToken);

    public Task<long> MeldTerugAsync(Terugmelden.Terugmelding melding, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(melding);
        return SchrijfAsync(async (c, tx) =>
        {
            var id = await ScalarAsync<long>(c, tx, """
                INSERT INTO terugmeldingen (aanbod_id, aanbieder_id, op, data) VALUES (@a, @b, @op, '{}') RETURNING id
                """, ("a", melding.AanbodId), ("b", melding.AanbiederId), ("op", Utc(melding.Op))).ConfigureAwait(false);
            await VoerAsync(c, tx, "UPDATE terugmeldingen SET data = @data WHERE id = @id",
                ("id", id), ("data", Jsonb(JsonSerializer.Serialize(melding with { Id = id }, MakelpuntJson.Default.Terugmelding)))).ConfigureAwait(false);
            return id;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Terugmelden.Terugmelding>> TerugmeldingenAsync(string? aanbiederId, CancellationToken cancellationToken = default) =>
        LeesAsync<IReadOnlyList<Terugmelden.Terugmelding>>(async c =>
        {
            await using var cmd = Opdracht(c, null, """
                SELECT data::text FROM terugmeldingen WHERE gesloten_op IS NULL AND (@a IS NULL OR aanbieder_id = @a) ORDER BY id
                """, ("a", Tekst(aanbiederId)));
            await using var r = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
            var lijst = new List<Terugmelden.Terugmelding>();
            while (await r.ReadAsync().ConfigureAwait(false))
            {
                lijst.Add(Ontleed(r.GetString(0), MakelpuntJson.Default.Terugmelding));
            }

            return lijst;
        }, cancellationToken);

    public Task<bool> SluitTerugmeldingAsync(long id, string afhandeling, Medewerker wie, DateTimeOffset nu, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(afhandeling);
        ArgumentNullException.ThrowIfNull(wie);
        return SchrijfAsync(async (c, tx) =>
        {
            // FOR UPDATE: when two instances close the same report at once, the second waits, then finds it closed.
            await using var cmd = Opdracht(c, tx, "SELECT data::text FROM terugmeldingen WHERE id = @id AND gesloten_op IS NULL FOR UPDATE", ("id", id));
            if (await cmd.ExecuteScalarAsync().ConfigureAwait(false) is not string data)
            {
                return false;
            }

            var gesloten = Ontleed(data, MakelpuntJson.Default.Terugmelding) with { GeslotenOp = nu, Afhandeling = afhandeling.Trim(), AfgehandeldDoor = wie.Naam };
            await VoerAsync(c, tx, "UPDATE terugmeldingen SET gesloten_op = @op, data = @data WHERE id = @id",
                ("id", id), ("op", Utc(nu)), ("data", Jsonb(JsonSerializer.Serialize(gesloten, MakelpuntJson.Default.Terugmelding)))).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    public Task<bool> StuurHerinneringAsync(string sleutel, UitgaandBericht bericht, DateTimeOffset nu, TimeSpan nietVaker,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sleutel);
        ArgumentNullException.ThrowIfNull(bericht);
        return SchrijfAsync(async (c, tx) =>
        {
            // One statement decides: the row is inserted, or moved on only when the last reminder is old enough. When two
            // instances run the upkeep at once, the second waits for the first's row lock and then sees the new time.
            var gezet = await ScalarOfNullAsync(c, tx, """
                INSERT INTO herinneringen (sleutel, laatst) VALUES (@s, @op)
                ON CONFLICT (sleutel) DO UPDATE SET laatst = excluded.laatst WHERE herinneringen.laatst <= @grens
                RETURNING sleutel
                """, ("s", sleutel), ("op", Utc(nu)), ("grens", Utc(nu - nietVaker))).ConfigureAwait(false);
            if (gezet is null)
            {
                return false;
            }

            await VoerAsync(c, tx, """
                INSERT INTO uitgaand (melding_id, aangemaakt, aan, onderwerp, tekst, volgende_poging) VALUES (NULL, @op, @aan, @onderwerp, @tekst, @op)
                """, ("op", Utc(nu)), ("aan", bericht.Aan), ("onderwerp", bericht.Onderwerp), ("tekst", bericht.Tekst)).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    private async Task BerichtAsync(NpgsqlConnection c, NpgsqlTransaction tx, Melding melding, MeldingStatusInfo voor, MeldingStatusInfo na, DateTimeOffset nu)
    {
        if (_berichten?.BijWijziging(melding, voor, na) is { } bericht)
        {
            await ZetInPostvakAsync(c, tx, melding.Id, bericht, nu).ConfigureAwait(false);
        }
    }

    private static Task<int> ZetInPostvakAsync(NpgsqlConnection c, NpgsqlTransaction tx, long meldingId, UitgaandBericht bericht, DateTimeOffset nu) =>
        VoerAsync(c, tx, """
            INSERT INTO uitgaand (melding_id, aangemaakt, aan, onderwerp, tekst, volgende_poging) VALUES (@m, @op, @aan, @onderwerp, @tekst, @op)
            """, ("m", meldingId), ("op", Utc(nu)), ("aan", bericht.Aan), ("onderwerp", bericht.Onderwerp), ("tekst", bericht.Tekst));

    private static async Task MaakOverdrachtAsync(NpgsqlConnection c, NpgsqlTransaction tx, Melding melding, Doorverwijzen d, DateTimeOffset nu)
    {
        var overdracht = new Overdracht(0, melding.Id, melding.Referentie, d.AanbodId, d.AanbodNaam, d.AanbiederId, d.AanbiederNaam, nu,
            OverdrachtGegevens.Van(melding.Antwoorden, d.Toelichting), OverdrachtStatus.Verstuurd, 1);
        var id = await ScalarAsync<long>(c, tx, """
            INSERT INTO overdrachten (melding_id, aanbieder_id, status, op, versie, data) VALUES (@m, @a, @status, @op, 1, '{}') RETURNING id
            """, ("m", melding.Id), ("a", d.AanbiederId), ("status", overdracht.Status.ToString()), ("op", Utc(nu))).ConfigureAwait(false);
        await VoerAsync(c, tx, "UPDATE overdrachten SET data = @data WHERE id = @id",
            ("id", id), ("data", Jsonb(JsonSerializer.Serialize(overdracht with { Id = id }, MakelpuntJson.Default.Overdracht)))).ConfigureAwait(false);
    }

    private static async Task AnonimiseerOverdrachtenAsync(NpgsqlConnection c, NpgsqlTransaction tx, long meldingId)
    {
        foreach (var o in await OverdrachtenAsync(c, tx, "SELECT data::text FROM overdrachten WHERE melding_id = @m", ("m", meldingId)).ConfigureAwait(false))
        {
            var leeg = o with { Gegevens = new OverdrachtGegevens(o.Gegevens.Levensdomeinen), Reden = null };
            await VoerAsync(c, tx, "UPDATE overdrachten SET data = @data WHERE id = @id",
                ("id", o.Id), ("data", Jsonb(JsonSerializer.Serialize(leeg, MakelpuntJson.Default.Overdracht)))).ConfigureAwait(false);
        }
    }

    private static async Task<OverdrachtStatus?> LaatsteOverdrachtStatusAsync(NpgsqlConnection c, NpgsqlTransaction? tx, long meldingId)
    {
        await using var cmd = Opdracht(c, tx, "SELECT status FROM overdrachten WHERE melding_id = @m ORDER BY id DESC LIMIT 1", ("m", meldingId));
        return await cmd.ExecuteScalarAsync().ConfigureAwait(false) is string status && Enum.TryParse<OverdrachtStatus>(status, out var s) ? s : null;
    }

    private static async Task<object?> ScalarOfNullAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string, object?)[] parameters)
    {
        await using var cmd = Opdracht(c, tx, sql, parameters);
        var waarde = await cmd.ExecuteScalarAsync().ConfigureAwait(false);
        return waarde is DBNull ? null : waarde;
    }

    private static async Task<List<Overdracht>> OverdrachtenAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string sql, params (string, object?)[] parameters)
    {
        await using var cmd = Opdracht(c, tx, sql, parameters);
        await using var r = await cmd.ExecuteReaderAsync().ConfigureAwait(false);
        var lijst = new List<Overdracht>();
        while (await r.ReadAsync().ConfigureAwait(false))
        {
            lijst.Add(Ontleed(r.GetString(0), MakelpuntJson.Default.Overdracht));
        }

        return lijst;
    }
}
