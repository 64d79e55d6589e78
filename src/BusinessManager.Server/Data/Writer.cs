using System.Data;
using System.Text.Json;
using BusinessManager.Core.Access;
using BusinessManager.Core.Errors;
using BusinessManager.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Data;

/// <summary>What a committed (or dry-run) write returns: its value, its revision and what it changed.</summary>
public sealed record Committed<T>(T Value, long Revision, IReadOnlyList<Change> Changes, bool DryRun);

/// <summary>
/// The one way anything is written. A write runs under a database-wide write lock (SQLite's immediate
/// transaction, PostgreSQL's transaction-scoped advisory lock), first catches the index up with the log so
/// that its rules see every earlier commit, whoever made it, then validates, writes rows, the change log and
/// the audit log in one transaction, and applies its changes to the index before returning. Writes are
/// therefore serialised: two operations can never jointly produce a state that either alone would have
/// refused. The cost is one writer at a time per database; see ARCHITECTURE.md for partitioning later.
/// </summary>
public sealed partial class Writer(IDbContextFactory<BmDb> dbs, AccessIndex index, IndexSync sync, TimeProvider time,
    ILogger<Writer> logger)
{
    private const long AdvisoryLockKey = 0x426d5772; // "BmWr"
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<Result<Committed<T>>> WriteAsync<T>(
        Func<WriteScope, Task<Result<T>>> operation, bool dryRun = false, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            // SQLite: a serializable transaction is BEGIN IMMEDIATE, which takes the database's write lock at once.
            // PostgreSQL: READ COMMITTED plus an advisory lock; every statement after the lock sees every earlier
            // commit (a repeatable-read snapshot would have been taken before the wait).
            var postgres = db.Database.IsNpgsql();
            await using var tx = await db.Database.BeginTransactionAsync(
                postgres ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable, ct);
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
            }

            await sync.CatchUpAsync(db, ct);
            var scope = new WriteScope(db, index, time.GetUtcNow());
            var result = await operation(scope);
            if (!result.IsOk || dryRun)
            {
                await tx.RollbackAsync(ct);
                if (!result.IsOk)
                {
                    LogRefused(logger, result.Error!.Code, index.Revision);
                }

                return result.IsOk
                    ? new Committed<T>(result.Value!, index.Revision, scope.Changes, DryRun: true)
                    : result.Error!;
            }

            var revision = index.Revision + 1;
            foreach (var change in scope.Changes)
            {
                await StoreApplier.ApplyAsync(db, change, scope.Now, ct);
            }

            db.ChangeLog.Add(new ChangeLogRow
            {
                Revision = revision,
                Changes = JsonSerializer.Serialize<IReadOnlyList<Change>>(scope.Changes, Json.Options),
                At = scope.Now,
            });
            foreach (var audit in scope.AuditRows)
            {
                audit.Revision = revision;
                db.Audit.Add(audit);
            }

            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            index.Apply(revision, scope.Changes);

            return new Committed<T>(result.Value!, revision, scope.Changes, DryRun: false);
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Write refused: {Code} at revision {Revision}")]
    private static partial void LogRefused(ILogger logger, string code, long revision);
}
