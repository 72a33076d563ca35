using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace SocialeKaart.Portal.Features.Talen;

/// <summary>
/// Texts a page asked for in a language that has no translation of them: they are shown in Dutch (the source text is
/// the key), logged once, and kept here so a test can render every page in every language and demand none.
/// </summary>
public sealed class OntbrekendeVertalingen(ILogger<OntbrekendeVertalingen> logger)
{
    private readonly ConcurrentDictionary<string, byte> _gemist = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Gemist => _gemist.Keys.Order(StringComparer.Ordinal).ToList();

    internal void Meld(string bron, string sleutel)
    {
        var taal = CultureInfo.CurrentUICulture.Name;
        if (taal == Taal.Nederlands.Code || taal.Length == 0)
        {
            return;
        }

        if (_gemist.TryAdd($"{taal} {bron}: {sleutel}", 0))
        {
            logger.LogWarning("No {Taal} translation in {Bron} of {Sleutel}", taal, bron, sleutel);
        }
    }
}

/// <summary>The framework's resource (.resx) factory, with every miss reported to <see cref="OntbrekendeVertalingen"/>.</summary>
internal sealed class BewaakteLocalizerFactory(ResourceManagerStringLocalizerFactory resources, OntbrekendeVertalingen ontbrekend)
    : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) =>
        new BewaakteLocalizer(resources.Create(resourceSource), resourceSource.Name, ontbrekend);

    public IStringLocalizer Create(string baseName, string location) =>
        new BewaakteLocalizer(resources.Create(baseName, location), baseName, ontbrekend);

    private sealed class BewaakteLocalizer(IStringLocalizer inner, string bron, OntbrekendeVertalingen ontbrekend) : IStringLocalizer
    {
        public LocalizedString this[string name] => Bewaak(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Bewaak(inner[name, arguments], name);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private LocalizedString Bewaak(LocalizedString tekst, string? sleutel = null)
        {
            if (tekst.ResourceNotFound)
            {
                ontbrekend.Meld(bron, sleutel ?? tekst.Name);
            }

            return tekst;
        }
    }
}

public static class TalenServices
{
    public static WebApplicationBuilder AddTalen(this WebApplicationBuilder builder)
    {
        // Resources sit beside their page or component (HomePagina.en.resx next to HomePagina.razor); the Dutch source
        // text is the key, so Dutch needs no resource file and a missing translation shows the Dutch text.
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        builder.Services.AddSingleton<OntbrekendeVertalingen>();
        builder.Services.AddSingleton<IStringLocalizerFactory, BewaakteLocalizerFactory>();
        builder.Services.AddScoped<Taalkeuze>();

        // Arabic, Turkish, Polish and Ukrainian text as characters, not as one &#x…; entity each (a third of the bytes).
        builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        return builder;
    }
}
