using System.Net;
using Caicaini.Help.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Help.Features.SearchFaq;

/// <summary>
/// Full-text search of the published FAQ: question weighted over answer, ranked, with highlighted
/// snippets. Any text is a valid query (web-search syntax: words, "quoted phrases", -exclusions);
/// what cannot match returns nothing rather than an error. No query lists every published entry.
/// </summary>
public sealed record SearchFaq(string? Query, int Limit = 20) : IQuery<FaqSearchResults>;

public sealed record FaqSearchResults(string Query, IReadOnlyList<FaqSearchHit> Hits);

/// <summary>One match. <see cref="SnippetHtml"/> is HTML-encoded text whose only markup is &lt;mark&gt;.</summary>
public sealed record FaqSearchHit(
    string Slug, string Question, string SectionSlug, string SectionTitle, string SnippetHtml, string SnippetText, string AnswerMarkdown);

internal sealed class SearchFaqHandler(HelpDbContext db) : IQueryHandler<SearchFaq, FaqSearchResults>
{
    /// <summary>Longer queries are cut, not refused: nobody types 200 characters to find one answer.</summary>
    public const int MaxQueryLength = 200;

    // Markers PostgreSQL puts around matches; chosen so they never occur in answers, then turned
    // into <mark> after the snippet is HTML-encoded.
    private const string MatchStart = "\u2045";
    private const string MatchEnd = "\u2046";

    public async ValueTask<FaqSearchResults> Handle(SearchFaq query, CancellationToken cancellationToken)
    {
        var text = Normalise(query.Query);
        if (text.Length == 0)
            return new FaqSearchResults(text, await AllAsync(cancellationToken));

        var limit = Math.Clamp(query.Limit, 1, 50);
        const string headline = $"StartSel={MatchStart}, StopSel={MatchEnd}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";
        var rows = await db.Database.SqlQuery<SearchRow>($"""
            SELECT e.slug, e.question, s.slug AS section_slug, s.title AS section_title, e.answer_markdown,
                   ts_headline('english', e.answer_text, q, {headline}) AS snippet
            FROM help.faq_entries e
            JOIN help.faq_sections s ON s.id = e.section_id
            CROSS JOIN websearch_to_tsquery('english', {text}) AS q
            WHERE e.published AND e.search_vector @@ q
            ORDER BY ts_rank(e.search_vector, q) DESC, s.position, e.position
            LIMIT {limit}
            """).ToListAsync(cancellationToken);

        return new FaqSearchResults(text, rows
            .Select(r => new FaqSearchHit(r.Slug, r.Question, r.SectionSlug, r.SectionTitle,
                SnippetHtml(r.Snippet), SnippetText(r.Snippet), r.AnswerMarkdown))
            .ToList());
    }

    // The FAQ is a few dozen entries written by people: listing it whole needs no paging.
    private async Task<IReadOnlyList<FaqSearchHit>> AllAsync(CancellationToken cancellationToken)
    {
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.Published)
            .OrderBy(e => e.Section!.Position).ThenBy(e => e.Position)
            .Select(e => new { e.Slug, e.Question, SectionSlug = e.Section!.Slug, SectionTitle = e.Section.Title, e.AnswerText, e.AnswerMarkdown })
            .ToListAsync(cancellationToken);
        return entries
            .Select(e =>
            {
                var snippet = e.AnswerText.Length <= 160 ? e.AnswerText : e.AnswerText[..160].TrimEnd() + " …";
                return new FaqSearchHit(e.Slug, e.Question, e.SectionSlug, e.SectionTitle, WebUtility.HtmlEncode(snippet), snippet, e.AnswerMarkdown);
            })
            .ToList();
    }

    /// <summary>Trims, cuts to <see cref="MaxQueryLength"/>, and drops control characters (PostgreSQL refuses NUL).</summary>
    internal static string Normalise(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return "";
        var cleaned = new string(query.Where(c => !char.IsControl(c) && c != MatchStart[0] && c != MatchEnd[0]).ToArray()).Trim();
        return cleaned.Length <= MaxQueryLength ? cleaned : cleaned[..MaxQueryLength];
    }

    private static string SnippetHtml(string snippet) =>
        WebUtility.HtmlEncode(snippet).Replace(MatchStart, "<mark>").Replace(MatchEnd, "</mark>");

    private static string SnippetText(string snippet) => snippet.Replace(MatchStart, "").Replace(MatchEnd, "");

    private sealed record SearchRow(string Slug, string Question, string SectionSlug, string SectionTitle, string AnswerMarkdown, string Snippet);
}
