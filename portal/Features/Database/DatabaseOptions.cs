using System.ComponentModel.DataAnnotations;

namespace SocialeKaart.Portal.Features.Database;

/// <summary>
/// Where the portal keeps what it writes (section "Database"): the makelpunt store, the accounts and the Data
/// Protection keys. <c>sqlite</c> (the embedded default: files under <c>.data/</c>, one portal instance) or
/// <c>postgresql</c> (one server that several portal instances share; <see cref="PostgreSQL"/> is its connection string).
/// </summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    public const string Sqlite = "sqlite";

    public const string Postgres = "postgresql";

    [Required]
    [RegularExpression("^(sqlite|postgresql)$", ErrorMessage = "Database:Engine is 'sqlite' of 'postgresql'.")]
    public string Engine { get; set; } = Sqlite;

    /// <summary>An Npgsql connection string (a secret: give it through the environment, <c>Database__PostgreSQL</c>).</summary>
    public string? PostgreSQL { get; set; }

    public bool IsPostgres => Engine == Postgres;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsPostgres && string.IsNullOrWhiteSpace(PostgreSQL))
        {
            yield return new ValidationResult("Met Database:Engine = postgresql is Database:PostgreSQL (de connection string) nodig.", [nameof(PostgreSQL)]);
        }
    }

    /// <summary>Read once at start-up, before the services exist (the choice decides which services are registered).</summary>
    public static DatabaseOptions Lees(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var fouten = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), fouten, validateAllProperties: true))
        {
            throw new InvalidOperationException(string.Join(" ", fouten.Select(f => f.ErrorMessage)));
        }

        return options;
    }
}
