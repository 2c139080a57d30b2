using System.Text;
using Caicaini.Identity.Domain;
using Caicaini.Shared.Results;
using Mediator;
using Microsoft.AspNetCore.Identity;
using QRCoder;

namespace Caicaini.Identity.Features.GetTwoFactorSetup;

/// <summary>What an authenticator app needs: the key (as a QR code and as text) and the current state.</summary>
public sealed record GetTwoFactorSetup(Guid UserId) : ICommand<Result<TwoFactorSetup>>;

public sealed record TwoFactorSetup(bool Enabled, string SharedKey, string AuthenticatorUri, string QrCodeDataUri, int RecoveryCodesLeft);

internal sealed class GetTwoFactorSetupHandler(UserManager<User> users) : ICommandHandler<GetTwoFactorSetup, Result<TwoFactorSetup>>
{
    public async ValueTask<Result<TwoFactorSetup>> Handle(GetTwoFactorSetup command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.UserId.ToString());
        if (user is null) return IdentityErrors.AccountGone;

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = $"otpauth://totp/Caicaini:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Caicaini&digits=6";
        return new TwoFactorSetup(user.TwoFactorEnabled, Readable(key!), uri, QrCode(uri), await users.CountRecoveryCodesAsync(user));
    }

    // Groups of four are easier to type into an app by hand.
    private static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
