using BusinessManager.Core.Access;
using BusinessManager.Core.Errors;

namespace BusinessManager.Core.Rules;

public static class AssetRules
{
    public static Result<List<Change>> Archive(AccessIndex index, long actorId, long businessId, long assetId)
    {
        if (Guard.OwnerAdmin(index, actorId, businessId, assetId) is { } denied)
        {
            return denied;
        }

        return Cascade.RemoveAsset(index, assetId);
    }
}
