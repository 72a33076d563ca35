using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SocialeKaart.Kaart.Content;

/// <summary>A problem in a content file, reported as <c>path:line: message</c>.</summary>
public sealed record ContentProblem(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}

public sealed record ParseResult(Aanbod? Aanbod, IReadOnlyList<ContentProblem> Problems)
{
    public bool IsValid => Aanbod is not null && Problems.Count == 0;
}

/// <summary>
/// Reads one aanbod file (YAML front matter + Markdown body) and checks every field against
/// content/README.md. Problems carry the line in the file so an editor can find them.
/// </summary>
public sealed partial class AanbodParser(Taxonomie taxonomie)
{
    private static readonly HashSet<string> KnownFields =
    [
        "id", "name", "samenvatting", "toegang", "bemoeizorg", "levensdomeinen", "doelgroepen",
        "minimum_age", "maximum_age", "vorm", "uitvoering", "organization", "url", "email", "phones",
        "locations", "bereik", "wijken", "schedules", "cost_options", "fees_description", "inkomensafhankelijk", "languages",
        "rolstoeltoegankelijk", "identiteit", "application_process", "trefwoorden", "assured_date",
        "wettelijk_kader", "intern",
    ];

    private static readonly string[] Soorten = ["vrijwilligersorganisatie", "professionele-aanbieder", "gemeente", "maatschappelijke-organisatie"];
    private static readonly string[] Vormen = ["individueel", "groep", "beide"];
    private static readonly string[] Uitvoeringen = ["vrijwilligers", "professionals", "beide"];
    private static readonly string[] Bereiken = ["aan-huis", "online", "telefonisch"];
    private static readonly string[] Identiteiten = ["neutraal", "levensbeschouwelijk"];
    private static readonly string[] Wetten = ["Wmo", "Jeugdwet", "Participatiewet", "Wgs"];
    private static readonly string[] Dagen = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    /// <summary>The largest file we read: real aanbod files are a few thousand characters.</summary>
    public const int MaxTekens = 200_000;

    public ParseResult Parse(string path, string text)
    {
        var problems = new List<ContentProblem>();
        var fileId = System.IO.Path.GetFileNameWithoutExtension(path);
        if (text.Length > MaxTekens)
        {
            problems.Add(new(path, 1, $"het bestand is te groot: {text.Length} tekens, het mogen er hoogstens {MaxTekens} zijn."));
            return new(null, problems);
        }

        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            problems.Add(new(path, 1, "het bestand moet beginnen met een regel '---' (het begin van de gegevens)."));
            return new(null, problems);
        }

        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        var endAtEof = end < 0 && text.EndsWith("\n---", StringComparison.Ordinal);
        if (end < 0 && !endAtEof)
        {
            problems.Add(new(path, 1, "de gegevens bovenaan sluiten niet af met een regel '---'."));
            return new(null, problems);
        }

        if (endAtEof)
        {
            end = text.Length - 4;
        }

        var yaml = text[4..(end + 1)];
        var body = endAtEof ? "" : text[(end + 5)..];
        var bodyLine = yaml.Count(c => c == '\n') + 3;

        // The front matter starts on the file's second line; an error at its very end is on its last line.
        var (node, yamlProbleem) = VeiligeYaml.Laad(yaml);
        if (yamlProbleem is not null)
        {
            problems.Add(new(path, Math.Clamp(yamlProbleem.Line, 1, Math.Max(1, bodyLine - 3)) + 1, yamlProbleem.Message));
            return new(null, problems);
        }

        if (node is not YamlMappingNode root)
        {
            problems.Add(new(path, 2, "de gegevens bovenaan zijn leeg of geen lijst van 'veld: waarde'."));
            return new(null, problems);
        }

