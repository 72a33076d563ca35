using System.Text.Json.Serialization;

namespace SocialeKaart.Portal.Features.OpenData;

// The HSDS 3.0 objects as we publish them (schema/*.json in the Open Referral specification). Property names are the
// HSDS field names; null fields are left out of the JSON. Only public fields of the kaart ever reach these records.

public sealed record HsdsMeta(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("openapi_url")] string OpenapiUrl);

/// <summary>A page of a list endpoint (the <c>Page</c> schema of the HSDS API reference) with its <c>contents</c>.</summary>
public sealed record HsdsPagina<T>(
    [property: JsonPropertyName("total_items")] int TotalItems,
    [property: JsonPropertyName("total_pages")] int TotalPages,
    [property: JsonPropertyName("page_number")] int PageNumber,
    [property: JsonPropertyName("size")] int Size,
    [property: JsonPropertyName("first_page")] bool FirstPage,
    [property: JsonPropertyName("last_page")] bool LastPage,
    [property: JsonPropertyName("empty")] bool Empty,
    [property: JsonPropertyName("contents")] IReadOnlyList<T> Contents);

public sealed record HsdsService
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("organization_id")] public string? OrganizationId { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("application_process")] public string? ApplicationProcess { get; init; }
    [JsonPropertyName("fees_description")] public string? FeesDescription { get; init; }
    [JsonPropertyName("eligibility_description")] public string? EligibilityDescription { get; init; }
    [JsonPropertyName("minimum_age")] public int? MinimumAge { get; init; }
    [JsonPropertyName("maximum_age")] public int? MaximumAge { get; init; }
    [JsonPropertyName("assured_date")] public string? AssuredDate { get; init; }
    [JsonPropertyName("last_modified")] public string? LastModified { get; init; }
    [JsonPropertyName("phones")] public IReadOnlyList<HsdsPhone>? Phones { get; init; }
    [JsonPropertyName("schedules")] public IReadOnlyList<HsdsSchedule>? Schedules { get; init; }
    [JsonPropertyName("service_areas")] public IReadOnlyList<HsdsServiceArea>? ServiceAreas { get; init; }
    [JsonPropertyName("service_at_locations")] public IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations { get; init; }
    [JsonPropertyName("languages")] public IReadOnlyList<HsdsLanguage>? Languages { get; init; }
    [JsonPropertyName("organization")] public HsdsOrganization? Organization { get; init; }
    [JsonPropertyName("cost_options")] public IReadOnlyList<HsdsCostOption>? CostOptions { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
}

public sealed record HsdsOrganization
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("email")] public string? Email { get; init; }
    [JsonPropertyName("website")] public string? Website { get; init; }
    [JsonPropertyName("phones")] public IReadOnlyList<HsdsPhone>? Phones { get; init; }
    [JsonPropertyName("locations")] public IReadOnlyList<HsdsLocation>? Locations { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
    [JsonPropertyName("services")] public IReadOnlyList<HsdsService>? Services { get; init; }
}

public sealed record HsdsLocation
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("location_type")] public required string LocationType { get; init; }
    [JsonPropertyName("organization_id")] public string? OrganizationId { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("latitude")] public double? Latitude { get; init; }
    [JsonPropertyName("longitude")] public double? Longitude { get; init; }
    [JsonPropertyName("addresses")] public IReadOnlyList<HsdsAddress>? Addresses { get; init; }
    [JsonPropertyName("accessibility")] public IReadOnlyList<HsdsAccessibility>? Accessibility { get; init; }
    [JsonPropertyName("attributes")] public IReadOnlyList<HsdsAttribute>? Attributes { get; init; }
}

public sealed record HsdsAddress
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("location_id")] public string? LocationId { get; init; }
    [JsonPropertyName("address_1")] public required string Address1 { get; init; }
    [JsonPropertyName("city")] public required string City { get; init; }
    [JsonPropertyName("state_province")] public required string StateProvince { get; init; }
    [JsonPropertyName("postal_code")] public required string PostalCode { get; init; }
    [JsonPropertyName("country")] public required string Country { get; init; }
    [JsonPropertyName("address_type")] public required string AddressType { get; init; }
}

public sealed record HsdsAccessibility(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("location_id")] string LocationId,
    [property: JsonPropertyName("description")] string Description);

public sealed record HsdsServiceAtLocation
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("service_id")] public string? ServiceId { get; init; }
    [JsonPropertyName("location_id")] public string? LocationId { get; init; }
    [JsonPropertyName("location")] public HsdsLocation? Location { get; init; }
    [JsonPropertyName("service")] public HsdsService? Service { get; init; }
}

