using System.Text.RegularExpressions;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;
using SocialeKaart.Portal.Features.Makelpunt;

namespace SocialeKaart.Portal.Features.Stuurinformatie;

/// <summary>
/// Records what inwoners looked for and did not find, without anything that could identify someone: of a search
/// without results only the normalised words (lowercase, no accents, no stop words) that are ordinary Dutch words
/// (the OpenTaal list of content/taal) are counted per ISO week. E-mail addresses, web addresses, phone numbers and
/// postcodes are cut out first; words with a digit, capitalised words after the first (names) and words outside the
/// word list (names, typos) are dropped. The query itself is never stored and never logged.
/// </summary>
public sealed partial class ZoektermenZonderResultaat(IMakelpuntStore store, IContentStore content, TimeProvider time, ILogger<ZoektermenZonderResultaat> logger)
{
    public const int MaxTermen = 8;

    private readonly Lazy<Task<HashSet<string>>> _woorden = new(async () =>
    {
        var tekst = await content.ReadAsync(ContentIndexer.WoordenPath) ?? "";
        return tekst.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);
    });

    /// <summary>Counts the words of <paramref name="resultaten"/> when it is a first page without any result. Never throws.</summary>
    public async Task TelAsync(SearchResults resultaten, CancellationToken cancellationToken)
    {
        if (resultaten.Totaal > 0 || resultaten.Query.Pagina != 1 || string.IsNullOrWhiteSpace(resultaten.Query.Tekst))
        {
            return;
        }

        try
        {
            var woorden = await _woorden.Value;
            var termen = Normaliseer(resultaten.Query.Tekst, woorden.Contains);
            if (termen.Count > 0)
            {
                await store.TelZoektermenAsync(termen, IsoWeek.Van(DateOnly.FromDateTime(Rooster.Lokaal(time.GetUtcNow()))), cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A count may be lost; the search page must not fail for it. Nothing of the query goes into the log.
            LogNietGeteld(e.GetType().Name);
        }
    }

    /// <summary>The words of a query that may be counted (see the class summary), each once, at most <see cref="MaxTermen"/>.</summary>
    public static IReadOnlyList<string> Normaliseer(string zoektekst, Func<string, bool> isWoord)
    {
        var tekst = Persoonlijk().Replace(zoektekst.Length > SearchQuery.MaxTekstLength ? zoektekst[..SearchQuery.MaxTekstLength] : zoektekst, " ");
        var termen = new List<string>();
        var eerste = true;
        foreach (var token in Tokenizer.Tokenize(tekst))
        {
            var origineel = tekst.Substring(token.Start, token.Length);
            var naamAchtig = !eerste && origineel.Any(char.IsUpper);
            eerste = false;
            var woord = token.Folded;
            if (naamAchtig || woord.Any(char.IsDigit) || woord.Length is < 3 or > 30 || StopWords.Dutch.Contains(woord) || !isWoord(woord)
                || termen.Contains(woord))
            {
                continue;
            }

            termen.Add(woord);
            if (termen.Count == MaxTermen)
            {
                break;
            }
        }

        return termen;
    }

    // E-mail and web addresses, Dutch postcodes, and phone numbers (6 or more digits with spaces, dashes, dots, brackets or +).
    [GeneratedRegex(@"\S+@\S+|https?://\S+|www\.\S+|\b[1-9][0-9]{3}\s?[A-Za-z]{2}\b|\+?[0-9][0-9\s\-\.()]{4,}[0-9]|\S*[0-9]\S*", RegexOptions.CultureInvariant)]
    private static partial Regex Persoonlijk();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zoekterm zonder resultaat niet geteld ({Fout})")]
    private partial void LogNietGeteld(string fout);
}
