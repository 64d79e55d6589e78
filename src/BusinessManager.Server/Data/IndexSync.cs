using System.Data;
using System.Text.Json;
using BusinessManager.Core.Access;
using BusinessManager.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Data;

/// <summary>
/// Keeps this process's access index in step with the change log. Every authorised request first asks for
/// the log's head (one primary-key read) and applies anything this process has not seen, so a write made by
/// another server process or an operator command is in force for the very next request here: revocation
/// has no cache window.
/// </summary>
public sealed class IndexSync(IDbContextFactory<BmDb> dbs, AccessIndex index)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public AccessIndex Index => index;

    public async Task EnsureFreshAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var head = await db.ChangeLog.MaxAsync(c => (long?)c.Revision, ct) ?? 0;
        if (head > index.Revision)
        {
            await CatchUpAsync(db, ct);
        }
    }

    /// <summary>Applies every logged revision after the index's own, strictly in order.</summary>
    public async Task CatchUpAsync(BmDb db, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var from = index.Revision;
            var entries = await db.ChangeLog.AsNoTracking().Where(c => c.Revision > from).OrderBy(c => c.Revision)
                .ToListAsync(ct);
            foreach (var entry in entries)
            {
                var changes = JsonSerializer.Deserialize<List<Change>>(entry.Changes, Json.Options)!;
                index.Apply(entry.Revision, changes);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Builds an index from the tables at one consistent revision.</summary>
    public static async Task<AccessIndex> BuildAsync(IDbContextFactory<BmDb> dbs, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(
            db.Database.IsNpgsql() ? IsolationLevel.RepeatableRead : IsolationLevel.Serializable, ct);
        var revision = await db.ChangeLog.MaxAsync(c => (long?)c.Revision, ct) ?? 0;
        var facts = await StoreApplier.LoadFactsAsync(db, ct);
        await tx.CommitAsync(ct);

        return AccessIndex.Build(revision, facts);
    }
}
