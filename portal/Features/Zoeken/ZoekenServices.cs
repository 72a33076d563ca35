using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SocialeKaart.Kaart.Analysis;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Embedded;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Portal.Features.Zoeken;

public sealed class ContentOptions : IValidatableObject
{
    public const string Section = "Content";

    /// <summary>Where the content lives: "map" (a folder, the default) or "blob" (an Azure Blob container).</summary>
    [Required]
    [RegularExpression("^(map|blob)$", ErrorMessage = "Content:Opslag is 'map' of 'blob'.")]
    public string Opslag { get; set; } = "map";

    /// <summary>The content folder; relative paths are taken from the repository root.</summary>
    [Required]
    public string Map { get; set; } = "content";

    /// <summary>
    /// A content folder copied into the store at start when the store has no content yet (no taxonomie.yml). The demo
    /// publishes into <c>.data/content</c>, filled from the repository's <c>content/</c>, so publishing never changes
    /// the repository and deleting <c>.data</c> starts over. Empty: no copy (production: the store is the content).
    /// </summary>
    public string? Startinhoud { get; set; }

    public BlobOptions Blob { get; set; } = new();

    public sealed class BlobOptions
    {
        /// <summary>The storage account's connection string (a secret: from the environment or a key vault, never in a file).</summary>
        public string? ConnectionString { get; set; }

        public string? Container { get; set; }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Opslag == "blob" && (string.IsNullOrWhiteSpace(Blob.ConnectionString) || string.IsNullOrWhiteSpace(Blob.Container)))
        {
            yield return new ValidationResult("Met Content:Opslag = blob zijn Content:Blob:ConnectionString en Content:Blob:Container nodig.", [nameof(Blob)]);
        }
    }

    /// <summary>The content store these options name.</summary>
    public IContentStore Store(string contentRoot) => Opslag == "blob"
        ? BlobContentStore.Connect(Blob.ConnectionString!, Blob.Container!)
        : new LocalContentStore(Paden.Resolve(Map, contentRoot));
}

public sealed class ZoekindexOptions
{
    /// <summary>Build the index from the content at start-up (the embedded default: content edits show up after a restart).</summary>
    public bool BouwBijStart { get; set; } = true;

    /// <summary>"embedded" (the default: an index folder, no server) or "elasticsearch" (see <see cref="ElasticsearchZoekindex"/>).</summary>
    [RegularExpression("^(embedded|elasticsearch)$", ErrorMessage = "Zoekindex:Engine is 'embedded' of 'elasticsearch'.")]
    public string Engine { get; set; } = "embedded";
}

