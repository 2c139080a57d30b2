namespace Caicaini.Billing;

internal sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>How often each instance looks for ended periods and abandoned holds.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Off in tests that run <c>BillingSweeper.RunOnceAsync</c> themselves.</summary>
    public bool SweepEnabled { get; set; } = true;

    /// <summary>An open hold neither made nor renewed (<c>RenewHold</c>) for this long is released: its reply died with its process.</summary>
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How many batches of reserve/settle calls this instance writes at once (each on its own connection).
    /// Two keep both of a small machine's cores busy; more only adds waiting on a busy account's lock.
    /// </summary>
    public int CreditWriters { get; set; } = 2;

    /// <summary>The most reserve/settle calls written in one transaction.</summary>
    public int MaxCreditBatch { get; set; } = 64;

    /// <summary>What a typical message costs (micro-credits); below this the balance is "low" whatever the plan.</summary>
    public long TypicalMessageCostMicros { get; set; } = 1_000_000;
}
