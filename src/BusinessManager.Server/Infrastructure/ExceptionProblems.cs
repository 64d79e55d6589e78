using System.Text.Json;
using System.Text.RegularExpressions;
using BusinessManager.Core.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace BusinessManager.Server.Infrastructure;

/// <summary>
/// Turns malformed requests into 400 problems that name the field: bad JSON, a field of the wrong type, an
/// unknown or missing field, a path or query value that is not a number, an oversized body. Anything else is
/// a bug and answers 500 without internals.
/// </summary>
public sealed partial class ExceptionProblems(ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var error = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                new Error("body_too_large", ErrorKind.Invalid, "The request body is too large."),
            BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
            BadHttpRequestException bad => FromBinding(bad),
            _ => null,
        };

        if (error is null)
        {
            LogUnhandled(logger, exception);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            if (!context.Request.Path.StartsWithSegments("/api"))
            {
                // A person at the web console reads words, not JSON.
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync("<!DOCTYPE html><html lang=\"en\"><title>Something went wrong</title>"
                    + "<h1>Something went wrong on our side</h1><p>Nothing was changed. <a href=\"/\">Start again</a>."
                    + "</p></html>", ct);
                return true;
            }

            var internalError = Problems.Details(new Error("internal_error", ErrorKind.Conflict,
                "Something went wrong on our side; nothing was changed."));
            internalError.Status = 500;
            await context.Response.WriteAsJsonAsync(internalError, Json.Options, "application/problem+json", ct);
            return true;
        }

        var status = exception is BadHttpRequestException { StatusCode: 413 } ? 413 : 400;
        context.Response.StatusCode = status;
        var details = Problems.Details(error);
        details.Status = status;
        await context.Response.WriteAsJsonAsync(details, Json.Options, "application/problem+json", ct);
        return true;
    }

    private static Error FromBinding(BadHttpRequestException bad)
    {
        var match = ParameterPattern().Match(bad.Message);
        var field = match.Success ? match.Groups["name"].Value : null;
        var code = bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && field is null
            ? "malformed_json"
            : "invalid_parameter";

        return new Error(code, ErrorKind.Invalid, field is null ? "The request is malformed." : $"'{field}' is not valid.", field);
    }

    private static Error FromJson(JsonException json)
    {
        var field = FieldOf(json.Path);
        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var unknown = UnknownPropertyPattern().Match(json.Message);
            field = unknown.Success ? unknown.Groups["name"].Value : field;
            return new Error("unknown_field", ErrorKind.Invalid, $"'{field}' is not a field of this request.", field);
        }

        if (json.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var missing = MissingPropertyPattern().Match(json.Message);
            field = missing.Success ? missing.Groups["name"].Value : field;
            return new Error("missing_field", ErrorKind.Invalid, $"'{field}' is required.", field);
        }

        return field is null
            ? new Error("malformed_json", ErrorKind.Invalid, "The request body is not valid JSON for this operation.")
            : new Error("invalid_field", ErrorKind.Invalid, $"'{field}' has the wrong type or an unknown value.", field);
    }

    private static string? FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? null : path.TrimStart('$', '.');

    [GeneratedRegex("parameter \"(?:[\\w.?<>]+ )?(?<name>\\w+)\"")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex("property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnknownPropertyPattern();

    [GeneratedRegex("missing required properties including: '(?<name>[^']+)'")]
    private static partial Regex MissingPropertyPattern();

    [LoggerMessage(EventId = 9000, Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
