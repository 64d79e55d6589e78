using BusinessManager.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Tests.Store;

/// <summary>Both databases stay in step: the one model has no change that a provider's migrations lack.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_ComparedWithTheModel_HaveNoPendingChanges()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration for the model change.");
    }

    [Fact]
    public void PostgresMigrations_ComparedWithTheModel_HaveNoPendingChanges()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Add a PostgreSQL migration for the model change.");
    }
}
