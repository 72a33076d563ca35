using System.Globalization;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Portal.Features;

namespace SocialeKaart.Portal.Components.Pages.Aanbod;

/// <summary>Opening times and activity dates in plain Dutch: "Elke dinsdag van 14.00 tot 16.00 uur".</summary>
public static class RoosterTekst
{
    private static readonly CultureInfo Nl = NederlandseTekst.Cultuur;

    private static readonly Dictionary<string, string> Dagen = new()
    {
        ["MO"] = "maandag", ["TU"] = "dinsdag", ["WE"] = "woensdag", ["TH"] = "donderdag", ["FR"] = "vrijdag", ["SA"] = "zaterdag", ["SU"] = "zondag",
    };

    private static readonly string[] Rangtelwoorden = ["", "eerste", "tweede", "derde", "vierde", "vijfde"];

    public static string Beschrijf(Tijden t)
    {
        var tijd = Tijd(t);
        if (t.Freq is null && t.DtStart is { } datum)
        {
            return $"Op {Datum(datum)}{tijd}";
        }

        var dagen = t.ByDay.Select(d => d[^2..]).ToList();
        string wanneer;
        if (t.Freq == "MONTHLY")
        {
            var delen = t.ByDay.Select(d =>
            {
                var n = d.Length > 2 ? int.Parse(d[..^2], CultureInfo.InvariantCulture) : 0;
                var dag = Dagen[d[^2..]];
                return n switch { 0 => $"elke {dag}", -1 => $"de laatste {dag}", > 0 and < 6 => $"de {Rangtelwoorden[n]} {dag}", _ => dag };
            });
            wanneer = Hoofdletter(Opsomming(delen)) + " van de maand";
        }
        else if (dagen.SequenceEqual(["MO", "TU", "WE", "TH", "FR"]))
        {
            wanneer = "Maandag tot en met vrijdag";
        }
        else
        {
            var namen = Opsomming(dagen.Select(d => Dagen[d]));
            wanneer = t.Interval > 1 ? $"Om de {t.Interval} weken op {namen}" : $"Elke {namen}";
        }

        var periode = (t.DtStart, t.Until) switch
        {
            ({ } van, { } tot) => $" (van {Datum(van)} tot en met {Datum(tot)})",
            (null, { } tot) => $" (tot en met {Datum(tot)})",
            _ => "",
        };
        return wanneer + tijd + periode;
    }

    public static string Datum(DateOnly d) => NederlandseTekst.Datum(d);

    private static string Tijd(Tijden t) => (t.OpensAt, t.ClosesAt) switch
    {
        ({ } van, { } tot) => $" van {Uur(van)} tot {Uur(tot)} uur",
        ({ } van, null) => $" vanaf {Uur(van)} uur",
        _ => "",
    };

    public static string Uur(TimeOnly t) => t.ToString("H.mm", CultureInfo.InvariantCulture);

    private static string Opsomming(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.SkipLast(1)) + " en " + list[^1];
    }

    private static string Hoofdletter(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
