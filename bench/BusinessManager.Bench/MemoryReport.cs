using System.Diagnostics;
using BusinessManager.Bench.Data;
using BusinessManager.Core.Access;

namespace BusinessManager.Bench;

/// <summary>
/// The `memory` mode: builds the index once and reports what BenchmarkDotNet cannot: managed heap bytes
/// per assignment (live heap after a full collection, before and after the build), and the latency
/// distribution of AssetsOf over many calls. Also prints quick single-shot figures for the other queries.
/// </summary>
public static class MemoryReport
{
    public static void Run(int runs)
    {
        var clock = Stopwatch.StartNew();
        var data = DataGenerator.Generate();
        var c = data.Counts;
        Console.WriteLine($"generated in {clock.Elapsed.TotalSeconds:F1} s: {c.Businesses:N0} businesses "
            + $"({c.Agencies} agencies), {c.People:N0} people, {c.Memberships:N0} memberships, "
            + $"{c.Partnerships:N0} partnerships, {c.Assets:N0} assets, {c.Shares:N0} shares, "
            + $"{c.OwnerAssignments:N0} owner + {c.PartnerAssignments:N0} partner assignments");

        var before = GC.GetTotalMemory(forceFullCollection: true);
        clock.Restart();
        var index = AccessIndex.Build(1, data.Facts);
        var buildTime = clock.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var bytes = after - before;
        Console.WriteLine(
            $"build: {buildTime.TotalSeconds:F2} s (single cold run), {index.AssignmentCount:N0} assignments");
        Console.WriteLine(
            $"index heap: {bytes:N0} bytes = {(double)bytes / index.AssignmentCount:F1} bytes per assignment");

        ReportChecks(index, data.Checks, "spread over the index");
        ReportChecks(index, data.Checks[..256], "hot: 256 questions, in cache");
        ReportAssetsOf(index, data.StarPersonId, runs);
        GC.KeepAlive(index);
        GC.KeepAlive(data);
    }

    private static void ReportChecks(AccessIndex index, CheckSample[] checks, string label)
    {
        var allowed = checks.Count(s => index.Check(s.PersonId, s.AssetId, s.Permission));
        var passes = new double[Math.Max(20, 1_000_000 / checks.Length)];
        for (var pass = 0; pass < passes.Length; pass++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var s in checks)
            {
                index.Check(s.PersonId, s.AssetId, s.Permission);
            }

            passes[pass] = Stopwatch.GetElapsedTime(start).TotalNanoseconds / checks.Length;
        }

        var median = Percentile(passes, 0.5);
        Console.WriteLine($"check ({label}): {allowed * 100.0 / checks.Length:F1}% of {checks.Length:N0} allowed; "
            + $"median {median:F0} ns per check ({1e9 / median / 1e6:F2} M checks/s, one thread)");
    }

    private static void ReportAssetsOf(AccessIndex index, long person, int runs)
    {
        // Warm up for a second first: the first few hundred calls run tier-0 code, which a long-running
        // server leaves behind within its first second and which would otherwise make up the whole p99.
        var count = 0;
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
        {
            count = index.AssetsOf(person).Count;
        }

        var times = new double[runs];
        var withoutCollection = new List<double>(runs);
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        for (var i = 0; i < runs; i++)
        {
            var before = GC.CollectionCount(0);
            var start = Stopwatch.GetTimestamp();
            index.AssetsOf(person);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (GC.CollectionCount(0) == before)
            {
                withoutCollection.Add(times[i]);
            }
        }

        // The answer itself allocates (2,000 AssetAccess records), so some runs include a collection; the
        // second line separates the index's own latency from the collector's and the machine's.
        Console.WriteLine($"AssetsOf(star, {count:N0} assets) over {runs:N0} runs: p50 {Percentile(times, 0.5):F3} ms, "
            + $"p99 {Percentile(times, 0.99):F3} ms, max {times.Max():F3} ms; {GC.CollectionCount(0) - collections} "
            + $"collections pausing {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F1} ms in all");
        double[] clean = [.. withoutCollection];
        Console.WriteLine($"AssetsOf runs without a collection ({clean.Length:N0}): "
            + $"p50 {Percentile(clean, 0.5):F3} ms, p99 {Percentile(clean, 0.99):F3} ms");
    }

    private static double Percentile(double[] values, double quantile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(quantile * sorted.Length) - 1;

        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
