using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace BusinessManager.Server.Data;

/// <summary>Where the data lives. SQLite under ./data by default; PostgreSQL for production.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>The SQLite file; its folder is created if missing.</summary>
    public string Path { get; set; } = "./data/business-manager.db";

    /// <summary>The PostgreSQL connection string (Npgsql format).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Connections one process may hold at once. Requests beyond it wait for a free connection instead of
    /// failing, and several processes stay within the server's own limit (PostgreSQL's default is 100).
    /// Used when the connection string does not set its own Maximum Pool Size.
    /// </summary>
    public int MaxPoolSize { get; set; } = 20;

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Creates the provider's context. Options are built once; contexts are cheap and short-lived.</summary>
public sealed class BmDbFactory : IDbContextFactory<BmDb>
{
    private readonly DbContextOptions<SqliteBmDb>? _sqlite;
    private readonly DbContextOptions<PostgresBmDb>? _postgres;

    public BmDbFactory(DatabaseOptions options)
    {
        if (options.IsPostgres)
        {
            var postgres = new NpgsqlConnectionStringBuilder(options.ConnectionString ?? throw new
                InvalidOperationException("Database:ConnectionString is required when Database:Provider is postgres."));
            if (!options.ConnectionString.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase)
                && !options.ConnectionString.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
            {
                postgres.MaxPoolSize = options.MaxPoolSize;
            }

            _postgres = new DbContextOptionsBuilder<PostgresBmDb>().UseNpgsql(postgres.ConnectionString).Options;
            return;
        }

        var path = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var connection = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = true };
        _sqlite = new DbContextOptionsBuilder<SqliteBmDb>().UseSqlite(connection.ToString()).Options;
    }

    public BmDb CreateDbContext() => _postgres is not null ? new PostgresBmDb(_postgres) : new SqliteBmDb(_sqlite!);

    /// <summary>Applies the provider's migrations. SQLite also switches to WAL so readers never block the writer.</summary>
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = CreateDbContext();
        if (_sqlite is not null)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        await db.Database.MigrateAsync(ct);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite migrations.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBmDb>
{
    public SqliteBmDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteBmDb>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL migrations (no server is contacted).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresBmDb>
{
    public PostgresBmDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresBmDb>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
