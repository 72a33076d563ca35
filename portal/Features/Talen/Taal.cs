using System.Globalization;

namespace SocialeKaart.Portal.Features.Talen;

/// <summary>A language the inwoner pages can be read in.</summary>
/// <param name="Code">ISO 639-1, as in the URL (<c>?taal=en</c>), the cookie and <c>lang</c>.</param>
/// <param name="Naam">The language's own name, as the switch shows it.</param>
/// <param name="Richting"><c>ltr</c> or <c>rtl</c>, for <c>dir</c>.</param>
public sealed record Taal(string Code, string Naam, string Richting)
{
    public static readonly Taal Nederlands = new("nl", "Nederlands", "ltr");
    public static readonly Taal Engels = new("en", "English", "ltr");
    public static readonly Taal Arabisch = new("ar", "العربية", "rtl");
    public static readonly Taal Turks = new("tr", "Türkçe", "ltr");
    public static readonly Taal Pools = new("pl", "Polski", "ltr");
    public static readonly Taal Oekraiens = new("uk", "Українська", "ltr");

    /// <summary>Every language, in the order of the switch: Dutch first, then the languages most asked for in the gemeente.</summary>
    public static readonly IReadOnlyList<Taal> Alle = [Nederlands, Engels, Arabisch, Turks, Pools, Oekraiens];

    /// <summary>The culture that resources are looked up in. Only the UI culture changes: numbers, dates and string
    /// comparisons keep one culture (no Turkish dotless-i surprises in ids and lower-casing).</summary>
    public CultureInfo Cultuur { get; } = CultureInfo.GetCultureInfo(Code);

    public static Taal? Zoek(string? code) =>
        code is null ? null : Alle.FirstOrDefault(t => string.Equals(t.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The languages a page is written in; a page without it is in Dutch only (the staff pages). Dutch is always included.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TalenAttribute(params string[] codes) : Attribute
{
    public IReadOnlyList<Taal> Talen { get; } =
        [Taal.Nederlands, .. codes.Select(c => Taal.Zoek(c) ?? throw new ArgumentException($"Unknown language '{c}'.")).Where(t => t != Taal.Nederlands)];
}
