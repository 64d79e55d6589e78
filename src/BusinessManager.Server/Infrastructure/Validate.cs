using System.Globalization;
using BusinessManager.Core.Errors;

namespace BusinessManager.Server.Infrastructure;

/// <summary>Input checks that every endpoint shares; each names the field it refuses.</summary>
public static class Validate
{
    public const int MaxNameLength = 200;

    /// <summary>
    /// Names are shown to other businesses, so invisible and direction-changing characters (control and format
    /// characters such as U+202E or U+200B) are refused: they let one name pass for another in a list.
    /// </summary>
    public static Error? Name(string? value, string field = "name") =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > MaxNameLength || value.Any(Invisible)
            ? Errors.Invalid(field,
                $"'{field}' must be 1 to {MaxNameLength} characters, without control or invisible characters.")
            : null;

    internal static bool Invisible(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;

    public static Error? Email(string? value, string field, out string normalized)
    {
        normalized = Emails.Normalize(value) ?? "";
        return normalized.Length == 0 ? Errors.Invalid(field, $"'{field}' is not a valid e-mail address.") : null;
    }

    public static Error? Defined<TEnum>(TEnum value, string field) where TEnum : struct, Enum =>
        Enum.IsDefined(value) ? null : Errors.Invalid(field, $"'{field}' is not a known value.");
}
