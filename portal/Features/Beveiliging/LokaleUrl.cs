namespace SocialeKaart.Portal.Features.Beveiliging;

public static class LokaleUrl
{
    /// <summary>As ASP.NET's IsLocalUrl: a path from the root, not "//host" or "/\\host", and no control characters
    /// (browsers drop tabs and newlines, so "/\t/host" would become "//host"). Guards every return URL.</summary>
    public static bool IsLokaal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
