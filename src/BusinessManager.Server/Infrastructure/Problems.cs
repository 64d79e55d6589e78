using BusinessManager.Core.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.Infrastructure;

/// <summary>The one place a refusal becomes HTTP: RFC 9457 problem details with a stable <c>code</c>.</summary>
public static class Problems
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status409Conflict,
    };

    public static ProblemHttpResult From(Error error) => TypedResults.Problem(Details(error));

    public static ProblemDetails Details(Error error)
    {
        var details = new ProblemDetails
        {
            Status = StatusOf(error.Kind),
            Title = error.Message,
            Type = $"https://business-manager.dev/problems/{error.Code}",
        };
        details.Extensions["code"] = error.Code;
        if (error.Field is not null)
        {
            details.Extensions["field"] = error.Field;
        }

        return details;
    }
}
