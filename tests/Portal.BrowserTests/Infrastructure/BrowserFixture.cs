using Microsoft.Playwright;

namespace SocialeKaart.Portal.BrowserTests.Infrastructure;

/// <summary>
/// One Chromium for the whole collection; each test class gets its own <see cref="PortalServer"/> (a class fixture, see
/// <see cref="BrowserTest"/>) and each test opens its own browser contexts.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // A missing browser fails every test with this message; a browser test that skips would prove nothing.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ChromiumPath}. Install it: apt-get install -y --no-install-recommends chromium (see shared/ENVIRONMENT.md).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PortalInBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Portal in Chromium";
}
