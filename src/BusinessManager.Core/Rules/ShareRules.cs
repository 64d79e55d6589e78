using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;

namespace BusinessManager.Core.Rules;

/// <summary>One partner person whose effective permissions a ceiling change moves.</summary>
public sealed record CeilingEffect(long PersonId, AssetRole AssignedRole, Permission Before, Permission After);

/// <summary>Rule 3: only the owner's admins share, re-ceiling or unshare, and only with an active partner.</summary>
public static class ShareRules
{
    public static Result<List<Change>> Share(AccessIndex index, long actorId, long ownerId, long assetId,
        long partnerId, AssetRole ceiling)
    {
        if (Guard.OwnerAdmin(index, actorId, ownerId, assetId) is { } denied)
        {
            return denied;
        }

        var asset = index.Asset(assetId)!;
        if (!RoleCatalog.AppliesTo(ceiling, asset.Type))
        {
            return Errors.Errors.RoleNotForAssetType() with { Field = "ceiling" };
        }

        if (!index.ArePartners(ownerId, partnerId))
        {
            return Errors.Errors.PartnershipNotActive();
        }

        if (index.ShareCeiling(assetId, partnerId) is not null)
        {
            return Errors.Errors.ShareExists();
        }

        return new List<Change> { new ShareSet(assetId, partnerId, ceiling) };
    }

    /// <summary>
    /// Lowering a ceiling keeps each partner assignment as it was recorded; the effective permissions are
    /// capped at once by rule 5, so raising it again restores them.
    /// </summary>
    public static Result<List<Change>> ChangeCeiling(AccessIndex index, long actorId, long ownerId, long assetId,
        long partnerId, AssetRole ceiling)
    {
        if (Existing(index, actorId, ownerId, assetId, partnerId) is { } denied)
        {
            return denied;
        }

        if (!RoleCatalog.AppliesTo(ceiling, index.Asset(assetId)!.Type))
        {
            return Errors.Errors.RoleNotForAssetType() with { Field = "ceiling" };
        }

        return new List<Change> { new ShareSet(assetId, partnerId, ceiling) };
    }

    public static Result<List<Change>> End(AccessIndex index, long actorId, long ownerId, long assetId, long partnerId)
    {
        if (Existing(index, actorId, ownerId, assetId, partnerId) is { } denied)
        {
            return denied;
        }

        return Cascade.EndShare(index, assetId, partnerId);
    }

    /// <summary>Whose effective permissions would move if the ceiling became <paramref name="ceiling"/>.</summary>
    public static IReadOnlyList<CeilingEffect> Effects(AccessIndex index, long assetId, long partnerId,
        AssetRole ceiling)
    {
        var current = index.ShareCeiling(assetId, partnerId);
        var before = current is { } c ? RoleCatalog.PermissionsOf(c) : Permission.None;
        var after = RoleCatalog.PermissionsOf(ceiling);

        return index.AssignmentsOnAsset(assetId)
            .Where(a => a.ByBusinessId == partnerId)
            .Select(a => new CeilingEffect(a.PersonId, a.Role, RoleCatalog.PermissionsOf(a.Role) & before,
                RoleCatalog.PermissionsOf(a.Role) & after))
            .Where(e => e.Before != e.After)
            .ToList();
    }

    private static Error? Existing(AccessIndex index, long actorId, long ownerId, long assetId, long partnerId)
    {
        if (Guard.OwnerAdmin(index, actorId, ownerId, assetId) is { } denied)
        {
            return denied;
        }

        return index.ShareCeiling(assetId, partnerId) is null ? Errors.Errors.ShareNotFound() : null;
    }
}
