using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SocialeKaart.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Base of every browser test: fresh browser contexts (own cookies, so an own lijstje and melding draft) on the test
/// class's own server, every console error recorded, and a screenshot of each open page kept in TestResults/screenshots
/// when the test fails.
/// </summary>
[Collection(PortalInBrowser.Name)]
public abstract partial class BrowserTest(BrowserFixture fixture, PortalServer server) : IAsyncLifetime, IClassFixture<PortalServer>
{
    public const int DesktopWidth = 1280;

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<ConsoleError> _consoleErrors = [];
    private readonly HashSet<IBrowserContext> _zonderScript = [];
    private IPage? _axeTweeling;
    private string _axeMomentopname = "";

    protected BrowserFixture Fixture { get; } = fixture;

    /// <summary>This test class's portal, with its own index, makelpunt store and accounts.</summary>
    protected PortalServer Server { get; } = server;

    /// <summary>Console errors (CSP violations show up here) and uncaught script errors of every page of this test.</summary>
    protected IReadOnlyList<ConsoleError> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    protected async Task<IPage> NewPageAsync(bool javaScriptEnabled = true, int width = DesktopWidth, int height = 900)
    {
        var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString().TrimEnd('/'),
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
        if (!javaScriptEnabled)
        {
            _zonderScript.Add(context);
        }

        context.Page += (_, page) => Watch(page);
        return await context.NewPageAsync();
    }

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record(new ConsoleError(page.Url, message.Text, message.Location));
            }
        };
        page.PageError += (_, error) => Record(new ConsoleError(page.Url, "Uncaught: " + error, ""));
    }

    private void Record(ConsoleError error)
    {
        lock (_consoleErrors)
        {
            _consoleErrors.Add(error);
        }
    }

    /// <summary>
    /// axe-core on the page as it is now: zero WCAG 2.1 A/AA violations. <paramref name="waar"/> names the step or state
    /// in the failure message, since a journey checks many pages.
    /// </summary>
    protected async Task AssertAxeAsync(IPage page, string waar)
    {
        var violations = await Axe.CheckAsync(_zonderScript.Contains(page.Context) ? await AxeTweelingAsync(page) : page);
        Assert.True(violations.Count == 0,
            $"axe-core found {violations.Count} WCAG 2.1 A/AA violation(s) on {waar} ({page.Url}):{Environment.NewLine}{Axe.Describe(violations)}");
    }

    /// <summary>
    /// Chromium evaluates nothing in the main world of a page with JavaScript disabled (the call never returns), so axe
    /// cannot run there. Instead, a twin page in a context of its own with JavaScript on is served a snapshot of the
    /// page's DOM at the page's own URL, with the portal's CSS but none of its scripts: the DOM and styles axe sees are
    /// those the script-less visitor gets, error states after a POST included.
    /// </summary>
    private async Task<IPage> AxeTweelingAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        _axeMomentopname = await page.ContentAsync(); // runs in Playwright's own isolated world, which still works
        if (_axeTweeling is null)
        {
            var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = Server.BaseAddress.ToString().TrimEnd('/'),
                Locale = "nl-NL",
            });
            context.SetDefaultTimeout(15_000);
            _contexts.Add(context);
            await context.RouteAsync("**/*", route => route.Request switch
            {
                { IsNavigationRequest: true } => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = _axeMomentopname }),
                { ResourceType: "script" } => route.AbortAsync(),
                _ => route.ContinueAsync(),
            });
            _axeTweeling = await context.NewPageAsync();
        }

        var viewport = page.ViewportSize ?? throw new InvalidOperationException("The page has no viewport.");
        await _axeTweeling.SetViewportSizeAsync(viewport.Width, viewport.Height);

        // Via about:blank, so the same URL again (a step shown anew with its errors) is a new document, not a no-op.
        await _axeTweeling.GotoAsync("about:blank");
        await _axeTweeling.GotoAsync(page.Url.Split('#')[0]);
        Assert.Equal(await page.TitleAsync(), await _axeTweeling.TitleAsync()); // the twin shows that page, not another
        return _axeTweeling;
    }

    /// <summary>
    /// No console errors, except Chromium's own line for a page the portal answered with a 400 or 403 on purpose (a
    /// form with errors, "geen toegang"): that status is the page working, not failing.
    /// </summary>
    protected void AssertNoConsoleErrors()
    {
        var errors = ConsoleErrors.Where(e => !IntendedStatus().IsMatch(e.Text)).ToList();
        Assert.True(errors.Count == 0, "Console errors during the journey:" + Environment.NewLine + Describe(errors));
    }

    [GeneratedRegex(@"^Failed to load resource: the server responded with a status of (400|403)\b")]
    private static partial Regex IntendedStatus();

    protected static string Describe(IEnumerable<ConsoleError> errors) =>
        string.Join(Environment.NewLine, errors.Select(e => $"- {e.PageUrl}: {e.Text} (at {e.Location})"));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result is TestResult.Failed)
        {
            await KeepScreenshotsAsync();
        }

        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task KeepScreenshotsAsync()
    {
        Directory.CreateDirectory(RepoPaths.Screenshots);
        var name = UnsafeFileChars().Replace(TestContext.Current.Test?.TestDisplayName ?? GetType().Name, "_");
        name = name.Length > 150 ? name[..150] : name;
        var n = 0;
        foreach (var page in _contexts.SelectMany(c => c.Pages).Where(p => !p.IsClosed))
        {
            var path = Path.Combine(RepoPaths.Screenshots, $"{name}-{++n}.png");
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Timeout = 10_000 });
                TestContext.Current.SendDiagnosticMessage($"Screenshot of {page.Url}: {path}");
            }
            catch (PlaywrightException e)
            {
                TestContext.Current.SendDiagnosticMessage($"No screenshot of {page.Url}: {e.Message}");
            }
        }
    }

    [GeneratedRegex(@"[^A-Za-z0-9._-]+")]
    private static partial Regex UnsafeFileChars();
}

public sealed record ConsoleError(string PageUrl, string Text, string Location);
