using Microsoft.Extensions.Localization;

namespace SocialeKaart.Portal.Components.Shared;

/// <summary>The validation messages of one form, in the order of its fields; rendered by <see cref="FoutOverzicht"/> and beside each field.</summary>
/// <param name="teksten">Translates each message (its Dutch text is the key) into the page's language; without it the
/// messages stay as given (the Dutch-only staff pages).</param>
public sealed class Formulierfouten(IStringLocalizer? teksten = null)
{
    private readonly List<KeyValuePair<string, string>> _fouten = [];

    public int Count => _fouten.Count;

    public IReadOnlyList<KeyValuePair<string, string>> Alle => _fouten;

    public void Voeg(string veld, string bericht) => Voeg(veld, bericht, []);

    /// <summary>A message with values (<c>{0}</c>, <c>{1}</c>) that are filled in after translation: word order differs per language.</summary>
    public void Voeg(string veld, string bericht, params object[] waarden)
    {
        if (Van(veld) is null)
        {
            _fouten.Add(new(veld, Vertaal(bericht, waarden)));
        }
    }

    public string? Van(string veld) => _fouten.FirstOrDefault(f => f.Key == veld).Value;

    /// <summary>For aria-invalid: "true" or null (no attribute).</summary>
    public string? Ongeldig(string veld) => Van(veld) is null ? null : "true";

    /// <summary>For aria-describedby: the id of the field's error message, or the hint when there is no error.</summary>
    public string? Beschrijving(string veld, string? uitleg = null) =>
        Van(veld) is null ? uitleg : uitleg is null ? $"{veld}-fout" : $"{veld}-fout {uitleg}";

    // Without values the message is not a format string: a literal brace in it must not throw.
    private string Vertaal(string bericht, object[] waarden) => (teksten, waarden.Length) switch
    {
        (null, 0) => bericht,
        (null, _) => string.Format(System.Globalization.CultureInfo.InvariantCulture, bericht, waarden),
        (_, 0) => teksten[bericht],
        _ => teksten[bericht, waarden],
    };
}
