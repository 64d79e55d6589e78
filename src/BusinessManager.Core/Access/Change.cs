using System.Text.Json.Serialization;
using BusinessManager.Core.Catalog;

namespace BusinessManager.Core.Access;

/// <summary>
/// One fact about access that a committed write established. The change log stores these in revision
/// order; the access index applies them. Cascades are spelled out as separate changes, so the log says
/// exactly what ended.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(BusinessCreated), "business_created")]
[JsonDerivedType(typeof(BusinessRenamed), "business_renamed")]
[JsonDerivedType(typeof(MemberSet), "member_set")]
[JsonDerivedType(typeof(MemberRemoved), "member_removed")]
[JsonDerivedType(typeof(AssetCreated), "asset_created")]
[JsonDerivedType(typeof(AssetRenamed), "asset_renamed")]
[JsonDerivedType(typeof(AssetRemoved), "asset_removed")]
[JsonDerivedType(typeof(AssetOwnerChanged), "asset_owner_changed")]
[JsonDerivedType(typeof(PartnershipActivated), "partnership_activated")]
[JsonDerivedType(typeof(PartnershipEnded), "partnership_ended")]
[JsonDerivedType(typeof(ShareSet), "share_set")]
[JsonDerivedType(typeof(ShareEnded), "share_ended")]
[JsonDerivedType(typeof(AssignmentSet), "assignment_set")]
[JsonDerivedType(typeof(AssignmentRemoved), "assignment_removed")]
public abstract record Change;

public sealed record BusinessCreated(long BusinessId, string Name) : Change;

public sealed record BusinessRenamed(long BusinessId, string Name) : Change;

public sealed record MemberSet(long BusinessId, long PersonId, BusinessRole Role) : Change;

public sealed record MemberRemoved(long BusinessId, long PersonId) : Change;

public sealed record AssetCreated(long AssetId, long OwnerId, AssetType Type, string Name) : Change;

public sealed record AssetRenamed(long AssetId, string Name) : Change;

/// <summary>The asset was archived: it leaves the index, and nobody holds anything on it.</summary>
public sealed record AssetRemoved(long AssetId) : Change;

public sealed record AssetOwnerChanged(long AssetId, long OwnerId) : Change;

public sealed record PartnershipActivated(long FirstBusinessId, long SecondBusinessId) : Change;

public sealed record PartnershipEnded(long FirstBusinessId, long SecondBusinessId) : Change;

public sealed record ShareSet(long AssetId, long PartnerId, AssetRole Ceiling) : Change;

public sealed record ShareEnded(long AssetId, long PartnerId) : Change;

public sealed record AssignmentSet(long PersonId, long AssetId, long ByBusinessId, AssetRole Role) : Change;

public sealed record AssignmentRemoved(long PersonId, long AssetId, long ByBusinessId) : Change;
