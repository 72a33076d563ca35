using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Hsds;

namespace SocialeKaart.Indexer.Hsds;

public sealed record ImportOpties(string? Levensdomein = null, bool Overschrijven = false);

/// <summary>What an import did: the files written and every record it could not map, as <c>record: message</c>.</summary>
public sealed record ImportResultaat(IReadOnlyList<string> Geschreven, IReadOnlyList<string> Problemen, int Overgeslagen);

/// <summary>
/// Reads an HSDS 3.0 export (a file or a folder of JSON as the HSDS API gives it: a service, a page with <c>contents</c>,
/// an array, ndjson lines, an organization with its services, or our own export) and writes each service as an aanbod
/// file of our content model (content/README.md). Our profile's attributes (toegang, levensdomeinen, …) are read back;
/// what a record lacks and our model needs is reported as <c>record: message</c> and that record is skipped. Every
/// file is checked by the same <see cref="AanbodParser"/> as the content before it is written.
/// </summary>
public sealed partial class HsdsImport(Taxonomie taxonomie, ImportOpties opties)
{
    public const long MaxBestandBytes = 256L * 1024 * 1024;

    private static readonly JsonDocumentOptions JsonOpties = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
    private static readonly JsonSerializerOptions Yaml = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<string> _problemen = [];
    private readonly Dictionary<string, JsonElement> _organisaties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> _locaties = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public static ImportResultaat Importeer(string bron, string contentMap, ImportOpties opties)
    {
        var taxonomieTekst = File.ReadAllText(Path.Combine(contentMap, "taxonomie.yml"));
        return new HsdsImport(Taxonomie.Parse(taxonomieTekst), opties).Voer(bron, contentMap);
    }

    public ImportResultaat Voer(string bron, string contentMap)
    {
        var documenten = new List<(string Bron, JsonElement Json)>();
        var bestanden = Directory.Exists(bron)
            ? Directory.EnumerateFiles(bron, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList()
            : [bron];
        if (!Directory.Exists(bron) && !File.Exists(bron))
        {
            _problemen.Add($"{bron}: dit bestand of deze map bestaat niet.");
        }

        foreach (var bestand in bestanden.Where(File.Exists))
        {
            documenten.AddRange(Lees(bestand));
        }

        // Organizations and locations may come as their own lists (our export, or separate files): services refer to them by id.
        foreach (var (_, json) in documenten)
        {
            VerzamelLosse(json);
        }

        var diensten = documenten.SelectMany(d => Diensten(d.Json, d.Bron, null, null)).ToList();
        var map = Path.Combine(contentMap, "aanbod");
        Directory.CreateDirectory(map);
        var geschreven = new List<string>();
        var overgeslagen = 0;
        foreach (var (service, label, org, locatie) in diensten)
        {
            var bestand = Schrijf(service, label, org, locatie, map);
            if (bestand is null)
            {
                overgeslagen++;
            }
            else
            {
                geschreven.Add(bestand);
            }
        }

        return new ImportResultaat(geschreven, _problemen, overgeslagen);
    }

    private IEnumerable<(string, JsonElement)> Lees(string bestand)
    {
        var info = new FileInfo(bestand);
        if (info.Length > MaxBestandBytes)
        {
            _problemen.Add($"{bestand}: het bestand is te groot ({info.Length / 1024 / 1024} MB; hoogstens {MaxBestandBytes / 1024 / 1024} MB).");
            return [];
        }

        var tekst = File.ReadAllText(bestand);
        var resultaat = new List<(string, JsonElement)>();
        try
        {
            resultaat.Add((bestand, JsonDocument.Parse(tekst, JsonOpties).RootElement.Clone()));
            return resultaat;
        }
        catch (JsonException) when (bestand.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || tekst.TrimStart().StartsWith('{'))
        {
            // ndjson: one JSON value per line (format=ndjson of the HSDS API).
        }
        catch (JsonException e)
        {
            _problemen.Add($"{bestand}: geen geldige JSON (regel {(e.LineNumber ?? 0) + 1}): {e.Message.Split(" Path:")[0]}");
            return [];
        }

        var regels = tekst.Split('\n');
        for (var i = 0; i < regels.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(regels[i]))
            {
                continue;
            }

            try
            {
                resultaat.Add(($"{bestand}:{i + 1}", JsonDocument.Parse(regels[i], JsonOpties).RootElement.Clone()));
            }
            catch (JsonException e)
            {
                _problemen.Add($"{bestand}:{i + 1}: geen geldige JSON: {e.Message.Split(" Path:")[0]}");
            }
        }

        return resultaat;
    }

