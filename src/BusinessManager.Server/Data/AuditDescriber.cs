using System.Text.Json;
using BusinessManager.Core.Access;
using BusinessManager.Server.Infrastructure;

namespace BusinessManager.Server.Data;

/// <summary>
/// Turns an access change into an audit event: which businesses it touches (the asset's owner first, then
/// the partner or assigning business), and the state before and after, read from the index before the write.
/// </summary>
internal static class AuditDescriber
{
    public static AuditRow Describe(AccessIndex index, long? actorId, Change change, DateTimeOffset now)
    {
        var (business, other, asset, person, before) = change switch
        {
            BusinessCreated c => (c.BusinessId, (long?)null, (long?)null, (long?)null, (object?)null),
            BusinessRenamed c => (c.BusinessId, null, null, null, index.BusinessName(c.BusinessId)),
            MemberSet c => (c.BusinessId, null, null, c.PersonId, index.RoleOf(c.PersonId, c.BusinessId)),
            MemberRemoved c => (c.BusinessId, null, null, c.PersonId, index.RoleOf(c.PersonId, c.BusinessId)),
            AssetCreated c => (c.OwnerId, null, c.AssetId, null, null),
            AssetRenamed c => (OwnerOf(index, c.AssetId), null, c.AssetId, null, index.Asset(c.AssetId)?.Name),
            AssetRemoved c => (OwnerOf(index, c.AssetId), null, c.AssetId, null, null),
            AssetOwnerChanged c => (OwnerOf(index, c.AssetId), c.OwnerId, c.AssetId, null, OwnerOf(index, c.AssetId)),
            PartnershipActivated c => (c.FirstBusinessId, c.SecondBusinessId, null, null, null),
            PartnershipEnded c => (c.FirstBusinessId, c.SecondBusinessId, null, null, null),
            ShareSet c => (OwnerOf(index, c.AssetId), c.PartnerId, c.AssetId, null,
                index.ShareCeiling(c.AssetId, c.PartnerId)),
            ShareEnded c => (OwnerOf(index, c.AssetId), c.PartnerId, c.AssetId, null,
                index.ShareCeiling(c.AssetId, c.PartnerId)),
            AssignmentSet c => (OwnerOf(index, c.AssetId), c.ByBusinessId, c.AssetId, c.PersonId,
                index.AssignmentRole(c.PersonId, c.AssetId, c.ByBusinessId)),
            AssignmentRemoved c => (OwnerOf(index, c.AssetId), c.ByBusinessId, c.AssetId, c.PersonId,
                index.AssignmentRole(c.PersonId, c.AssetId, c.ByBusinessId)),
            _ => throw new ArgumentException($"Unknown change {change.GetType().Name}", nameof(change)),
        };

        return new AuditRow
        {
            At = now,
            ActorId = actorId,
            Kind = KindOf(change),
            BusinessId = business,
            OtherBusinessId = other == business ? null : other,
            AssetId = asset,
            PersonId = person,
            Details = JsonSerializer.Serialize(new { before, after = change }, Json.Options),
        };
    }

    public static string KindOf(Change change) =>
        JsonSerializer.SerializeToElement<Change>(change, Json.Options).GetProperty("kind").GetString()!;

    private static long OwnerOf(AccessIndex index, long assetId) => index.Asset(assetId)?.OwnerId ?? 0;
}
