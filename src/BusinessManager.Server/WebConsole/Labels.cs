using BusinessManager.Core.Catalog;
using BusinessManager.Server.Assets;
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

    /// <summary>An asset as sentences name it: "ad account FixDex Ads (id 123)".</summary>
    public static string Asset(AssetType type, string name, long id) => $"{Of(type).ToLowerInvariant()} {name} (id {id})";

    public static string Asset(AssetResponse asset) => Asset(asset.Type, asset.Name, asset.Id);

    /// <summary>The same, to start a sentence or a table cell: "Ad account FixDex Ads (id 123)".</summary>
    public static string AssetFirst(AssetResponse asset) => $"{Of(asset.Type)} {asset.Name} (id {asset.Id})";

    /// <summary>"1 role", "3 roles"; a plural that is not the noun plus s is given.</summary>
    public static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";

    public static string Roles(IEnumerable<AssetRole> roles) =>
        roles.Any() ? string.Join(" + ", roles.Select(r => Of(r))) : "none";

    public static string When(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'",
        System.Globalization.CultureInfo.InvariantCulture);
}
