using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Portal.Features.Makelpunt;

namespace SocialeKaart.Portal.Tests.Makelpunt;

/// <summary>The real taxonomy of the repository (content/taxonomie.yml), read once.</summary>
internal static class EchteTaxonomie
{
    private static readonly Lazy<Taxonomie> Lazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var pad = Path.Combine(dir.FullName, "content", "taxonomie.yml");
            if (File.Exists(pad))
            {
                return Taxonomie.Parse(File.ReadAllText(pad));
            }
        }

        throw new FileNotFoundException("content/taxonomie.yml not found above " + AppContext.BaseDirectory);
    });

    public static Taxonomie Instance => Lazy.Value;
}

public sealed class RouteringTests
{
    private static readonly Routering Regels = new(EchteTaxonomie.Instance, new MakelpuntOptions());

    private static MeldingKenmerken Melding(params string[] levensdomeinen) =>
        new(Soort.Zelf, levensdomeinen, NietPluis: false, Urgentie.Geen);

    [Theory]
    [InlineData("opgroeien", "team-opgroeien")]
    [InlineData("leren", "team-opgroeien")]
    [InlineData("werken", "team-werk-en-inkomen")]
    [InlineData("rondkomen", "team-werk-en-inkomen")]
    [InlineData("wonen", "team-thuis")]
    [InlineData("huishouden", "team-thuis")]
    [InlineData("zorgen", "team-thuis")]
    [InlineData("ontmoeten", "team-meedoen")]
    [InlineData("meedoen", "team-meedoen")]
    public void Bepaal_OneLevensdomein_EnkelvoudigToTheTeamOfItsLeefgebied(string levensdomein, string team)
    {
        var besluit = Regels.Bepaal(Melding(levensdomein));

        Assert.Equal(Route.Enkelvoudig, besluit.Route);
        Assert.Equal(team, besluit.Team);
        Assert.False(besluit.Huisbezoek);
        Assert.False(besluit.Urgent);
        Assert.Equal(levensdomein, besluit.SuggestieLevensdomein);
    }

    [Fact]
    public void Bepaal_OneLevensdomein_ExplainsInDutchWithTaxonomyNames()
    {
        var besluit = Regels.Bepaal(Melding("rondkomen"));

        Assert.Equal("De melding gaat over één levensdomein: Rondkomen (leefgebied Werk en inkomen). Verwijs snel door naar passend aanbod.", besluit.Reden);
    }

    [Theory]
    [InlineData(Soort.Zelf)]
    [InlineData(Soort.Naaste)]
    [InlineData(Soort.Verwijzing)]
    public void Bepaal_OneLevensdomein_EnkelvoudigForEverySoortButZorgsignaal(Soort soort)
    {
        var besluit = Regels.Bepaal(new MeldingKenmerken(soort, ["werken"], false, Urgentie.Geen));

        Assert.Equal(Route.Enkelvoudig, besluit.Route);
    }

    [Theory]
    [InlineData("wonen", "rondkomen")]
    [InlineData("wonen", "huishouden")] // same leefgebied, still two levensdomeinen
    [InlineData("opgroeien", "werken", "ontmoeten")]
    public void Bepaal_SeveralLevensdomeinen_MeervoudigToMakelaarsWithHuisbezoek(params string[] levensdomeinen)
    {
        var besluit = Regels.Bepaal(Melding(levensdomeinen));

        Assert.Equal(Route.Meervoudig, besluit.Route);
        Assert.Equal("sociale-makelaars", besluit.Team);
        Assert.True(besluit.Huisbezoek);
        Assert.Null(besluit.SuggestieLevensdomein);
        Assert.Contains("meer levensdomeinen", besluit.Reden);
    }

    [Fact]
    public void Bepaal_NoLevensdomein_MeervoudigBecauseUnclear()
    {
        var besluit = Regels.Bepaal(Melding());

        Assert.Equal(Route.Meervoudig, besluit.Route);
        Assert.Equal("sociale-makelaars", besluit.Team);
        Assert.True(besluit.Huisbezoek);
        Assert.StartsWith("Het is nog niet duidelijk over welk levensdomein de melding gaat.", besluit.Reden);
    }

    [Fact]
    public void Bepaal_Zorgsignaal_MeervoudigEvenWithOneLevensdomein()
    {
        var besluit = Regels.Bepaal(new MeldingKenmerken(Soort.Zorgsignaal, ["zorgen"], false, Urgentie.Geen));

        Assert.Equal(Route.Meervoudig, besluit.Route);
        Assert.True(besluit.Huisbezoek);
        Assert.Equal("Het is een zorgsignaal: iemand maakt zich zorgen over een ander. Een sociale makelaar pakt de melding op en gaat op huisbezoek.", besluit.Reden);
    }

    [Fact]
    public void Bepaal_NietPluis_MeervoudigEvenWithOneLevensdomein()
    {
        var besluit = Regels.Bepaal(new MeldingKenmerken(Soort.Naaste, ["wonen"], NietPluis: true, Urgentie.Geen));

        Assert.Equal(Route.Meervoudig, besluit.Route);
        Assert.Equal("sociale-makelaars", besluit.Team);
        Assert.True(besluit.Huisbezoek);
        Assert.Contains("niet pluis", besluit.Reden);
    }

