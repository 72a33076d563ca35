using SocialeKaart.Portal.Features.Stuurinformatie;

namespace SocialeKaart.Portal.Features.Makelpunt;

/// <summary>A melding being filled in: the wizard saves it after every step, keyed by a random id in a cookie.</summary>
/// <param name="Stap">The furthest step the melder has completed (0 = none).</param>
public sealed record MeldingConcept(string Id, MeldingAntwoorden Antwoorden, int Stap, DateTimeOffset Gewijzigd);

/// <summary>A melding to store: the answers, the routing decision and deadlines computed at receipt.</summary>
/// <param name="StatusToken">The secret of the status link; the store keeps only its hash with the melding.</param>
public sealed record NieuweMelding(
    MeldingAntwoorden Antwoorden,
    RouteringsBesluit Besluit,
    Termijnen Termijnen,
    DateTimeOffset Ontvangen,
    string StatusToken);

/// <summary>The receipt of a stored melding: what the confirmation page shows.</summary>
/// <param name="Nieuw">False when this concept had been sent before (double click, refresh, retry).</param>
public sealed record Ontvangst(long Id, string Referentie, string StatusToken, Termijnen Termijnen, bool Nieuw);

/// <summary>What the secret status link shows: no personal details, no notes, no outcome.</summary>
public sealed record MeldingStatusInfo(string Referentie, DateTimeOffset Ontvangen, MeldingStatus Status, DateOnly EersteContactUiterlijk, bool ContactGehad)
{
    /// <summary>The organisation the melding was last referred to.</summary>
    public string? DoorverwezenNaar { get; init; }

    /// <summary>That organisation has accepted the handover.</summary>
    public bool DoorverwijzingAangenomen { get; init; }

    public DateTimeOffset? HuisbezoekOp { get; init; }

    public DateTimeOffset? AfgeslotenOp { get; init; }

    public static MeldingStatusInfo Van(Melding m, OverdrachtStatus? laatsteOverdracht) =>
        new(m.Referentie, m.Ontvangen, m.Status, m.Termijnen.EersteContact, m.EersteContactOp is not null)
        {
            DoorverwezenNaar = m.Verwijzingen.LastOrDefault() is { } v ? (v.AanbiederNaam.Length > 0 ? v.AanbiederNaam : v.AanbodNaam) : null,
            DoorverwijzingAangenomen = laatsteOverdracht is OverdrachtStatus.Geaccepteerd or OverdrachtStatus.ContactGehad,
            HuisbezoekOp = m.Status == MeldingStatus.HuisbezoekGepland ? m.HuisbezoekOp : null,
            AfgeslotenOp = m.AfgeslotenOp,
        };
}

/// <summary>What an organisation sees of a melding it made: received, picked up, closed, with dates; never the case.</summary>
public sealed record VerwijzingVoortgang(string Referentie, Soort Soort, DateTimeOffset Ontvangen, DateTimeOffset? OpgepaktOp, DateTimeOffset? AfgeslotenOp);

/// <summary>A message waiting in the outbox (personal data: the address and the text).</summary>
public sealed record TeVersturen(long Id, string Aan, string Onderwerp, string Tekst, int Pogingen);

/// <summary>A line of the outbox as the beheerder sees it: no address (masked), no text.</summary>
public sealed record PostvakRegel(long Id, DateTimeOffset Aangemaakt, string AanVerborgen, string Onderwerp, int Pogingen,
    DateTimeOffset? VolgendePoging, DateTimeOffset? VerzondenOp, string? LaatsteFout, bool Opgegeven);

public sealed record Postvak(int Wachtend, int Verzonden, int Opgegeven, IReadOnlyList<PostvakRegel> Regels);

/// <param name="Behandelaar">Only meldingen of this medewerker (user id): "Mijn meldingen".</param>
/// <param name="Referentie">One meldingnummer, open or closed.</param>
/// <param name="Afgesloten">Closed meldingen instead of open ones.</param>
public sealed record WachtrijFilter(
    string? Team = null,
    MeldingStatus? Status = null,
    bool AlleenUrgent = false,
    bool AlleenTeLaat = false,
    int Pagina = 1,
    string? Behandelaar = null,
    string? Referentie = null,
    bool Afgesloten = false);

