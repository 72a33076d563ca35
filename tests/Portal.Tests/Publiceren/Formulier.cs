using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SocialeKaart.Portal.Tests.Meldingen;

namespace SocialeKaart.Portal.Tests.Publiceren;

/// <summary>
/// A form of a page as a browser submits it: every field with the value the page rendered (checked boxes only, the
/// selected option), then what the test changes. So a test posts what the page really offers, not names it assumes.
/// </summary>
internal sealed class Formulier
{
    private readonly List<(string Naam, string Waarde)> _velden;

    private Formulier(string handler, string? token, List<(string, string)> velden) => (Handler, Token, _velden) = (handler, token, velden);

    public string Handler { get; }

    public string? Token { get; }

    public static Formulier Van(Formulieren.Antwoord pagina, string handler)
    {
        var form = pagina.Document.QuerySelectorAll("form").FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{handler}']") is not null)
            ?? throw new InvalidOperationException($"Geen formulier '{handler}' op de pagina ({(int)pagina.Status}): {Tekst(pagina)}");
        var velden = new List<(string, string)>();
        foreach (var element in form.QuerySelectorAll("input, select, textarea"))
        {
            var naam = element.GetAttribute("name");
            if (naam is null or "_handler" or "__RequestVerificationToken" || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } keuze:
                    if (keuze.HasAttribute("checked"))
                    {
                        velden.Add((naam, keuze.GetAttribute("value") ?? "on"));
                    }

                    break;
                case IHtmlInputElement { Type: "submit" }:
                    break;
                case IHtmlInputElement input:
                    velden.Add((naam, input.GetAttribute("value") ?? ""));
                    break;
                case IHtmlSelectElement select:
                    var gekozen = select.QuerySelector("option[selected]") ?? select.QuerySelector("option");
                    velden.Add((naam, gekozen?.GetAttribute("value") ?? gekozen?.TextContent ?? ""));
                    break;
                case IHtmlTextAreaElement textarea:
                    velden.Add((naam, textarea.TextContent.TrimStart('\n')));
                    break;
            }
        }

        return new Formulier(handler, form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? pagina.Token, velden);
    }

    /// <summary>Sets a field (replacing every value it had).</summary>
    public Formulier Zet(string naam, params string[] waarden)
    {
        _velden.RemoveAll(v => v.Naam == naam);
        _velden.AddRange(waarden.Select(w => (naam, w)));
        return this;
    }

    public string? Waarde(string naam) => _velden.FirstOrDefault(v => v.Naam == naam).Waarde;

    public Task<Formulieren.Antwoord> PostAsync(HttpClient client, string url) => client.PostAsync(url, Handler, Token, [.. _velden]);

    public static string Tekst(Formulieren.Antwoord pagina) =>
        string.Join(" ", (pagina.Document.QuerySelector("main")?.TextContent ?? pagina.Document.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
