using Caicaini.Help.Data;
using Caicaini.Help.Domain;
using Caicaini.Shared.Text;
using Caicaini.Help.Features;
using Caicaini.Shared.Results;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Help.Features.SaveFaqEntry;

/// <summary>Creates (no <see cref="EntryId"/>) or updates an FAQ entry; every save is audited.</summary>
public sealed record SaveFaqEntry(int? EntryId, int SectionId, string Slug, string Question, string AnswerMarkdown, bool Published, FaqEditor Editor)
    : ICommand<Result<int>>;

public sealed record FaqEntryDraft(int? EntryId, int SectionId, string Slug, string Question, string AnswerMarkdown, bool Published);

/// <summary>The stored entry, for the edit form.</summary>
public sealed record GetFaqEntryDraft(int EntryId) : IQuery<Result<FaqEntryDraft>>;

internal sealed class SaveFaqEntryValidator : AbstractValidator<SaveFaqEntry>
{
    public SaveFaqEntryValidator()
    {
        RuleFor(e => e.Slug).NotEmpty().WithMessage("Give the entry an anchor, e.g. \"change-plan\".")
            .MaximumLength(80).Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage("Use lower-case letters, digits and single hyphens.");
        RuleFor(e => e.Question).NotEmpty().WithMessage("Write the question.").MaximumLength(300);
        RuleFor(e => e.AnswerMarkdown).NotEmpty().WithMessage("Write the answer.").MaximumLength(20_000);
    }
}

internal sealed class SaveFaqEntryHandler(HelpDbContext db, TimeProvider clock) : ICommandHandler<SaveFaqEntry, Result<int>>
{
    private static readonly Error SlugTaken = Error.Conflict("slug-taken", "Another entry already uses this anchor. Choose another.");

    public async ValueTask<Result<int>> Handle(SaveFaqEntry command, CancellationToken cancellationToken)
    {
        if (!await db.Sections.AnyAsync(s => s.Id == command.SectionId, cancellationToken))
            return Error.Validation("sectionId", "Choose a section.");
        // (Compare with an explicit null check: in SQL "id <> NULL" is never true.)
        var otherId = command.EntryId ?? 0;
        if (await db.Entries.AnyAsync(e => e.Slug == command.Slug && e.Id != otherId, cancellationToken))
            return SlugTaken;

        var now = clock.GetUtcNow();
        FaqEntry entry;
        if (command.EntryId is { } id)
        {
            var existing = await db.Entries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (existing is null) return Error.NotFound("faq-entry-not-found", "This entry no longer exists.");
            entry = existing;
            if (entry.SectionId != command.SectionId)
                entry.Position = await NextPositionAsync(command.SectionId, cancellationToken);
        }
        else
        {
            entry = new FaqEntry { Slug = command.Slug, Question = command.Question, AnswerMarkdown = "", AnswerText = "" };
            entry.Position = await NextPositionAsync(command.SectionId, cancellationToken);
            db.Entries.Add(entry);
        }

        entry.SectionId = command.SectionId;
        entry.Slug = command.Slug;
        entry.Question = command.Question.Trim();
        entry.AnswerMarkdown = command.AnswerMarkdown.Trim();
        entry.AnswerText = MarkdownRenderer.ToPlainText(entry.AnswerMarkdown);
        entry.Published = command.Published;
        entry.UpdatedAt = now;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken); // gives a new entry its id for the audit row
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return SlugTaken; // Another editor took the anchor a moment ago.
        }
        FaqAudit.Record(db, entry, command.EntryId is null ? "created" : "updated", command.Editor, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entry.Id;
    }

    private async Task<int> NextPositionAsync(int sectionId, CancellationToken cancellationToken) =>
        (await db.Entries.Where(e => e.SectionId == sectionId).MaxAsync(e => (int?)e.Position, cancellationToken) ?? 0) + 10;
}

internal sealed class GetFaqEntryDraftHandler(HelpDbContext db) : IQueryHandler<GetFaqEntryDraft, Result<FaqEntryDraft>>
{
    public async ValueTask<Result<FaqEntryDraft>> Handle(GetFaqEntryDraft query, CancellationToken cancellationToken)
    {
        var draft = await db.Entries.AsNoTracking().Where(e => e.Id == query.EntryId)
            .Select(e => new FaqEntryDraft(e.Id, e.SectionId, e.Slug, e.Question, e.AnswerMarkdown, e.Published))
            .SingleOrDefaultAsync(cancellationToken);
        return draft is null ? Error.NotFound("faq-entry-not-found", "This entry no longer exists.") : draft;
    }
}
