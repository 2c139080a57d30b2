using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics.Metrics;
using Caicaini.Shared.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Caicaini.Billing.Data;

/// <summary>
/// Every reserve and settle of this process goes through here, to the database functions of migration
/// <c>CreditFunctions</c>, in batches: the calls that queue up while a writer is busy travel together in one
/// round trip and one commit (group commit). Alone, a call is written at once; under load, one commit and
/// one account lock pass serve many messages, which is what lets one busy account take more than a few
/// hundred messages a second (docs/adr/0005-group-commit-for-reserve-and-settle.md).
/// </summary>
/// <remarks>
/// A batch is one implicit transaction: it first locks every account it touches in ascending id order (so
/// two batches, here or in another instance, never deadlock), then runs the calls in arrival order, and
/// only after the commit does any caller learn its result. If any call fails, PostgreSQL undoes the whole
/// batch; the calls are then written one by one, so only the failing call sees its error.
/// No background service: the first caller to find a writer slot free starts a writer task, which lives
/// while calls are queued.
/// </remarks>
internal sealed class CreditWriter(IConfiguration configuration, IOptions<BillingOptions> options, IMeterFactory meters, ILogger<CreditWriter> logger)
{
    public const string MeterName = "Caicaini.Billing";
    public const string BatchSizeInstrument = "caicaini.billing.credit_batch.size";
    public const string BatchRetriedInstrument = "caicaini.billing.credit_batch.retried";

    public sealed record ReserveRow(string Outcome, Guid? HoldId, long FromSubscription, long FromTopUp, long Available);

    public sealed record SettleRow(string Outcome, long FromSubscription, long FromTopUp, long Shortfall, long SubscriptionAfter, long TopUpAfter);

    // The same few statements all day: let Npgsql prepare them on each connection (parsing and planning
    // them anew cost as much as running them).
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(
        configuration.GetConnectionString(PersistenceServiceCollectionExtensions.ConnectionStringName)
        ?? throw new InvalidOperationException($"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName} is not set."))
    {
        MaxAutoPrepare = 8,
        AutoPrepareMinUsages = 2,
    }.ConnectionString;
    private readonly ConcurrentQueue<PendingCall> _queue = new();
    private readonly SemaphoreSlim _writerSlots = new(Math.Max(1, options.Value.CreditWriters));
    private readonly int _maxBatch = Math.Max(1, options.Value.MaxCreditBatch);
    // For operators: how well calls share commits, and how often a batch had to be undone and written call by call.
    private readonly Histogram<int> _batchSize = meters.Create(MeterName).CreateHistogram<int>(BatchSizeInstrument, "{call}",
        "Reserve and settle calls written in one transaction.");
    private readonly Counter<long> _batchRetried = meters.Create(MeterName).CreateCounter<long>(BatchRetriedInstrument, "{batch}",
        "Batches undone by one failing call (or a lost connection) and written again one call at a time.");

    /// <summary>Runs <c>billing.reserve_credits</c>. Once queued the call is written even if the caller gives up, so it always learns the outcome.</summary>
    public Task<ReserveRow> ReserveAsync(Guid userId, long maxMicros, string reference, DateTimeOffset now, Guid holdId) =>
        Enqueue(new PendingCall<ReserveRow>("SELECT * FROM billing.reserve_credits($1, $2, $3, $4, $5)", [userId, maxMicros, reference, now, holdId],
            r => new ReserveRow(r.GetString(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4)),
            userId, holdId: null));

