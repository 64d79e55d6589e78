using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Assets;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BusinessManager.Server.Shares;

public sealed record ShareRequest(long AssetId, long PartnerId, AssetRole Ceiling);

public sealed record ChangeCeilingRequest(AssetRole Ceiling);

public sealed record ShareResponse(AssetResponse Asset, NamedRef Partner, AssetRole Ceiling);

/// <summary>A partner person whose effective role a ceiling change moves, before and after.</summary>
public sealed record CeilingEffectResponse(PersonRef Person, AssetRole AssignedRole,
    IReadOnlyList<AssetRole> EffectiveBefore, IReadOnlyList<AssetRole> EffectiveAfter);

public sealed record CeilingChangeResponse(ShareResponse Share, IReadOnlyList<CeilingEffectResponse> Affected);

/// <summary>
/// Rule 3. Shares are addressed by (asset, partner): an asset is shared with a partner at most once. Only the
/// owner's admins write here; the partner sees its side under shared-with-us.
/// </summary>
public static class ShareEndpoints
{
    public static void MapShares(this RouteGroupBuilder api)
    {
        var byUs = api.MapGroup("/businesses/{businessId}/shares").WithTags("Shares").RequireAuthorization();
        byUs.MapGet("", SharedByUs).WithName("ListSharesByUs").WithSummary("Our assets shared with partners (admins)");
        byUs.MapPost("", Share).WithName("ShareAsset").WithSummary("Share one of our assets with an active partner");
        byUs.MapPatch("/{assetId}/{partnerId}", ChangeCeiling).WithName("ChangeCeiling")
            .WithSummary("Raise or lower a share's ceiling; takes effect at once. dryRun=true previews who is affected");
        byUs.MapDelete("/{assetId}/{partnerId}", EndShare).WithName("EndShare")
            .WithSummary("Stop sharing the asset with the partner; its assignments end. dryRun=true previews");

        api.MapGet("/businesses/{businessId}/shared-with-us", SharedWithUs).WithTags("Shares").RequireAuthorization()
            .WithName("ListSharedWithUs")
            .WithSummary("Assets partners share with us: all for admins, those they can act on for other members");
    }

    private static Results<Ok<Page<ShareResponse>>, ProblemHttpResult> SharedByUs(long businessId, HttpContext http,
        AccessIndex index, Names names, long? partnerId = null, int? limit = null, string? cursor = null)
    {
        if (Guard.Admin(index, http.User.PersonId(), businessId) is { } denied)
        {
            return Problems.From(denied);
        }

        var shares = index.SharesBy(businessId).Where(s => partnerId is null || s.PartnerId == partnerId)
            .Select(s => ToResponse(index, s, names)).ToList();

        return ReadResults.Of(Paging.Of(shares, s => (s.Asset.Id, s.Partner.Id), limit, cursor));
    }

    private static Results<Ok<Page<ShareResponse>>, ProblemHttpResult> SharedWithUs(long businessId,
        HttpContext http, AccessIndex index, Names names, long? ownerId = null, string? type = null,
        int? limit = null, string? cursor = null)
    {
        var me = http.User.PersonId();
        var role = index.RoleOf(me, businessId);
        if (role is null)
        {
            return Problems.From(Errors.BusinessNotFound());
        }

        var typeFilter = Wire.Filter<AssetType>(type, "type");
        if (!typeFilter.IsOk)
        {
            return Problems.From(typeFilter.Error!);
        }

        var shares = index.SharesWith(businessId)
            .Where(s => ownerId is null || s.OwnerId == ownerId)
            .Where(s => role == BusinessRole.Admin || index.EffectivePermissions(me, s.AssetId) != Permission.None)
            .Select(s => ToResponse(index, s, names))
            .Where(s => typeFilter.Value is null || s.Asset.Type == typeFilter.Value)
            .ToList();

        return ReadResults.Of(Paging.Of(shares, s => s.Asset.Id, limit, cursor));
    }

    private static async Task<Results<Created<WriteResponse<ShareResponse>>, ProblemHttpResult>> Share(long businessId,
        ShareRequest request, HttpContext http, Writer writer, Names names, CancellationToken ct)
    {
        if (Validate.Defined(request.Ceiling, "ceiling") is { } invalid)
        {
            return Problems.From(invalid);
        }

        var me = http.User.PersonId();
        var written = await writer.WriteAsync<ShareResponse>(scope =>
        {
            var index = scope.Index;
            var decided = scope.Decide(me,
                ShareRules.Share(index, me, businessId, request.AssetId, request.PartnerId, request.Ceiling));
            return Task.FromResult(decided.IsOk
                ? Result<ShareResponse>.Ok(ToResponse(index,
                    new ShareView(request.AssetId, businessId, request.PartnerId, request.Ceiling), names))
                : decided.Error!);
        }, ct: ct);

        return WriteResults.Created(written, s => $"/api/v1/businesses/{businessId}/shares/{s.Asset.Id}/{s.Partner.Id}");
    }

    private static async Task<Results<Ok<WriteResponse<CeilingChangeResponse>>, ProblemHttpResult>> ChangeCeiling(
        long businessId, long assetId, long partnerId, ChangeCeilingRequest request, HttpContext http, Writer writer,
        Names names, CancellationToken ct, bool dryRun = false)
    {
        if (Validate.Defined(request.Ceiling, "ceiling") is { } invalid)
        {
            return Problems.From(invalid);
        }

        var me = http.User.PersonId();
        var written = await writer.WriteAsync<CeilingChangeResponse>(async scope =>
        {
            var index = scope.Index;
            var effects = ShareRules.Effects(index, assetId, partnerId, request.Ceiling);
            var decided = scope.Decide(me,
                ShareRules.ChangeCeiling(index, me, businessId, assetId, partnerId, request.Ceiling));
            if (!decided.IsOk)
            {
                return decided.Error!;
            }

            var type = index.Asset(assetId)!.Type;
            var people = await names.PeopleAsync(effects.Select(e => e.PersonId), ct);
            foreach (var effect in effects)
            {
                scope.Audit(me, "share.ceiling_effect", new
                {
                    assignedRole = effect.AssignedRole,
                    before = RoleCatalog.RolesDescribing(effect.Before, type),
                    after = RoleCatalog.RolesDescribing(effect.After, type),
                }, businessId, partnerId, assetId, effect.PersonId);
            }

            return new CeilingChangeResponse(
                ToResponse(index, new ShareView(assetId, businessId, partnerId, request.Ceiling), names),
                effects.Select(e => new CeilingEffectResponse(Names.Person(people, e.PersonId), e.AssignedRole,
                    RoleCatalog.RolesDescribing(e.Before, type), RoleCatalog.RolesDescribing(e.After, type))).ToList());
        }, dryRun, ct);

        return WriteResults.Ok(written);
    }

    private static async Task<Results<Ok<WriteResponse<long>>, ProblemHttpResult>> EndShare(long businessId,
        long assetId, long partnerId, HttpContext http, Writer writer, CancellationToken ct, bool dryRun = false)
    {
        var me = http.User.PersonId();
        var written = await writer.WriteAsync<long>(scope =>
        {
            var decided = scope.Decide(me, ShareRules.End(scope.Index, me, businessId, assetId, partnerId));
            return Task.FromResult(decided.IsOk ? Result<long>.Ok(assetId) : decided.Error!);
        }, dryRun, ct);

        return WriteResults.Ok(written);
    }

    private static ShareResponse ToResponse(AccessIndex index, ShareView share, Names names) =>
        new(AssetEndpoints.ToResponse(index.Asset(share.AssetId)!, names), names.Business(share.PartnerId),
            share.Ceiling);
}
