using System.Net.Mail;

namespace BusinessManager.Server.Infrastructure;

/// <summary>
/// E-mail matching ignores case in the whole address, local part included: Jane.Doe@Agency.com and
/// jane.doe@agency.com are one person everywhere (sign-up, sign-in, invitations). Almost no real mail
/// server distinguishes the local part's case, and treating them as two people is how duplicate accounts
/// without the invited access are made. Invisible and direction-changing characters are refused, as in names:
/// U+202E would show "evil\u202Egro.example@x.example" as another address in every list.
/// </summary>
public static class Emails
{
    public static string? Normalize(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254 || trimmed.Any(char.IsWhiteSpace)
            || trimmed.Any(Validate.Invisible)
            || trimmed.Count(c => c == '@') != 1 || !MailAddress.TryCreate(trimmed, out var parsed)
            || parsed.Address != trimmed || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }
}
