using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Portal.Features.OpenData;

/// <summary>The open-data API's settings. Section "OpenData".</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    /// <summary>How long one HSDS snapshot of the index is served before it is built again.</summary>
    [Range(1, 3600)]
    public int VerversSeconden { get; set; } = 30;

    /// <summary>The title of the API and the export.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Naam { get; set; } = "Sociale Kaart Veenendaal";

    [Required(AllowEmptyStrings = false)]
    public string Licentie { get; set; } = "CC0-1.0";

    [Required(AllowEmptyStrings = false), Url]
    public string LicentieUrl { get; set; } = "https://creativecommons.org/publicdomain/zero/1.0/";
}

/// <summary>
/// The open kaart for the API: every aanbod read through the search port (so only public fields: the index keeps
/// internal fields apart and <see cref="ISearchIndex.GetAsync"/> leaves them out), mapped to HSDS once per
/// <see cref="OpenDataOptions.VerversSeconden"/>.
/// </summary>
public sealed class OpenDataBron(ISearchIndex index, Taxonomie taxonomie, IContentStore content, TimeProvider time, IOptions<OpenDataOptions> options)
{
    private readonly SemaphoreSlim _slot = new(1, 1);
    private readonly Dictionary<string, (HsdsKaart Kaart, long Tijd)> _kaarten = new(StringComparer.Ordinal);
    private HsdsKaartBouwer? _bouwer;

    public async Task<HsdsKaart> KaartAsync(string basisUrl, CancellationToken cancellationToken)
    {
        basisUrl = basisUrl.TrimEnd('/');
        await _slot.WaitAsync(cancellationToken);
        try
        {
            if (_kaarten.TryGetValue(basisUrl, out var k) && time.GetElapsedTime(k.Tijd) < TimeSpan.FromSeconds(options.Value.VerversSeconden))
            {
                return k.Kaart;
            }

            _bouwer ??= await BouwerAsync(cancellationToken);
            var kaart = _bouwer.Bouw(await AlleAanbodAsync(index, cancellationToken), basisUrl, time.GetUtcNow());
            if (_kaarten.Count > 8)
            {
                _kaarten.Clear(); // a few host names at most; never let Host headers grow the cache
            }

            _kaarten[basisUrl] = (kaart, time.GetTimestamp());
            return kaart;
        }
        finally
        {
            _slot.Release();
        }
    }

    /// <summary>The centre of a postcode's PC4 area, or null when we do not know it.</summary>
    public async Task<GeoPunt?> PostcodeAsync(string postcode, CancellationToken cancellationToken)
    {
        await _slot.WaitAsync(cancellationToken);
        try
        {
            _bouwer ??= await BouwerAsync(cancellationToken);
            return _bouwer.Postcodes.Find(postcode);
        }
        finally
        {
            _slot.Release();
        }
    }

    /// <summary>Every aanbod in the index with its public fields, in name order.</summary>
    public static async Task<IReadOnlyList<IndexDocument>> AlleAanbodAsync(ISearchIndex index, CancellationToken cancellationToken)
    {
        var documenten = new List<IndexDocument>();
        var query = new SearchQuery { Sortering = Sortering.Naam, PerPagina = SearchQuery.MaxPerPagina };
        for (var pagina = 1; ; pagina++)
        {
            var r = await index.SearchAsync(query with { Pagina = pagina }, cancellationToken);
            foreach (var hit in r.Hits)
            {
                if (await index.GetAsync(hit.Id, metIntern: false, cancellationToken) is { } detail)
                {
                    documenten.Add(detail.Document with { Aanbod = detail.Document.Aanbod with { Intern = null } });
                }
            }

            if (pagina >= r.AantalPaginas || r.Hits.Count == 0)
            {
                return documenten;
            }
        }
    }

    private async Task<HsdsKaartBouwer> BouwerAsync(CancellationToken cancellationToken)
    {
        // The province of an address comes from the PC4 table (GeoNames); HSDS requires state_province.
        var tsv = await content.ReadAsync(ContentIndexer.PostcodesPath, cancellationToken) ?? "";
        var provincies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var regel in tsv.Split('\n'))
        {
            var f = regel.Split('\t');
            if (f.Length > 3 && f[1].Length == 4 && f[3].Length > 0)
            {
                provincies.TryAdd(f[1], f[3]);
            }
        }

        return new HsdsKaartBouwer(taxonomie, provincies, Postcodes.Parse(tsv));
    }
}
