namespace SocialeKaart.Portal.Features.Melding;

// Not in MeldingStappen.cs: MSBuild names a .resx after the first class of the .cs file beside it, and
// MeldingStappen.en.resx must be MeldingStappen's resources.

public sealed record MeldingStap(int Nummer, string Url, string Titel);

public enum ContactVan
{
    /// <summary>The melder themself (inwoner, naaste, the referrer when the person is not to be contacted, a professional's zorgsignaal).</summary>
    Melder,

    /// <summary>The referred person, or their parent or guardian: they agreed to be contacted.</summary>
    Persoon,

    /// <summary>An anonymous zorgsignaal: no contact details.</summary>
    Niemand,
}
