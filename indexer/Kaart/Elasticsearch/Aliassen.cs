using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;

namespace SocialeKaart.Kaart.Elasticsearch;

/// <summary>
/// One index per build behind an alias: the writer builds new indexes, then moves both aliases (aanbod and intern) to
/// them in one <c>_aliases</c> request — Elasticsearch applies its actions atomically, so a reader sees the old build
/// or the new one, never a mix — and then deletes the old indexes.
/// </summary>
internal static class Aliassen
{
    /// <summary>The indexes an alias points to now (none when it does not exist yet).</summary>
    public static async Task<IReadOnlyList<string>> IndexenAsync(ElasticsearchClient client, string alias, CancellationToken cancellationToken)
    {
        var response = Antwoorden.Controleer(
            await client.Indices.GetAliasAsync(new GetAliasRequest(Names.Parse(alias)), cancellationToken), $"het opzoeken van alias {alias}", 404);
        return response.IsValidResponse && response.Aliases is { } aliases ? aliases.Keys.Order(StringComparer.Ordinal).ToList() : [];
    }

    public static UpdateAliasesRequest Verzet(IEnumerable<(string Alias, string Nieuw, IReadOnlyList<string> Oud)> aliassen)
    {
        var actions = new List<IndexUpdateAliasesAction>();
        foreach (var (alias, nieuw, oud) in aliassen)
        {
            foreach (var index in oud)
            {
                actions.Add(new IndexUpdateAliasesAction { Remove = new RemoveAction { Index = index, Alias = alias } });
            }

            actions.Add(new IndexUpdateAliasesAction { Add = new AddAction { Index = nieuw, Alias = alias } });
        }

        return new UpdateAliasesRequest { Actions = actions };
    }

    public static async Task VerzetAsync(ElasticsearchClient client, IEnumerable<(string Alias, string Nieuw, IReadOnlyList<string> Oud)> aliassen, CancellationToken cancellationToken) =>
        Antwoorden.Controleer(await client.Indices.UpdateAliasesAsync(Verzet(aliassen), cancellationToken), "het verzetten van de aliassen");

    /// <summary>Deletes indexes (an index that is gone already is fine).</summary>
    public static async Task VerwijderAsync(ElasticsearchClient client, IReadOnlyCollection<string> indexen, CancellationToken cancellationToken)
    {
        if (indexen.Count == 0)
        {
            return;
        }

        Antwoorden.Controleer(await client.Indices.DeleteAsync(new DeleteIndexRequest(Indices.Parse(string.Join(',', indexen))) { IgnoreUnavailable = true }, cancellationToken),
            "het verwijderen van oude indexen", 404);
    }
}
