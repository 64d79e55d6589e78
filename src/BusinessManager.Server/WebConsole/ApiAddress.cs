using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BusinessManager.Server.WebConsole;

/// <summary>
/// Where the console reaches the API: this very process, over loopback. The console is an API client like any
/// other, so every rule, refusal, audit event and index catch-up happens exactly once, in the API.
/// <c>Console:ApiAddress</c> overrides the address read from the server's own bindings.
/// </summary>
public sealed class ApiAddress(IServer server, IConfiguration configuration)
{
    private Uri? _address;

    public Uri Value => _address ??= Resolve();

    private Uri Resolve()
    {
        if (configuration["Console:ApiAddress"] is { Length: > 0 } configured)
        {
            return new Uri(configured);
        }

        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];

        // Prefer plain HTTP: the call never leaves the machine, and a loopback certificate would not match.
        var address = bound.FirstOrDefault(a => a.StartsWith("http:", StringComparison.OrdinalIgnoreCase))
            ?? bound.FirstOrDefault()
            ?? throw new InvalidOperationException("The server is not listening yet; the console has no API.");
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "localhost" or "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri;
    }
}
