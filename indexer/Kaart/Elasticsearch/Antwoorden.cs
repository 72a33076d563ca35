using Elastic.Transport.Products.Elasticsearch;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Elasticsearch;

/// <summary>
/// One rule for every answer: no answer (after the retries), a timeout, 429 or a 5xx is "the index cannot be reached
/// now" (the portal's 503); any other error is a fault of this adapter and says what Elasticsearch said.
/// </summary>
internal static class Antwoorden
{
    public static T Controleer<T>(T response, string wat, params int[] toegestaan) where T : ElasticsearchResponse
    {
        if (response.IsValidResponse)
        {
            return response;
        }

        var status = response.ApiCallDetails.HttpStatusCode;
        if (status is { } s && toegestaan.Contains(s))
        {
            return response;
        }

        if (status is null or 408 or 429 or >= 500)
        {
            throw new ZoekindexOnbereikbaarException(
                $"Elasticsearch ({response.ApiCallDetails.Uri?.GetLeftPart(UriPartial.Authority)}) antwoordt niet bij {wat}" + (status is null ? "." : $": HTTP {status}."),
                response.ApiCallDetails.OriginalException ?? new InvalidOperationException(response.DebugInformation));
        }

        var fout = response.ElasticsearchServerError?.Error;
        throw new InvalidOperationException($"Elasticsearch weigerde {wat}: HTTP {status} {fout?.Type}: {fout?.Reason}");
    }
}
