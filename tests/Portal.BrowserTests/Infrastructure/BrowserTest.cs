using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SocialeKaart.Portal.BrowserTests.Infrastructure;

/// <summary>
/// Base of every browser test: fresh browser contexts (own cookies, so an own lijstje) on the shared server, every console
/// error recorded, and a screenshot of each open page kept in TestResults/screenshots when the test fails.
/// </summary>
[Collection(PortalInBrowser.Name)]
public abstract partial class BrowserTest(BrowserFixture fixture) : IAsyncLifetime
{
    public const int DesktopWidth = 1280;

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<ConsoleError> _consoleErrors = [];

    protected BrowserFixture Fixture { get; } = fixture;

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
            BaseURL = Fixture.Server.BaseAddress.ToString().TrimEnd('/'),
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "nl-NL",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        _contexts.Add(context);
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
