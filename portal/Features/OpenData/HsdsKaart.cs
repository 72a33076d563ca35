using System.Globalization;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Hsds;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Portal.Features.OpenData;

/// <summary>One published service with what the list filters need.</summary>
public sealed record HsdsDienst(
    HsdsService Volledig,
    string AanbodId,
    DateTimeOffset Gewijzigd,
    IReadOnlySet<string> TermIds,
    IReadOnlySet<string> TaxonomieIds);

/// <summary>
/// The public kaart as HSDS 3.0 objects, built from the search index (which holds public fields only) by
/// <see cref="HsdsKaartBouwer"/>. Immutable: one snapshot serves many requests.
/// </summary>
public sealed class HsdsKaart
{
    public required IReadOnlyList<HsdsDienst> Diensten { get; init; }
    public required IReadOnlyList<HsdsOrganization> Organisaties { get; init; }
    public required IReadOnlyList<HsdsLocation> Locaties { get; init; }
    public required IReadOnlyList<HsdsServiceAtLocation> DienstenOpLocatie { get; init; }
    public required IReadOnlyList<HsdsTaxonomy> Taxonomieen { get; init; }
    public required IReadOnlyList<HsdsTaxonomyTerm> Termen { get; init; }
    public required string BasisUrl { get; init; }

    /// <summary>Per location id its place (its own coordinates, else the centre of its PC4 area), for proximity.</summary>
    public required IReadOnlyDictionary<string, GeoPunt?> Punten { get; init; }
    public required DateTimeOffset Gemaakt { get; init; }

    public IReadOnlyDictionary<string, HsdsDienst> DienstPerId => _diensten ??= Diensten.ToDictionary(d => d.Volledig.Id);
    private Dictionary<string, HsdsDienst>? _diensten;

    /// <summary>A service in a list: its one-to-one fields and its organization's (the <c>service_list</c> schema).</summary>
    public static HsdsService Kort(HsdsService s) => s with
    {
        Phones = null, Schedules = null, ServiceAreas = null, ServiceAtLocations = null, Languages = null, CostOptions = null,
        Attributes = null, Organization = s.Organization is { } o ? Kort(o) : null,
    };

    public static HsdsOrganization Kort(HsdsOrganization o) => o with { Phones = null, Locations = null, Attributes = null, Services = null };

    public static HsdsLocation Kort(HsdsLocation l) => l with { Addresses = null, Accessibility = null, Attributes = null };

    /// <summary>The services of an organization, short or fully nested (<c>full_service</c>).</summary>
    public HsdsOrganization MetDiensten(HsdsOrganization o, bool volledig) => o with
    {
        Services = Diensten.Where(d => d.Volledig.OrganizationId == o.Id)
            .Select(d => volledig ? d.Volledig with { Organization = null } : Kort(d.Volledig) with { Organization = null }).ToList(),
    };

    /// <summary>A service_at_location fully nested: its location and its service (without the service's own list of them).</summary>
    public HsdsServiceAtLocation Volledig(HsdsServiceAtLocation sal) => sal with
    {
        Service = DienstPerId.TryGetValue(sal.ServiceId!, out var d) ? d.Volledig with { ServiceAtLocations = null } : null,
    };

    /// <summary>A service_at_location in a list (the <c>service_at_location_list</c> schema).</summary>
    public HsdsServiceAtLocation Kort(HsdsServiceAtLocation sal) => sal with
    {
        Location = sal.Location is { } l ? Kort(l) : null,
        Service = DienstPerId.TryGetValue(sal.ServiceId!, out var d) ? Kort(d.Volledig) : null,
    };

