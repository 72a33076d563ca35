namespace SocialeKaart.Portal.Components.Shared;

/// <summary>The validation messages of one form, in the order of its fields; rendered by <see cref="FoutOverzicht"/> and beside each field.</summary>
public sealed class Formulierfouten
{
    private readonly List<KeyValuePair<string, string>> _fouten = [];

    public int Count => _fouten.Count;

    public IReadOnlyList<KeyValuePair<string, string>> Alle => _fouten;

    public void Voeg(string veld, string bericht)
    {
        if (Van(veld) is null)
        {
            _fouten.Add(new(veld, bericht));
        }
    }

    public string? Van(string veld) => _fouten.FirstOrDefault(f => f.Key == veld).Value;

    /// <summary>For aria-invalid: "true" or null (no attribute).</summary>
    public string? Ongeldig(string veld) => Van(veld) is null ? null : "true";

    /// <summary>For aria-describedby: the id of the field's error message, or the hint when there is no error.</summary>
    public string? Beschrijving(string veld, string? uitleg = null) =>
        Van(veld) is null ? uitleg : uitleg is null ? $"{veld}-fout" : $"{veld}-fout {uitleg}";
}
