using Caicaini.Help.Data;
using Caicaini.Help.Domain;
using Caicaini.Help.Features;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Help.Features.MoveFaqEntry;

/// <summary>Swaps an entry with its neighbour above or below in its section.</summary>
public sealed record MoveFaqEntry(int EntryId, bool Up, FaqEditor Editor) : ICommand<Result<Unit>>;

internal sealed class MoveFaqEntryHandler(HelpDbContext db, TimeProvider clock) : ICommandHandler<MoveFaqEntry, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(MoveFaqEntry command, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.SingleOrDefaultAsync(e => e.Id == command.EntryId, cancellationToken);
        if (entry is null) return Error.NotFound("faq-entry-not-found", "This entry no longer exists.");

        var siblings = db.Entries.Where(e => e.SectionId == entry.SectionId && e.Id != entry.Id);
        var neighbour = command.Up
            ? await siblings.Where(e => e.Position <= entry.Position).OrderByDescending(e => e.Position).FirstOrDefaultAsync(cancellationToken)
            : await siblings.Where(e => e.Position >= entry.Position).OrderBy(e => e.Position).FirstOrDefaultAsync(cancellationToken);
        if (neighbour is null) return Unit.Value; // Already first (or last).

        (entry.Position, neighbour.Position) = (neighbour.Position, entry.Position);
        if (entry.Position == neighbour.Position) entry.Position += command.Up ? -1 : 1;
        FaqAudit.Record(db, entry, command.Up ? "moved up" : "moved down", command.Editor, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
