namespace Caicaini.Conversations;

internal sealed class ConversationsOptions
{
    public const string Section = "Conversations";

    /// <summary>How often each instance purges deleted conversations and closes abandoned replies (at least hourly).</summary>
    public TimeSpan JanitorInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Off in tests that run <see cref="Features.Purge.ConversationsJanitor.RunOnceAsync"/> themselves.</summary>
    public bool JanitorEnabled { get; set; } = true;

    /// <summary>
    /// A reply still "streaming" with no progress for this long died with its process (a live one saves its text
    /// every 2 s). Shorter than Billing's hold timeout (10 minutes), so the janitor charges the saved partial
    /// text before the hold would be released.
    /// </summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often a streaming reply renews its hold, so Billing's sweeper (10 minutes without renewal) never
    /// takes the credits of an answer that is still being written, however long it runs.
    /// </summary>
    public TimeSpan RenewHoldEvery { get; set; } = TimeSpan.FromMinutes(1);
}
