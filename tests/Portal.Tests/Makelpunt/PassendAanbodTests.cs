using Microsoft.Extensions.DependencyInjection;
using SocialeKaart.Portal.Features.Makelpunt;

namespace SocialeKaart.Portal.Tests.Makelpunt;

/// <summary>
/// The ranking table of README ("Passend aanbod"): for typical meldingen over the real content, the aanbod that answers
/// them is in the top 5 of the consulent's list and, when it is algemeen toegankelijk, of the inwoner's voorliggend
/// aanbod too. Fails when the right aanbod drops out.
/// </summary>
public sealed class PassendAanbodTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static MeldingAntwoorden M(string[] domeinen, string vraag, string hulp = "", Urgentie? urgentie = null, bool nietPluis = false,
        Leeftijdsgroep? leeftijd = null, string postcode = "", Soort soort = Soort.Zelf) => new()
    {
        Soort = soort, Levensdomeinen = domeinen, Vraag = vraag, HulpNodig = hulp, Urgentie = urgentie ?? Urgentie.Geen, NietPluis = nietPluis,
        Leeftijd = leeftijd, Postcode = postcode,
    };

    /// <summary>(what the melding is about, its answers, aanbod that must be in the consulent's top 5, aanbod that must be
    /// in the inwoner's top 5).</summary>
    public static TheoryData<string, MeldingAntwoorden, string[], string[]> Tabel => new()
    {
        { "energie dreigt afgesloten te worden", M(["rondkomen"], "Ik heb een brief dat mijn gas en licht worden afgesloten.", "Ik kan de rekening niet betalen.", new Urgentie(false, true, false)),
            ["schuldhulpverlening-gemeente", "vroeg-erop-af-geldzorgen"], ["vroeg-erop-af-geldzorgen", "geldpunt-inloop"] },
        { "huurachterstand en huisuitzetting", M(["rondkomen", "wonen"], "Ik heb een huurachterstand van drie maanden en de verhuurder dreigt met ontruiming.", "", new Urgentie(false, true, false)),
            ["huurspreekuur-het-veenhuis", "schuldhulpverlening-gemeente"], ["huurspreekuur-het-veenhuis", "vroeg-erop-af-geldzorgen"] },
        { "schulden en deurwaarder", M(["rondkomen"], "Ik heb veel schulden en er komt een deurwaarder.", "Hulp om mijn schulden op een rij te zetten."),
            ["schuldhulpverlening-gemeente", "geldpunt-inloop"], ["geldpunt-inloop"] },
        { "geen inkomen na ontslag", M(["rondkomen", "werken"], "Ik ben mijn baan kwijt en heb geen geld meer om eten te kopen.", "", new Urgentie(false, false, true)),
            ["bijstandsuitkering", "voedselbank-het-gedeelde-brood"], ["voedselbank-het-gedeelde-brood"] },
        { "werk zoeken", M(["werken"], "Ik zoek al lang werk en wil graag hulp bij solliciteren.", leeftijd: Leeftijdsgroep.Volwassene),
            ["werkcafe-werkpunt", "sollicitatietraining-werkmaatje"], ["werkcafe-werkpunt", "sollicitatietraining-werkmaatje"] },
        { "jongere zonder werk of school", M(["werken", "leren"], "Mijn zoon van 19 zit thuis, geen school en geen werk.", leeftijd: Leeftijdsgroep.Jongvolwassene),
            ["jongerenloket-werk-school"], ["jongerenloket-werk-school"] },
        { "eenzame oudere", M(["ontmoeten"], "Ik ben alleen sinds mijn man is overleden en spreek bijna niemand.", leeftijd: Leeftijdsgroep.Oudere),
            ["maatje-voor-jou"], ["maatje-voor-jou"] },
        { "dementie van vader", M(["zorgen"], "Mijn vader vergeet steeds meer en raakt de weg kwijt.", "Ik wil weten wat er met hem aan de hand is.", leeftijd: Leeftijdsgroep.Oudere, soort: Soort.Naaste),
            ["casemanager-dementie"], ["casemanager-dementie", "geheugencafe"] },
        { "mantelzorger overbelast", M(["zorgen"], "Ik zorg elke dag voor mijn moeder en ik ben op. Ik wil even vrij.", "Iemand die de zorg een dag overneemt."),
            ["respijtzorg-vrijwillige-inzet", "mantelzorgondersteuning-de-schakel"], ["respijtzorg-vrijwillige-inzet", "mantelzorgondersteuning-de-schakel"] },
        { "huiselijk geweld", M(["zorgen", "wonen"], "Mijn partner slaat mij en ik ben bang thuis.", "", new Urgentie(true, false, false)),
            ["steunpunt-huiselijk-geweld"], ["steunpunt-huiselijk-geweld"] },
        { "opvoeding van een peuter", M(["opgroeien"], "Mijn peuter heeft elke dag driftbuien, ik weet niet meer hoe ik moet opvoeden.", leeftijd: Leeftijdsgroep.Kind),
            ["opvoedspreekuur-kom-verder", "jeugd-en-gezinsteam"], ["opvoedspreekuur-kom-verder", "jeugd-en-gezinsteam"] },
        { "huishouden lukt niet meer", M(["huishouden"], "Ik kan na mijn operatie het huis niet meer schoonmaken.", "Hulp bij schoonmaken.", leeftijd: Leeftijdsgroep.Oudere),
            ["huishoudelijke-hulp-wmo", "huishoudelijke-hulp-zonder-indicatie"], ["huishoudelijke-hulp-zonder-indicatie"] },
        { "zorgsignaal vervuilde woning", M(["wonen"], "De buurman woont in een huis vol afval en komt niet meer buiten.", "", nietPluis: true, soort: Soort.Zorgsignaal),
            ["team-schoon-thuis", "vangnet-veenendaal"], ["team-schoon-thuis", "vangnet-veenendaal"] },
        { "verslaving", M(["zorgen"], "Mijn broer drinkt te veel en gokt zijn geld weg.", soort: Soort.Naaste),
            ["keerpunt-spreekuur-verslaving"], ["keerpunt-spreekuur-verslaving"] },
        { "taal leren", M(["leren"], "Ik wil beter Nederlands leren spreken en lezen.", leeftijd: Leeftijdsgroep.Volwassene),
            ["taalhuis-leeshuis", "taalmaatje-samen-vooruit"], ["taalhuis-leeshuis", "taalmaatje-samen-vooruit"] },
        { "hulp bij formulieren", M(["rondkomen"], "Ik snap de brieven en formulieren van de belasting en toeslagen niet.", "Iemand die mij helpt met formulieren."),
            ["formulierenhulp-in-de-wijk", "sociaal-raadslieden"], ["formulierenhulp-in-de-wijk", "sociaal-raadslieden"] },
        { "traplift nodig", M(["wonen"], "Ik kan de trap niet meer op door mijn knieën.", "Een traplift of iets anders zodat ik thuis kan blijven wonen.", leeftijd: Leeftijdsgroep.Oudere),
            ["traplift-wmo", "woonadviseur-langer-thuis"], ["woonadviseur-langer-thuis"] },
    };

    [Theory]
    [MemberData(nameof(Tabel))]
    public async Task Melding_RightAanbod_IsInTheTop5OfBothLists(string melding, MeldingAntwoorden antwoorden, string[] consulent, string[] inwoner)
    {
        var passend = factory.Services.GetRequiredService<PassendAanbod>();

        var voorConsulent = (await passend.ZoekAsync(new PassendAanbodVraag(antwoorden, AlleenAlgemeenToegankelijk: false), 5)).Select(t => t.Hit.Id).ToList();
        var voorInwoner = (await passend.ZoekAsync(new PassendAanbodVraag(antwoorden, AlleenAlgemeenToegankelijk: true), 5)).Select(t => t.Hit.Id).ToList();

        Assert.All(consulent, id => Assert.True(voorConsulent.Contains(id), $"{melding}: {id} not in the consulent's top 5 [{string.Join(", ", voorConsulent)}]"));
        Assert.All(inwoner, id => Assert.True(voorInwoner.Contains(id), $"{melding}: {id} not in the inwoner's top 5 [{string.Join(", ", voorInwoner)}]"));
    }

    [Fact]
    public async Task Inwoner_NeverGetsAanbodAchterHetLoket()
    {
        var passend = factory.Services.GetRequiredService<PassendAanbod>();
        var treffers = await passend.ZoekAsync(new PassendAanbodVraag(M(["rondkomen"], "schulden", urgentie: new Urgentie(false, true, true)), true), 50);
        Assert.NotEmpty(treffers);
        Assert.All(treffers, t => Assert.Equal(SocialeKaart.Kaart.Content.Toegang.AlgemeenToegankelijk, t.Hit.Toegang));
    }
}
