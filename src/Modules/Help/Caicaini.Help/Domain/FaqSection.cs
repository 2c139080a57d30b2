namespace Caicaini.Help.Domain;

/// <summary>A group of questions on the help page ("Account &amp; sign-in"), shown in <see cref="Position"/> order.</summary>
internal sealed class FaqSection
{
    public int Id { get; init; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public int Position { get; set; }
    public List<FaqEntry> Entries { get; init; } = [];
}
