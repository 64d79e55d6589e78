using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;

namespace BusinessManager.Core.Rules;

/// <summary>Helpers shared by the rules: who the actor is in a business, and the cascades of an ending.</summary>
public static class Guard
{
    /// <summary>A non-member cannot see the business at all, so it answers not-found; a member who is not an
    /// admin can see it and is told why they may not act.</summary>
    public static Error? Admin(AccessIndex index, long actorId, long businessId) =>
        index.RoleOf(actorId, businessId) switch
        {
            null => Errors.Errors.BusinessNotFound(),
            BusinessRole.Admin => null,
            _ => Errors.Errors.NotBusinessAdmin(),
        };

    public static Error? Member(AccessIndex index, long actorId, long businessId) =>
        index.RoleOf(actorId, businessId) is null ? Errors.Errors.BusinessNotFound() : null;

    /// <summary>
    /// The actor must be an admin of the business that owns the asset. Whoever cannot even see the asset (not
    /// a member, or a member with no access to it) is told it does not exist; a member who can see it is told
    /// why they may not act.
    /// </summary>
    public static Error? OwnerAdmin(AccessIndex index, long actorId, long businessId, long assetId)
    {
        var role = index.RoleOf(actorId, businessId);
        var asset = index.Asset(assetId);
        if (role is null || asset is null)
        {
            return role is null ? Errors.Errors.BusinessNotFound() : Errors.Errors.AssetNotFound();
        }

        if (asset.OwnerId != businessId)
        {
            // A partner that can see the asset is told plainly that only the owner may do this (no re-sharing);
            // a business that cannot see it is told it does not exist.
            var seesIt = index.ShareCeiling(assetId, businessId) is not null
                && (role == BusinessRole.Admin || index.EffectivePermissions(actorId, assetId) != Permission.None);
            return seesIt ? Errors.Errors.NotAssetOwner() : Errors.Errors.AssetNotFound();
        }

        if (role == BusinessRole.Admin)
        {
            return null;
        }

        return index.EffectivePermissions(actorId, assetId) == Permission.None
            ? Errors.Errors.AssetNotFound()
            : Errors.Errors.NotBusinessAdmin();
    }

    /// <summary>The asset as seen from a business: its owner, or a partner it is shared with. Otherwise 404.</summary>
    public static Result<AssetView> VisibleAsset(AccessIndex index, long businessId, long assetId)
    {
        var asset = index.Asset(assetId);
        if (asset is null)
        {
            return Errors.Errors.AssetNotFound();
        }

        if (asset.OwnerId != businessId && index.ShareCeiling(assetId, businessId) is null)
        {
            return Errors.Errors.AssetNotFound();
        }

        return asset;
    }
}

/// <summary>What an ending takes with it (rule 6), computed from the index so the preview and the write agree.</summary>
public static class Cascade
{
    public static List<Change> EndShare(AccessIndex index, long assetId, long partnerId)
    {
        var changes = index.AssignmentsOnAsset(assetId)
            .Where(a => a.ByBusinessId == partnerId)
            .Select(a => (Change)new AssignmentRemoved(a.PersonId, a.AssetId, a.ByBusinessId))
            .ToList();
        changes.Add(new ShareEnded(assetId, partnerId));

        return changes;
    }

    public static List<Change> EndPartnership(AccessIndex index, long first, long second)
    {
        var changes = new List<Change>();
        foreach (var share in index.SharesBy(first).Where(s => s.PartnerId == second)
                     .Concat(index.SharesBy(second).Where(s => s.PartnerId == first)))
        {
            changes.AddRange(EndShare(index, share.AssetId, share.PartnerId));
        }

        changes.Add(new PartnershipEnded(first, second));

        return changes;
    }

    public static List<Change> RemoveMember(AccessIndex index, long businessId, long personId)
    {
        var changes = index.AssignmentsOfPerson(personId)
            .Where(a => a.ByBusinessId == businessId)
            .Select(a => (Change)new AssignmentRemoved(a.PersonId, a.AssetId, a.ByBusinessId))
            .ToList();
        changes.Add(new MemberRemoved(businessId, personId));

        return changes;
    }

    public static List<Change> RemoveAsset(AccessIndex index, long assetId)
    {
        var changes = index.AssignmentsOnAsset(assetId)
            .Select(a => (Change)new AssignmentRemoved(a.PersonId, a.AssetId, a.ByBusinessId))
            .ToList();
        changes.AddRange(index.SharesOf(assetId).Select(s => new ShareEnded(assetId, s.PartnerId)));
        changes.Add(new AssetRemoved(assetId));

        return changes;
    }
}