    [Theory]
    [InlineData(true, false, false, "Spoed: er is gevaar thuis.")]
    [InlineData(false, true, false, "Spoed: er dreigt een huisuitzetting of afsluiting.")]
    [InlineData(false, false, true, "Spoed: er is geen inkomen.")]
    [InlineData(true, true, true, "Spoed: er is gevaar thuis, er dreigt een huisuitzetting of afsluiting en er is geen inkomen.")]
    public void Bepaal_Urgency_FlagsUrgentWithoutChangingTheRoute(bool gevaar, bool uitzetting, bool inkomen, string begin)
    {
        var besluit = Regels.Bepaal(new MeldingKenmerken(Soort.Zelf, ["rondkomen"], false, new Urgentie(gevaar, uitzetting, inkomen)));

        Assert.True(besluit.Urgent);
        Assert.Equal(Route.Enkelvoudig, besluit.Route);
        Assert.Equal("team-werk-en-inkomen", besluit.Team);
        Assert.False(besluit.Huisbezoek);
        Assert.StartsWith(begin, besluit.Reden);
    }

    [Fact]
    public void Bepaal_UrgencyOnMeervoudig_UrgentAndStillMeervoudig()
    {
        var besluit = Regels.Bepaal(new MeldingKenmerken(Soort.Zelf, ["wonen", "rondkomen"], false, new Urgentie(false, true, false)));

        Assert.True(besluit.Urgent);
        Assert.Equal(Route.Meervoudig, besluit.Route);
        Assert.True(besluit.Huisbezoek);
    }

    [Fact]
    public void Bepaal_DuplicateLevensdomein_CountsOnce()
    {
        var besluit = Regels.Bepaal(Melding("werken", "werken"));

        Assert.Equal(Route.Enkelvoudig, besluit.Route);
        Assert.Equal("team-werk-en-inkomen", besluit.Team);
    }

    [Fact]
    public void Bepaal_UnknownLevensdomein_GoesToMakelaarsInsteadOfFailing()
    {
        var besluit = Regels.Bepaal(Melding("sterrenkijken"));

        Assert.Equal(Route.Meervoudig, besluit.Route);
        Assert.Equal("sociale-makelaars", besluit.Team);
        Assert.Contains("sterrenkijken", besluit.Reden);
    }

    [Fact]
    public void Bepaal_ConfiguredTeams_AreUsed()
    {
        var options = new MakelpuntOptions { MakelaarsTeam = "makelaars-noord" };
        options.TeamPerLeefgebied["sociale-participatie"] = "team-ontmoeten";
        var regels = new Routering(EchteTaxonomie.Instance, options);

        Assert.Equal("team-ontmoeten", regels.Bepaal(Melding("ontmoeten")).Team);
        Assert.Equal("makelaars-noord", regels.Bepaal(Melding("ontmoeten", "wonen")).Team);
    }

    [Fact]
    public void Bepaal_LeefgebiedWithoutTeam_GoesToMakelaars()
    {
        var options = new MakelpuntOptions();
        options.TeamPerLeefgebied.Remove("opgroeien-en-opvoeden");

        var besluit = new Routering(EchteTaxonomie.Instance, options).Bepaal(Melding("opgroeien"));

        Assert.Equal(Route.Meervoudig, besluit.Route);
        Assert.Equal("sociale-makelaars", besluit.Team);
        Assert.Contains("geen team", besluit.Reden);
    }

    [Fact]
    public void Urgentie_Any_TrueWhenOneFlagIsSet()
    {
        Assert.False(Urgentie.Geen.Any);
        Assert.True(new Urgentie(false, false, true).Any);
    }

    [Fact]
    public void MakelpuntOptions_DefaultTeams_CoverEveryLeefgebiedOfTheTaxonomy()
    {
        var options = new MakelpuntOptions();

        Assert.All(EchteTaxonomie.Instance.Leefgebieden, l => Assert.True(options.TeamPerLeefgebied.ContainsKey(l.Id), l.Id));
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    [Fact]
    public void AddMakelpuntRegels_BindsTheMakelpuntSection()
    {
        using var services = Services(new()
        {
            ["Makelpunt:MakelaarsTeam"] = "makelaars-west",
            ["Makelpunt:TeamPerLeefgebied:sociale-participatie"] = "team-ontmoeten",
            ["Makelpunt:Feestdagen"] = "Nieuwjaarsdag, Kerstdagen",
            ["Makelpunt:GelijkgesteldeDagen:0"] = "2026-05-15",
        });

        services.GetRequiredService<IStartupValidator>().Validate();
        var werkdagen = services.GetRequiredService<Werkdagen>();
        Assert.Same(werkdagen, services.GetRequiredService<Werkdagen>());
        Assert.True(werkdagen.IsWerkdag(new DateOnly(2026, 4, 6))); // Tweede Paasdag not configured
        Assert.False(werkdagen.IsWerkdag(new DateOnly(2026, 12, 25)));
        Assert.False(werkdagen.IsWerkdag(new DateOnly(2026, 5, 15)));

        var regels = services.GetRequiredService<Routering>();
        Assert.Equal("team-ontmoeten", regels.Bepaal(Melding("meedoen")).Team);
        Assert.Equal("team-thuis", regels.Bepaal(Melding("wonen")).Team); // the defaults stay
        Assert.Equal("makelaars-west", regels.Bepaal(Melding()).Team);
    }

    [Theory]
    [InlineData("Makelpunt:SchuldhulpDagen", "35")] // longer than the four weeks of the Wgs
    [InlineData("Makelpunt:WmoOnderzoekDagen", "60")] // longer than the six weeks of the Wmo 2015
    [InlineData("Makelpunt:EersteContactUrgentWerkdagen", "5")] // longer than the normal term
    [InlineData("Makelpunt:MakelaarsTeam", "")]
    [InlineData("Makelpunt:TeamPerLeefgebied:sociale-participatie", " ")]
    public void AddMakelpuntRegels_InvalidConfiguration_FailsAtStart(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(EchteTaxonomie.Instance)
            .AddMakelpuntRegels()
            .BuildServiceProvider();
    }
}
