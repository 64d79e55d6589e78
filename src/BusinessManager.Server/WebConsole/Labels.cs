using BusinessManager.Core.Catalog;
using BusinessManager.Server.Infrastructure;

namespace BusinessManager.Server.WebConsole;

/// <summary>Catalog values in words for people; forms still send the API's wire names.</summary>
public static class Labels
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var words = Wire.Of(value).Replace('_', ' ').ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Of<TEnum>(TEnum? value) where TEnum : struct, Enum => value is { } v ? Of(v) : "—";

    public static string Roles(IEnumerable<AssetRole> roles) =>
        roles.Any() ? string.Join(" + ", roles.Select(r => Of(r))) : "none";

    public static string When(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'",
        System.Globalization.CultureInfo.InvariantCulture);
}