    public static string Datum(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Tijdstip(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>Maps the public aanbod of the index to HSDS 3.0 with our profile (README, "Open data").</summary>
public sealed class HsdsKaartBouwer(Taxonomie taxonomie, IReadOnlyDictionary<string, string> provincies, Postcodes postcodes)
{
    public Postcodes Postcodes => postcodes;

    public const string Taal = "nld";

    public HsdsKaart Bouw(IReadOnlyList<IndexDocument> documenten, string basisUrl, DateTimeOffset nu)
    {
        basisUrl = basisUrl.TrimEnd('/');
        var (taxonomieen, termen) = Taxonomieen(basisUrl);
        var termPerId = termen.ToDictionary(t => t.Id);
        // The index keeps the body rendered (HTML and plain text), not its Markdown: HSDS gets the plain text.
        var aanbod = documenten.Select(d => d.Aanbod with { BodyMarkdown = d.BodyTekst }).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();

        // One organization per name: the kaart writes the aanbieder with every aanbod.
        var organisaties = new Dictionary<string, (HsdsOrganization Org, List<string> Aanbod)>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in aanbod)
        {
            var naam = a.Organization.Name.Trim();
            if (organisaties.TryGetValue(naam, out var bestaand))
            {
                bestaand.Aanbod.Add(a.Id);
                var o = bestaand.Org;
                organisaties[naam] = (o with
                {
                    Email = o.Email ?? a.Organization.Email,
                    Website = o.Website ?? a.Organization.Url,
                    Phones = o.Phones is { Count: > 0 } || a.Organization.Phone is null ? o.Phones : [OrgTelefoon(o.Id, a.Organization.Phone)],
                }, bestaand.Aanbod);
                continue;
            }

            var id = HsdsProfiel.Id("organization:" + naam.ToLowerInvariant());
            var soort = HsdsProfiel.SoortOrganisatieTermen.FirstOrDefault(s => s.Code == a.Organization.Soort);
            organisaties[naam] = (new HsdsOrganization
            {
                Id = id,
                Name = naam,
                Description = soort.Naam ?? a.Organization.Soort,
                Email = a.Organization.Email,
                Website = a.Organization.Url,
                Phones = a.Organization.Phone is { } p ? [OrgTelefoon(id, p)] : [],
                Attributes = [Koppel(id, "organization", termPerId[HsdsProfiel.TermId(HsdsProfiel.SoortOrganisatie, a.Organization.Soort)])],
            }, [a.Id]);
        }

        // One location per place: the same address of the same name is one HSDS location for all aanbod there.
        var locaties = new Dictionary<string, (HsdsLocation Locatie, HashSet<string> Organisaties, GeoPunt? Punt)>(StringComparer.Ordinal);
        var diensten = new List<HsdsDienst>();
        var dienstenOpLocatie = new List<HsdsServiceAtLocation>();
        foreach (var a in aanbod)
        {
            var serviceId = HsdsProfiel.Id("service:" + a.Id);
            var org = organisaties[a.Organization.Name.Trim()].Org;
            var sals = new List<HsdsServiceAtLocation>();
            foreach (var l in a.Locations)
            {
                var sleutel = $"{l.Name}|{l.Address1}|{l.PostalCode}|{l.City}".ToLowerInvariant();
                if (!locaties.TryGetValue(sleutel, out var loc))
                {
                    loc = (Locatie(sleutel, l, termPerId), [], l.Latitude is { } lat && l.Longitude is { } lon ? new GeoPunt(lat, lon) : postcodes.Find(l.PostalCode));
                    locaties[sleutel] = loc;
                }

                loc.Organisaties.Add(org.Id);
                var sal = new HsdsServiceAtLocation
                {
                    Id = HsdsProfiel.Id($"service_at_location:{a.Id}:{loc.Locatie.Id}"),
                    ServiceId = serviceId,
                    LocationId = loc.Locatie.Id,
                    Location = loc.Locatie,
                };
                if (sals.All(s => s.Id != sal.Id))
                {
                    sals.Add(sal);
                }
            }

            var attributen = Attributen(a, serviceId, termPerId);
            var gebieden = a.Wijken.Select(w => new HsdsServiceArea(HsdsProfiel.Id($"service_area:{a.Id}:{w}"), serviceId, taxonomie.Naam(w),
                $"Wijk {taxonomie.Naam(w)}", [Koppel(HsdsProfiel.Id($"service_area:{a.Id}:{w}"), "service_area", termPerId[HsdsProfiel.TermId(HsdsProfiel.Wijken, w)])])).ToList();
            var gewijzigd = new DateTimeOffset(a.AssuredDate.ToDateTime(TimeOnly.MinValue),
                Rooster.Amsterdam.GetUtcOffset(a.AssuredDate.ToDateTime(TimeOnly.MinValue)));
            var service = new HsdsService
            {
                Id = serviceId,
                OrganizationId = org.Id,
                Name = a.Name,
                Description = a.BodyMarkdown,
                Url = a.Url,
                Email = a.Email,
                Status = "active",
                ApplicationProcess = a.ApplicationProcess,
                FeesDescription = a.FeesDescription ?? (a.Gratis ? "Gratis" : null),
                EligibilityDescription = Voorwaarden(a),
                MinimumAge = a.MinimumAge,
                MaximumAge = a.MaximumAge,
                AssuredDate = HsdsKaart.Datum(a.AssuredDate),
                LastModified = HsdsKaart.Tijdstip(gewijzigd),
                Phones = a.Phones.Select((p, i) => new HsdsPhone(HsdsProfiel.Id($"phone:{a.Id}:{i}"), p.Number, p.Description) { ServiceId = serviceId }).ToList(),
                Schedules = a.Schedules.Select((t, i) => Schema(t, HsdsProfiel.Id($"schedule:{a.Id}:{i}"), serviceId)).ToList(),
                ServiceAreas = gebieden,
                ServiceAtLocations = sals,
                Languages = a.Languages.Select(code => new HsdsLanguage(HsdsProfiel.Id($"language:{a.Id}:{code}"), serviceId,
                    FacetWaarden.Label(Facetten.Taal, code, taxonomie), code)).ToList(),
                Organization = HsdsKaart.Kort(org),
                CostOptions = a.CostOptions.Select((k, i) => new HsdsCostOption
                {
                    Id = HsdsProfiel.Id($"cost_option:{a.Id}:{i}"), ServiceId = serviceId, Option = k.Option, Currency = k.Amount is null ? null : "EUR", Amount = k.Amount,
                }).ToList(),
                Attributes = attributen,
            };
            var termIds = attributen.Select(t => t.TaxonomyTermId).Concat(gebieden.SelectMany(g => g.Attributes).Select(t => t.TaxonomyTermId)).ToHashSet();
            foreach (var ouder in termIds.Select(t => termPerId[t].ParentId).OfType<string>().ToList())
            {
                termIds.Add(ouder);
            }

            diensten.Add(new HsdsDienst(service, a.Id, gewijzigd, termIds, termIds.Select(t => termPerId[t].TaxonomyId).ToHashSet()));
            dienstenOpLocatie.AddRange(sals);
        }

        // The organization of a location only when a single organization uses it.
        var locatieLijst = locaties.Values.Select(l => l.Organisaties.Count == 1 ? l.Locatie with { OrganizationId = l.Organisaties.First() } : l.Locatie)
            .OrderBy(l => l.Name, StringComparer.Ordinal).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        var perLocatie = locatieLijst.ToDictionary(l => l.Id);
        diensten = diensten.Select(d => d with
        {
            Volledig = d.Volledig with { ServiceAtLocations = d.Volledig.ServiceAtLocations!.Select(s => s with { Location = perLocatie[s.LocationId!] }).ToList() },
        }).OrderBy(d => d.Volledig.Name, StringComparer.Ordinal).ThenBy(d => d.Volledig.Id, StringComparer.Ordinal).ToList();
        dienstenOpLocatie = dienstenOpLocatie.Select(s => s with { Location = perLocatie[s.LocationId!] }).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

        var orgLijst = organisaties.Values.Select(o => o.Org with
        {
            Locations = locatieLijst.Where(l => l.OrganizationId == o.Org.Id).ToList(),
        }).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();

        return new HsdsKaart
        {
            Diensten = diensten,
            Organisaties = orgLijst,
            Locaties = locatieLijst,
            DienstenOpLocatie = dienstenOpLocatie,
            Taxonomieen = taxonomieen,
            Termen = termen,
            BasisUrl = basisUrl,
            Punten = locaties.Values.ToDictionary(l => l.Locatie.Id, l => l.Punt),
            Gemaakt = nu,
        };
    }

    private HsdsLocation Locatie(string sleutel, Locatie l, Dictionary<string, HsdsTaxonomyTerm> termen)
    {
        var id = HsdsProfiel.Id("location:" + sleutel);
        var pc4 = Postcodes.Pc4(l.PostalCode);
        return new HsdsLocation
        {
            Id = id,
            LocationType = "physical",
            Name = l.Name,
            Latitude = l.Latitude,
            Longitude = l.Longitude,
            Addresses =
            [
                new HsdsAddress
                {
                    Id = HsdsProfiel.Id("address:" + sleutel),
                    LocationId = id,
                    Address1 = l.Address1,
                    City = l.City,
                    StateProvince = pc4 is not null && provincies.TryGetValue(pc4, out var provincie) ? provincie : "",
                    PostalCode = l.PostalCode,
                    Country = "NL",
                    AddressType = "physical",
                },
            ],
            Accessibility = l.Rolstoeltoegankelijk is { } r
                ? [new HsdsAccessibility(HsdsProfiel.Id("accessibility:" + sleutel), id, r ? Rolstoel : GeenRolstoel)]
                : [],
            // Only a wijk written in the file: a wijk derived from the postcode is not part of the aanbod, and a round trip keeps it so.
            Attributes = l.Wijk is { } w ? [Koppel(id, "location", termen[HsdsProfiel.TermId(HsdsProfiel.Wijken, w)])] : [],
        };
    }

    public const string Rolstoel = "Rolstoeltoegankelijk";
    public const string GeenRolstoel = "Niet rolstoeltoegankelijk";

    private List<HsdsAttribute> Attributen(Aanbod a, string serviceId, Dictionary<string, HsdsTaxonomyTerm> termen)
    {
        var lijst = new List<HsdsAttribute>
        {
            Koppel(serviceId, "service", termen[Kenmerk(HsdsProfiel.Kenmerk.AanbodId)], a.Id),
            Koppel(serviceId, "service", termen[Kenmerk(HsdsProfiel.Kenmerk.Samenvatting)], a.Samenvatting),
            Koppel(serviceId, "service", termen[HsdsProfiel.TermId(HsdsProfiel.Toegang, a.Toegang == Toegang.AchterHetLoket ? "achter-het-loket" : "algemeen-toegankelijk")]),
        };
        lijst.AddRange(a.WettelijkKader.Select(w => Koppel(serviceId, "service", termen[HsdsProfiel.TermId(HsdsProfiel.WettelijkKader, w)])));
        lijst.AddRange(a.Levensdomeinen.Select(l => Koppel(serviceId, "service", termen[HsdsProfiel.TermId(HsdsProfiel.Levensdomeinen, l)])));
        lijst.AddRange(a.Doelgroepen.Select(d => Koppel(serviceId, "service", termen[HsdsProfiel.TermId(HsdsProfiel.Doelgroepen, d)])));
        void Waarde(string kenmerk, string? waarde)
        {
            if (waarde is not null)
            {
                lijst.Add(Koppel(serviceId, "service", termen[Kenmerk(kenmerk)], waarde));
            }
        }

        Waarde(HsdsProfiel.Kenmerk.Bemoeizorg, a.Bemoeizorg ? "true" : null);
        Waarde(HsdsProfiel.Kenmerk.Inkomensafhankelijk, a.Inkomensafhankelijk ? "true" : null);
        Waarde(HsdsProfiel.Kenmerk.Rolstoeltoegankelijk, a.Rolstoeltoegankelijk is { } r ? (r ? "true" : "false") : null);
        Waarde(HsdsProfiel.Kenmerk.Vorm, a.Vorm);
        Waarde(HsdsProfiel.Kenmerk.Uitvoering, a.Uitvoering);
        Waarde(HsdsProfiel.Kenmerk.Identiteit, a.Identiteit);
        foreach (var b in a.Bereik)
        {
            Waarde(HsdsProfiel.Kenmerk.Bereik, b);
        }

        foreach (var t in a.Trefwoorden)
        {
            Waarde(HsdsProfiel.Kenmerk.Trefwoord, t);
        }

        return lijst;
    }

    private static string Kenmerk(string code) => HsdsProfiel.TermId(HsdsProfiel.Kenmerken, code);

    private static HsdsAttribute Koppel(string linkId, string linkType, HsdsTaxonomyTerm term, string? waarde = null) => new()
    {
        Id = HsdsProfiel.Id($"attribute:{linkId}:{term.Id}:{waarde}"),
        LinkId = linkId,
        TaxonomyTermId = term.Id,
        LinkType = linkType,
        LinkEntity = linkType,
        Value = waarde ?? term.Code,
        TaxonomyTerm = term,
    };

    private static HsdsPhone OrgTelefoon(string orgId, string nummer) =>
        new(HsdsProfiel.Id($"phone:organization:{orgId}"), nummer, null) { OrganizationId = orgId };

    private string? Voorwaarden(Aanbod a)
    {
        var delen = new List<string>();
        if (a.Doelgroepen.Count > 0)
        {
            delen.Add("Voor: " + string.Join(", ", a.Doelgroepen.Select(taxonomie.Naam)) + ".");
        }

        if (a.MinimumAge is { } min && a.MaximumAge is { } max)
        {
            delen.Add($"Van {min} tot en met {max} jaar.");
        }
        else if (a.MinimumAge is { } van)
        {
            delen.Add($"Vanaf {van} jaar.");
        }
        else if (a.MaximumAge is { } tot)
        {
            delen.Add($"Tot en met {tot} jaar.");
        }

        if (a.Toegang == Toegang.AchterHetLoket)
        {
            delen.Add("De gemeente beslist na een melding of u dit krijgt.");
        }

        return delen.Count == 0 ? null : string.Join(" ", delen);
    }

    /// <summary>Our schedule as an HSDS schedule: the RRULE parts (FREQ, INTERVAL, BYDAY, DTSTART, UNTIL, WKST) and hours.</summary>
    public static HsdsSchedule Schema(Tijden t, string id, string serviceId) => new()
    {
        Id = id,
        ServiceId = serviceId,
        Freq = t.Freq,
        Interval = t.Freq is null ? null : t.Interval,
        Byday = t.ByDay.Count == 0 ? null : string.Join(",", t.ByDay),
        Wkst = t.Freq is null ? null : "MO",
        Dtstart = t.DtStart is { } s ? HsdsKaart.Datum(s) : null,
        Until = t.Until is { } u ? HsdsKaart.Datum(u) : null,
        ValidFrom = t.DtStart is { } v ? HsdsKaart.Datum(v) : null,
        ValidTo = t.Until is { } tot ? HsdsKaart.Datum(tot) : t.Freq is null && t.DtStart is { } dag ? HsdsKaart.Datum(dag) : null,
        OpensAt = t.OpensAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
        ClosesAt = t.ClosesAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
        Description = t.Description,
    };

    private (List<HsdsTaxonomy>, List<HsdsTaxonomyTerm>) Taxonomieen(string basisUrl)
    {
        var taxonomieen = new List<HsdsTaxonomy>();
        var termen = new List<HsdsTaxonomyTerm>();
        HsdsTaxonomy Taxonomie(string naam, string omschrijving)
        {
            var id = HsdsProfiel.TaxonomieId(naam);
            var t = new HsdsTaxonomy(id, naam, omschrijving, $"{basisUrl}{OpenDataEndpoints.Pad}/taxonomies/{id}", "1");
            taxonomieen.Add(t);
            return t;
        }

        HsdsTaxonomyTerm Term(HsdsTaxonomy tax, string code, string naam, string omschrijving, string? ouder = null)
        {
            var id = HsdsProfiel.TermId(tax.Name, code);
            var term = new HsdsTaxonomyTerm
            {
                Id = id, Code = code, Name = naam, Description = omschrijving, ParentId = ouder, Taxonomy = tax.Name, TaxonomyDetail = tax,
                Language = Taal, TaxonomyId = tax.Id, TermUri = $"{basisUrl}{OpenDataEndpoints.Pad}/taxonomy_terms/{id}",
            };
            termen.Add(term);
            return term;
        }

        var domeinen = Taxonomie(HsdsProfiel.Levensdomeinen, "De vier leefgebieden en de negen levensdomeinen van de sociale kaart; elk levensdomein hoort bij één leefgebied.");
        var leefgebieden = taxonomie.Leefgebieden.ToDictionary(l => l.Id, l => Term(domeinen, l.Id, l.Naam, $"Leefgebied {l.Naam}."));
        foreach (var l in taxonomie.Levensdomeinen)
        {
            Term(domeinen, l.Id, l.Naam, l.Omschrijving.Length > 0 ? l.Omschrijving : l.Naam, leefgebieden[l.Leefgebied].Id);
        }

        var doelgroepen = Taxonomie(HsdsProfiel.Doelgroepen, "Voor wie een aanbod is. Geen doelgroep betekent: voor iedereen.");
        foreach (var d in taxonomie.Doelgroepen)
        {
            Term(doelgroepen, d.Id, d.Naam, $"Doelgroep: {d.Naam}.");
        }

        var wijken = Taxonomie(HsdsProfiel.Wijken, "De wijken van de gemeente, met hun postcodes (PC4).");
        foreach (var w in taxonomie.Wijken)
        {
            Term(wijken, w.Id, w.Naam, $"Wijk {w.Naam} (postcode {string.Join(", ", w.Postcodes)}).");
        }

        foreach (var (naam, omschrijving, lijst) in new[]
        {
            (HsdsProfiel.Toegang, "Hoe een inwoner aan het aanbod komt: direct bij de aanbieder of via het loket van de gemeente.", HsdsProfiel.ToegangTermen),
            (HsdsProfiel.WettelijkKader, "De wet waarop de toegang tot aanbod achter het loket rust.", HsdsProfiel.WettelijkKaderTermen),
            (HsdsProfiel.SoortOrganisatie, "Wat voor organisatie de aanbieder is.", HsdsProfiel.SoortOrganisatieTermen),
            (HsdsProfiel.Kenmerken, "Velden van de sociale kaart waarvoor HSDS geen veld heeft; de waarde staat in attribute.value.", HsdsProfiel.Kenmerk.Alle),
        })
        {
            var tax = Taxonomie(naam, omschrijving);
            foreach (var (code, termNaam, termOmschrijving) in lijst)
            {
                Term(tax, code, termNaam, termOmschrijving);
            }
        }

        return (taxonomieen, termen);
    }
}
