using BenchmarkDotNet.Attributes;
using BusinessManager.Bench.Data;
using BusinessManager.Core.Access;

namespace BusinessManager.Bench.Benchmarks;

/// <summary>
/// One check at a time on one thread, over 65,536 pre-chosen (person, asset, permission) questions spread
/// across the whole 1M-assignment index (so most reads miss the CPU caches, as they would in a server).
/// Time and allocation are reported per check.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
[MedianColumn]
public class CheckBenchmarks
{
    private AccessIndex _index = null!;
    private CheckSample[] _checks = [];

    [GlobalSetup]
    public void Setup()
    {
        _index = Fixture.Index;
        _checks = Fixture.Data.Checks;
    }

    [Benchmark(OperationsPerInvoke = GeneratorOptions.DefaultCheckSamples)]
    public int Check()
    {
        var index = _index;
        var allowed = 0;
        foreach (ref readonly var check in _checks.AsSpan())
        {
            if (index.Check(check.PersonId, check.AssetId, check.Permission))
            {
                allowed++;
            }
        }

        return allowed;
    }
}
