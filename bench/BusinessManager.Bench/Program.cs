using BenchmarkDotNet.Running;
using BusinessManager.Bench;

// `memory [runs]` prints heap bytes per assignment and AssetsOf percentiles; anything else goes to
// BenchmarkDotNet (e.g. `--filter '*'`).
if (args is ["memory", ..])
{
    MemoryReport.Run(args.Length > 1 ? int.Parse(args[1]) : 2_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MemoryReport).Assembly).Run(args);
