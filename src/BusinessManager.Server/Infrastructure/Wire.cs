using System.Text.Json;
using BusinessManager.Core.Errors;

namespace BusinessManager.Server.Infrastructure;

/// <summary>Enum values as they appear on the wire (SCREAMING_SNAKE_CASE), in JSON and in query strings.</summary>
public static class Wire
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());

    /// <summary>Parses an optional query filter given by its wire name; an unknown name is a 400 naming the field.</summary>
    public static Result<TEnum?> Filter<TEnum>(string? value, string field) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return Result<TEnum?>.Ok(null);
        }

        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), value, StringComparison.OrdinalIgnoreCase))
            {
                return Result<TEnum?>.Ok(candidate);
            }
        }

        var known = string.Join(", ", Enum.GetValues<TEnum>().Select(Of));
        return Errors.Invalid(field, $"'{field}' must be one of {known}.");
    }
}
