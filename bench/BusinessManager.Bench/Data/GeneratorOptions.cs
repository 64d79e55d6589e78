namespace BusinessManager.Bench.Data;

/// <summary>
/// The shape of a generated data set. The defaults are the benchmark's scale: 10,000 businesses of which
/// 50 are agencies serving hundreds of clients each, 100,000 assets, 1,000,000 assignments, and one agency
/// person (the "star") assigned on 2,000 shared assets.
/// </summary>
public sealed record GeneratorOptions(
    int Seed = 20_260_101,
    int Businesses = 10_000,
    int Agencies = 50,
    int Assets = 100_000,
    int Assignments = 1_000_000,
    int StarAssets = 2_000,
    int CheckSamples = GeneratorOptions.DefaultCheckSamples,
    int QuerySamples = GeneratorOptions.DefaultQuerySamples)
{
    public const int DefaultCheckSamples = 1 << 16;
    public const int DefaultQuerySamples = 1 << 10;

    public static GeneratorOptions Default { get; } = new();
}
