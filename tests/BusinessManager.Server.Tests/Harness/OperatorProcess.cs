using System.Diagnostics;

namespace BusinessManager.Server.Tests.Harness;

/// <summary>
/// Runs an operator command of the server executable as a separate OS process against a test server's
/// database, the way an operator would beside a running service.
/// </summary>
public static class OperatorProcess
{
    public static async Task<(int ExitCode, string Output)> TryRunAsync(BmServer server, params string[] command)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "BusinessManager.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var part in command)
        {
            start.ArgumentList.Add(part);
        }

        foreach (var (key, value) in server.Settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        return (process.ExitCode, await output + await error);
    }

    public static async Task RunAsync(BmServer server, params string[] command)
    {
        var (exit, output) = await TryRunAsync(server, command);
        Assert.True(exit == 0, $"operator command failed ({exit}): {output}");
    }
}
