using Ganss.Xss;
using Markdig;

namespace Caicaini.Shared.Text;

/// <summary>
/// Markdown → safe HTML. Raw HTML in the Markdown is not rendered (DisableHtml), and the result is
/// sanitised anyway, so a script typed into an FAQ answer, a prompt or a model's reply never reaches a page.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    public static string ToPlainText(string markdown) =>
        Markdown.ToPlainText(markdown, Pipeline).ReplaceLineEndings(" ").Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        // Code blocks keep their language class for styling.
        sanitizer.AllowedAttributes.Add("class");
        return sanitizer;
    }
}
