using System.Text.Json;

namespace BusinessManager.Server.Infrastructure;

/// <summary>Enum values as they appear on the wire (SCREAMING_SNAKE_CASE), for places that build strings.</summary>
public static class Wire
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());
}
