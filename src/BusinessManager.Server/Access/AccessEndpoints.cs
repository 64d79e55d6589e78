using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;
using BusinessManager.Server.Assets;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BusinessManager.Server.Access;

/// <summary><c>Allowed</c> answers for the named permission; without one it is absent and the effective
/// permissions and paths are the answer.</summary>
public sealed record CheckResponse(bool? Allowed, long PersonId, long AssetId, string? Permission,
    IReadOnlyList<string> EffectivePermissions, IReadOnlyList<AssetRole> EffectiveRoles,
    IReadOnlyList<PathResponse> Paths, long Revision);

public sealed record MyAssetResponse(AssetResponse Asset, IReadOnlyList<string> Permissions,
    IReadOnlyList<AssetRole> EffectiveRoles, IReadOnlyList<PathResponse> Paths);

public static class AccessEndpoints
{
    public static void MapAccess(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Access").RequireAuthorization();
        group.MapGet("/access/check", Check).WithName("CheckAccess")
            .WithSummary("May this person do this on this asset, and through which paths? "
                + "Answers for yourself, for the asset owner's admins, and for a business's admins about their own members");
        group.MapGet("/me/assets", MyAssets).WithName("ListMyAssets")
            .WithSummary("Every asset I can act on, with my effective role and each path");
    }

    private static async Task<Results<Ok<CheckResponse>, ProblemHttpResult>> Check(long personId, long assetId,
        HttpContext http, AccessIndex index, IndexSync sync, Names names, CancellationToken ct,
        string? permission = null, long? atLeast = null)
    {
        if (await Consistency.WaitAsync(sync, atLeast, ct) is { } behind)
        {
            return Problems.From(behind);
        }

        Permission wanted = Permission.None;
        if (permission is not null && !RoleCatalog.TryParsePermission(permission, out wanted))
        {
            return Problems.From(Errors.Invalid("permission", "Unknown permission; see /api/v1/catalog/permissions."));
        }

        var asset = index.Asset(assetId);
        if (asset is null || !MaySee(index, http.User.PersonId(), personId, asset))
        {
            return Problems.From(Errors.AssetNotFound());
        }

        var effective = index.EffectivePermissions(personId, assetId);
        var paths = AccessDescriber.Paths(index.Explain(personId, assetId), asset.Type, names);
        bool? allowed = permission is null ? null : (effective & wanted) == wanted;

        return TypedResults.Ok(new CheckResponse(allowed, personId, assetId, permission,
            RoleCatalog.NamesOf(effective), RoleCatalog.RolesDescribing(effective, asset.Type), paths, index.Revision));
    }

    private static async Task<Results<Ok<Page<MyAssetResponse>>, ProblemHttpResult>> MyAssets(HttpContext http,
        AccessIndex index, IndexSync sync, Names names, CancellationToken ct, string? type = null,
        long? ownerId = null, int? limit = null, string? cursor = null, long? atLeast = null)
    {
        if (await Consistency.WaitAsync(sync, atLeast, ct) is { } behind)
        {
            return Problems.From(behind);
        }

        var typeFilter = Wire.Filter<AssetType>(type, "type");
        if (!typeFilter.IsOk)
        {
            return Problems.From(typeFilter.Error!);
        }

        var mine = index.AssetsOf(http.User.PersonId())
            .Where(a => (typeFilter.Value is null || a.Type == typeFilter.Value)
                && (ownerId is null || a.OwnerId == ownerId))
            .ToList();
        var page = Paging.Of(mine, a => a.AssetId, limit, cursor);
        if (!page.IsOk)
        {
            return Problems.From(page.Error!);
        }

        var items = page.Value!.Items.Select(a => new MyAssetResponse(
            AssetEndpoints.ToResponse(index.Asset(a.AssetId)!, names), RoleCatalog.NamesOf(a.Permissions),
            RoleCatalog.RolesDescribing(a.Permissions, a.Type), AccessDescriber.Paths(a.Paths, a.Type, names))).ToList();

        return TypedResults.Ok(new Page<MyAssetResponse>(items, page.Value.Total, page.Value.NextCursor));
    }

    /// <summary>
    /// Who may ask about a person's access to an asset: the person; an admin of the asset's owner (the
    /// security reviewer's question); an admin of a business the person belongs to, about an asset that
    /// business can see. Anyone else is told the asset does not exist.
    /// </summary>
    private static bool MaySee(AccessIndex index, long callerId, long personId, AssetView asset)
    {
        if (index.RoleOf(callerId, asset.OwnerId) == BusinessRole.Admin)
        {
            return true;
        }

        // Asking about yourself reveals only assets you can act on: the answer for any other id is 404, so
        // the check cannot be used to probe which ids exist.
        if (callerId == personId)
        {
            return index.EffectivePermissions(callerId, asset.AssetId) != Permission.None
                || AdminOfPartnerSeeing(index, callerId, asset, personId);
        }

        return AdminOfPartnerSeeing(index, callerId, asset, personId);
    }

    /// <summary>The caller administers a business the person belongs to, and the asset is shared with it.</summary>
    private static bool AdminOfPartnerSeeing(AccessIndex index, long callerId, AssetView asset, long personId) =>
        index.MembershipsOf(personId).Any(m =>
            index.RoleOf(callerId, m.BusinessId) == BusinessRole.Admin
            && index.ShareCeiling(asset.AssetId, m.BusinessId) is not null);
}

/// <summary>
/// Read-your-writes across processes: a read that names a revision (<c>atLeast</c>) is answered only by an
/// index that has applied it. Every authenticated request already catches up with the log, so this waits
/// only for a revision that is not committed yet, briefly, and then says so.
/// </summary>
public static class Consistency
{
    public static async Task<Error?> WaitAsync(IndexSync sync, long? atLeast, CancellationToken ct)
    {
        if (atLeast is not { } wanted)
        {
            return null;
        }

        for (var attempt = 0; attempt < 40 && sync.Index.Revision < wanted; attempt++)
        {
            await sync.EnsureFreshAsync(ct);
            if (sync.Index.Revision < wanted)
            {
                await Task.Delay(50, ct);
            }
        }

        return sync.Index.Revision >= wanted
            ? null
            : new Error("revision_not_reached", ErrorKind.Conflict, "That revision has not been committed.", "atLeast");
    }
}
