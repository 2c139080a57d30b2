using System.Globalization;
using System.Text;
using Caicaini.Billing.Data;
using Caicaini.Billing.Domain;
using Caicaini.Billing.Features.GetLedger;
using Caicaini.Shared.Money;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Caicaini.Billing.Features.ExportLedger;

/// <summary>The whole ledger (same filters as <see cref="GetLedger.GetLedger"/>) as CSV, oldest first, for spreadsheets and accountants.</summary>
public sealed record ExportLedger(Guid UserId, string? Kind = null, string? Bucket = null) : IQuery<string>;

internal sealed class ExportLedgerHandler(BillingDbContext db) : IQueryHandler<ExportLedger, string>
{
    public async ValueTask<string> Handle(ExportLedger query, CancellationToken cancellationToken)
    {
        var entries = LedgerFilter.Apply(db.Ledger.AsNoTracking().Where(e => e.UserId == query.UserId), query.Kind, query.Bucket);
        var csv = new StringBuilder("id,occurred_at_utc,kind,bucket,amount_credits,balance_after_credits,reference,note\r\n");
        await foreach (var e in entries.OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            csv.Append(e.Id.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(e.OccurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)).Append(',')
                .Append(e.Kind.ToString().ToLowerInvariant()).Append(',')
                .Append(BucketNames.Of(e.Bucket)).Append(',')
                .Append(Credits.FromMicros(e.AmountMicros).ToString()).Append(',')
                .Append(Credits.FromMicros(e.BalanceAfterMicros).ToString()).Append(',')
                .Append(Field(e.Reference)).Append(',')
                .Append(Field(e.Note)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting, and a leading quote mark on text a spreadsheet would run as a formula.</summary>
    internal static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
