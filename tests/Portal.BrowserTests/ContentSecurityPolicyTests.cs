using SocialeKaart.Portal.BrowserTests.Infrastructure;

namespace SocialeKaart.Portal.BrowserTests;

/// <summary>
/// The portal sends a strict CSP (no inline script or style). Chromium reports anything the policy blocks as a console
/// error, so a page without console errors is a page that works under the policy.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture, PortalServer server) : BrowserTest(fixture, server)
{
    public static TheoryData<string> Pages => PublicPages.Names;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PublicPage_LogsNoConsoleErrors_UnderStrictCsp(string name)
    {
        var page = await NewPageAsync();
        var (entry, response) = await PublicPages.OpenAsync(page, name);
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);

        var csp = await response.HeaderValueAsync("content-security-policy");
        Assert.NotNull(csp);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);

        var errors = ConsoleErrors.Where(e => !IsOwnErrorStatus(e, entry)).ToList();
        Assert.True(errors.Count == 0, $"Console errors on {name} ({entry.Url}):{Environment.NewLine}{Describe(errors)}");
    }

    // Chromium logs the 4xx of a page that is meant to be a 4xx (the helpful 404 and 400 pages); that is no error of the page.
    private static bool IsOwnErrorStatus(ConsoleError error, PublicPages.Entry entry) =>
        entry.Status >= 400
        && error.Text.StartsWith($"Failed to load resource: the server responded with a status of {entry.Status}", StringComparison.Ordinal)
        && error.Location.Contains(entry.Url, StringComparison.Ordinal);
}