        var r = new Reader(path, problems);
        foreach (var key in root.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: var name })
            {
                r.Problem(key, "een veldnaam moet een gewoon woord zijn, zoals 'name:', geen lijst.");
                continue;
            }

            if (!KnownFields.Contains(name ?? ""))
            {
                r.Problem(key, $"onbekend veld '{name}'. Zie content/README.md voor de velden.");
            }
        }

        var id = r.RequiredString(root, "id");
        if (id is not null && !SlugRegex().IsMatch(id))
        {
            r.Problem(root, "id", "id mag alleen kleine letters, cijfers en streepjes bevatten.");
        }
        else if (id is not null && id != fileId)
        {
            r.Problem(root, "id", $"id '{id}' moet gelijk zijn aan de bestandsnaam '{fileId}'.");
        }

        var name1 = r.RequiredString(root, "name", maxLength: 120);
        var samenvatting = r.RequiredString(root, "samenvatting", maxLength: 300);
        var toegangText = r.RequiredString(root, "toegang");
        Toegang? toegang = toegangText switch
        {
            null => null,
            "algemeen-toegankelijk" => Toegang.AlgemeenToegankelijk,
            "achter-het-loket" => Toegang.AchterHetLoket,
            _ => null,
        };
        if (toegangText is not null && toegang is null)
        {
            r.Problem(root, "toegang", $"toegang '{toegangText}' bestaat niet. Kies 'algemeen-toegankelijk' of 'achter-het-loket'.");
        }

        var bemoeizorg = r.Bool(root, "bemoeizorg") ?? false;
        if (bemoeizorg && toegang == Toegang.AchterHetLoket)
        {
            r.Problem(root, "bemoeizorg", "bemoeizorg is altijd algemeen toegankelijk; het kan niet 'achter-het-loket' zijn.");
        }

        var levensdomeinen = r.List(root, "levensdomeinen", taxonomie.IsLevensdomein, "levensdomein", required: true);
        var doelgroepen = r.List(root, "doelgroepen", taxonomie.IsDoelgroep, "doelgroep");
        var minAge = r.Int(root, "minimum_age", 0, 120);
        var maxAge = r.Int(root, "maximum_age", 0, 120);
        if (minAge is not null && maxAge is not null && minAge > maxAge)
        {
            r.Problem(root, "maximum_age", "maximum_age is lager dan minimum_age.");
        }

        var vorm = r.OneOf(root, "vorm", Vormen);
        var uitvoering = r.OneOf(root, "uitvoering", Uitvoeringen);
        var organisatie = ReadOrganisatie(r, root);
        var url = r.Url(root, "url");
        var email = r.Email(root, "email");
        var phones = r.Sequence(root, "phones").Select(n => ReadTelefoon(r, n)).OfType<Telefoon>().ToList();
        var locations = r.Sequence(root, "locations").Select(n => ReadLocatie(r, n)).OfType<Locatie>().ToList();
        var bereik = r.List(root, "bereik", Bereiken.Contains, "bereik");
        var wijken = r.List(root, "wijken", taxonomie.IsWijk, "wijk");
        if (!r.Sequence(root, "locations").Any() && bereik.Count == 0 && root.Children.ContainsKey(new YamlScalarNode("id")))
        {
            r.Problem(root, "id", "geef minstens één locatie (locations) of een bereik (aan-huis, online, telefonisch).");
        }

        var schedules = r.Sequence(root, "schedules").Select(n => ReadTijden(r, n)).OfType<Tijden>().ToList();
        var costs = r.Sequence(root, "cost_options").Select(n => ReadKosten(r, n)).OfType<Kosten>().ToList();
        var fees = r.String(root, "fees_description");
        var inkomensafhankelijk = r.Bool(root, "inkomensafhankelijk") ?? false;
        var languages = r.List(root, "languages", l => LanguageRegex().IsMatch(l), "taalcode (ISO 639-1, bijvoorbeeld nl of en)");
        var rolstoel = r.Bool(root, "rolstoeltoegankelijk");
        var identiteit = r.OneOf(root, "identiteit", Identiteiten);
        var application = r.String(root, "application_process");
        var trefwoorden = r.List(root, "trefwoorden", _ => true, "trefwoord");
        var assured = r.Date(root, "assured_date", required: true);
        var wetten = r.List(root, "wettelijk_kader", Wetten.Contains, "wettelijk kader (Wmo, Jeugdwet, Participatiewet of Wgs)");
        if (toegang == Toegang.AchterHetLoket && wetten.Count == 0)
        {
            r.Problem(root, "toegang", "aanbod achter het loket heeft een wettelijk_kader nodig (Wmo, Jeugdwet, Participatiewet of Wgs).");
        }

        InternAanbod? intern = null;
        if (r.Node(root, "intern") is { } internNode)
        {
            if (internNode is not YamlMappingNode im)
            {
                r.Problem(internNode, "intern moet velden hebben: toewijzingscriteria en/of notities.");
            }
            else
            {
                foreach (var k in im.Children.Keys.Where(k => k is not YamlScalarNode { Value: "toewijzingscriteria" or "notities" }))
                {
                    r.Problem(k, $"onbekend veld '{(k as YamlScalarNode)?.Value ?? "(een lijst)"}' in intern. Gebruik toewijzingscriteria of notities.");
                }

                intern = new InternAanbod(r.String(im, "toewijzingscriteria"), r.String(im, "notities"));
                if (toegang == Toegang.AlgemeenToegankelijk)
                {
                    r.Problem(internNode, "interne velden horen alleen bij aanbod achter het loket.");
                }
            }
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            problems.Add(new(path, bodyLine, "de beschrijving (de tekst onder '---') is leeg."));
        }

        if (problems.Count > 0 || id is null || name1 is null || samenvatting is null || toegang is null
            || organisatie is null || assured is null)
        {
            return new(null, problems);
        }

        return new(new Aanbod
        {
            Id = id,
            Name = name1,
            Samenvatting = samenvatting,
            BodyMarkdown = body.Trim(),
            Toegang = toegang.Value,
            Bemoeizorg = bemoeizorg,
            Levensdomeinen = levensdomeinen,
            Doelgroepen = doelgroepen,
            MinimumAge = minAge,
            MaximumAge = maxAge,
            Vorm = vorm,
            Uitvoering = uitvoering,
            Organization = organisatie,
            Url = url,
            Email = email,
            Phones = phones,
            Locations = locations,
            Bereik = bereik,
            Wijken = wijken,
            Schedules = schedules,
            CostOptions = costs,
            FeesDescription = fees,
            Inkomensafhankelijk = inkomensafhankelijk,
            Languages = languages,
            Rolstoeltoegankelijk = rolstoel,
            Identiteit = identiteit,
            ApplicationProcess = application,
            Trefwoorden = trefwoorden,
            AssuredDate = assured.Value,
            WettelijkKader = wetten,
            Intern = intern,
        }, problems);
    }

    private static Organisatie? ReadOrganisatie(Reader r, YamlMappingNode root)
    {
        var node = r.Node(root, "organization");
        if (node is null)
        {
            r.Problem(root, "het veld 'organization' (de aanbieder) ontbreekt.");
            return null;
        }

        if (node is not YamlMappingNode m)
        {
            r.Problem(node, "organization moet velden hebben: name, soort, url, email, phone.");
            return null;
        }

        var name = r.RequiredString(m, "name", maxLength: 120);
        var soort = r.OneOf(m, "soort", Soorten);
        if (soort is null && r.Node(m, "soort") is null)
        {
            r.Problem(m, "organization heeft een 'soort' nodig: " + string.Join(", ", Soorten) + ".");
        }

        var org = new Organisatie(name ?? "", soort ?? "", r.Url(m, "url"), r.Email(m, "email"), r.String(m, "phone"));
        return name is null || soort is null ? null : org;
    }

    private static Telefoon? ReadTelefoon(Reader r, YamlNode node)
    {
        if (node is not YamlMappingNode m)
        {
            r.Problem(node, "een telefoonnummer heeft de velden number en description.");
            return null;
        }

        var number = r.RequiredString(m, "number");
        return number is null ? null : new Telefoon(number, r.String(m, "description"));
    }

    private Locatie? ReadLocatie(Reader r, YamlNode node)
    {
        if (node is not YamlMappingNode m)
        {
            r.Problem(node, "een locatie heeft velden: name, address_1, postal_code, city, wijk.");
            return null;
        }

        var address = r.RequiredString(m, "address_1");
        var postcode = r.RequiredString(m, "postal_code");
        if (postcode is not null && !PostcodeRegex().IsMatch(postcode))
        {
            r.Problem(m, "postal_code", $"postcode '{postcode}' klopt niet. Schrijf bijvoorbeeld 3901 AB.");
            postcode = null;
        }

        var city = r.RequiredString(m, "city");
        var wijk = r.String(m, "wijk");
        if (wijk is not null && !taxonomie.IsWijk(wijk))
        {
            r.Problem(m, "wijk", $"wijk '{wijk}' staat niet in taxonomie.yml.");
        }

        var lat = r.Double(m, "latitude", 50.5, 53.8);
        var lon = r.Double(m, "longitude", 3.2, 7.3);
        if ((lat is null) != (lon is null))
        {
            r.Problem(m, "geef latitude en longitude allebei, of allebei niet.");
        }

        return address is null || postcode is null || city is null
            ? null
            : new Locatie(r.String(m, "name"), address, postcode, city, wijk, lat, lon, r.Bool(m, "rolstoeltoegankelijk"));
    }

    private static Tijden? ReadTijden(Reader r, YamlNode node)
    {
        if (node is not YamlMappingNode m)
        {
            r.Problem(node, "een tijd heeft velden zoals freq, byday, opens_at en closes_at.");
            return null;
        }

        var ok = true;
        var freq = r.OneOf(m, "freq", ["WEEKLY", "MONTHLY"]);
        var byDayText = r.String(m, "byday");
        var byDay = byDayText?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList() ?? [];
        foreach (var d in byDay)
        {
            var match = ByDayRegex().Match(d);
            if (!match.Success || !Dagen.Contains(match.Groups[2].Value))
            {
                r.Problem(m, "byday", $"dag '{d}' klopt niet. Gebruik MO, TU, WE, TH, FR, SA, SU (bij MONTHLY mag 1TU of -1FR).");
                ok = false;
            }
            else if (match.Groups[1].Success && freq != "MONTHLY")
            {
                r.Problem(m, "byday", $"'{d}' met een nummer kan alleen bij freq: MONTHLY.");
                ok = false;
            }
        }

        var interval = r.Int(m, "interval", 1, 52) ?? 1;
        var start = r.Date(m, "dtstart");
        var until = r.Date(m, "until");
        var opens = r.Time(m, "opens_at");
        var closes = r.Time(m, "closes_at");
        if (freq is null && start is null && r.Node(m, "freq") is null)
        {
            r.Problem(m, "een tijd zonder freq is één datum: geef dan dtstart (bijvoorbeeld 2027-02-14).");
            ok = false;
        }

        if (freq is not null && byDay.Count == 0 && r.Node(m, "byday") is null)
        {
            r.Problem(m, "freq", "geef bij freq ook byday (op welke dagen).");
            ok = false;
        }

        if (opens is not null && closes is not null && closes <= opens)
        {
            r.Problem(m, "closes_at", "closes_at moet later zijn dan opens_at.");
            ok = false;
        }

        if (start is not null && until is not null && until < start)
        {
            r.Problem(m, "until", "until ligt voor dtstart.");
            ok = false;
        }

        return ok ? new Tijden(freq, byDay, interval, start, until, opens, closes, r.String(m, "description")) : null;
    }

    private static Kosten? ReadKosten(Reader r, YamlNode node)
    {
        if (node is not YamlMappingNode m)
        {
            r.Problem(node, "een prijs heeft de velden option en amount.");
            return null;
        }

        var amount = r.Decimal(m, "amount");
        return new Kosten(r.String(m, "option"), amount);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugRegex();

    [GeneratedRegex(@"^[1-9][0-9]{3}(\s?[A-Z]{2})?$")]
    private static partial Regex PostcodeRegex();

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageRegex();

    [GeneratedRegex(@"^(-?[1-5])?([A-Z]{2})$")]
    private static partial Regex ByDayRegex();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailRegex();

    /// <summary>Reads typed values from YAML nodes and records problems with their line numbers.</summary>
    private sealed class Reader(string path, List<ContentProblem> problems)
    {
        public void Problem(YamlNode node, string message) => problems.Add(new(path, (int)node.Start.Line + 1, message));

        public void Problem(YamlMappingNode parent, string field, string message) =>
            Problem(Node(parent, field) ?? parent, message);

        public YamlNode? Node(YamlMappingNode m, string field) =>
            m.Children.TryGetValue(new YamlScalarNode(field), out var n) ? n : null;

        private YamlScalarNode? Scalar(YamlMappingNode m, string field)
        {
            var node = Node(m, field);
            switch (node)
            {
                case null:
                    return null;
                case YamlScalarNode s when s.Style is not (ScalarStyle.Plain) || !IsNull(s.Value):
                    return s;
                case YamlScalarNode:
                    return null;
                default:
                    Problem(node, $"{field} moet één waarde zijn, geen lijst.");
                    return null;
            }
        }

        private static bool IsNull(string? v) => v is null or "" or "~" or "null";

        public string? String(YamlMappingNode m, string field, int maxLength = 4000)
        {
            var value = Scalar(m, field)?.Value?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return null;
            }

            if (value.Length > maxLength)
            {
                Problem(m, field, $"{field} is te lang: {value.Length} tekens, het mogen er hoogstens {maxLength} zijn.");
            }

            return value;
        }

        public string? RequiredString(YamlMappingNode m, string field, int maxLength = 4000)
        {
            var value = String(m, field, maxLength);
            if (value is null)
            {
                Problem(m, field, $"het veld '{field}' ontbreekt of is leeg.");
            }

            return value;
        }

        public string? OneOf(YamlMappingNode m, string field, IReadOnlyCollection<string> allowed)
        {
            var value = String(m, field);
            if (value is not null && !allowed.Contains(value))
            {
                Problem(m, field, $"{field} '{value}' bestaat niet. Kies uit: {string.Join(", ", allowed)}.");
                return null;
            }

            return value;
        }

        public bool? Bool(YamlMappingNode m, string field)
        {
            var value = String(m, field);
            return value switch
            {
                null => null,
                "true" or "ja" => true,
                "false" or "nee" => false,
                _ => Fail<bool?>(m, field, $"{field} moet true of false zijn, niet '{value}'."),
            };
        }

        public int? Int(YamlMappingNode m, string field, int min, int max)
        {
            var value = String(m, field);
            if (value is null)
            {
                return null;
            }

            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= min && i <= max
                ? i
                : Fail<int?>(m, field, $"{field} moet een heel getal van {min} tot en met {max} zijn, niet '{value}'.");
        }

        public double? Double(YamlMappingNode m, string field, double min, double max)
        {
            var value = String(m, field);
            if (value is null)
            {
                return null;
            }

            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= min && d <= max
                ? d
                : Fail<double?>(m, field, $"{field} moet een getal tussen {min} en {max} zijn (een plek in Nederland), niet '{value}'.");
        }

        public decimal? Decimal(YamlMappingNode m, string field)
        {
            var value = String(m, field);
            if (value is null)
            {
                return null;
            }

            return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0
                ? d
                : Fail<decimal?>(m, field, $"{field} moet een bedrag in euro's zijn, zoals 2.50, niet '{value}'.");
        }

        public DateOnly? Date(YamlMappingNode m, string field, bool required = false)
        {
            var value = required ? RequiredString(m, field) : String(m, field);
            if (value is null)
            {
                return null;
            }

            return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : Fail<DateOnly?>(m, field, $"{field} moet een datum zijn zoals 2026-10-01, niet '{value}'.");
        }

        public TimeOnly? Time(YamlMappingNode m, string field)
        {
            var value = String(m, field);
            if (value is null)
            {
                return null;
            }

            return TimeOnly.TryParseExact(value, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                ? t
                : Fail<TimeOnly?>(m, field, $"{field} moet een tijd zijn zoals \"14:00\" (met aanhalingstekens), niet '{value}'.");
        }

        public string? Url(YamlMappingNode m, string field)
        {
            var value = String(m, field);
            if (value is null)
            {
                return null;
            }

            return Uri.TryCreate(value, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)
                ? value
                : Fail<string?>(m, field, $"{field} moet een webadres zijn dat begint met https://, niet '{value}'.");
        }

        public string? Email(YamlMappingNode m, string field)
        {
            var value = String(m, field);
            if (value is null)
            {
                return null;
            }

            return EmailRegex().IsMatch(value) ? value : Fail<string?>(m, field, $"{field} is geen e-mailadres: '{value}'.");
        }

        public IEnumerable<YamlNode> Sequence(YamlMappingNode m, string field)
        {
            var node = Node(m, field);
            switch (node)
            {
                case null:
                    return [];
                case YamlSequenceNode s:
                    return s.Children;
                case YamlScalarNode s when IsNull(s.Value):
                    return [];
                default:
                    Problem(node, $"{field} moet een lijst zijn.");
                    return [];
            }
        }

        public IReadOnlyList<string> List(YamlMappingNode m, string field, Func<string, bool> isAllowed, string what, bool required = false)
        {
            var node = Node(m, field);
            var result = new List<string>();
            var before = problems.Count;
            if (node is YamlScalarNode single && !IsNull(single.Value))
            {
                // Be lenient: a single value is a list of one.
                var value = single.Value!.Trim();
                if (isAllowed(value))
                {
                    result.Add(value);
                }
                else
                {
                    Problem(node, $"{what} '{value}' bestaat niet.");
                }
            }
            else
            {
                foreach (var item in Sequence(m, field))
                {
                    if (item is YamlScalarNode s && !string.IsNullOrWhiteSpace(s.Value))
                    {
                        var value = s.Value.Trim();
                        if (!isAllowed(value))
                        {
                            Problem(item, $"{what} '{value}' bestaat niet.");
                        }
                        else if (!result.Contains(value))
                        {
                            result.Add(value);
                        }
                    }
                    else
                    {
                        Problem(item, $"in {field} staat een lege of verkeerde waarde.");
                    }
                }
            }

            if (required && result.Count == 0 && problems.Count == before)
            {
                Problem(m, field, $"het veld '{field}' ontbreekt of is leeg: geef er minstens één.");
            }

            return result;
        }

        private T Fail<T>(YamlMappingNode m, string field, string message)
        {
            Problem(m, field, message);
            return default!;
        }
    }
}
