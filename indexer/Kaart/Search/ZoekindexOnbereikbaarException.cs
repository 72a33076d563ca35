namespace SocialeKaart.Kaart.Search;

/// <summary>
/// The search index cannot be reached now (a cluster down, a network fault, after the adapter's own retries). Part of
/// the search port: the portal answers it with "zoeken lukt nu even niet" (503) and the readiness check reports it.
/// The message names the engine and its address, never a search word.
/// </summary>
public sealed class ZoekindexOnbereikbaarException : Exception
{
    public ZoekindexOnbereikbaarException()
    {
    }

    public ZoekindexOnbereikbaarException(string message) : base(message)
    {
    }

    public ZoekindexOnbereikbaarException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
