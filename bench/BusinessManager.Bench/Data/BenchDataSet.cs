using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;

namespace BusinessManager.Bench.Data;

/// <summary>One (person, asset, permission) question for the check benchmark.</summary>
public readonly record struct CheckSample(long PersonId, long AssetId, Permission Permission);

/// <summary>A (person, asset) pair for the explain benchmark.</summary>
public readonly record struct PersonAsset(long PersonId, long AssetId);

public sealed record DataSetCounts(
    int Businesses,
    int Agencies,
    int People,
    int Memberships,
    int Partnerships,
    int Assets,
    int Shares,
    int OwnerAssignments,
    int PartnerAssignments);

/// <summary>
/// A generated data set: the facts in the order a snapshot lists them, ready for
/// <see cref="AccessIndex.Build"/>, plus the pre-chosen questions the benchmarks ask.
/// </summary>
public sealed record BenchDataSet(
    IReadOnlyList<Change> Facts,
    DataSetCounts Counts,
    long StarPersonId,
    CheckSample[] Checks,
    PersonAsset[] Pairs,
    long[] SampleAssets);
