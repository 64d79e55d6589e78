using System.Buffers.Binary;
using BusinessManager.Core.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace BusinessManager.Server.Infrastructure;

/// <summary>A page of a list. <c>Total</c> counts only what the caller may see, never the hidden rest.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, string? NextCursor);

/// <summary>
/// Keyset pagination with opaque cursors over lists ordered by a unique key: a page starts after the last key
/// of the previous one, so items added or removed mid-iteration are never duplicated or skipped.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static Result<Page<T>> Of<T>(IReadOnlyList<T> ordered, Func<T, long> key, int? limit, string? cursor) =>
        Of(ordered, item => (key(item), 0L), limit, cursor);

    /// <summary>The list must be ordered by <paramref name="key"/> (first part, then second).</summary>
    public static Result<Page<T>> Of<T>(IReadOnlyList<T> ordered, Func<T, (long, long)> key, int? limit,
        string? cursor)
    {
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            return Errors.Invalid("limit", $"limit must be between 1 and {MaxLimit}.");
        }

        IReadOnlyList<T> rest = ordered;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (Decode(cursor) is not { } after)
            {
                return Errors.Invalid("cursor", "The cursor is not one this service issued.");
            }

            rest = ordered.Where(i => key(i).CompareTo(after) > 0).ToList();
        }

        var items = rest.Take(size).ToList();
        var next = rest.Count > size ? Encode(key(items[^1])) : null;

        return new Page<T>(items, ordered.Count, next);
    }

    private static string Encode((long Major, long Minor) key)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, key.Major);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], key.Minor);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    private static (long, long)? Decode(string cursor)
    {
        try
        {
            var bytes = WebEncoders.Base64UrlDecode(cursor);
            return bytes.Length == 16
                ? (BinaryPrimitives.ReadInt64BigEndian(bytes), BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(8)))
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
