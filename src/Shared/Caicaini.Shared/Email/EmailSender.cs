using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Caicaini.Shared.Email;

/// <summary>An email to one person: a plain-text body, which every client shows and no client mangles.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody);

public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "Caicaini <no-reply@caicaini.app>";

    /// <summary>Where .eml files go when no SMTP host is set (development and tests read them there).</summary>
    public string PickupDirectory { get; set; } = ".data/mail";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
}

public static class EmailServiceCollectionExtensions
{
    /// <summary>SMTP (MailKit) when Email:SmtpHost is set; otherwise .eml files in the pickup folder.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.SmtpHost)
                ? new PickupFolderEmailSender(options, sp.GetRequiredService<ILogger<PickupFolderEmailSender>>())
                : new SmtpEmailSender(options);
        });
        return services;
    }

    internal static MimeMessage ToMime(this EmailMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        return mime;
    }
}

/// <summary>Writes each message as an .eml file (unique name, written then renamed so readers never see half a file).</summary>
public sealed class PickupFolderEmailSender(EmailOptions options, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.PickupDirectory);
        Directory.CreateDirectory(directory);
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(directory, name + ".tmp");
        await message.ToMime(options).WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name));
        logger.LogInformation("Email '{Subject}' to {To} written to {Directory}", message.Subject, message.To, directory);
    }
}

public sealed class SmtpEmailSender(EmailOptions options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        if (!string.IsNullOrEmpty(options.SmtpUser))
            await client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword ?? "", cancellationToken);
        await client.SendAsync(message.ToMime(options), cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
