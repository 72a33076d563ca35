namespace SocialeKaart.Kaart.Search;

/// <summary>
/// The search index as readers see it (the portal, the indexer's search command).
/// Adapters: the embedded engine in a SQLite file (default) and Elasticsearch (scale).
/// Readers see one complete index at a time; a rebuild is swapped in atomically.
/// </summary>
public interface ISearchIndex
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>Autocomplete: phrases that continue what the inwoner typed (at least 3 characters).</summary>
    Task<IReadOnlyList<Suggestie>> SuggestAsync(string prefix, int max = 8, CancellationToken cancellationToken = default);

    /// <summary>One aanbod by id, or null. Internal fields only with <paramref name="metIntern"/>.</summary>
    Task<AanbodDetail?> GetAsync(string id, bool metIntern = false, CancellationToken cancellationToken = default);
}

/// <summary>Writes a complete new index and swaps it in. Only the indexer writes.</summary>
public interface ISearchIndexWriter
{
    Task<IndexBuildResult> RebuildAsync(IndexBatch batch, IProgress<int>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>Everything a complete index is built from; the index keeps taxonomy, synonyms and postcodes so readers need no content folder.</summary>
public sealed record IndexBatch(IReadOnlyList<IndexInput> Documents, string Taxonomie, string Synoniemen, Content.Postcodes Postcodes);

/// <summary>A document to index: the public document and, separately, its internal fields.</summary>
public sealed record IndexInput(IndexDocument Document, Content.InternAanbod? Intern);

public sealed record IndexBuildResult(int Documenten, string Locatie, TimeSpan Duur);
