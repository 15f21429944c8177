using AngleSharp.Html.Parser;
using Screenplay.Web.Notes;

namespace Screenplay.Web.Tests.Notes;

/// <summary>
/// Hostile note bodies: the rendered HTML, parsed the way a browser would, holds no script, no event handler, no
/// style, no frame or form, and no link or source outside http, https and mailto. Ordinary Markdown still renders.
/// </summary>
public sealed class NoteMarkdownTests
{
    public static TheoryData<string> Attacks() =>
    [
        "<script>alert(1)</script>",
        "Hello <img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](jav&#x61;script:alert(1))",
        "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[click](java\\script:alert(1))",
        "[click](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![pic](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![pic](x\" onerror=\"alert(1))",
        "[x](https://example.com \"title\\\" onmouseover=\\\"alert(1)\")",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "<svg/onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<form action=\"https://evil.example\"><input name=x></form>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "<style>body{display:none}</style>",
        "<<script>script>alert(1)<</script>/script>",
        "- [x] <b onclick=alert(1)>done</b>",
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public void Nothing_active_reaches_the_page(string body)
    {
        var html = NoteMarkdown.ToHtml(body);
        var document = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");

        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, new[] { "script", "style", "iframe", "object", "embed", "form", "svg", "img", "link", "meta", "base" });
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on <{element.LocalName}> in {html}");
                Assert.NotEqual("style", attribute.Name);
                if (attribute.Name is "href" or "src" or "action" or "formaction")
                {
                    var scheme = Uri.TryCreate(attribute.Value.Trim(), UriKind.Absolute, out var uri) ? uri.Scheme : "";
                    Assert.True(scheme is "http" or "https" or "mailto", $"{attribute.Name}=\"{attribute.Value}\" in {html}");
                }
            }

            if (element.LocalName == "input")
            {
                Assert.Equal("checkbox", element.GetAttribute("type"));
                Assert.True(element.HasAttribute("disabled"));
            }
        }
    }

    [Fact]
    public void Markdown_renders_and_safe_links_stay()
    {
        var html = NoteMarkdown.ToHtml("Slow **down** here, *breathe*.\n\n- one\n- two\n\nSee [the cut](https://example.com/cut?a=1&b=2) or <mailto:ed@example.com>.\n\n`<b>` is text");

        Assert.Contains("<strong>down</strong>", html);
        Assert.Contains("<em>breathe</em>", html);
        Assert.Contains("<li>one</li>", html);
        Assert.Contains("href=\"https://example.com/cut?a=1&amp;b=2\"", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
        Assert.Contains("href=\"mailto:ed@example.com\"", html);
        Assert.Contains("<code>&lt;b&gt;</code>", html);
        Assert.Equal("", NoteMarkdown.ToHtml("   "));
    }

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        var html = NoteMarkdown.ToHtml("Use <b>bold</b> & <script>x</script>");

        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html);
        Assert.Contains("&lt;script&gt;", html);
    }
}
