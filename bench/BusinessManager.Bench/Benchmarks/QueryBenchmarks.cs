using BenchmarkDotNet.Attributes;
using BusinessManager.Bench.Data;
using BusinessManager.Core.Access;

namespace BusinessManager.Bench.Benchmarks;

/// <summary>The read queries behind "why", "what can this person touch" and "who can touch this asset".</summary>
[MemoryDiagnoser]
[ShortRunJob]
[MedianColumn]
public class QueryBenchmarks
{
    private AccessIndex _index = null!;
    private PersonAsset[] _pairs = [];
    private long[] _assets = [];
    private long _star;

    [GlobalSetup]
    public void Setup()
    {
        _index = Fixture.Index;
        _pairs = Fixture.Data.Pairs;
        _assets = Fixture.Data.SampleAssets;
        _star = Fixture.Data.StarPersonId;
    }

    /// <summary>Explain over 1,024 pairs: 70% assigned, 15% owner admins, 15% with no path. Per call.</summary>
    [Benchmark(OperationsPerInvoke = GeneratorOptions.DefaultQuerySamples)]
    public int Explain()
    {
        var paths = 0;
        foreach (var pair in _pairs)
        {
            paths += _index.Explain(pair.PersonId, pair.AssetId).Count;
        }

        return paths;
    }

    /// <summary>AssetsOf for the agency person assigned on 2,000 shared assets. Per call.</summary>
    [Benchmark]
    public int AssetsOfStar() => _index.AssetsOf(_star).Count;

    /// <summary>PeopleWithAccess over 1,024 random assets (owner admins, owner and partner assignees).</summary>
    [Benchmark(OperationsPerInvoke = GeneratorOptions.DefaultQuerySamples)]
    public int PeopleWithAccess()
    {
        var people = 0;
        foreach (var asset in _assets)
        {
            people += _index.PeopleWithAccess(asset).Count;
        }

        return people;
    }
}
