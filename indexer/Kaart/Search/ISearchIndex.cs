namespace SocialeKaart.Kaart.Search;

/// <summary>
/// The search index as readers see it (the portal, the indexer's search command).
/// Adapters: the embedded engine in a SQLite file (default) and Elasticsearch (scale).
/// Readers see one complete index at a time: a rebuild is swapped in atomically, an update is seen whole or not at all.
/// </summary>
public interface ISearchIndex
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);

    /// <summary>Autocomplete: phrases that continue what the inwoner typed (at least 3 characters).</summary>
    Task<IReadOnlyList<Suggestie>> SuggestAsync(string prefix, int max = 8, CancellationToken cancellationToken = default);

    /// <summary>One aanbod by id, or null. Internal fields only with <paramref name="metIntern"/>.</summary>
    Task<AanbodDetail?> GetAsync(string id, bool metIntern = false, CancellationToken cancellationToken = default);
}

/// <summary>
/// Writes the index: a complete new index swapped in at once (the indexer's build), or a change to the current one
/// (publishing). One writer per index.
/// </summary>
public interface ISearchIndexWriter
{
    /// <summary>Builds a complete new index from the batch and swaps it in; it replaces every earlier update.</summary>
    Task<IndexBuildResult> RebuildAsync(IndexBatch batch, IProgress<int>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies upserts (replace by aanbod id, or add) and deletes (by id; an unknown id is no error) to the current
    /// index as one atomic change, durable when this returns. Readers see all of it or none of it; the result answers as
    /// a rebuild from the changed content would. An id may not be both upserted and deleted, nor upserted twice.
    /// </summary>
    Task UpdateAsync(IndexUpdate update, CancellationToken cancellationToken = default);
}

/// <summary>One change to the index: aanbod to add or replace (by id) and ids to take out.</summary>
public sealed record IndexUpdate(IReadOnlyList<IndexInput> Upserts, IReadOnlyList<string> Deletes);

/// <summary>
/// Everything a complete index is built from; the index keeps taxonomy, synonyms, postcodes and the rest of the search
/// knowledge (situations, the concept list, the Dutch word list) so readers need no content folder.
/// </summary>
public sealed record IndexBatch(IReadOnlyList<IndexInput> Documents, string Taxonomie, string Synoniemen, Content.Postcodes Postcodes)
{
    /// <summary>content/situaties.txt (empty: no situation rules).</summary>
    public string Situaties { get; init; } = "";

    /// <summary>content/talen.txt (empty: no other languages).</summary>
    public string Talen { get; init; } = "";

    /// <summary>The Dutch word list (content/taal/woorden.txt), so "bedoelde u" never rewrites a correct word.</summary>
    public IReadOnlyCollection<string> Woorden { get; init; } = [];
}

/// <summary>A document to index: the public document and, separately, its internal fields.</summary>
public sealed record IndexInput(IndexDocument Document, Content.InternAanbod? Intern);

public sealed record IndexBuildResult(int Documenten, string Locatie, TimeSpan Duur);
