using BenchmarkDotNet.Attributes;
using BusinessManager.Core.Access;

namespace BusinessManager.Bench.Benchmarks;

/// <summary>Building the index from the full fact list (1,000,000 assignments), as a server does at start-up.</summary>
[MemoryDiagnoser]
[ShortRunJob]
[MedianColumn]
public class BuildBenchmarks
{
    private IReadOnlyList<Change> _facts = [];

    [GlobalSetup]
    public void Setup() => _facts = Fixture.Data.Facts;

    [Benchmark]
    public int Build() => AccessIndex.Build(1, _facts).AssignmentCount;
}
