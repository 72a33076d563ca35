using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Portal.Components.Shared;
using SocialeKaart.Portal.Features.Accounts;
using SocialeKaart.Portal.Features.Beveiliging;
using SocialeKaart.Portal.Features.Makelpunt;
using SocialeKaart.Portal.Features.Melding;
using SocialeKaart.Portal.Features.Talen;

namespace SocialeKaart.Portal.Components.Pages.Melding;

/// <summary>
/// One step of the melding: loads the draft from its cookie, shows the saved answers, and on POST takes the answers
/// from the form, saves them (also when they are wrong, so nothing is lost) and goes on — or back — with a redirect,
/// so every step has its own URL and the browser's back and forward buttons work.
/// </summary>
public abstract class MeldingStapBasis : ComponentBase
{
    /// <summary>The query value that brings the melder back to the check page after a change.</summary>
    public const string VanControle = "controleren";

    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;

    [Inject] protected MeldingConcepten Concepten { get; set; } = default!;

    [Inject] protected IMakelpuntStore Store { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [Inject] protected Taxonomie Taxonomie { get; set; } = default!;

    [Inject] protected Taalkeuze Keuze { get; set; } = default!;

    [Inject] private IStringLocalizerFactory Localizers { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "terug")] protected string? Terug { get; set; }

    protected abstract MeldingStap Stap { get; }

    /// <summary>Null only while redirecting (no draft, or already sent).</summary>
    protected MeldingConcept? Concept { get; set; }

    protected MeldingAntwoorden Antwoorden { get; set; } = new();

    /// <summary>The step titles and validation messages of <see cref="MeldingStappen"/>, in the page's language.</summary>
    protected IStringLocalizer StapTeksten => _stapTeksten ??= Localizers.Create(typeof(MeldingStappen));

    private IStringLocalizer? _stapTeksten;

    // Made on first use: the localizer is injected after construction.
    protected Formulierfouten Fouten => _fouten ??= new(StapTeksten);

    private Formulierfouten? _fouten;

    protected bool IsPost => HttpMethods.IsPost(HttpContext.Request.Method);

    protected string Titel =>
        (Fouten.Count > 0 ? StapTeksten["Fout: "] : "")
        + StapTeksten["Stap {0} van {1}: {2} - Melding doen - Sociale Kaart Veenendaal", Stap.Nummer, MeldingStappen.Alle.Count, StapTeksten[Stap.Titel]];

    /// <summary>Where this request must go instead (no draft, already sent, step not reached yet). A GET is redirected
    /// at once; a POST is redirected by its submit handler (<see cref="LeidOm"/>), because the form must still be
    /// rendered for the framework to dispatch the post: a double click on "Melding versturen" ends on the confirmation.</summary>
    protected string? Omleiding { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        if (await Concepten.VerstuurdAsync(HttpContext) is not null)
        {
            Omleiding = MeldingPaden.Verstuurd;
        }
        else if (await Concepten.HuidigAsync(HttpContext) is not { } concept)
        {
            Omleiding = MeldingPaden.Start;
        }
        else if (Stap.Nummer > concept.Stap + 1)
        {
            Omleiding = MeldingStappen.Nummer(concept.Stap + 1).Url;
        }
        else
        {
            // A draft started by an organisation account stays its melding only while that account is logged in.
            Concept = concept.Antwoorden.Verwijzer is { } v && HttpContext.User.Verwijzer()?.AccountId != v.AccountId
                ? concept with { Antwoorden = concept.Antwoorden with { Verwijzer = null } }
                : concept;
            Antwoorden = Concept.Antwoorden;
            await OnStapGeladenAsync();
        }

        if (Omleiding is not null && !IsPost)
        {
            Navigation.NavigateTo(Omleiding);
        }
    }

    /// <summary>For submit handlers: true (and redirected) when this post cannot be handled here.</summary>
    [MemberNotNullWhen(false, nameof(Concept))]
    protected bool LeidOm()
    {
        if (Omleiding is null && Concept is not null)
        {
            return false;
        }

        Navigation.NavigateTo(Omleiding ?? MeldingPaden.Start);
        return true;
    }

    protected virtual Task OnStapGeladenAsync() => Task.CompletedTask;

    /// <summary>This step's answers taken from the posted form into the draft's answers.</summary>
    protected abstract MeldingAntwoorden Neem(MeldingAntwoorden huidig);

    protected abstract void Controleer(MeldingAntwoorden antwoorden, Formulierfouten fouten);

    /// <summary>The submit handler of the step's form.</summary>
    protected async Task VerwerkAsync()
    {
        if (LeidOm())
        {
            return;
        }

        Antwoorden = Neem(Concept.Antwoorden);
        var terug = Tekst("richting") == "terug";
        if (!terug)
        {
            Controleer(Antwoorden, Fouten);
        }

        var klaar = !terug && Fouten.Count == 0;
        Concept = Concept with { Antwoorden = Antwoorden, Stap = klaar ? Math.Max(Concept.Stap, Stap.Nummer) : Concept.Stap };
        await Concepten.BewaarAsync(Concept, HttpContext.RequestAborted);

        if (Fouten.Count > 0)
        {
            HttpContext.ZetStatus(StatusCodes.Status400BadRequest);
            return;
        }

        if (terug)
        {
            Navigation.NavigateTo(MeldingStappen.Nummer(Stap.Nummer - 1).Url);
        }
        else
        {
            Verder();
        }
    }

    /// <summary>To the next step, or back to the check page when the melder came from there and all is complete.</summary>
    protected void Verder()
    {
        var controle = Terug == VanControle && Concept is not null && Concept.Stap >= MeldingStappen.Contact.Nummer;
        Navigation.NavigateTo(controle ? MeldingStappen.Controleren.Url : MeldingStappen.Nummer(Stap.Nummer + 1).Url);
    }

    protected string Tekst(string naam) =>
        HttpContext.Request.HasFormContentType ? HttpContext.Request.Form[naam].ToString().Trim() : "";

    protected bool Aangevinkt(string naam) => Tekst(naam) == "ja";

    protected IReadOnlyList<string> Waarden(string naam) =>
        HttpContext.Request.HasFormContentType
            ? HttpContext.Request.Form[naam].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList()
            : [];

    protected static string? Checked(bool aan) => aan ? "checked" : null;
}
