using System.Security.Cryptography;

namespace BusinessManager.Server.Infrastructure;

/// <summary>
/// Random public ids. Business ids are 9–10 digits so people can read them out; other ids are longer.
/// Random rather than sequential so an id reveals nothing about how many others exist.
/// </summary>
public static class Ids
{
    public static long NewBusinessId() => RandomNumberGenerator.GetInt32(100_000, 10_000_000) * 1000L
        + RandomNumberGenerator.GetInt32(0, 1000);

    public static long NewId() => RandomNumberGenerator.GetInt32(100_000, 1_000_000) * 1_000_000_000L
        + RandomNumberGenerator.GetInt32(0, 1_000_000_000);
}
