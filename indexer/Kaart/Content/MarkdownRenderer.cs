using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SocialeKaart.Kaart.Content;

/// <summary>
/// Renders aanbod bodies safely: raw HTML is shown as text, and links or images with another scheme
/// than http(s), mailto or tel (such as <c>javascript:</c>) lose their link. One pipeline, built once.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    public static (string Html, string Tekst) Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "";
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "";
            }
        }

        var html = document.ToHtml(Pipeline);
        var text = Markdown.ToPlainText(markdown, Pipeline).Trim();
        return (html, System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "));
    }

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" or "mailto" or "tel";
    }
}
