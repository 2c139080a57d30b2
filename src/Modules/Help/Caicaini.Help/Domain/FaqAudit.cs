using Caicaini.Help.Data;
using Caicaini.Help.Features;

namespace Caicaini.Help.Domain;

internal static class FaqAudit
{
    public static void Record(HelpDbContext db, FaqEntry entry, string action, FaqEditor editor, DateTimeOffset now) =>
        db.Audit.Add(new FaqAuditEntry
        {
            EntryId = entry.Id,
            Action = action,
            ActorId = editor.Id,
            ActorName = editor.Name,
            OccurredAt = now,
            Snapshot = $"{entry.Question}\n\n{entry.AnswerMarkdown}",
        });
}
