using System.Globalization;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Content;

/// <summary>PC4 → centre coordinates (content/postcodes/pc4.tsv, GeoNames, CC BY 4.0).</summary>
public sealed class Postcodes(IReadOnlyDictionary<string, GeoPunt> centres)
{
    public IReadOnlyDictionary<string, GeoPunt> Centres { get; } = centres;

    public static Postcodes Parse(string tsv)
    {
        var points = new Dictionary<string, List<GeoPunt>>();
        foreach (var line in tsv.Split('\n'))
        {
            var f = line.Split('\t');
            if (f.Length < 11 || f[1].Length != 4
                || !double.TryParse(f[9], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                continue;
            }

            if (!points.TryGetValue(f[1], out var list))
            {
                points[f[1]] = list = [];
            }

            list.Add(new GeoPunt(lat, lon));
        }

        // A few PC4 areas have several rows (one per place); their centre is the mean.
        return new Postcodes(points.ToDictionary(p => p.Key, p => new GeoPunt(p.Value.Average(x => x.Lat), p.Value.Average(x => x.Lon))));
    }

    /// <summary>The PC4 part of "3901", "3901 AB" or "3901ab"; null when it is no Dutch postcode.</summary>
    public static string? Pc4(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        var p = postcode.Trim();
        return p.Length >= 4 && p[..4].All(char.IsAsciiDigit) && p[0] != '0'
            && (p.Length == 4 || p[4..].Trim().All(char.IsAsciiLetter) && p[4..].Trim().Length is 0 or 2)
            ? p[..4]
            : null;
    }

    public GeoPunt? Find(string? postcode) =>
        Pc4(postcode) is { } pc4 && Centres.TryGetValue(pc4, out var point) ? point : null;
}