public sealed record Wachtrij(IReadOnlyList<Melding> Meldingen, int Totaal, int Pagina, int PerPagina);

/// <summary>
/// The makelpunt store (DESIGN.md: embedded database file by default, PostgreSQL for several portal instances).
/// It holds all personal data of meldingen. Every method that acknowledges something returns only after the
/// change is durably committed. Every read of a melding by staff and every change is written to the audit log
/// in the same transaction.
/// </summary>
public interface IMakelpuntStore
{
    Task<MeldingConcept?> ConceptAsync(string conceptId, CancellationToken cancellationToken = default);

    Task BewaarConceptAsync(MeldingConcept concept, CancellationToken cancellationToken = default);

    Task VerwijderConceptAsync(string conceptId, CancellationToken cancellationToken = default);

    /// <summary>Stores the melding of a concept exactly once and removes the answers from the concept. A second call for
    /// the same concept returns the first receipt (with <see cref="Ontvangst.Nieuw"/> false) and stores nothing.</summary>
    Task<Ontvangst> OntvangAsync(string conceptId, NieuweMelding melding, CancellationToken cancellationToken = default);

    /// <summary>The receipt of a concept that was sent, or null when it was not (yet) sent or has been cleaned up.</summary>
    Task<Ontvangst?> OntvangstAsync(string conceptId, CancellationToken cancellationToken = default);

    /// <summary>The status for a status link token, or null when no melding has it.</summary>
    Task<MeldingStatusInfo?> StatusAsync(string statusToken, CancellationToken cancellationToken = default);

    /// <summary>Open meldingen (not closed) matching the filter, urgent first, then by nearest deadline, then oldest first.</summary>
    Task<Wachtrij> WachtrijAsync(WachtrijFilter filter, DateOnly vandaag, CancellationToken cancellationToken = default);

    /// <summary>One melding for a member of staff; writes "Bekeken" to the audit log in the same transaction.</summary>
    Task<Melding?> BekijkAsync(long id, Medewerker wie, DateTimeOffset nu, CancellationToken cancellationToken = default);

    /// <summary>The history (audit log) of one melding, oldest first.</summary>
    Task<IReadOnlyList<Gebeurtenis>> GeschiedenisAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Applies a handeling through <see cref="Behandeling.Pas"/> and writes it to the audit log, in one transaction.
    /// Refused (without change) when the melding changed since <paramref name="versie"/>, or when the state machine refuses.
    /// Null when there is no such melding.</summary>
    Task<Resultaat?> VoerUitAsync(long id, int versie, Handeling handeling, Medewerker wie, DateTimeOffset nu, CancellationToken cancellationToken = default);

    /// <summary>"Dit helpt mij": counts, per day and levensdomein, that voorliggend aanbod was enough. Nothing personal.</summary>
    Task TelDitHelptAsync(IReadOnlyList<string> levensdomeinen, DateOnly dag, CancellationToken cancellationToken = default);

    /// <summary>Removes the personal data of meldingen closed before <paramref name="afgeslotenVoor"/>: answers (except
    /// soort, levensdomeinen and urgency), names, notes. Keeps reference, routing, deadlines and outcome for statistics.</summary>
    Task<int> AnonimiseerAsync(DateTimeOffset afgeslotenVoor, DateTimeOffset nu, CancellationToken cancellationToken = default);

    /// <summary>Stuurinformatie: the non-personal facts (<see cref="MeldingKengetal"/>) of the meldingen received in [van, tot).</summary>
    Task<IReadOnlyList<MeldingKengetal>> KengetallenAsync(DateTimeOffset van, DateTimeOffset tot, CancellationToken cancellationToken = default);

    /// <summary>Stuurinformatie: the "dit helpt mij" counts of the days in [van, tot].</summary>
    Task<IReadOnlyList<DitHelptTelling>> DitHelptAsync(DateOnly van, DateOnly tot, CancellationToken cancellationToken = default);

    /// <summary>Counts, per ISO week, the normalised words of a search without results (never the query itself).</summary>
    Task TelZoektermenAsync(IReadOnlyList<string> termen, string week, CancellationToken cancellationToken = default);

    /// <summary>The counts of <see cref="TelZoektermenAsync"/> for the weeks in [vanWeek, totWeek].</summary>
    Task<IReadOnlyList<ZoektermTelling>> ZoektermenAsync(string vanWeek, string totWeek, CancellationToken cancellationToken = default);

