using BusinessManager.Core.Access;
using BusinessManager.Core.Errors;
using BusinessManager.Server.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BusinessManager.Server.Infrastructure;

/// <summary>
/// Every write answers with its result, the revision it committed (name it as <c>atLeast</c> on a later read
/// served by another process), and the access changes it made: for an ending, exactly what ended. With
/// <c>?dryRun=true</c> nothing is written and <c>changes</c> is the preview.
/// </summary>
public sealed record WriteResponse<T>(T Result, long Revision, bool DryRun, IReadOnlyList<Change> Changes);

public static class WriteResults
{
    public static Results<Ok<WriteResponse<T>>, ProblemHttpResult> Ok<T>(Result<Committed<T>> written) =>
        written.IsOk
            ? TypedResults.Ok(Response(written.Value!))
            : Problems.From(written.Error!);

    public static Results<Created<WriteResponse<T>>, ProblemHttpResult> Created<T>(Result<Committed<T>> written,
        Func<T, string> location) =>
        written.IsOk
            ? TypedResults.Created(location(written.Value!.Value), Response(written.Value!))
            : Problems.From(written.Error!);

    private static WriteResponse<T> Response<T>(Committed<T> c) => new(c.Value, c.Revision, c.DryRun, c.Changes);
}

/// <summary>Reads answer either a value or a problem.</summary>
public static class ReadResults
{
    public static Results<Ok<T>, ProblemHttpResult> Of<T>(Result<T> result) =>
        result.IsOk ? TypedResults.Ok(result.Value!) : Problems.From(result.Error!);
}
