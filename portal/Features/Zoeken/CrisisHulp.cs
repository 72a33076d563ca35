using System.Text.Json.Serialization;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Portal.Features.Zoeken;

/// <summary>One line of crisis help: what to do, in plain words, with the number to call or the page to go to.</summary>
/// <param name="Telefoon">The number as people write it; <paramref name="TelefoonLink"/> the same for a tel: link.</param>
/// <param name="Sjabloon">The Dutch sentence with <c>{0}</c> for <paramref name="Naam"/>: the key the search page translates
/// it by. Not in the JSON API, which stays as it was (Dutch).</param>
/// <param name="Naam">The name of the aanbod in the sentence (Dutch content), if any.</param>
public sealed record CrisisHulpRegel(string Soort, string Tekst, string? Telefoon, string? TelefoonLink, string? Url,
    [property: JsonIgnore] string Sjabloon = "", [property: JsonIgnore] string? Naam = null);

/// <summary>
/// The crisis help for the kinds of acute danger a search signals (<see cref="CrisisSoort"/>, recognised by the rules
/// in content/situaties.txt). The search page and the API show it before any aanbod. 112 always comes first: whoever
/// is in danger now needs it before anything else.
/// </summary>
public static class CrisisHulp
{
    /// <summary>The aanbod of the night shelter: its page and phone number are the help for acute homelessness.</summary>
    public const string NachtopvangId = "maatschappelijke-opvang-de-herberg";

    /// <summary>The crisis help of these results (none when the words signal no danger).</summary>
    public static async Task<IReadOnlyList<CrisisHulpRegel>> VoorAsync(SearchResults resultaten, ISearchIndex index, CancellationToken cancellationToken)
    {
        if (resultaten.Crisis.Count == 0)
        {
            return [];
        }

        var nachtopvang = resultaten.Crisis.Contains(CrisisSoort.Dakloos)
            ? (await index.GetAsync(NachtopvangId, metIntern: false, cancellationToken))?.Document.Aanbod
            : null;
        return Voor(resultaten.Crisis, nachtopvang);
    }

    // The sentences, Dutch: the search page's CrisisHulpBlok translates them by these keys.
    public const string Gevaar = "Is er nu gevaar? Bel 112.";
    public const string Zelfmoord = "Denkt u aan zelfmoord? U bent niet alleen. Praat erover met 113 Zelfmoordpreventie. Bellen is gratis, dag en nacht. U kunt ook chatten op 113.nl.";
    public const string NietVeilig = "Is het thuis niet veilig, voor u of voor een kind? Bel Veilig Thuis. Bellen is gratis, dag en nacht. U mag ook bellen als u het niet zeker weet.";
    public const string GeenSlaapplek = "Heeft u vannacht geen plek om te slapen? Bel het makelpunt van de gemeente.";
    public const string Nachtopvang = "Heeft u vannacht geen plek om te slapen? Ga naar de nachtopvang: {0}. U kunt zich 's avonds melden.";

    private static readonly System.Text.CompositeFormat NachtopvangFormaat = System.Text.CompositeFormat.Parse(Nachtopvang);

    public static IReadOnlyList<CrisisHulpRegel> Voor(IReadOnlyList<string> soorten, Aanbod? nachtopvang)
    {
        if (soorten.Count == 0)
        {
            return [];
        }

        var regels = new List<CrisisHulpRegel>
        {
            new(CrisisSoort.AcuutGevaar, Gevaar, "112", "112", null, Gevaar),
        };
        if (soorten.Contains(CrisisSoort.Zelfdoding))
        {
            regels.Add(new(CrisisSoort.Zelfdoding,
                Zelfmoord, "0800-0113", "08000113", "https://www.113.nl", Zelfmoord));
        }

        if (soorten.Contains(CrisisSoort.HuiselijkGeweld) || soorten.Contains(CrisisSoort.Kindermishandeling))
        {
            regels.Add(new(soorten.Contains(CrisisSoort.HuiselijkGeweld) ? CrisisSoort.HuiselijkGeweld : CrisisSoort.Kindermishandeling,
                NietVeilig, "0800-2000", "08002000", "https://www.veiligthuis.nl", NietVeilig));
        }

        if (soorten.Contains(CrisisSoort.Dakloos))
        {
            var telefoon = nachtopvang?.Phones.FirstOrDefault()?.Number ?? nachtopvang?.Organization.Phone;
            regels.Add(new(CrisisSoort.Dakloos,
                nachtopvang is null ? GeenSlaapplek : string.Format(NederlandseTekst.Cultuur, NachtopvangFormaat, nachtopvang.Name),
                telefoon, telefoon is null ? null : new string(telefoon.Where(char.IsDigit).ToArray()),
                nachtopvang is null ? null : Components.Pages.Aanbod.AanbodPagina.Url(nachtopvang.Id),
                nachtopvang is null ? GeenSlaapplek : Nachtopvang, nachtopvang?.Name));
        }

        return regels;
    }
}
