using MimeKit;

namespace Caicaini.Testing;

/// <summary>The pickup folder the Host writes emails to when no SMTP server is configured.</summary>
public sealed class Mailbox
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "caicaini-mail-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        (System.IO.Directory.Exists(Directory) ? System.IO.Directory.GetFiles(Directory, "*.eml") : [])
            .Order()
            .Select(file => MimeMessage.Load(file))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>The first http(s) link in the newest message to <paramref name="address"/>.</summary>
    public string LinkIn(string address)
    {
        var message = MessagesTo(address).LastOrDefault() ?? throw new InvalidOperationException($"No email to {address}.");
        var match = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https?://\S+");
        return match.Success ? match.Value : throw new InvalidOperationException("The email has no link.");
    }
}
