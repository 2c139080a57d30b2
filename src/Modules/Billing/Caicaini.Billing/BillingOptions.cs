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

    /// <summary>What a typical message costs (micro-credits); below this the balance is "low" whatever the plan.</summary>
    public long TypicalMessageCostMicros { get; set; } = 1_000_000;
}
