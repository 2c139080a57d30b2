namespace Caicaini.Help.Domain;

/// <summary>
/// One question and its answer. The answer is Markdown; <see cref="AnswerText"/> is its plain text,
/// kept beside it so full-text search and snippets never see Markdown syntax.
/// </summary>
internal sealed class FaqEntry
{
    public int Id { get; init; }
    public int SectionId { get; set; }
    public FaqSection? Section { get; init; }

    /// <summary>The anchor on /help (<c>/help#forgot-password</c>); stable, so links keep working.</summary>
    public required string Slug { get; set; }
    public required string Question { get; set; }
    public required string AnswerMarkdown { get; set; }
    public required string AnswerText { get; set; }
    public int Position { get; set; }
    public bool Published { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
}
