using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;

namespace BusinessManager.Core.Rules;

public enum TransferStatus
{
    Open = 1,
    Completed = 2,
    Rejected = 3,
    Cancelled = 4,
    Expired = 5,
}

public sealed record TransferState(long Id, long AssetId, long FromId, long ToId, TransferStatus Status,
    bool ConfirmedByFrom, bool ConfirmedByTo, AssetRole? KeepShareCeiling, DateTimeOffset ExpiresAt)
{
    public TransferStatus StatusAt(DateTimeOffset now) =>
        Status == TransferStatus.Open && now >= ExpiresAt ? TransferStatus.Expired : Status;

    public bool Involves(long businessId) => FromId == businessId || ToId == businessId;
}

/// <summary>What completing a transfer would do: the changes, and which assignments carry over as they are.</summary>
public sealed record TransferPlan(List<Change> Changes, IReadOnlyList<AssignmentView> CarriedOver);

/// <summary>
/// Rule 8: ownership moves only with an admin confirmation from each side and a support agent's completion.
/// The new owner's people who reached the asset through a share keep their roles, now as owner assignments.
/// </summary>
public static class TransferRules
{
    public static Error? Open(AccessIndex index, long actorId, long businessId, long assetId, long toId,
        AssetRole? keepShareCeiling, bool anotherOpen)
    {
        if (Guard.Admin(index, actorId, businessId) is { } denied)
        {
            return denied;
        }

        var asset = index.Asset(assetId);
        if (asset is null || (asset.OwnerId != businessId && toId != businessId)
            || (asset.OwnerId != businessId && index.ShareCeiling(assetId, businessId) is null))
        {
            return Errors.Errors.AssetNotFound();
        }

        if (!index.BusinessExists(toId))
        {
            return Errors.Errors.BusinessNotFound();
        }

        if (asset.OwnerId == toId)
        {
            return Errors.Errors.TransferToOwner();
        }

        if (keepShareCeiling is { } ceiling && !RoleCatalog.AppliesTo(ceiling, asset.Type))
        {
            return Errors.Errors.RoleNotForAssetType() with { Field = "keepShareCeiling" };
        }

        if (keepShareCeiling is not null && !index.ArePartners(asset.OwnerId, toId))
        {
            return Errors.Errors.PartnershipNotActive();
        }

        return anotherOpen ? Errors.Errors.TransferAlreadyOpen() : null;
    }

    public static Error? Confirm(AccessIndex index, long actorId, long businessId, TransferState transfer,
        DateTimeOffset now)
    {
        if (Visible(index, actorId, businessId, transfer) is { } hidden)
        {
            return hidden;
        }

        if (Guard.Admin(index, actorId, businessId) is { } denied)
        {
            return denied;
        }

        return Openness(index, transfer, now);
    }

    public static Error? Cancel(AccessIndex index, long actorId, long businessId, TransferState transfer,
        DateTimeOffset now) => Confirm(index, actorId, businessId, transfer, now);

    public static Result<TransferPlan> Complete(AccessIndex index, TransferState transfer, DateTimeOffset now)
    {
        if (Openness(index, transfer, now) is { } closed)
        {
            return closed;
        }

        if (!transfer.ConfirmedByFrom || !transfer.ConfirmedByTo)
        {
            return Errors.Errors.TransferNotConfirmed();
        }

        // A kept share needs a partnership to live in; if it ended since the transfer was opened, stop here.
        if (transfer.KeepShareCeiling is not null && !index.ArePartners(transfer.FromId, transfer.ToId))
        {
            return Errors.Errors.PartnershipNotActive();
        }

        return Plan(index, transfer);
    }

    /// <summary>The preview: exactly what completion would end and what would carry over, as of now.</summary>
    public static TransferPlan Plan(AccessIndex index, TransferState transfer)
    {
        var changes = new List<Change>();
        var keep = transfer.KeepShareCeiling;
        var assignments = index.AssignmentsOnAsset(transfer.AssetId);
        var carried = assignments.Where(a => a.ByBusinessId == transfer.ToId).ToList();
        if (keep is not null)
        {
            carried.AddRange(assignments.Where(a => a.ByBusinessId == transfer.FromId));
        }

        changes.AddRange(assignments.Except(carried)
            .Select(a => new AssignmentRemoved(a.PersonId, a.AssetId, a.ByBusinessId)));
        changes.AddRange(index.SharesOf(transfer.AssetId).Select(s => new ShareEnded(transfer.AssetId, s.PartnerId)));
        changes.Add(new AssetOwnerChanged(transfer.AssetId, transfer.ToId));
        if (keep is { } ceiling)
        {
            changes.Add(new ShareSet(transfer.AssetId, transfer.FromId, ceiling));
        }

        return new TransferPlan(changes, carried);
    }

    private static Error? Openness(AccessIndex index, TransferState transfer, DateTimeOffset now)
    {
        var status = transfer.StatusAt(now);
        if (status != TransferStatus.Open)
        {
            return status == TransferStatus.Expired ? Errors.Errors.TransferExpired() : Errors.Errors.TransferNotOpen();
        }

        return index.Asset(transfer.AssetId)?.OwnerId == transfer.FromId ? null : Errors.Errors.OwnershipChanged();
    }

    private static Error? Visible(AccessIndex index, long actorId, long businessId, TransferState transfer) =>
        transfer.Involves(businessId) && index.RoleOf(actorId, businessId) is not null
            ? null
            : Errors.Errors.TransferNotFound();
}
