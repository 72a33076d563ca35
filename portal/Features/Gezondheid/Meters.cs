using System.Diagnostics;
using System.Diagnostics.Metrics;
using SocialeKaart.Kaart.Search;
using SocialeKaart.Portal.Features.Makelpunt;

namespace SocialeKaart.Portal.Features.Gezondheid;

/// <summary>
/// The portal's own metrics (meter "SocialeKaart.Portal"), beside ASP.NET Core's request metrics: search latency,
/// meldingen received, the outbox backlog. Counts and durations only: never a search word, an id or an address.
/// </summary>
public sealed class Meters : IDisposable
{
    public const string Naam = "SocialeKaart.Portal";

    private static readonly TimeSpan PostvakVers = TimeSpan.FromSeconds(15);

    private readonly Meter _meter;
    private readonly Histogram<double> _zoekduur;
    private readonly Counter<long> _meldingen;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _tijd;
    private long _postvakWachtend;
    private long _postvakGelezen = long.MinValue;
    private int _postvakBezig;

    public Meters(IMeterFactory meters, IServiceProvider services, TimeProvider tijd)
    {
        _meter = meters.Create(Naam);
        _services = services;
        _tijd = tijd;
        _zoekduur = _meter.CreateHistogram<double>("sk.zoeken.duur", unit: "s",
            description: "Hoe lang een zoekopdracht in de zoekindex duurt (zonder het maken van de pagina).");
        _meldingen = _meter.CreateCounter<long>("sk.meldingen.ontvangen", unit: "{melding}",
            description: "Meldingen die het makelpunt ontving (een tweede keer versturen telt niet).");
        _meter.CreateObservableGauge("sk.postvak.wachtend", PostvakWachtend, unit: "{bericht}",
            description: "Berichten in het postvak die nog verstuurd moeten worden.");
    }

    public void Zocht(TimeSpan duur, string soort, bool gelukt) =>
        _zoekduur.Record(duur.TotalSeconds, new KeyValuePair<string, object?>("soort", soort), new KeyValuePair<string, object?>("gelukt", gelukt));

    public void MeldingOntvangen(string route) => _meldingen.Add(1, new KeyValuePair<string, object?>("route", route));

    // A scrape must not wait for the database: it gets the last count, and at most every 15 s a fresh one is fetched
    // in the background.
    private long PostvakWachtend()
    {
        var nu = _tijd.GetTimestamp();
        if (_tijd.GetElapsedTime(Interlocked.Read(ref _postvakGelezen), nu) > PostvakVers && Interlocked.Exchange(ref _postvakBezig, 1) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    var postvak = await _services.GetRequiredService<IMakelpuntStore>().PostvakAsync();
                    Interlocked.Exchange(ref _postvakWachtend, postvak.Wachtend);
                    Interlocked.Exchange(ref _postvakGelezen, _tijd.GetTimestamp());
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The readiness check reports an unreachable store; the gauge keeps its last value.
                }
                finally
                {
                    Interlocked.Exchange(ref _postvakBezig, 0);
                }
            });
        }

        return Interlocked.Read(ref _postvakWachtend);
    }

    public void Dispose() => _meter.Dispose();
}

/// <summary>The search port with its latency measured: the same index, whichever engine is behind it.</summary>
public sealed class GemetenZoekindex(ISearchIndex index, Meters meters) : ISearchIndex
{
    /// <summary>The engine that is measured (embedded or Elasticsearch).</summary>
    public ISearchIndex Engine => index;

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) =>
        Meet("zoeken", () => index.SearchAsync(query, cancellationToken));

    public Task<IReadOnlyList<Suggestie>> SuggestAsync(string prefix, int max = 8, CancellationToken cancellationToken = default) =>
        Meet("suggesties", () => index.SuggestAsync(prefix, max, cancellationToken));

    public Task<AanbodDetail?> GetAsync(string id, bool metIntern = false, CancellationToken cancellationToken = default) =>
        Meet("aanbod", () => index.GetAsync(id, metIntern, cancellationToken));

    private async Task<T> Meet<T>(string soort, Func<Task<T>> zoek)
    {
        var start = Stopwatch.GetTimestamp();
        var gelukt = false;
        try
        {
            var resultaat = await zoek();
            gelukt = true;
            return resultaat;
        }
        finally
        {
            meters.Zocht(Stopwatch.GetElapsedTime(start), soort, gelukt);
        }
    }
}
