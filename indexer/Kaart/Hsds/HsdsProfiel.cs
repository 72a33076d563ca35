using System.Security.Cryptography;
using System.Text;

namespace SocialeKaart.Kaart.Hsds;

/// <summary>
/// Our HSDS 3.0 profile, shared by the open-data API (portal) and the HSDS import (indexer): the names of our own
/// taxonomies and of the attributes that carry the Dutch fields HSDS has no field for (README, "Open data").
/// </summary>
public static class HsdsProfiel
{
    public const string HsdsVersie = "3.0";

    // Classifications: one taxonomy term per value; the attribute links the record to the term.
    public const string Levensdomeinen = "sociale-kaart-levensdomeinen";
    public const string Doelgroepen = "sociale-kaart-doelgroepen";
    public const string Wijken = "sociale-kaart-wijken";
    public const string Toegang = "sociale-kaart-toegang";
    public const string WettelijkKader = "sociale-kaart-wettelijk-kader";
    public const string SoortOrganisatie = "sociale-kaart-soort-organisatie";

    /// <summary>Fields with a value: one term per field; the attribute's <c>value</c> holds the value.</summary>
    public const string Kenmerken = "sociale-kaart-kenmerken";

    public static class Kenmerk
    {
        public const string AanbodId = "aanbod-id";
        public const string Samenvatting = "samenvatting";
        public const string Trefwoord = "trefwoord";
        public const string Bemoeizorg = "bemoeizorg";
        public const string Inkomensafhankelijk = "inkomensafhankelijk";
        public const string Rolstoeltoegankelijk = "rolstoeltoegankelijk";
        public const string Vorm = "vorm";
        public const string Uitvoering = "uitvoering";
        public const string Bereik = "bereik";
        public const string Identiteit = "identiteit";

        public static readonly (string Code, string Naam, string Omschrijving)[] Alle =
        [
            (AanbodId, "Id op de sociale kaart", "De id van het aanbod op de sociale kaart; de pagina is /aanbod/{id}."),
            (Samenvatting, "Samenvatting", "Eén of twee zinnen in eenvoudig Nederlands (B1)."),
            (Trefwoord, "Trefwoord", "Een woord waarmee inwoners naar dit aanbod zoeken."),
            (Bemoeizorg, "Bemoeizorg", "true: hulp die op mensen afstapt die zelf geen hulp zoeken; altijd algemeen toegankelijk."),
            (Inkomensafhankelijk, "Inkomensafhankelijk", "true: de kosten hangen af van het inkomen (bijvoorbeeld een eigen bijdrage)."),
            (Rolstoeltoegankelijk, "Rolstoeltoegankelijk", "true of false: of het aanbod als geheel rolstoeltoegankelijk is."),
            (Vorm, "Vorm", "individueel, groep of beide."),
            (Uitvoering, "Uitvoering", "vrijwilligers, professionals of beide: wie het werk doet."),
            (Bereik, "Bereik", "aan-huis, online of telefonisch: hoe het aanbod naast (of in plaats van) een adres te krijgen is."),
            (Identiteit, "Identiteit", "neutraal of levensbeschouwelijk."),
        ];
    }

    public static readonly (string Code, string Naam, string Omschrijving)[] ToegangTermen =
    [
        ("algemeen-toegankelijk", "Algemeen toegankelijk", "De inwoner neemt zelf contact op met de aanbieder; er is geen indicatie of toestemming nodig."),
        ("achter-het-loket", "Achter het loket", "De gemeente beslist over de toegang na een melding en vraagverheldering (een toewijzing)."),
    ];

    public static readonly (string Code, string Naam, string Omschrijving)[] WettelijkKaderTermen =
    [
        ("Wmo", "Wmo 2015", "Wet maatschappelijke ondersteuning 2015."),
        ("Jeugdwet", "Jeugdwet", "Jeugdwet."),
        ("Participatiewet", "Participatiewet", "Participatiewet."),
        ("Wgs", "Wgs", "Wet gemeentelijke schuldhulpverlening."),
    ];

    public static readonly (string Code, string Naam, string Omschrijving)[] SoortOrganisatieTermen =
    [
        ("vrijwilligersorganisatie", "Vrijwilligersorganisatie", "Een organisatie van vrijwilligers."),
        ("professionele-aanbieder", "Professionele aanbieder", "Een organisatie met betaalde professionals."),
        ("gemeente", "Gemeente", "De gemeente zelf."),
        ("maatschappelijke-organisatie", "Maatschappelijke organisatie", "School, huisarts, werkgever, kerk of sportclub."),
    ];

    private static readonly Guid Namespace = new("6f1d3a52-9c4e-4b8a-9a57-2f0c3d1e5b70");

    /// <summary>
    /// A stable UUID (RFC 9562 version 5, SHA-1) for a name such as "service:taalcafe-de-brug": the same aanbod keeps
    /// the same HSDS id in every export, on every machine.
    /// </summary>
    public static string Id(string naam)
    {
        var ns = Namespace.ToByteArray(bigEndian: true);
        var input = new byte[ns.Length + Encoding.UTF8.GetByteCount(naam)];
        ns.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(naam, input.AsSpan(ns.Length));
        Span<byte> hash = stackalloc byte[20];
        // RFC 9562 defines version 5 with SHA-1; it names records, it protects nothing.
#pragma warning disable CA5350
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    public static string TaxonomieId(string taxonomie) => Id("taxonomy:" + taxonomie);

    public static string TermId(string taxonomie, string code) => Id($"taxonomy_term:{taxonomie}:{code}");
}
