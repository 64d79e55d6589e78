namespace BusinessManager.Core.Errors;

/// <summary>How a refusal maps to HTTP; the one mapper in the server turns this into a status code.</summary>
public enum ErrorKind
{
    Invalid,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
}

/// <summary>An expected refusal: a stable machine code, its kind, and a sentence for people.</summary>
public sealed record Error(string Code, ErrorKind Kind, string Message, string? Field = null);

/// <summary>Either a value or the named error that refused it. Expected failures are values.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    public bool IsOk => Error is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Error error) => new(default, error);

    public static implicit operator Result<T>(Error error) => Fail(error);

#pragma warning disable CA2225 // The implicit conversions are the readable way to return; Ok/Fail are the named ones.
    public static implicit operator Result<T>(T value) => Ok(value);
#pragma warning restore CA2225
}