public sealed record HsdsServiceArea(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("service_id")] string ServiceId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("attributes")] IReadOnlyList<HsdsAttribute> Attributes);

public sealed record HsdsPhone(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("description")] string? Description)
{
    [JsonPropertyName("service_id")] public string? ServiceId { get; init; }
    [JsonPropertyName("organization_id")] public string? OrganizationId { get; init; }
}

/// <summary>An HSDS schedule: the iCalendar RRULE parts (freq, interval, byday, dtstart, until, wkst) plus opening hours.</summary>
public sealed record HsdsSchedule
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("service_id")] public string? ServiceId { get; init; }
    [JsonPropertyName("valid_from")] public string? ValidFrom { get; init; }
    [JsonPropertyName("valid_to")] public string? ValidTo { get; init; }
    [JsonPropertyName("dtstart")] public string? Dtstart { get; init; }
    [JsonPropertyName("until")] public string? Until { get; init; }
    [JsonPropertyName("wkst")] public string? Wkst { get; init; }
    [JsonPropertyName("freq")] public string? Freq { get; init; }
    [JsonPropertyName("interval")] public int? Interval { get; init; }
    [JsonPropertyName("byday")] public string? Byday { get; init; }
    [JsonPropertyName("opens_at")] public string? OpensAt { get; init; }
    [JsonPropertyName("closes_at")] public string? ClosesAt { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("notes")] public string? Notes { get; init; }
}

public sealed record HsdsCostOption
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("service_id")] public required string ServiceId { get; init; }
    [JsonPropertyName("option")] public string? Option { get; init; }
    [JsonPropertyName("currency")] public string? Currency { get; init; }
    [JsonPropertyName("amount")] public decimal? Amount { get; init; }
}

public sealed record HsdsLanguage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("service_id")] string ServiceId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("code")] string Code);

/// <summary>Links a record to a taxonomy term, with a value for the fields of our profile.</summary>
public sealed record HsdsAttribute
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("link_id")] public required string LinkId { get; init; }
    [JsonPropertyName("taxonomy_term_id")] public required string TaxonomyTermId { get; init; }
    [JsonPropertyName("link_type")] public required string LinkType { get; init; }
    [JsonPropertyName("link_entity")] public required string LinkEntity { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("taxonomy_term")] public HsdsTaxonomyTerm? TaxonomyTerm { get; init; }
}

public sealed record HsdsTaxonomy(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("uri")] string? Uri,
    [property: JsonPropertyName("version")] string? Version);

public sealed record HsdsTaxonomyTerm
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("code")] public required string Code { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("description")] public required string Description { get; init; }
    [JsonPropertyName("parent_id")] public string? ParentId { get; init; }
    [JsonPropertyName("taxonomy")] public required string Taxonomy { get; init; }
    [JsonPropertyName("taxonomy_detail")] public HsdsTaxonomy? TaxonomyDetail { get; init; }
    [JsonPropertyName("language")] public string? Language { get; init; }
    [JsonPropertyName("taxonomy_id")] public required string TaxonomyId { get; init; }
    [JsonPropertyName("term_uri")] public string? TermUri { get; init; }
}

/// <summary>The whole open kaart in one file: every list as its endpoint gives it, fully nested.</summary>
public sealed record HsdsExport(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("generated")] string Generated,
    [property: JsonPropertyName("services")] IReadOnlyList<HsdsService> Services,
    [property: JsonPropertyName("organizations")] IReadOnlyList<HsdsOrganization> Organizations,
    [property: JsonPropertyName("locations")] IReadOnlyList<HsdsLocation> Locations,
    [property: JsonPropertyName("service_at_locations")] IReadOnlyList<HsdsServiceAtLocation> ServiceAtLocations,
    [property: JsonPropertyName("taxonomies")] IReadOnlyList<HsdsTaxonomy> Taxonomies,
    [property: JsonPropertyName("taxonomy_terms")] IReadOnlyList<HsdsTaxonomyTerm> TaxonomyTerms);

/// <summary>Our profile, machine-readable: what <c>profile</c> in the API's meta information points to.</summary>
public sealed record HsdsProfielInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("hsds_version")] string HsdsVersion,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("taxonomies")] IReadOnlyList<HsdsTaxonomy> Taxonomies,
    [property: JsonPropertyName("kenmerken")] IReadOnlyList<HsdsTaxonomyTerm> Kenmerken);
