using Caicaini.Shared.Text;

namespace Caicaini.Help.Tests;

public sealed class MarkdownRendererTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public void Scripts_in_markdown_never_reach_the_page(string markdown)
    {
        var html = MarkdownRenderer.ToHtml("Answer. " + markdown);

        // Raw HTML may survive only as escaped text: parse the result as a browser would and look at
        // the elements and attributes it really has.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var elements = document.Body!.QuerySelectorAll("*");
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "iframe" or "img" or "object" or "embed");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a =>
            a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
            || a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Ordinary_markdown_renders()
    {
        var html = MarkdownRenderer.ToHtml("**Bold**, a [link](/billing) and `code`.\n\n- one\n- two");

        Assert.Contains("<strong>Bold</strong>", html);
        Assert.Contains("<a href=\"/billing\">link</a>", html);
        Assert.Contains("<code>code</code>", html);
        Assert.Contains("<li>two</li>", html);
    }

    [Fact]
    public void Plain_text_drops_markdown_syntax()
    {
        Assert.Equal("Go to Sign up and enter code.", MarkdownRenderer.ToPlainText("Go to [Sign up](/account/register) and enter `code`."));
    }
}
