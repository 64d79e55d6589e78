using BusinessManager.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Data;

/// <summary>
/// Writes access changes into the tables, inside the write's transaction. The same changes go to the change
/// log and, after commit, to the index, so tables, log and index cannot disagree about what a write did.
/// </summary>
internal static class StoreApplier
{
    public static async Task ApplyAsync(BmDb db, Change change, DateTimeOffset now, CancellationToken ct)
    {
        switch (change)
        {
            case BusinessCreated or BusinessRenamed or AssetCreated or AssetRenamed:
                // Rows for these are written by the operation itself, which knows the full row.
                break;
            case MemberSet c:
                var member = await db.Members.FindAsync([c.BusinessId, c.PersonId], ct);
                if (member is null)
                {
                    db.Members.Add(new MemberRow { BusinessId = c.BusinessId, PersonId = c.PersonId, Role = c.Role, JoinedAt = now });
                }
                else
                {
                    member.Role = c.Role;
                }

                break;
            case MemberRemoved c:
                await db.Members.Where(m => m.BusinessId == c.BusinessId && m.PersonId == c.PersonId)
                    .ExecuteDeleteAsync(ct);
                break;
            case AssetRemoved c:
                await db.Assets.Where(a => a.Id == c.AssetId)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssetStatus.Archived), ct);
                break;
            case AssetOwnerChanged c:
                await db.Assets.Where(a => a.Id == c.AssetId)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.OwnerId, c.OwnerId), ct);
                break;
            case PartnershipActivated or PartnershipEnded:
                // The partnership row's status is the operation's to write; the index only needs the pair.
                break;
            case ShareSet c:
                var share = await db.Shares.FindAsync([c.AssetId, c.PartnerId], ct);
                if (share is null)
                {
                    db.Shares.Add(new ShareRow { AssetId = c.AssetId, PartnerId = c.PartnerId, Ceiling = c.Ceiling, CreatedAt = now });
                }
                else
                {
                    share.Ceiling = c.Ceiling;
                }

                break;
            case ShareEnded c:
                await db.Shares.Where(s => s.AssetId == c.AssetId && s.PartnerId == c.PartnerId).ExecuteDeleteAsync(ct);
                break;
            case AssignmentSet c:
                var assignment = await db.Assignments.FindAsync([c.PersonId, c.AssetId, c.ByBusinessId], ct);
                if (assignment is null)
                {
                    db.Assignments.Add(new AssignmentRow
                    {
                        PersonId = c.PersonId,
                        AssetId = c.AssetId,
                        ByBusinessId = c.ByBusinessId,
                        Role = c.Role,
                        CreatedAt = now,
                    });
                }
                else
                {
                    assignment.Role = c.Role;
                }

                break;
            case AssignmentRemoved c:
                await db.Assignments
                    .Where(a => a.PersonId == c.PersonId && a.AssetId == c.AssetId && a.ByBusinessId == c.ByBusinessId)
                    .ExecuteDeleteAsync(ct);
                break;
            default:
                throw new ArgumentException($"Unknown change {change.GetType().Name}", nameof(change));
        }

        // Tracked inserts and updates must reach the database before a later ExecuteDelete in the same write.
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Reads the current facts from the tables, as changes an empty index can apply.</summary>
    public static async Task<List<Change>> LoadFactsAsync(BmDb db, CancellationToken ct)
    {
        var facts = new List<Change>();
        facts.AddRange(await db.Businesses.AsNoTracking().OrderBy(b => b.Id)
            .Select(b => new BusinessCreated(b.Id, b.Name)).ToListAsync(ct));
        facts.AddRange(await db.Members.AsNoTracking()
            .Select(m => new MemberSet(m.BusinessId, m.PersonId, m.Role)).ToListAsync(ct));
        facts.AddRange(await db.Partnerships.AsNoTracking()
            .Where(p => p.Status == Core.Rules.PartnershipStatus.Active)
            .Select(p => new PartnershipActivated(p.RequesterId, p.TargetId)).ToListAsync(ct));
        facts.AddRange(await db.Assets.AsNoTracking().Where(a => a.Status == AssetStatus.Active).OrderBy(a => a.Id)
            .Select(a => new AssetCreated(a.Id, a.OwnerId, a.Type, a.Name)).ToListAsync(ct));
        facts.AddRange(await db.Shares.AsNoTracking()
            .Select(s => new ShareSet(s.AssetId, s.PartnerId, s.Ceiling)).ToListAsync(ct));
        facts.AddRange(await db.Assignments.AsNoTracking()
            .Select(a => new AssignmentSet(a.PersonId, a.AssetId, a.ByBusinessId, a.Role)).ToListAsync(ct));

        return facts;
    }
}