    /// <summary>Runs <c>billing.settle_hold</c>, with the same guarantee as <see cref="ReserveAsync"/>.</summary>
    public Task<SettleRow> SettleAsync(Guid holdId, long costMicros, DateTimeOffset now) =>
        Enqueue(new PendingCall<SettleRow>("SELECT * FROM billing.settle_hold($1, $2, $3)", [holdId, costMicros, now],
            r => new SettleRow(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)),
            userId: null, holdId));

    private Task<T> Enqueue<T>(PendingCall<T> call)
    {
        _queue.Enqueue(call);
        StartWriterIfASlotIsFree();
        return call.Result;
    }

    private void StartWriterIfASlotIsFree()
    {
        if (_writerSlots.Wait(0))
            _ = Task.Run(WriteWhileQueuedAsync);
    }

    private async Task WriteWhileQueuedAsync()
    {
        var batch = new List<PendingCall>(_maxBatch);
        try
        {
            while (true)
            {
                while (batch.Count < _maxBatch && _queue.TryDequeue(out var call))
                    batch.Add(call);
                if (batch.Count == 0)
                    break;
                await WriteAsync(batch);
                batch.Clear();
            }
        }
        finally
        {
            _writerSlots.Release();
        }
        // A call queued between this writer's last look and its release found every slot taken: write it now.
        if (!_queue.IsEmpty)
            StartWriterIfASlotIsFree();
    }

    private async Task WriteAsync(List<PendingCall> batch)
    {
        _batchSize.Record(batch.Count);
        try
        {
            await RunInOneTransactionAsync(batch);
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            _batchRetried.Add(1);
            logger.LogInformation(e, "A batch of {Count} credit calls failed as a whole; writing them one by one.", batch.Count);
        }
        catch (Exception e)
        {
            batch[0].Fail(e);
            return;
        }

        foreach (var call in batch)
        {
            try
            {
                await RunInOneTransactionAsync([call]);
            }
            catch (Exception e)
            {
                call.Fail(e);
            }
        }
    }

    private async Task RunInOneTransactionAsync(IReadOnlyList<PendingCall> calls)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        // Without an explicit transaction, Npgsql sends the whole batch with one Sync: one implicit
        // transaction, all or nothing.
        await using var batch = new NpgsqlBatch(connection);
        var lockFirst = calls.Count > 1;
        if (lockFirst)
            batch.BatchCommands.Add(LockAccountsInOrder(calls));
        foreach (var call in calls)
            batch.BatchCommands.Add(call.Command());

        await using (var reader = await batch.ExecuteReaderAsync())
        {
            if (lockFirst)
                await reader.NextResultAsync();
            foreach (var call in calls)
            {
                if (!await reader.ReadAsync())
                    throw new InvalidOperationException("A credit function answered no row.");
                call.Read(reader);
                await reader.NextResultAsync();
            }
            while (await reader.NextResultAsync()) { } // up to the commit's answer
        }

        // Committed: only now may a caller act on its result.
        foreach (var call in calls)
            call.Publish();
    }

    // Every account the batch will touch, locked in one fixed order before any call runs.
    private static NpgsqlBatchCommand LockAccountsInOrder(IReadOnlyList<PendingCall> calls)
    {
        // Written as "= ANY(one array)" so that the generic plan of the prepared statement is an index scan.
        var command = new NpgsqlBatchCommand("""
            SELECT user_id FROM billing.credit_accounts
             WHERE user_id = ANY($1::uuid[] || ARRAY(SELECT user_id FROM billing.holds WHERE id = ANY($2::uuid[])))
             ORDER BY user_id
               FOR UPDATE
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = calls.Where(c => c.UserId is not null).Select(c => c.UserId!.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = calls.Where(c => c.HoldId is not null).Select(c => c.HoldId!.Value).ToArray() });
        return command;
    }

    private abstract class PendingCall(Guid? userId, Guid? holdId)
    {
        public Guid? UserId { get; } = userId;
        public Guid? HoldId { get; } = holdId;
        public abstract NpgsqlBatchCommand Command();
        public abstract void Read(DbDataReader reader);
        public abstract void Publish();
        public abstract void Fail(Exception error);
    }

    private sealed class PendingCall<T>(string sql, object[] arguments, Func<DbDataReader, T> read, Guid? userId, Guid? holdId)
        : PendingCall(userId, holdId)
    {
        // Callers' continuations must not run on the writer, which has other batches to write.
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _row;

        public Task<T> Result => _result.Task;

        public override NpgsqlBatchCommand Command()
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var argument in arguments)
                command.Parameters.Add(new NpgsqlParameter { Value = argument });
            return command;
        }

        public override void Read(DbDataReader reader) => _row = read(reader);

        public override void Publish() => _result.TrySetResult(_row!);

        public override void Fail(Exception error) => _result.TrySetException(error);
    }
}
