using Caicaini.Help.Data;
using Caicaini.Help.Domain;
using Caicaini.Help.Features;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Help.Features.SetFaqEntryPublished;

/// <summary>Takes an entry off /help (and out of search) or puts it back, without losing it.</summary>
public sealed record SetFaqEntryPublished(int EntryId, bool Published, FaqEditor Editor) : ICommand<Result<Unit>>;

internal sealed class SetFaqEntryPublishedHandler(HelpDbContext db, TimeProvider clock) : ICommandHandler<SetFaqEntryPublished, Result<Unit>>
{
    public async ValueTask<Result<Unit>> Handle(SetFaqEntryPublished command, CancellationToken cancellationToken)
    {
        var entry = await db.Entries.SingleOrDefaultAsync(e => e.Id == command.EntryId, cancellationToken);
        if (entry is null) return Error.NotFound("faq-entry-not-found", "This entry no longer exists.");
        if (entry.Published == command.Published) return Unit.Value;

        var now = clock.GetUtcNow();
        entry.Published = command.Published;
        entry.UpdatedAt = now;
        FaqAudit.Record(db, entry, command.Published ? "published" : "unpublished", command.Editor, now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
