using System.Text;
using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace SocialeKaart.Portal.BrowserTests.Infrastructure;

/// <summary>Runs axe-core (npm, pinned in package.json) in the page for the WCAG 2.1 A and AA rules.</summary>
internal static class Axe
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly Lazy<string> Script = new(() =>
    {
        var path = RepoPaths.AxeScript;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"axe-core is missing at {path}. Install it: cd tests/Portal.BrowserTests && npm ci (axe-core 4.14.1, see package.json).");
        }

        return File.ReadAllText(path);
    });

    // The portal's CSP (script-src 'self') blocks an injected <script> tag; evaluating through the DevTools protocol is
    // not subject to it, so the page is tested under its real policy (no BypassCSP).
    private const string Run = """
        async (tags) => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
            return result.violations.map(v => ({
                id: v.id,
                impact: v.impact ?? '',
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.map(t => Array.isArray(t) ? t.join(' >> ') : String(t)).join(' '), summary: n.failureSummary ?? '' })),
            }));
        }
        """;

    public static async Task<IReadOnlyList<Violation>> CheckAsync(IPage page)
    {
        // Journeys wait for a navigation's commit only; axe must see the whole document.
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Script.Value);
        }

        return await page.EvaluateAsync<Violation[]>(Run, Tags);
    }

    public static string Describe(IEnumerable<Violation> violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"- {v.Id} ({v.Impact}): {v.Help} [{v.HelpUrl}]");
            foreach (var node in v.Nodes)
            {
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    at {node.Target}");
                foreach (var line in node.Summary.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"       {line}");
                }
            }
        }

        return text.ToString();
    }

    public sealed record Violation(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("impact")] string Impact,
        [property: JsonPropertyName("help")] string Help,
        [property: JsonPropertyName("helpUrl")] string HelpUrl,
        [property: JsonPropertyName("nodes")] IReadOnlyList<ViolationNode> Nodes);

    public sealed record ViolationNode(
        [property: JsonPropertyName("target")] string Target,
        [property: JsonPropertyName("summary")] string Summary);
}
