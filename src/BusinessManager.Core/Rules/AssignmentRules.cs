using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;

namespace BusinessManager.Core.Rules;

/// <summary>
/// Rules 3 and 4: a business assigns only its own members, only on assets it owns or that are shared with
/// it, only within the ceiling; and whoever assigns never grants or removes more than they hold.
/// </summary>
public static class AssignmentRules
{
    public static Result<List<Change>> Assign(AccessIndex index, long actorId, long businessId, long assetId,
        long personId, AssetRole role)
    {
        if (Authority(index, actorId, businessId, assetId) is { Error: { } denied })
        {
            return denied;
        }

        var asset = index.Asset(assetId)!;
        if (!RoleCatalog.AppliesTo(role, asset.Type))
        {
            return Errors.Errors.RoleNotForAssetType();
        }

        if (index.RoleOf(personId, businessId) is null)
        {
            return Errors.Errors.NotAMember();
        }

        if (asset.OwnerId != businessId && !RoleCatalog.IsWithin(role, index.ShareCeiling(assetId, businessId)!.Value))
        {
            return Errors.Errors.RoleOutsideCeiling();
        }

        if (Exceeds(index, actorId, businessId, assetId, RoleCatalog.PermissionsOf(role)))
        {
            return Errors.Errors.RoleExceedsOwnPermissions();
        }

        var current = index.AssignmentRole(personId, assetId, businessId);
        if (current is { } held && Exceeds(index, actorId, businessId, assetId, RoleCatalog.PermissionsOf(held)))
        {
            return Errors.Errors.RoleExceedsOwnPermissions();
        }

        return new List<Change> { new AssignmentSet(personId, assetId, businessId, role) };
    }

    public static Result<List<Change>> Unassign(AccessIndex index, long actorId, long businessId, long assetId,
        long personId)
    {
        if (Authority(index, actorId, businessId, assetId) is { Error: { } denied })
        {
            return denied;
        }

        var current = index.AssignmentRole(personId, assetId, businessId);
        if (current is null)
        {
            return Errors.Errors.AssignmentNotFound();
        }

        if (Exceeds(index, actorId, businessId, assetId, RoleCatalog.PermissionsOf(current.Value)))
        {
            return Errors.Errors.RoleExceedsOwnPermissions();
        }

        return new List<Change> { new AssignmentRemoved(personId, assetId, businessId) };
    }

    /// <summary>
    /// May the actor manage this business's assignments on the asset? Admins of the business may; so may a
    /// member whose effective permissions include managing the asset's users. Whoever cannot see the asset
    /// through this business is told it does not exist.
    /// </summary>
    public static Result<AssetView> Authority(AccessIndex index, long actorId, long businessId, long assetId)
    {
        var role = index.RoleOf(actorId, businessId);
        if (role is null)
        {
            return Errors.Errors.BusinessNotFound();
        }

        var visible = Guard.VisibleAsset(index, businessId, assetId);
        if (!visible.IsOk || role == BusinessRole.Admin)
        {
            return visible;
        }

        if (index.EffectivePermissions(actorId, assetId) == Permission.None)
        {
            return Errors.Errors.AssetNotFound();
        }

        var held = HeldThrough(index, actorId, businessId, assetId);
        return (held & RoleCatalog.UsersManageFor(visible.Value!.Type)) == 0
            ? Errors.Errors.NotAllowedToAssign()
            : visible;
    }

    /// <summary>No path lets anyone grant more than they hold: a non-admin's own effective permissions bound
    /// what they may give or take away.</summary>
    private static bool Exceeds(AccessIndex index, long actorId, long businessId, long assetId, Permission wanted) =>
        index.RoleOf(actorId, businessId) != BusinessRole.Admin
        && !RoleCatalog.IsWithin(wanted, HeldThrough(index, actorId, businessId, assetId));

    /// <summary>
    /// What the actor holds on the asset through the assigning business's own paths. Authority to manage a
    /// business's people never carries over from what the actor holds through another business: a role the
    /// owner gave someone does not let them manage a partner's people, and the reverse.
    /// </summary>
    private static Permission HeldThrough(AccessIndex index, long actorId, long businessId, long assetId) =>
        index.Explain(actorId, assetId).Where(p => p.BusinessId == businessId)
            .Aggregate(Permission.None, (held, path) => held | path.Granted);
}
