using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SocialeKaart.Kaart.Content;

/// <summary>
/// Renders aanbod bodies — Markdown that organisations write, so untrusted — to HTML that can neither script nor restyle
/// the page. Three layers, each enough on its own for what it covers:
/// <list type="number">
/// <item>Markdig (one pipeline, built once) with raw HTML disabled: HTML in the text is shown as text.</item>
/// <item>The syntax tree is narrowed before rendering: links whose address is not http(s), mailto, tel or a path on this
/// site lose the link and keep their text; images become their alt text (no images from elsewhere); headings are h2–h4
/// (the page's own h1 is the titel).</item>
/// <item>HtmlSanitizer over the result, narrowed to what the content needs: paragraphs, h2–h4, lists, emphasis, quotes,
/// code, links (href only, those schemes). No attribute for style, class, id, event or target; no image, form or frame.
/// External links get <c>rel="nofollow ugc noopener"</c>: text by organisations must not borrow the gemeente's standing
/// for search engines.</item>
/// </list>
/// Input too deeply nested for Markdig is shown as plain text (<see cref="Probleem"/> tells the editor why).
/// </summary>
public static partial class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    public static readonly IReadOnlySet<string> AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "del", "ins", "mark", "sub", "sup", "blockquote", "code", "pre", "hr", "a",
    };

    public static readonly IReadOnlySet<string> AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" };

    // After the sets it reads (static fields start in order). Its README calls a shared instance thread-safe, but users
    // report crashes under concurrent use of newer versions; one per thread costs little and needs no such promise.
    private static readonly ThreadLocal<HtmlSanitizer> Sanitizer = new(CreateSanitizer);

    public static (string Html, string Tekst) Render(string markdown) => (Html(markdown), Tekst(markdown));

    /// <summary>The body as safe HTML, for the aanbod page and previews. Rendered when shown, not stored in the index:
    /// a change to these rules applies at once, without a rebuild.</summary>
    public static string Html(string markdown)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested deeper than its limit; show what was written, as text.
            return "<p>" + WebUtility.HtmlEncode(AlsPlatteTekst(markdown)) + "</p>\n";
        }

        Narrow(document);
        return Sanitizer.Value!.Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>The body as plain text on one line, for search and snippets (no HTML is made for it).</summary>
    public static string Tekst(string markdown)
    {
        try
        {
            return Spaties().Replace(Markdown.ToPlainText(markdown, Pipeline).Trim(), " ");
        }
        catch (ArgumentException)
        {
            return AlsPlatteTekst(markdown);
        }
    }

    private static string AlsPlatteTekst(string markdown) => Spaties().Replace(markdown, " ").Trim();

    /// <summary>Why this Markdown cannot be rendered as Markdown, for the editor; null when it can.</summary>
    public static string? Probleem(string markdown)
    {
        try
        {
            Markdown.Parse(markdown, Pipeline);
            return null;
        }
        catch (ArgumentException)
        {
            return "de beschrijving is te diep genest (te veel lijsten, citaten of haken in elkaar); ze wordt als gewone tekst getoond.";
        }
    }

    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return true;
        }

        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.Contains('\\', StringComparison.Ordinal))
        {
            return true;
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && AllowedSchemes.Contains(uri.Scheme)
            && !trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
    }

    private static void Narrow(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level, 2, 4);
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                // The alt text, as text: an image from elsewhere could track readers or show anything.
                link.ReplaceBy(new LiteralInline(Markdown.ToPlainText(string.Concat(link.Select(Literal)), Pipeline).Trim()), copyChildren: false);
            }
            else if (string.IsNullOrWhiteSpace(link.Url) || !IsSafe(link.Url))
            {
                Unwrap(link);
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafe(link.Url))
            {
                link.ReplaceBy(new LiteralInline(link.Url), copyChildren: false);
            }
        }
    }

    private static string Literal(Inline inline) => inline switch
    {
        LiteralInline l => l.Content.ToString(),
        CodeInline c => c.Content,
        ContainerInline c => string.Concat(c.Select(Literal)),
        _ => "",
    };

    /// <summary>Replaces a link by its content: the words stay, the link goes.</summary>
    private static void Unwrap(LinkInline link)
    {
        var children = link.ToList();
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "start" },
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "action", "formaction", "cite", "background", "poster", "longdesc", "ping", "xlink:href", "srcset" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
            AllowDataAttributes = false,
            AllowCssCustomProperties = false,
        })
        {
            // A tag that is not allowed goes, its text stays readable.
            KeepChildNodes = true,
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } a && a.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                a.SetAttribute("rel", "nofollow ugc noopener");
            }
        };
        return sanitizer;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaties();
}
