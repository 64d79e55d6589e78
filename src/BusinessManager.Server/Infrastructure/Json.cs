using System.Text.Json;
using System.Text.Json.Serialization;

namespace BusinessManager.Server.Infrastructure;

/// <summary>One set of JSON rules for the API, the change log and the audit log.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Strict input: unknown fields, missing required fields and nulls in non-nullable fields are
    /// refused with a 400 that names the field, instead of being silently ignored.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.MaxDepth = 32;

        return options;
    }
}
