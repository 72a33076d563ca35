using System.Globalization;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Portal.Features.Publiceren;

public enum VoorstelStatus
{
    /// <summary>Waiting for a redacteur.</summary>
    Ingediend,

    /// <summary>A redacteur sent it back with a reason; the organisation can change it and submit again.</summary>
    Teruggestuurd,
}

/// <summary>A proposed new version of an aanbod (by an organisation), waiting for review. The live version, if any,
/// stays as it is until this is approved.</summary>
/// <param name="ToegangVoorstel">What the organisation proposes; only a redacteur decides toegang and wettelijk kader.</param>
public sealed record Voorstel(
    string Id,
    Aanbod Aanbod,
    string Versie,
    VoorstelStatus Status,
    string AuteurId,
    DateTimeOffset Op,
    string? Reden,
    Toegang? ToegangVoorstel);

/// <summary>The live version of an aanbod as the content store has it.</summary>
public sealed record LiveAanbod(Aanbod Aanbod, string Versie);

/// <summary>One entry of an aanbod's history: every version that was ever live, with who did what and when.</summary>
public sealed record AanbodVersie(int Nummer, DateTimeOffset Op, string AuteurId, string Actie, string? Reden, string? GoedgekeurdDoor);

/// <summary>The outcome of a publishing action: done, or refused with messages in plain Dutch (nothing changed then).</summary>
public sealed record PublicatieResultaat(bool Gelukt, IReadOnlyList<string> Problemen)
{
    public static PublicatieResultaat Ok { get; } = new(true, []);

    public static PublicatieResultaat Fout(params string[] problemen) => new(false, problemen);
}

/// <summary>
/// Publishing through the content store, with the search index kept current without a rebuild. The layout in the store:
/// <c>aanbod/{id}.md</c> is the live version, the only one the indexer reads; <c>voorstellen/{id}.md</c> a proposal
/// waiting for review (its state in the file's metadata); <c>versies/{id}/{n}.md</c> every version that was ever live,
/// never changed afterwards, with who made it, who approved it and when. Every write is optimistic: the version a page
/// was opened on must still be the current one, otherwise nothing changes and the user is told. An approved change goes
/// into the index at once (<see cref="ISearchIndexWriter.UpdateAsync"/>), so it is searchable within seconds; a full
/// rebuild from the store gives the same index.
/// </summary>
public sealed class Publicatie(IContentStore store, ISearchIndexWriter index, Taxonomie taxonomie, Postcodes postcodes, TimeProvider time)
{
    public const string LiveMap = ContentIndexer.AanbodFolder;
    public const string VoorstelMap = "voorstellen";
    public const string VersieMap = "versies";

    private readonly AanbodParser _parser = new(taxonomie);

    public static string Live(string id) => $"{LiveMap}/{id}.md";

    public static string VoorstelPad(string id) => $"{VoorstelMap}/{id}.md";

    private static string VersiePad(string id, int nummer) => $"{VersieMap}/{id}/{nummer.ToString("D4", CultureInfo.InvariantCulture)}.md";

    public async Task<LiveAanbod?> LiveAsync(string id, CancellationToken cancellationToken = default) =>
        Geldig(id) && await store.ReadFileAsync(Live(id), cancellationToken) is { } file && Lees(file, id) is { } aanbod
            ? new LiveAanbod(aanbod, file.Version)
            : null;

    public async Task<Voorstel?> VoorstelAsync(string id, CancellationToken cancellationToken = default) =>
        Geldig(id) && await store.ReadFileAsync(VoorstelPad(id), cancellationToken) is { } file && Lees(file, id) is { } aanbod
            ? new Voorstel(id, aanbod, file.Version,
                file.Metadata.GetValueOrDefault("status") == "teruggestuurd" ? VoorstelStatus.Teruggestuurd : VoorstelStatus.Ingediend,
                file.Metadata.GetValueOrDefault("auteur") ?? "", Tijd(file.Metadata.GetValueOrDefault("op")), file.Metadata.GetValueOrDefault("reden"),
                file.Metadata.GetValueOrDefault("toegang_voorstel") == "achter-het-loket" ? Toegang.AchterHetLoket : null)
            : null;

    /// <summary>The proposals waiting for a redacteur, oldest first.</summary>
    public async Task<IReadOnlyList<(string Id, DateTimeOffset Op, string Aanbieder)>> WachtrijAsync(CancellationToken cancellationToken = default)
    {
        var lijst = new List<(string, DateTimeOffset, string)>();
        await foreach (var entry in store.ListEntriesAsync(VoorstelMap, cancellationToken))
        {
            if (entry.Metadata.GetValueOrDefault("status") == "ingediend")
            {
                lijst.Add((Path.GetFileNameWithoutExtension(entry.Path), Tijd(entry.Metadata.GetValueOrDefault("op")), entry.Metadata.GetValueOrDefault("aanbieder") ?? ""));
            }
        }

        return [.. lijst.OrderBy(v => v.Item2).ThenBy(v => v.Item1, StringComparer.Ordinal)];
    }

