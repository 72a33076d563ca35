using System.Text.Json;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Search;

namespace SocialeKaart.Kaart.Embedded;

/// <summary>The stored documents of a snapshot: the build's from its file, those of updates from memory.</summary>
internal static class Documents
{
    public static string BodyTekst(Snapshot s, int nr)
    {
        if (s.DeltaDocs.TryGetValue(nr, out var stored))
        {
            return s.Build.TekstCodec.DecompressText(stored.Tekst);
        }

        return s.Build.Tekst(nr) is { } tekst ? s.Build.TekstCodec.DecompressText(tekst) : "";
    }

    public static AanbodDetail? Get(Snapshot s, string id, bool metIntern)
    {
        if (s.Nummer(id) is not { } nr || !s.IsLive(nr))
        {
            return null;
        }

        byte[] doc, tekst;
        byte[]? intern;
        if (s.DeltaDocs.TryGetValue(nr, out var stored))
        {
            (doc, tekst, intern) = (stored.Doc, stored.Tekst, stored.Intern);
        }
        else if (s.Build.Document(nr) is { } fromFile)
        {
            (doc, tekst) = fromFile;
            intern = metIntern ? s.Build.Intern(nr) : null;
        }
        else
        {
            return null;
        }

        var document = DocumentAnalyser.FromStored(s.Build.DocCodec.Decompress(doc), s.Build.TekstCodec.DecompressText(tekst));
        var internAanbod = metIntern && intern is not null ? JsonSerializer.Deserialize<InternAanbod>(intern, IndexFormat.Json) : null;
        return new AanbodDetail(document, internAanbod);
    }
}
