using BusinessManager.Bench.Data;
using BusinessManager.Core.Access;

namespace BusinessManager.Bench.Benchmarks;

/// <summary>
/// The default data set and the index built from it, made once per process. BenchmarkDotNet runs each
/// benchmark in its own process, so each pays for generation once, in its global setup, outside the timing.
/// </summary>
public static class Fixture
{
    private static readonly Lazy<BenchDataSet> LazyData = new(() => DataGenerator.Generate());
    private static readonly Lazy<AccessIndex> LazyIndex = new(() => AccessIndex.Build(1, Data.Facts));

    public static BenchDataSet Data => LazyData.Value;

    public static AccessIndex Index => LazyIndex.Value;
}
