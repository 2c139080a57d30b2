using System.Security.Cryptography;
using System.Text;

namespace Caicaini.Identity.Domain;

/// <summary>
/// The shape of personal API tokens: "cai_" + 43 characters of base64url (32 random bytes). Only the
/// SHA-256 of the whole token is stored; a stolen database cannot be replayed against the API.
/// </summary>
internal static class ApiTokenSecret
{
    public const string Marker = "cai_";
    public const int PrefixLength = 12;

    public static string New() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static bool LooksValid(string token) =>
        token.Length == Marker.Length + 43 && token.StartsWith(Marker, StringComparison.Ordinal)
        && token.AsSpan(Marker.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
