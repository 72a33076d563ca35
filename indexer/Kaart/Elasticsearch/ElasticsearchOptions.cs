using System.ComponentModel.DataAnnotations;

namespace SocialeKaart.Kaart.Elasticsearch;

/// <summary>
/// Where the Elasticsearch index lives and how to log in (section <c>Zoekindex:Elasticsearch</c>). Secrets (API key,
/// password) come from the environment or a key vault, never from a file in the repository.
/// </summary>
public sealed class ElasticsearchOptions : IValidatableObject
{
    public const string Section = "Zoekindex:Elasticsearch";

    /// <summary>The cluster's address, e.g. <c>http://localhost:9200</c>.</summary>
    public string? Url { get; set; }

    /// <summary>An API key (the base64 form Elasticsearch hands out); wins over user name and password.</summary>
    public string? ApiKey { get; set; }

    public string? Gebruiker { get; set; }

    public string? Wachtwoord { get; set; }

    /// <summary>
    /// The start of every index and alias name (<c>{prefix}-aanbod</c>, <c>{prefix}-intern</c>), so that several
    /// kaarten (or test runs) share one cluster without touching each other's indexes.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_-]{0,60}$", ErrorMessage = "Zoekindex:Elasticsearch:Prefix: kleine letters, cijfers, - en _.")]
    public string Prefix { get; set; } = "sociale-kaart";

    /// <summary>Attempts after the first for a transient failure (connection refused, 429, 5xx, timeout), with exponential backoff.</summary>
    [Range(0, 10)]
    public int Herhalingen { get; set; } = 3;

    /// <summary>The first backoff delay; each next attempt waits about twice as long (with jitter).</summary>
    public TimeSpan EersteWachttijd { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest one request may take, retries excluded.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            yield return new ValidationResult("Zoekindex:Elasticsearch:Url is nodig (bijvoorbeeld http://localhost:9200).", [nameof(Url)]);
        }

        if (string.IsNullOrEmpty(Gebruiker) != string.IsNullOrEmpty(Wachtwoord))
        {
            yield return new ValidationResult("Geef Zoekindex:Elasticsearch:Gebruiker en Wachtwoord allebei, of geen van beide.", [nameof(Gebruiker)]);
        }
    }

    /// <summary>The alias readers search (one index per build behind it).</summary>
    public string AanbodAlias => Prefix + "-aanbod";

    /// <summary>The alias of the internal fields and the index's own data, which a public search never reads.</summary>
    public string InternAlias => Prefix + "-intern";
}
