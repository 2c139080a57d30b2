using Caicaini.Help.Data;
using Caicaini.Help.Domain;
using Caicaini.Shared.Text;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Help.Features.GetFaq;

/// <summary>Every published question, by section, with answers rendered to safe HTML.</summary>
public sealed record GetFaq : IQuery<FaqView>;

public sealed record FaqView(IReadOnlyList<FaqSectionView> Sections);

public sealed record FaqSectionView(string Slug, string Title, IReadOnlyList<FaqEntryView> Entries);

public sealed record FaqEntryView(string Slug, string Question, string AnswerMarkdown, string AnswerHtml);

internal sealed class GetFaqHandler(HelpDbContext db) : IQueryHandler<GetFaq, FaqView>
{
    public async ValueTask<FaqView> Handle(GetFaq query, CancellationToken cancellationToken)
    {
        var sections = await db.Sections.AsNoTracking()
            .OrderBy(s => s.Position)
            .Select(s => new
            {
                s.Slug,
                s.Title,
                Entries = s.Entries.Where(e => e.Published).OrderBy(e => e.Position)
                    .Select(e => new { e.Slug, e.Question, e.AnswerMarkdown }).ToList(),
            })
            .ToListAsync(cancellationToken);

        return new FaqView(sections
            .Where(s => s.Entries.Count > 0)
            .Select(s => new FaqSectionView(s.Slug, s.Title, s.Entries
                .Select(e => new FaqEntryView(e.Slug, e.Question, e.AnswerMarkdown, MarkdownRenderer.ToHtml(e.AnswerMarkdown)))
                .ToList()))
            .ToList());
    }
}