    /// <summary>The meldingen an organisation account made (newest first), as <see cref="VerwijzingVoortgang"/> only.</summary>
    Task<IReadOnlyList<VerwijzingVoortgang>> VerwijzingenVanAsync(string accountId, CancellationToken cancellationToken = default);

    /// <summary>Handovers to one aanbieder (newest first).</summary>
    Task<IReadOnlyList<Overdracht>> OverdrachtenVoorAsync(string aanbiederId, CancellationToken cancellationToken = default);

    /// <summary>One handover, only when it is to this aanbieder; null otherwise (also for someone else's id).</summary>
    Task<Overdracht?> OverdrachtAsync(string aanbiederId, long id, CancellationToken cancellationToken = default);

    /// <summary>The handovers of one melding, for the makelpunt (oldest first).</summary>
    Task<IReadOnlyList<Overdracht>> OverdrachtenVanMeldingAsync(long meldingId, CancellationToken cancellationToken = default);

    /// <summary>The aanbieder answers a handover; written to the melding's history in the same transaction, with a message
    /// to the person when the status link changes. Null when the handover is not this aanbieder's.</summary>
    Task<(Overdracht? Overdracht, string? Geweigerd)?> BeantwoordOverdrachtAsync(string aanbiederId, long id, int versie, OverdrachtHandeling handeling,
        Medewerker wie, DateTimeOffset nu, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the messages due for sending (<paramref name="nu"/> or earlier), oldest first, until
    /// <paramref name="claimTot"/>: until then nobody else gets them from this method — not another portal instance on
    /// the same store, not a second round of this one — so a message is never sent twice. <see cref="BezorgdAsync"/> and
    /// <see cref="NietBezorgdAsync"/> end the claim; a claim of an instance that died runs out, and the message is due again.
    /// </summary>
    Task<IReadOnlyList<TeVersturen>> TeVersturenAsync(DateTimeOffset nu, DateTimeOffset claimTot, int max, CancellationToken cancellationToken = default);

    /// <summary>A message was accepted by the mail server: its address and text are removed, the fact is kept.</summary>
    Task BezorgdAsync(long id, DateTimeOffset op, CancellationToken cancellationToken = default);

    /// <summary>Sending failed: try again at <paramref name="volgende"/>, or give up when it is null.</summary>
    Task NietBezorgdAsync(long id, string fout, DateTimeOffset? volgende, CancellationToken cancellationToken = default);

    /// <summary>The outbox for the beheerder: counts, and the messages not (yet) sent with their address masked.</summary>
    Task<Postvak> PostvakAsync(CancellationToken cancellationToken = default);

    /// <summary>The readiness check: answers when the store can be read, throws when it cannot.</summary>
    Task<bool> BereikbaarAsync(CancellationToken cancellationToken = default);

    /// <summary>"Klopt er iets niet?": stores a report on an aanbod; returns its id.</summary>
    Task<long> MeldTerugAsync(Terugmelden.Terugmelding melding, CancellationToken cancellationToken = default);

    /// <summary>Open reports, oldest first: all of them (<paramref name="aanbiederId"/> null, for the redactie) or those on one aanbieder's aanbod.</summary>
    Task<IReadOnlyList<Terugmelden.Terugmelding>> TerugmeldingenAsync(string? aanbiederId, CancellationToken cancellationToken = default);

    /// <summary>Closes a report with what was done; false when it does not exist or was closed already.</summary>
    Task<bool> SluitTerugmeldingAsync(long id, string afhandeling, Medewerker wie, DateTimeOffset nu, CancellationToken cancellationToken = default);

    /// <summary>Puts a message in the outbox unless one with the same <paramref name="sleutel"/> (e.g. a reminder to one
    /// account) went out less than <paramref name="nietVaker"/> ago; true when it was put in.</summary>
    Task<bool> StuurHerinneringAsync(string sleutel, Berichten.UitgaandBericht bericht, DateTimeOffset nu, TimeSpan nietVaker, CancellationToken cancellationToken = default);

    /// <summary>Deletes concepts not changed since <paramref name="ouderDan"/> (sent or not).</summary>
    Task<int> RuimConceptenOpAsync(DateTimeOffset ouderDan, CancellationToken cancellationToken = default);
}
