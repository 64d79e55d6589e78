using BusinessManager.Core.Catalog;

namespace BusinessManager.Core.Access;

public enum PathKind
{
    /// <summary>The person is an admin of the business that owns the asset: every permission.</summary>
    OwnerAdmin,

    /// <summary>The owner assigned the person a role directly.</summary>
    OwnerAssignment,

    /// <summary>A partner business assigned its own member a role through a share, capped by its ceiling.</summary>
    PartnerAssignment,
}

/// <summary>
/// One reason a person can act on an asset. <see cref="Granted"/> is what this path contributes after the
/// ceiling; <see cref="Role"/> and <see cref="Ceiling"/> say how it got there.
/// </summary>
public sealed record AccessPath(
    PathKind Kind,
    long BusinessId,
    AssetRole? Role,
    AssetRole? Ceiling,
    Permission Granted);

public sealed record AssetAccess(long AssetId, long OwnerId, AssetType Type, Permission Permissions,
    IReadOnlyList<AccessPath> Paths);

public sealed record PersonAccess(long PersonId, Permission Permissions, IReadOnlyList<AccessPath> Paths);

public sealed record AssignmentView(long PersonId, long AssetId, long ByBusinessId, AssetRole Role);

public sealed record ShareView(long AssetId, long OwnerId, long PartnerId, AssetRole Ceiling);

public sealed record AssetView(long AssetId, long OwnerId, AssetType Type, string Name);

public sealed record MemberView(long BusinessId, long PersonId, BusinessRole Role);