    /// <summary>Every live aanbod and proposal of one aanbieder (by <see cref="Organisaties.Aanbieders.Id"/> of its organisation name).</summary>
    public async Task<IReadOnlyList<(string Id, LiveAanbod? Live, Voorstel? Voorstel)>> VanAanbiederAsync(string aanbiederId, CancellationToken cancellationToken = default)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var pad in store.ListAsync(LiveMap, cancellationToken))
        {
            ids.Add(Path.GetFileNameWithoutExtension(pad));
        }

        await foreach (var pad in store.ListAsync(VoorstelMap, cancellationToken))
        {
            ids.Add(Path.GetFileNameWithoutExtension(pad));
        }

        var lijst = new List<(string, LiveAanbod?, Voorstel?)>();
        foreach (var id in ids.Where(Geldig))
        {
            var live = await LiveAsync(id, cancellationToken);
            var voorstel = await VoorstelAsync(id, cancellationToken);
            if ((live?.Aanbod ?? voorstel?.Aanbod) is { } a && Organisaties.Aanbieders.Id(a.Organization.Name) == aanbiederId)
            {
                lijst.Add((id, live, voorstel));
            }
        }

        return lijst;
    }

    /// <summary>Every version that was live, newest first.</summary>
    public async Task<IReadOnlyList<AanbodVersie>> VersiesAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!Geldig(id))
        {
            return [];
        }

        var lijst = new List<AanbodVersie>();
        await foreach (var entry in store.ListEntriesAsync($"{VersieMap}/{id}", cancellationToken))
        {
            if (int.TryParse(Path.GetFileNameWithoutExtension(entry.Path), NumberStyles.None, CultureInfo.InvariantCulture, out var nummer))
            {
                var m = entry.Metadata;
                lijst.Add(new AanbodVersie(nummer, Tijd(m.GetValueOrDefault("op")), m.GetValueOrDefault("auteur") ?? "", m.GetValueOrDefault("actie") ?? "",
                    m.GetValueOrDefault("reden"), m.GetValueOrDefault("goedgekeurd_door")));
            }
        }

        return [.. lijst.OrderByDescending(v => v.Nummer)];
    }

    public async Task<Aanbod?> VersieAsync(string id, int nummer, CancellationToken cancellationToken = default) =>
        Geldig(id) && await store.ReadFileAsync(VersiePad(id, nummer), cancellationToken) is { } file ? Lees(file, id) : null;

    /// <summary>An organisation proposes a new aanbod or a new version of its own; the live version does not change.</summary>
    /// <param name="voorstelVersie">The version of the proposal the form was opened on; null for a first proposal.</param>
    public async Task<PublicatieResultaat> DienInAsync(Aanbod aanbod, string auteurId, Toegang? toegangVoorstel, string? voorstelVersie,
        CancellationToken cancellationToken = default)
    {
        var voorstel = aanbod with { Intern = null };
        if (Controleer(voorstel) is { Count: > 0 } problemen)
        {
            return new(false, problemen);
        }

        var metadata = new Dictionary<string, string>
        {
            ["status"] = "ingediend",
            ["auteur"] = auteurId,
            ["op"] = Nu(),
            ["aanbieder"] = Organisaties.Aanbieders.Id(voorstel.Organization.Name),
        };
        if (toegangVoorstel == Toegang.AchterHetLoket)
        {
            metadata["toegang_voorstel"] = "achter-het-loket";
        }

        return await Schrijf(() => store.WriteAsync(VoorstelPad(voorstel.Id), AanbodWriter.Write(voorstel), voorstelVersie, metadata, cancellationToken));
    }

    /// <summary>A redacteur approves a proposal: it becomes the live version (with the live version's internal fields,
    /// and the toegang and wettelijk kader the redacteur decides), gets today as "laatst gecontroleerd", is kept in the
    /// history, and is searchable at once.</summary>
    public async Task<PublicatieResultaat> KeurGoedAsync(string id, string voorstelVersie, string redacteurId, Toegang toegang,
        IReadOnlyList<string> wettelijkKader, CancellationToken cancellationToken = default)
    {
        if (await VoorstelAsync(id, cancellationToken) is not { } voorstel || voorstel.Versie != voorstelVersie)
        {
            return PublicatieResultaat.Fout("Dit voorstel is intussen gewijzigd of al behandeld. Open het opnieuw.");
        }

        var live = await LiveAsync(id, cancellationToken);
        var aanbod = voorstel.Aanbod with
        {
            Toegang = toegang,
            WettelijkKader = toegang == Toegang.AchterHetLoket ? wettelijkKader : [],
            Bemoeizorg = toegang != Toegang.AchterHetLoket && (live?.Aanbod.Bemoeizorg ?? false),
            Intern = toegang == Toegang.AchterHetLoket ? live?.Aanbod.Intern : null,
            AssuredDate = Vandaag(),
        };
        var resultaat = await MaakLiveAsync(aanbod, live?.Versie, live is null ? null : live.Aanbod, voorstel.AuteurId, "goedgekeurd", null, redacteurId, cancellationToken);
        if (resultaat.Gelukt)
        {
            await store.DeleteAsync(VoorstelPad(id), voorstel.Versie, cancellationToken);
        }

        return resultaat;
    }

    /// <summary>A redacteur sends a proposal back with a reason the organisation sees.</summary>
    public async Task<PublicatieResultaat> StuurTerugAsync(string id, string voorstelVersie, string redacteurId, string reden,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reden))
        {
            return PublicatieResultaat.Fout("Schrijf op wat de organisatie moet veranderen.");
        }

        if (await store.ReadFileAsync(VoorstelPad(id), cancellationToken) is not { } file || file.Version != voorstelVersie)
        {
            return PublicatieResultaat.Fout("Dit voorstel is intussen gewijzigd of al behandeld. Open het opnieuw.");
        }

        var metadata = new Dictionary<string, string>(file.Metadata)
        {
            ["status"] = "teruggestuurd",
            ["reden"] = reden.Trim(),
            ["teruggestuurd_door"] = redacteurId,
            ["teruggestuurd_op"] = Nu(),
        };
        return await Schrijf(() => store.WriteAsync(file.Path, file.Text, file.Version, metadata, cancellationToken));
    }

    /// <summary>A redacteur edits (or creates) an aanbod directly, internal fields included: live at once, kept in the history.</summary>
    public Task<PublicatieResultaat> BewerkAsync(Aanbod aanbod, string? liveVersie, string redacteurId, CancellationToken cancellationToken = default) =>
        MaakLiveAsync(aanbod, liveVersie, null, redacteurId, "bewerkt door de redactie", null, redacteurId, cancellationToken);

    /// <summary>"Klopt nog": the organisation or a redacteur confirms the aanbod is still right; only the date changes.</summary>
    public async Task<PublicatieResultaat> KloptNogAsync(string id, string liveVersie, string wieId, CancellationToken cancellationToken = default) =>
        await LiveAsync(id, cancellationToken) is { } live && live.Versie == liveVersie
            ? await MaakLiveAsync(live.Aanbod with { AssuredDate = Vandaag() }, liveVersie, null, wieId, "gecontroleerd: klopt nog", null, null, cancellationToken)
            : PublicatieResultaat.Fout("Dit aanbod is intussen gewijzigd. Open het opnieuw.");

    /// <summary>A redacteur makes an earlier version live again (as a new version: nothing in the history is lost).</summary>
    public async Task<PublicatieResultaat> ZetTerugAsync(string id, int nummer, string? liveVersie, string redacteurId, CancellationToken cancellationToken = default) =>
        await VersieAsync(id, nummer, cancellationToken) is { } oud
            ? await MaakLiveAsync(oud, liveVersie, null, redacteurId, $"teruggezet naar versie {nummer}", null, redacteurId, cancellationToken)
            : PublicatieResultaat.Fout("Die versie bestaat niet.");

    /// <summary>Takes an aanbod off the kaart: gone from search at once; its history stays and it can be restored.</summary>
    public async Task<PublicatieResultaat> TrekInAsync(string id, string liveVersie, string wieId, string reden, CancellationToken cancellationToken = default)
    {
        if (await LiveAsync(id, cancellationToken) is not { } live || live.Versie != liveVersie)
        {
            return PublicatieResultaat.Fout("Dit aanbod is intussen gewijzigd. Open het opnieuw.");
        }

        var resultaat = await Schrijf(async () =>
        {
            await store.DeleteAsync(Live(id), liveVersie, cancellationToken);
            return "";
        });
        if (resultaat.Gelukt)
        {
            await BewaarVersieAsync(live.Aanbod, wieId, "ingetrokken", string.IsNullOrWhiteSpace(reden) ? null : reden.Trim(), null, cancellationToken);
            await index.UpdateAsync(new IndexUpdate([], [id]), cancellationToken);
        }

        return resultaat;
    }

    /// <summary>A free id for a new aanbod: its name as a slug, with a number when taken.</summary>
    public async Task<string> NieuwIdAsync(string naam, CancellationToken cancellationToken = default)
    {
        var basis = Organisaties.Aanbieders.Id(naam);
        basis = basis.Length == 0 ? "aanbod" : basis[..Math.Min(basis.Length, 80)].Trim('-');
        for (var i = 1; ; i++)
        {
            var id = i == 1 ? basis : $"{basis}-{i.ToString(CultureInfo.InvariantCulture)}";
            if (await store.ReadAsync(Live(id), cancellationToken) is null && await store.ReadAsync(VoorstelPad(id), cancellationToken) is null
                && !await store.ListAsync($"{VersieMap}/{id}", cancellationToken).AnyAsync(cancellationToken))
            {
                return id;
            }
        }
    }

    /// <summary>What the content parser says of an aanbod written as a file: empty when it is valid.</summary>
    public IReadOnlyList<string> Controleer(Aanbod aanbod)
    {
        var result = _parser.Parse(Live(aanbod.Id), AanbodWriter.Write(aanbod));
        return [.. result.Problems.Select(p => p.Message)];
    }

    public DateOnly Vandaag() => NederlandseTekst.Dag(time.GetUtcNow());

    private async Task<PublicatieResultaat> MaakLiveAsync(Aanbod aanbod, string? liveVersie, Aanbod? vorige, string auteurId, string actie, string? reden,
        string? goedgekeurdDoor, CancellationToken cancellationToken)
    {
        if (Controleer(aanbod) is { Count: > 0 } problemen)
        {
            return new(false, problemen);
        }

        // The first change to aanbod that came in as a file keeps that original as version 1.
        if (vorige is not null && !await store.ListAsync($"{VersieMap}/{aanbod.Id}", cancellationToken).AnyAsync(cancellationToken))
        {
            await BewaarVersieAsync(vorige, "", "oorspronkelijk", null, null, cancellationToken);
        }

        var resultaat = await Schrijf(() => store.WriteAsync(Live(aanbod.Id), AanbodWriter.Write(aanbod), liveVersie,
            new Dictionary<string, string> { ["auteur"] = auteurId.Length > 0 ? auteurId : "onbekend", ["op"] = Nu() }, cancellationToken));
        if (!resultaat.Gelukt)
        {
            return resultaat;
        }

        await BewaarVersieAsync(aanbod, auteurId, actie, reden, goedgekeurdDoor, cancellationToken);
        await index.UpdateAsync(Versheid.IsAfgelopen(aanbod, Vandaag())
            ? new IndexUpdate([], [aanbod.Id])
            : new IndexUpdate([ContentIndexer.Input(aanbod, taxonomie, postcodes)], []), cancellationToken);
        return resultaat;
    }

    private async Task BewaarVersieAsync(Aanbod aanbod, string auteurId, string actie, string? reden, string? goedgekeurdDoor, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string> { ["actie"] = actie, ["op"] = Nu() };
        if (auteurId.Length > 0)
        {
            metadata["auteur"] = auteurId;
        }

        if (reden is not null)
        {
            metadata["reden"] = reden;
        }

        if (goedgekeurdDoor is not null)
        {
            metadata["goedgekeurd_door"] = goedgekeurdDoor;
        }

        // Create-only: two versions at the same moment get consecutive numbers, never one overwriting the other.
        for (var poging = 0; ; poging++)
        {
            var nummer = await store.ListAsync($"{VersieMap}/{aanbod.Id}", cancellationToken).CountAsync(cancellationToken) + 1 + poging;
            try
            {
                await store.WriteAsync(VersiePad(aanbod.Id, nummer), AanbodWriter.Write(aanbod), null, metadata, cancellationToken);
                return;
            }
            catch (ContentConflictException) when (poging < 10)
            {
            }
        }
    }

    private static async Task<PublicatieResultaat> Schrijf(Func<Task<string>> schrijf)
    {
        try
        {
            await schrijf();
            return PublicatieResultaat.Ok;
        }
        catch (ContentConflictException e)
        {
            return PublicatieResultaat.Fout(e.Reden switch
            {
                ContentConflict.BestaatAl => "Er bestaat al een voorstel of aanbod met deze naam. Open het opnieuw.",
                ContentConflict.BestaatNiet => "Dit aanbod of voorstel bestaat niet meer. Open het opnieuw.",
                _ => "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen: open het opnieuw en probeer het nog eens.",
            });
        }
    }

    // Every copy of an aanbod (live, proposal, version) is read as the live file it is or will be: the same checks.
    private Aanbod? Lees(ContentFile file, string id) => _parser.Parse(Live(id), file.Text).Aanbod;

    private static bool Geldig(string id) => id.Length is > 0 and <= 120 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private string Nu() => time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Tijd(string? tekst) =>
        DateTimeOffset.TryParse(tekst, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : DateTimeOffset.MinValue;
}
