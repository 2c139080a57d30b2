namespace Caicaini.Host.Infrastructure;

/// <summary>Where people get help, from configuration (section "Support"), shown on /help and /privacy.</summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    public string Email { get; set; } = "support@caicaini.app";
    public string Telegram { get; set; } = "caicaini_support";
    public string WeChat { get; set; } = "caicaini-support";
    public string ResponseTime { get; set; } = "We answer within one business day.";
}

/// <summary>Privacy facts that depend on the deployment (section "Privacy").</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    public string DataLocation { get; set; } = "the European Union (Frankfurt, Germany)";
    public string HostingProvider { get; set; } = "our hosting provider's data centre";
    public int ConversationPurgeHours { get; set; } = 24;
    public int BackupRetentionDays { get; set; } = 30;
}
