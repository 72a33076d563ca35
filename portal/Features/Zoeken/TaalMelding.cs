namespace SocialeKaart.Portal.Features.Zoeken;

/// <summary>
/// A search in another language finds aanbod through the concept list (content/talen.txt), but the aanbod is written in
/// Dutch: the results say so in the inwoner's own language.
/// </summary>
public static class TaalMelding
{
    public sealed record Melding(string Taal, string Tekst, string Richting);

    private static readonly Dictionary<string, string> Teksten = new(StringComparer.Ordinal)
    {
        ["en"] = "We searched with the Dutch words for what you typed. The information about the help is in Dutch.",
        ["tr"] = "Yazdıklarınızın Felemenkçe karşılıklarıyla aradık. Yardım hakkındaki bilgiler Felemenkçedir.",
        ["ar"] = "بحثنا بالكلمات الهولندية لما كتبته. المعلومات عن المساعدة باللغة الهولندية.",
        ["pl"] = "Szukaliśmy niderlandzkich słów dla wpisanego tekstu. Informacje o pomocy są w języku niderlandzkim.",
        ["uk"] = "Ми шукали нідерландськими словами те, що ви ввели. Інформація про допомогу нідерландською мовою.",
    };

    /// <summary>The notice for a search in this language, or null for Dutch (or a language we have no text for).</summary>
    public static Melding? Voor(string? taal) =>
        taal is not null && Teksten.TryGetValue(taal, out var tekst) ? new(taal, tekst, taal == "ar" ? "rtl" : "ltr") : null;
}
