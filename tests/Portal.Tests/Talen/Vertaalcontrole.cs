using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using SocialeKaart.Portal.Features.Talen;

namespace SocialeKaart.Portal.Tests.Talen;

/// <summary>
/// Renders a page in a language and says what of it is still Dutch: texts asked for without a translation (from the
/// portal's own miss recorder), and words that only Dutch has outside the parts marked <c>lang="nl"</c> (the aanbod
/// itself, names). The second catches a Dutch sentence that was never put through the localizer.
/// </summary>
public static partial class Vertaalcontrole
{
    [System.Text.RegularExpressions.GeneratedRegex(@"https?://\S+")]
    private static partial System.Text.RegularExpressions.Regex Adres();

    // Words frequent in our Dutch texts and not words of English, Turkish, Polish or Ukrainian (no "de", "in", "van").
    private static readonly HashSet<string> AlleenNederlands = new(StringComparer.OrdinalIgnoreCase)
    {
        "het", "een", "niet", "voor", "naar", "geen", "uw", "wordt", "deze", "hulp", "zoeken", "zoekt", "lijstje", "aanbod",
        "ook", "bij", "met", "wat", "kunt", "heeft", "hebt", "moet", "wilt", "waar", "zelf", "terug", "volgende", "vorige",
        "stap", "gemeente", "bekijk", "alle", "meer", "minder", "resultaten", "filters", "wissen", "toon",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "elke", "uur", "geleden",
    };

    public sealed record Bevinding(IReadOnlyList<string> Gemist, IReadOnlyList<string> NederlandseWoorden)
    {
        public bool Schoon => Gemist.Count == 0 && NederlandseWoorden.Count == 0;

        public override string ToString() =>
            $"missing translations: [{string.Join("; ", Gemist)}]; Dutch words outside lang=\"nl\": [{string.Join(", ", NederlandseWoorden)}]";
    }

    /// <summary>Opens <paramref name="url"/> with <c>taal=</c> set and checks the page is in that language.</summary>
    public static async Task<(IHtmlDocument Document, Bevinding Bevinding)> ControleerAsync(PortalFactory factory, HttpClient client, string url, string taal)
    {
        var ontbrekend = factory.Services.GetRequiredService<OntbrekendeVertalingen>();
        var voor = ontbrekend.Gemist.ToHashSet();
        var (response, doc) = await client.GetPageAsync(url + (url.Contains('?') ? "&" : "?") + "taal=" + taal);
        Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode == 404, $"{url} in {taal}: {(int)response.StatusCode}");
        Assert.Equal(taal, doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal(taal == "ar" ? "rtl" : "ltr", doc.DocumentElement.GetAttribute("dir"));

        var gemist = ontbrekend.Gemist.Where(g => !voor.Contains(g) && g.StartsWith(taal + " ", StringComparison.Ordinal)).ToList();
        return (doc, new Bevinding(gemist, NederlandseWoorden(doc)));
    }

    /// <summary>Dutch-only words in the visible text and in labels read out (title, aria-label, placeholder), outside
    /// any element marked as Dutch.</summary>
    public static IReadOnlyList<string> NederlandseWoorden(IHtmlDocument doc)
    {
        var kloon = (IHtmlDocument)doc.Clone(deep: true);
        var nederlands = kloon.QuerySelectorAll("body [lang='nl']").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        foreach (var nl in kloon.QuerySelectorAll("body [lang='nl'], script, style, template").ToList())
        {
            nl.Remove();
        }

        // The <title> cannot mark a part as Dutch: the Dutch texts the page marks elsewhere (the aanbod's name, the
        // inwoner's query) are taken out of it.
        var titel = nederlands.OrderByDescending(t => t.Length).Aggregate(kloon.Title ?? "", (t, nl) => t.Replace(nl, " ", StringComparison.Ordinal));

        // Text node by text node: "Zoeken</button><p>Bijvoorbeeld" is two words, not "ZoekenBijvoorbeeld". A printed web
        // address (https://…/aanbod/…) is no text.
        var body = kloon.Body ?? throw new InvalidOperationException("No body.");
        var teksten = body.Descendants<IText>().Select(t => Adres().Replace(t.Data ?? "", " ")).Append(titel).ToList();
        teksten.AddRange(body.QuerySelectorAll("[aria-label], [placeholder], [title], [alt]")
            .SelectMany(e => new[] { e.GetAttribute("aria-label"), e.GetAttribute("placeholder"), e.GetAttribute("title"), e.GetAttribute("alt") })
            .OfType<string>());
        // A submit input shows its value; a button's value is sent, never shown or read out.
        teksten.AddRange(body.QuerySelectorAll("input[type=submit]").Select(e => e.GetAttribute("value") ?? "").Where(v => v.Length > 0));

        return teksten
            .SelectMany(t => t.Split([' ', '\n', '\t', '.', ',', ':', ';', '?', '!', '(', ')', '"', '\'', '/', '«', '»', '“', '”'], StringSplitOptions.RemoveEmptyEntries))
            .Where(AlleenNederlands.Contains)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