public static class ZoekenServices
{
    /// <summary>The content store, the taxonomy and the embedded search index (read-only for the portal).</summary>
    public static WebApplicationBuilder AddZoeken(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<EmbeddedIndexOptions>().BindConfiguration(EmbeddedIndexOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IHostEnvironment>((o, env) => o.Map = Paden.Resolve(o.Map, env.ContentRootPath));
        builder.Services.AddOptions<ZoekindexOptions>().BindConfiguration(EmbeddedIndexOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IContentStore>(sp =>
            sp.GetRequiredService<IOptions<ContentOptions>>().Value.Store(sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        builder.Services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<IContentStore>();
            // Off the caller's synchronization context (Razor's renderer has one): a blocking wait there would deadlock.
            var yaml = Task.Run(() => store.ReadAsync(ContentIndexer.TaxonomiePath)).GetAwaiter().GetResult()
                ?? throw new InvalidOperationException($"taxonomie.yml ontbreekt in {store.Beschrijving}.");
            return Taxonomie.Parse(yaml);
        });
        builder.Services.AddSingleton<ZoekTeksten>();
        builder.Services.AddSingleton(sp => new SqliteSearchIndex(sp.GetRequiredService<IOptions<EmbeddedIndexOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ISearchIndex>(sp =>
            new Gezondheid.GemetenZoekindex(sp.GetRequiredService<SqliteSearchIndex>(), sp.GetRequiredService<Gezondheid.Meters>()));

        // The Dutch analysis of the index, with the content's word list for compound words: for publishing (an approved
        // aanbod is analysed here and written to the index) and for ranking passend aanbod. Loaded once, when first needed.
        builder.Services.AddSingleton(sp =>
        {
            var store = sp.GetRequiredService<IContentStore>();
            var tekst = Task.Run(() => store.ReadAsync(ContentIndexer.WoordenPath)).GetAwaiter().GetResult() ?? "";
            var woorden = tekst.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(TextFolding.Fold)
                .ToHashSet(StringComparer.Ordinal);
            return new DutchAnalyzer(new Decompounder(woorden.Contains));
        });
        builder.Services.AddSingleton(sp => new SqliteIndexWriter(sp.GetRequiredService<IOptions<EmbeddedIndexOptions>>().Value,
            sp.GetRequiredService<DutchAnalyzer>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ISearchIndexWriter>(sp => sp.GetRequiredService<SqliteIndexWriter>());
        builder.AddElasticsearchZoekindex();
        return builder;
    }

    /// <summary>Indexes the content before the portal answers, when configured (or when there is no index yet).</summary>
    public static async Task BouwZoekindexAsync(this WebApplication app)
    {
        await VulStoreAsync(app);
        _ = app.Services.GetRequiredService<Taxonomie>(); // fail at start, not on the first page, when content is missing
        var options = app.Services.GetRequiredService<IOptions<ZoekindexOptions>>().Value;
        if (!options.BouwBijStart && await ElasticsearchZoekindex.BestaatAsync(app.Services))
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Zoekindex");
        var content = await new ContentIndexer(app.Services.GetRequiredService<IContentStore>()).ReadAsync();
        foreach (var problem in content.Problems)
        {
            logger.LogWarning("Content: {Problem}", problem.ToString());
        }

        var vandaag = NederlandseTekst.Dag(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var result = await app.Services.GetRequiredService<ISearchIndexWriter>().RebuildAsync(ContentIndexer.Batch(content, vandaag));
        logger.LogInformation("Zoekindex gebouwd: {Aantal} aanbod in {Duur} ms", result.Documenten, (int)result.Duur.TotalMilliseconds);
    }

    /// <summary>Copies <see cref="ContentOptions.Startinhoud"/> into a store without content (the demo's first start).</summary>
    private static async Task VulStoreAsync(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ContentOptions>>().Value;
        var store = app.Services.GetRequiredService<IContentStore>();
        if (string.IsNullOrWhiteSpace(options.Startinhoud) || await store.ReadAsync(ContentIndexer.TaxonomiePath) is not null)
        {
            return;
        }

        var bron = new LocalContentStore(Paden.Resolve(options.Startinhoud, app.Environment.ContentRootPath));
        // taxonomie.yml goes last: it marks the copy as complete, so a start that stopped halfway copies the rest next time.
        var paden = await bron.ListAsync("").Where(p => p != ContentIndexer.TaxonomiePath).ToListAsync();
        paden.Add(ContentIndexer.TaxonomiePath);
        var aantal = 0;
        foreach (var pad in paden)
        {
            if (await bron.ReadAsync(pad) is not { } tekst)
            {
                continue;
            }

            try
            {
                await store.WriteAsync(pad, tekst, expectedVersion: null);
                aantal++;
            }
            catch (ContentConflictException e) when (e.Reden == ContentConflict.BestaatAl)
            {
            }
        }

        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Content")
            .LogInformation("Content gevuld met {Aantal} bestanden uit {Bron}", aantal, bron.Beschrijving);
    }
}

/// <summary>An unreachable search index is the inwoner's "zoeken lukt nu even niet", never an error page with a trace.</summary>
public static partial class ZoekindexStoring
{
    /// <summary>Between the status-code pages and the endpoints: a 503 with Retry-After, which the status-code pages turn
    /// into the page that says so (the JSON API gets a problem+json of its own). Logged with its type only.</summary>
    public static IApplicationBuilder UseZoekindexStoring(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next();
            }
            catch (ZoekindexOnbereikbaarException e) when (!context.Response.HasStarted)
            {
                LogOnbereikbaar(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Zoekindex"), e.Message);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "30";
                context.Response.Headers.CacheControl = "no-store";
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await Results.Problem(title: "Zoeken lukt nu even niet", detail: "De zoekindex is nu niet bereikbaar. Probeer het over een minuut opnieuw.",
                        statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
                }
            }
        });

    [LoggerMessage(Level = LogLevel.Error, Message = "Zoekindex niet bereikbaar: {Reden}")]
    private static partial void LogOnbereikbaar(ILogger logger, string reden);
}

/// <summary>Relative paths (content, index) are taken from the repository root, wherever the portal is started from.</summary>
internal static class Paden
{
    public static string Resolve(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), contentRoot })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "content", ContentIndexer.TaxonomiePath)))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, path));
                }
            }
        }

        return Path.GetFullPath(path);
    }
}
