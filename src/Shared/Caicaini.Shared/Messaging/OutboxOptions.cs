namespace Caicaini.Shared.Messaging;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How long an idle dispatcher waits before looking again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public int BatchSize { get; set; } = 50;

    /// <summary>Turned off by tests that drive <see cref="OutboxDispatcher{TContext}.DispatchBatchAsync"/> themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest wait between retries of a failing event.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}
