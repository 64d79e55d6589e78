using System.Text.Json;
using BusinessManager.Core.Access;
using BusinessManager.Core.Errors;
using BusinessManager.Server.Infrastructure;

namespace BusinessManager.Server.Data;

/// <summary>What an operation sees inside its write: the database, the caught-up index and the time of the
/// write; and where it records the access changes and audit events it makes.</summary>
public sealed class WriteScope(BmDb db, AccessIndex index, DateTimeOffset now)
{
    private readonly List<Change> _changes = [];
    private readonly List<AuditRow> _audit = [];

    public BmDb Db { get; } = db;

    public AccessIndex Index { get; } = index;

    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<Change> Changes => _changes;

    internal IReadOnlyList<AuditRow> AuditRows => _audit;

    /// <summary>Records access changes, and for each an audit event with its before and after, read from the
    /// index before the write touches it.</summary>
    public void Record(long? actorId, IEnumerable<Change> changes)
    {
        foreach (var change in changes)
        {
            // Overlapping cascades (deleting a business ends partnerships and archives assets) may name the
            // same ending twice; it happens once.
            if (_changes.Contains(change))
            {
                continue;
            }

            _changes.Add(change);
            _audit.Add(AuditDescriber.Describe(Index, actorId, change, Now));
        }
    }

    /// <summary>Records an operation-level event (a request sent, a transfer confirmed, a token issued).</summary>
    public void Audit(long? actorId, string kind, object details, long? businessId = null,
        long? otherBusinessId = null, long? assetId = null, long? personId = null) =>
        _audit.Add(new AuditRow
        {
            At = Now,
            ActorId = actorId,
            Kind = kind,
            BusinessId = businessId,
            OtherBusinessId = otherBusinessId,
            AssetId = assetId,
            PersonId = personId,
            Details = JsonSerializer.Serialize(details, Json.Options),
        });

    /// <summary>Runs a Core rule and records what it decided, or hands back its refusal.</summary>
    public Result<IReadOnlyList<Change>> Decide(long? actorId, Result<List<Change>> decision)
    {
        if (!decision.IsOk)
        {
            return decision.Error!;
        }

        Record(actorId, decision.Value!);
        return decision.Value!;
    }
}