    private void VerzamelLosse(JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in json.EnumerateArray())
            {
                VerzamelLosse(item);
            }

            return;
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var (lijst, doel) in new[] { ("organizations", _organisaties), ("locations", _locaties) })
        {
            if (json.TryGetProperty(lijst, out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray().Where(i => Tekst(i, "id") is not null))
                {
                    doel.TryAdd(Tekst(item, "id")!, item);
                }
            }
        }

        if (json.TryGetProperty("contents", out var contents))
        {
            VerzamelLosse(contents);
        }
    }

    /// <summary>The services in a JSON value, with the organization and location they came with.</summary>
    private IEnumerable<(JsonElement Service, string Label, JsonElement? Org, JsonElement? Locatie)> Diensten(JsonElement json, string bron, JsonElement? org, JsonElement? locatie)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in json.EnumerateArray())
                {
                    foreach (var d in Diensten(item, $"{bron}[{i++}]", org, locatie))
                    {
                        yield return d;
                    }
                }

                yield break;
            case JsonValueKind.Object:
                break;
            default:
                _problemen.Add($"{bron}: geen HSDS-object maar {json.ValueKind}; overgeslagen.");
                yield break;
        }

        if (json.TryGetProperty("services", out var services) && services.ValueKind == JsonValueKind.Array)
        {
            // Our export, or an organization with its services.
            var eigenaar = json.TryGetProperty("name", out _) ? json : org;
            foreach (var d in Diensten(services, bron + ".services", eigenaar, locatie))
            {
                yield return d;
            }

            yield break;
        }

        if (json.TryGetProperty("contents", out var contents))
        {
            foreach (var d in Diensten(contents, bron + ".contents", org, locatie))
            {
                yield return d;
            }

            yield break;
        }

        if (json.TryGetProperty("service", out var dienst) && dienst.ValueKind == JsonValueKind.Object)
        {
            // A service_at_location: the service, at this location.
            var plek = json.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? l : (JsonElement?)null;
            foreach (var d in Diensten(dienst, bron + ".service", org, plek))
            {
                yield return d;
            }

            yield break;
        }

        // A service has a status (HSDS requires it); organizations, locations, taxonomies and terms in a list are no aanbod.
        if (!json.TryGetProperty("status", out _))
        {
            if (json.TryGetProperty("location_type", out _) || json.TryGetProperty("taxonomy", out _) || json.TryGetProperty("uri", out _)
                || json.TryGetProperty("version", out _) || json.TryGetProperty("code", out _))
            {
                yield break;
            }

            var wat = Tekst(json, "name") is { } n ? $"'{Kort(n)}'" + (Tekst(json, "id") is { } oid ? $" ({Kort(oid)})" : "") : bron;
            _problemen.Add(json.TryGetProperty("description", out _) && Tekst(json, "name") is not null
                ? $"organization {wat}: een organisatie zonder diensten in dit bestand; alleen diensten (services) worden aanbod. Overgeslagen."
                : $"{wat}: geen service (een service heeft een name en een status); overgeslagen.");
            yield break;
        }

        var label = $"service '{Kort(Tekst(json, "name") ?? "?")}'" + (Tekst(json, "id") is { } id ? $" ({Kort(id)})" : $" ({bron})");
        yield return (json, label, org, locatie);
    }

    private string? Schrijf(JsonElement s, string label, JsonElement? orgErbij, JsonElement? locatieErbij, string map)
    {
        var fouten = new List<string>();
        var notities = new List<string>();
        var attributen = Attributen(s);
        string? Waarde(string code) => attributen.FirstOrDefault(a => a.Taxonomie == HsdsProfiel.Kenmerken && a.Code == code).Waarde;
        IEnumerable<string> Waarden(string code) => attributen.Where(a => a.Taxonomie == HsdsProfiel.Kenmerken && a.Code == code && a.Waarde is not null).Select(a => a.Waarde!);
        IEnumerable<string> Termen(string taxonomieNaam) => attributen.Where(a => a.Taxonomie == taxonomieNaam && a.Code is not null).Select(a => a.Code!).Distinct();

        var status = Tekst(s, "status");
        if (status is "inactive" or "defunct" or "temporarily closed")
        {
            _problemen.Add($"{label}: de status is '{status}'; alleen actieve diensten komen op de kaart. Overgeslagen.");
            return null;
        }

        var naam = Tekst(s, "name");
        if (naam is null)
        {
            _problemen.Add($"{label}: de service heeft geen name. Overgeslagen.");
            return null;
        }

        var beschrijving = Tekst(s, "description");
        var samenvatting = Waarde(HsdsProfiel.Kenmerk.Samenvatting) ?? Samenvatting(beschrijving ?? Tekst(s, "alternate_name") ?? naam);

        var toegang = Termen(HsdsProfiel.Toegang).FirstOrDefault(t => t is "algemeen-toegankelijk" or "achter-het-loket");
        if (toegang is null)
        {
            toegang = "algemeen-toegankelijk";
            notities.Add("geen toegang (ons profiel): als algemeen toegankelijk ingelezen; laat de redactie dit nakijken");
        }

        var levensdomeinen = Termen(HsdsProfiel.Levensdomeinen).Where(taxonomie.IsLevensdomein).ToList();
        if (levensdomeinen.Count == 0)
        {
            // Another taxonomy may use our words: a term whose code or name is one of our levensdomeinen.
            levensdomeinen = attributen.SelectMany(a => new[] { a.Code, a.Naam }).OfType<string>().Select(TextFolding.Fold)
                .Select(t => taxonomie.Levensdomeinen.FirstOrDefault(l => l.Id == t || TextFolding.Fold(l.Naam) == t)?.Id).OfType<string>().Distinct().ToList();
        }

        if (levensdomeinen.Count == 0 && opties.Levensdomein is { } standaard)
        {
            levensdomeinen = [standaard];
            notities.Add($"geen levensdomein: '{standaard}' gekozen (--levensdomein)");
        }

        if (levensdomeinen.Count == 0)
        {
            fouten.Add("geen levensdomein (ons profiel of een term met de naam van een levensdomein); geef er een met --levensdomein");
        }

        var org = orgErbij is { ValueKind: JsonValueKind.Object } o1 ? o1
            : s.TryGetProperty("organization", out var o2) && o2.ValueKind == JsonValueKind.Object ? o2
            : Tekst(s, "organization_id") is { } orgId && _organisaties.TryGetValue(orgId, out var o3) ? o3
            : (JsonElement?)null;
        if (org is { } oo && Tekst(oo, "id") is { } oid && _organisaties.TryGetValue(oid, out var volledig))
        {
            org = volledig; // the organization's own record has its phones and attributes
        }

        var orgNaam = org is { } on ? Tekst(on, "name") : null;
        if (orgNaam is null)
        {
            fouten.Add("geen organization met een name (de aanbieder)");
        }

        var soort = org is { } os ? Attributen(os).FirstOrDefault(a => a.Taxonomie == HsdsProfiel.SoortOrganisatie).Code : null;
        if (soort is null && orgNaam is not null)
        {
            soort = "professionele-aanbieder";
            notities.Add("geen soort organisatie (ons profiel): als professionele aanbieder ingelezen");
        }

        var assured = Datum(Tekst(s, "assured_date")) ?? Datum(Tekst(s, "last_modified"));
        if (assured is null)
        {
            fouten.Add("geen assured_date en geen last_modified: we weten niet wanneer dit is gecontroleerd");
        }

        var locaties = new List<Dictionary<string, object?>>();
        var bereik = Waarden(HsdsProfiel.Kenmerk.Bereik).ToList();
        var plekken = new List<JsonElement>();
        if (locatieErbij is { } le)
        {
            plekken.Add(le);
        }

        foreach (var sal in Lijst(s, "service_at_locations"))
        {
            if (sal.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object)
            {
                plekken.Add(Tekst(l, "id") is { } lid && _locaties.TryGetValue(lid, out var vol) ? vol : l);
            }
            else if (Tekst(sal, "location_id") is { } lid2 && _locaties.TryGetValue(lid2, out var los))
            {
                plekken.Add(los);
            }
        }

        foreach (var plek in plekken.DistinctBy(p => Tekst(p, "id") ?? p.GetRawText()))
        {
            if (Tekst(plek, "location_type") == "virtual")
            {
                bereik.Add("online");
                continue;
            }

            if (Locatie(plek, notities) is { } locatie)
            {
                locaties.Add(locatie);
            }
        }

        bereik = bereik.Where(b => b is "aan-huis" or "online" or "telefonisch").Distinct().ToList();
        if (locaties.Count == 0 && bereik.Count == 0)
        {
            fouten.Add("geen bruikbare locatie (een Nederlands adres met postcode) en geen bereik (online, telefonisch, aan huis)");
        }

        var wijken = Lijst(s, "service_areas").SelectMany(a => Attributen(a)).Where(a => a.Taxonomie == HsdsProfiel.Wijken && a.Code is not null
            && taxonomie.IsWijk(a.Code)).Select(a => a.Code!).Distinct().ToList();

        if (fouten.Count > 0)
        {
            foreach (var f in fouten)
            {
                _problemen.Add($"{label}: {f}. Overgeslagen.");
            }

            return null;
        }

        var id = Waarde(HsdsProfiel.Kenmerk.AanbodId) is { } eigen && SlugRegex().IsMatch(eigen) ? eigen : Slug(naam);
        if (id.Length == 0)
        {
            id = "aanbod-" + HsdsProfiel.Id(Tekst(s, "id") ?? naam)[..8];
        }

        var basis = id;
        for (var n = 2; _ids.Contains(id) || (!opties.Overschrijven && File.Exists(Path.Combine(map, id + ".md"))); n++)
        {
            if (Waarde(HsdsProfiel.Kenmerk.AanbodId) == basis && !_ids.Contains(id))
            {
                _problemen.Add($"{label}: aanbod '{id}' bestaat al in {map}; niet overschreven (gebruik --overschrijven). Overgeslagen.");
                return null;
            }

            id = $"{basis}-{n}";
        }

        var velden = new List<(string, object?)>
        {
            ("id", id),
            ("name", naam),
            ("samenvatting", samenvatting),
            ("toegang", toegang),
            ("bemoeizorg", Waarde(HsdsProfiel.Kenmerk.Bemoeizorg) == "true" ? true : null),
            ("levensdomeinen", levensdomeinen),
            ("doelgroepen", Termen(HsdsProfiel.Doelgroepen).Where(taxonomie.IsDoelgroep).ToList()),
            ("minimum_age", Leeftijd(s, "minimum_age")),
            ("maximum_age", Leeftijd(s, "maximum_age")),
            ("vorm", Waarde(HsdsProfiel.Kenmerk.Vorm)),
            ("uitvoering", Waarde(HsdsProfiel.Kenmerk.Uitvoering)),
            ("organization", new Dictionary<string, object?>
            {
                ["name"] = orgNaam,
                ["soort"] = soort,
                ["url"] = org is { } ou ? Tekst(ou, "website") : null,
                ["email"] = org is { } oe ? Tekst(oe, "email") : null,
                ["phone"] = org is { } op ? Lijst(op, "phones").Select(p => Tekst(p, "number")).FirstOrDefault(p => p is not null) : null,
            }),
            ("url", Tekst(s, "url")),
            ("email", Tekst(s, "email")),
            ("phones", Lijst(s, "phones").Where(p => Tekst(p, "number") is not null)
                .Select(p => new Dictionary<string, object?> { ["number"] = Tekst(p, "number"), ["description"] = Tekst(p, "description") }).ToList()),
            ("locations", locaties),
            ("bereik", bereik),
            ("wijken", wijken),
            ("schedules", Lijst(s, "schedules").Select(t => Rooster(t, notities)).OfType<Dictionary<string, object?>>().ToList()),
            ("cost_options", Lijst(s, "cost_options").Select(k => new Dictionary<string, object?>
            {
                ["option"] = Tekst(k, "option"),
                ["amount"] = k.TryGetProperty("amount", out var a) && a.ValueKind == JsonValueKind.Number && a.TryGetDecimal(out var d) && d >= 0 ? d : null,
            }).ToList()),
            ("fees_description", Tekst(s, "fees_description")),
            ("inkomensafhankelijk", Waarde(HsdsProfiel.Kenmerk.Inkomensafhankelijk) == "true" ? true : null),
            ("languages", Lijst(s, "languages").Select(l => Taal(Tekst(l, "code"))).OfType<string>().Distinct().ToList()),
            ("rolstoeltoegankelijk", Waarde(HsdsProfiel.Kenmerk.Rolstoeltoegankelijk) switch { "true" => true, "false" => false, _ => null }),
            ("identiteit", Waarde(HsdsProfiel.Kenmerk.Identiteit)),
            ("application_process", Tekst(s, "application_process")),
            ("trefwoorden", Waarden(HsdsProfiel.Kenmerk.Trefwoord).Distinct().ToList()),
            ("assured_date", assured!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("wettelijk_kader", Termen(HsdsProfiel.WettelijkKader).ToList()),
        };

        var tekst = new StringBuilder("---\n");
        foreach (var (veld, waarde) in velden)
        {
            Yaml1(tekst, veld, waarde, "");
        }

        tekst.Append("---\n").Append(string.IsNullOrWhiteSpace(beschrijving) ? samenvatting : beschrijving.Replace("\r\n", "\n", StringComparison.Ordinal).Trim()).Append('\n');

        // The same checks as every content file: what our model refuses is reported, not written.
        var pad = $"aanbod/{id}.md";
        var parsed = new AanbodParser(taxonomie).Parse(pad, tekst.ToString());
        if (!parsed.IsValid)
        {
            foreach (var p in parsed.Problems)
            {
                _problemen.Add($"{label}: {p.Message} Overgeslagen.");
            }

            return null;
        }

        foreach (var n in notities)
        {
            _problemen.Add($"{label}: let op: {n}.");
        }

        _ids.Add(id);
        var bestand = Path.Combine(map, id + ".md");
        File.WriteAllText(bestand, tekst.ToString(), new UTF8Encoding(false));
        return bestand;
    }

    private Dictionary<string, object?>? Locatie(JsonElement l, List<string> notities)
    {
        var naam = Tekst(l, "name");
        var adres = Lijst(l, "addresses").OrderBy(a => Tekst(a, "address_type") == "physical" ? 0 : 1).FirstOrDefault();
        var straat = adres.ValueKind == JsonValueKind.Object ? Tekst(adres, "address_1") : null;
        var postcode = adres.ValueKind == JsonValueKind.Object ? Tekst(adres, "postal_code")?.ToUpperInvariant() : null;
        var plaats = adres.ValueKind == JsonValueKind.Object ? Tekst(adres, "city") : null;
        if (straat is null || plaats is null || postcode is null || !PostcodeRegex().IsMatch(postcode))
        {
            notities.Add($"locatie '{Kort(naam ?? "?")}' zonder Nederlands adres (straat, postcode als 1234 AB, plaats) is overgeslagen");
            return null;
        }

        double? Coord(string veld, double min, double max) =>
            l.TryGetProperty(veld, out var v) && v.ValueKind == JsonValueKind.Number && v.GetDouble() is var d && d >= min && d <= max ? d : null;
        var lat = Coord("latitude", 50.5, 53.8);
        var lon = Coord("longitude", 3.2, 7.3);
        var rolstoel = Lijst(l, "accessibility").Select(a => Tekst(a, "description")).FirstOrDefault(d => d is "Rolstoeltoegankelijk" or "Niet rolstoeltoegankelijk");
        return new Dictionary<string, object?>
        {
            ["name"] = naam,
            ["address_1"] = straat,
            ["postal_code"] = postcode,
            ["city"] = plaats,
            ["wijk"] = Attributen(l).FirstOrDefault(a => a.Taxonomie == HsdsProfiel.Wijken && a.Code is not null && taxonomie.IsWijk(a.Code)).Code,
            ["latitude"] = lat is not null && lon is not null ? lat : null,
            ["longitude"] = lat is not null && lon is not null ? lon : null,
            ["rolstoeltoegankelijk"] = rolstoel switch { "Rolstoeltoegankelijk" => true, "Niet rolstoeltoegankelijk" => false, _ => null },
        };
    }

    private static Dictionary<string, object?>? Rooster(JsonElement t, List<string> notities)
    {
        var freq = Tekst(t, "freq");
        var start = Datum(Tekst(t, "dtstart")) ?? Datum(Tekst(t, "valid_from"));
        if (freq is not (null or "WEEKLY" or "MONTHLY") || (freq is null && start is null))
        {
            notities.Add($"een tijd zonder freq (WEEKLY of MONTHLY) of dtstart is overgeslagen{(Tekst(t, "description") is { } d ? $" ('{Kort(d)}')" : "")}");
            return null;
        }

        var interval = t.TryGetProperty("interval", out var i) && i.ValueKind == JsonValueKind.Number && i.TryGetInt32(out var n) && n is >= 1 and <= 52 ? n : (int?)null;
        return new Dictionary<string, object?>
        {
            ["freq"] = freq,
            ["byday"] = Tekst(t, "byday")?.Replace(" ", "", StringComparison.Ordinal),
            ["interval"] = freq is null || interval is null or 1 ? null : interval,
            ["dtstart"] = start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["until"] = freq is null ? null : Datum(Tekst(t, "until"))?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["opens_at"] = Tijd(Tekst(t, "opens_at")),
            ["closes_at"] = Tijd(Tekst(t, "closes_at")),
            ["description"] = Tekst(t, "description"),
        };
    }

    private readonly record struct Attribuut(string? Taxonomie, string? Code, string? Naam, string? Waarde);

    private static List<Attribuut> Attributen(JsonElement e) => Lijst(e, "attributes").Select(a =>
    {
        var term = a.TryGetProperty("taxonomy_term", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
        var heeftTerm = term.ValueKind == JsonValueKind.Object;
        var taxonomieNaam = heeftTerm ? Tekst(term, "taxonomy") ?? (term.TryGetProperty("taxonomy_detail", out var d) && d.ValueKind == JsonValueKind.Object ? Tekst(d, "name") : null) : null;
        return new Attribuut(taxonomieNaam, heeftTerm ? Tekst(term, "code") : null, heeftTerm ? Tekst(term, "name") : null, Tekst(a, "value"));
    }).ToList();

    private static IEnumerable<JsonElement> Lijst(JsonElement e, string veld) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(veld, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>A string field; numbers and booleans are taken as their text, anything else (an object, a list) as missing.</summary>
    private static string? Tekst(JsonElement e, string veld)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(veld, out var v))
        {
            return null;
        }

        var tekst = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        };
        tekst = tekst is null ? null : ControleTekens().Replace(tekst, "").Trim();
        return string.IsNullOrEmpty(tekst) ? null : tekst;
    }

    private static int? Leeftijd(JsonElement e, string veld) =>
        e.TryGetProperty(veld, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && d >= 0 && d <= 120 && d == Math.Floor(d) ? (int)d : null;

    private static DateOnly? Datum(string? tekst) =>
        tekst is { Length: >= 10 } && DateOnly.TryParseExact(tekst[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? Tijd(string? tekst) =>
        tekst is { Length: >= 4 } && TimeOnly.TryParseExact(tekst.Length >= 5 ? tekst[..5] : tekst, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t.ToString("HH:mm", CultureInfo.InvariantCulture) : null;

    private static string? Taal(string? code)
    {
        if (code is null)
        {
            return null;
        }

        code = code.Trim().ToLowerInvariant();
        if (code.Length == 2 && code.All(char.IsAsciiLetterLower))
        {
            return code;
        }

        return code.Length == 3
            ? CultureInfo.GetCultures(CultureTypes.NeutralCultures).FirstOrDefault(c => c.ThreeLetterISOLanguageName == code && c.TwoLetterISOLanguageName.Length == 2)?.TwoLetterISOLanguageName
            : null;
    }

    private static string Samenvatting(string tekst)
    {
        tekst = Regex.Replace(tekst, @"\s+", " ").Trim();
        var punt = tekst.IndexOf(". ", StringComparison.Ordinal);
        var zin = punt is > 0 and < 300 ? tekst[..(punt + 1)] : tekst;
        if (zin.Length <= 300)
        {
            return zin;
        }

        var spatie = zin[..299].LastIndexOf(' ');
        return zin[..(spatie > 0 ? spatie : 299)] + "…";
    }

    public static string Slug(string naam)
    {
        var slug = Regex.Replace(TextFolding.Fold(naam), "[^a-z0-9]+", "-").Trim('-');
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }

    private static string Kort(string s) => s.Length > 60 ? s[..60] + "…" : s;

    /// <summary>One field as YAML. Strings are written as JSON strings, which YAML reads as double-quoted scalars: nothing in a
    /// value can end the front matter or add a field.</summary>
    private static void Yaml1(StringBuilder b, string veld, object? waarde, string inspringing)
    {
        switch (waarde)
        {
            case null:
            case System.Collections.ICollection { Count: 0 }:
                return;
            case string s:
                b.Append(inspringing).Append(veld).Append(": ").Append(JsonSerializer.Serialize(s, Yaml)).Append('\n');
                return;
            case bool v:
                b.Append(inspringing).Append(veld).Append(": ").Append(v ? "true" : "false").Append('\n');
                return;
            case int or double or decimal:
                b.Append(inspringing).Append(veld).Append(": ").Append(Convert.ToString(waarde, CultureInfo.InvariantCulture)).Append('\n');
                return;
            case List<string> lijst:
                b.Append(inspringing).Append(veld).Append(": [").Append(string.Join(", ", lijst.Select(l => JsonSerializer.Serialize(l, Yaml)))).Append("]\n");
                return;
            case Dictionary<string, object?> object1:
                b.Append(inspringing).Append(veld).Append(":\n");
                foreach (var (k, v) in object1)
                {
                    Yaml1(b, k, v, inspringing + "  ");
                }

                return;
            case List<Dictionary<string, object?>> objecten:
                b.Append(inspringing).Append(veld).Append(":\n");
                foreach (var o in objecten.Where(o => o.Values.Any(v => v is not null)))
                {
                    var eerste = true;
                    foreach (var (k, v) in o.Where(kv => kv.Value is not null))
                    {
                        var regel = new StringBuilder();
                        Yaml1(regel, k, v, "");
                        b.Append(inspringing).Append(eerste ? "  - " : "    ").Append(regel);
                        eerste = false;
                    }
                }

                return;
            default:
                throw new InvalidOperationException($"Onbekend type voor {veld}: {waarde.GetType().Name}");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugRegex();

    [GeneratedRegex(@"^[1-9][0-9]{3}(\s?[A-Z]{2})?$")]
    private static partial Regex PostcodeRegex();

    [GeneratedRegex(@"[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029\uFEFF]")]
    private static partial Regex ControleTekens();
}
