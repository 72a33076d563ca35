using System.Globalization;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Portal.Features;
using SocialeKaart.Portal.Features.Talen;

namespace SocialeKaart.Portal.Components.Pages.Aanbod;

/// <summary>Opening times and activity dates in plain Dutch: "Elke dinsdag van 14.00 tot 16.00 uur", or in the page's
/// language through <see cref="Tijdtaal"/>: "Every Tuesday from 14:00 to 16:00".</summary>
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

    /// <summary>The rule in <paramref name="taal"/>; Dutch exactly as <see cref="Beschrijf(Tijden)"/>.</summary>
    public static string Beschrijf(Tijden t, Taal taal)
    {
        if (Tijdtaal.Voor(taal) is not { } tt)
        {
            return Beschrijf(t);
        }

        var tijd = (t.OpensAt, t.ClosesAt) switch
        {
            ({ } van, { } tot) => tt.VanTot(van, tot),
            ({ } van, null) => tt.Vanaf(van),
            _ => "",
        };
        if (t.Freq is null && t.DtStart is { } datum)
        {
            return tt.Op(datum) + tijd;
        }

        var dagen = t.ByDay.Select(Tijdtaal.Dagnummer).Where(d => d >= 0).ToList();
        string wanneer;
        if (t.Freq == "MONTHLY")
        {
            wanneer = tt.VanDeMaand(t.ByDay.Where(d => Tijdtaal.Dagnummer(d) >= 0).Select(d =>
            {
                var n = d.Length > 2 ? int.Parse(d[..^2], CultureInfo.InvariantCulture) : 0;
                return tt.InDeMaand(n is -1 or (>= 0 and < 6) ? n : 0, Tijdtaal.Dagnummer(d));
            }).ToList());
        }
        else if (dagen.SequenceEqual([0, 1, 2, 3, 4]) && t.Interval <= 1)
        {
            wanneer = tt.MaandagTotVrijdag;
        }
        else if (dagen.SequenceEqual([0, 1, 2, 3, 4, 5, 6]) && t.Interval <= 1)
        {
            wanneer = tt.ElkeDag;
        }
        else
        {
            wanneer = t.Interval > 1 ? tt.OmDeWeken(t.Interval, dagen) : tt.Wekelijks(dagen);
        }

        var periode = (t.DtStart, t.Until) switch
        {
            ({ } van, { } tot) => tt.Periode(van, tot),
            (null, { } tot) => tt.TotEnMet(tot),
            _ => "",
        };
        return wanneer + tijd + periode;
    }

    /// <summary>One of the next times: "dinsdag 1 december 2026, 14.00 uur" / "Tuesday 1 December 2026, 14:00".</summary>
    public static string Keer(DateOnly datum, Tijden t, Taal taal) => Tijdtaal.Voor(taal) is { } tt
        ? t.OpensAt is { } van ? tt.DatumOm(datum, van) : tt.Datum(datum)
        : Datum(datum) + (t.OpensAt is { } v ? $", {Uur(v)} uur" : "");

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
