using Caicaini.Help.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Help.Features.ListFaqForEditing;

/// <summary>Every entry, published or not, in page order, with its last change: the editors' view.</summary>
public sealed record ListFaqForEditing : IQuery<IReadOnlyList<EditableSection>>;

public sealed record EditableSection(int Id, string Slug, string Title, IReadOnlyList<EditableEntry> Entries);

public sealed record EditableEntry(int Id, string Slug, string Question, bool Published, DateTimeOffset UpdatedAt, string? LastEditedBy);

internal sealed class ListFaqForEditingHandler(HelpDbContext db) : IQueryHandler<ListFaqForEditing, IReadOnlyList<EditableSection>>
{
    public async ValueTask<IReadOnlyList<EditableSection>> Handle(ListFaqForEditing query, CancellationToken cancellationToken) =>
        await db.Sections.AsNoTracking()
            .OrderBy(s => s.Position)
            .Select(s => new EditableSection(s.Id, s.Slug, s.Title, s.Entries
                .OrderBy(e => e.Position)
                .Select(e => new EditableEntry(e.Id, e.Slug, e.Question, e.Published, e.UpdatedAt,
                    db.Audit.Where(a => a.EntryId == e.Id).OrderByDescending(a => a.Id).Select(a => a.ActorName).FirstOrDefault()))
                .ToList()))
            .ToListAsync(cancellationToken);
}
