using BusinessManager.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace BusinessManager.Server.Tests.Harness;

public enum StoreKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A real Business Manager server on a loopback port with its own fresh database: a SQLite file in a temp
/// folder, or a new PostgreSQL database on the server named by BM_TEST_POSTGRES. Each test gets its own.
/// </summary>
public sealed class BmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _folder;
    private readonly bool _ownsDatabase;

    private BmServer(WebApplication app, Uri address, FakeTimeProvider clock, string? folder,
        Dictionary<string, string?> settings, bool owns)
    {
        _app = app;
        Address = address;
        Clock = clock;
        _folder = folder;
        Settings = settings;
        _ownsDatabase = owns;
    }

    public Uri Address { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The database settings, so a second process (or operator command) can open the same store.</summary>
    public Dictionary<string, string?> Settings { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BmServer> StartAsync(StoreKind store = StoreKind.Sqlite, FakeTimeProvider? clock = null,
        Dictionary<string, string?>? sharedSettings = null)
    {
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        string? folder = null;
        var settings = sharedSettings;
        if (settings is null)
        {
            (settings, folder) = store == StoreKind.Sqlite ? NewSqlite() : (await NewPostgresAsync(), null);
        }

        var app = await ServerApp.BuildAsync(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);

            // Hundreds of sign-ups per run: the same PBKDF2 hasher with fewer rounds keeps the suite fast.
            builder.Configuration.AddInMemoryCollection(
                new Dictionary<string, string?> { ["Security:PasswordHashIterations"] = "1000" });
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        return new BmServer(app, new Uri(address), clock, folder, settings, owns: sharedSettings is null);
    }

    /// <summary>A second server process's worth of state (its own index) over the same database.</summary>
    public Task<BmServer> StartPeerAsync() => StartAsync(clock: Clock, sharedSettings: Settings);

    public HttpClient NewClient() => new() { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDatabase && Settings.TryGetValue("Database:ConnectionString", out var postgres) && postgres is not null)
        {
            await DropPostgresAsync(postgres);
        }

        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A peer may still hold the file; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>Closes this test's pooled connections and drops its database, so a long run stays far below the
    /// server's connection limit.</summary>
    private static async Task DropPostgresAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable("BM_TEST_POSTGRES"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static (Dictionary<string, string?>, string) NewSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bm-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return (new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite",
            ["Database:Path"] = Path.Combine(folder, "bm.db"),
        }, folder);
    }

    private static async Task<Dictionary<string, string?>> NewPostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable("BM_TEST_POSTGRES")
            ?? throw new InvalidOperationException(
                "BM_TEST_POSTGRES is not set: PostgreSQL tests need a server (.ci/run starts one).");
        var name = "bm_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "postgres",
            ["Database:ConnectionString"] = builder.ConnectionString,
        };
    }
}
