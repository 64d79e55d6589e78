using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Access;
using BusinessManager.Server.Businesses;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Assets;

public sealed record CreateAssetRequest(AssetType Type, string Name);

/// <summary>A rename. An <c>id</c> in the body must match the path: a copied body never moves another asset.</summary>
public sealed record UpdateAssetRequest(string Name, long? Id = null);

public sealed record AssetResponse(long Id, AssetType Type, string Name, NamedRef Owner);

public sealed record PartnerAccessResponse(NamedRef Partner, AssetRole Ceiling);

public sealed record AssetAccessListResponse(AssetResponse Asset, IReadOnlyList<PartnerAccessResponse> Partners,
    IReadOnlyList<PersonAccessResponse> People, long Revision);

public static class AssetEndpoints
{
    public static void MapAssets(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/businesses/{businessId}/assets").WithTags("Assets").RequireAuthorization();
        group.MapPost("", Create).WithName("CreateAsset").WithSummary("Create an ad account or a page (admins)");
        group.MapGet("", List).WithName("ListAssets")
            .WithSummary("The business's own assets: all of them for admins, those they can act on for other members");
        group.MapGet("/{assetId}", Get).WithName("GetAsset").WithSummary("One of the business's own assets");
        group.MapPatch("/{assetId}", Update).WithName("UpdateAsset").WithSummary("Rename an asset (admins)");
        group.MapPost("/{assetId}/archive", Archive).WithName("ArchiveAsset")
            .WithSummary("Archive an asset: its shares and assignments end. dryRun=true previews what ends");
        group.MapGet("/{assetId}/access", Access).WithName("GetAssetAccess")
            .WithSummary("Who can act on this asset and why: every person, effective role and path (owner admins)");
    }

    private static async Task<Results<Created<WriteResponse<AssetResponse>>, ProblemHttpResult>> Create(
        long businessId, CreateAssetRequest request, HttpContext http, Writer writer, Names names,
        CancellationToken ct)
    {
        if ((Validate.Defined(request.Type, "type") ?? Validate.Name(request.Name)) is { } invalid)
        {
            return Problems.From(invalid);
        }

        var me = http.User.PersonId();
        var written = await writer.WriteAsync<AssetResponse>(scope =>
        {
            if (Guard.Admin(scope.Index, me, businessId) is { } denied)
            {
                return Task.FromResult<Result<AssetResponse>>(denied);
            }

            var id = Ids.NewId();
            var name = request.Name.Trim();
            scope.Db.Assets.Add(new AssetRow
            {
                Id = id,
                OwnerId = businessId,
                Type = request.Type,
                Name = name,
                Status = AssetStatus.Active,
                CreatedAt = scope.Now,
            });
            scope.Record(me, [new AssetCreated(id, businessId, request.Type, name)]);

            return Task.FromResult<Result<AssetResponse>>(new AssetResponse(id, request.Type, name,
                names.Business(businessId)));
        }, ct: ct);

        return WriteResults.Created(written, a => $"/api/v1/businesses/{businessId}/assets/{a.Id}");
    }

    private static Results<Ok<Page<AssetResponse>>, ProblemHttpResult> List(long businessId, HttpContext http,
        AccessIndex index, Names names, string? type = null, int? limit = null, string? cursor = null)
    {
        var me = http.User.PersonId();
        var typeFilter = Wire.Filter<AssetType>(type, "type");
        if (!typeFilter.IsOk)
        {
            return Problems.From(typeFilter.Error!);
        }

        var role = index.RoleOf(me, businessId);
        if (role is null)
        {
            return Problems.From(Errors.BusinessNotFound());
        }

        var visible = index.AssetsOwnedBy(businessId)
            .Where(a => typeFilter.Value is null || a.Type == typeFilter.Value)
            .Where(a => role == BusinessRole.Admin || index.EffectivePermissions(me, a.AssetId) != Permission.None)
            .Select(a => ToResponse(a, names))
            .ToList();

        return ReadResults.Of(Paging.Of(visible, a => a.Id, limit, cursor));
    }

    private static Results<Ok<AssetResponse>, ProblemHttpResult> Get(long businessId, long assetId, HttpContext http,
        AccessIndex index, Names names)
    {
        var me = http.User.PersonId();
        if (Guard.Member(index, me, businessId) is { } hidden)
        {
            return Problems.From(hidden);
        }

        var asset = index.Asset(assetId);
        var visible = asset is not null && asset.OwnerId == businessId
            && (index.RoleOf(me, businessId) == BusinessRole.Admin
                || index.EffectivePermissions(me, assetId) != Permission.None);

        return visible ? TypedResults.Ok(ToResponse(asset!, names)) : Problems.From(Errors.AssetNotFound());
    }

    private static async Task<Results<Ok<WriteResponse<AssetResponse>>, ProblemHttpResult>> Update(long businessId,
        long assetId, UpdateAssetRequest request, HttpContext http, Writer writer, Names names, CancellationToken ct)
    {
        if (request.Id is { } bodyId && bodyId != assetId)
        {
            return Problems.From(BusinessEndpoints.IdMismatch());
        }

        if (Validate.Name(request.Name) is { } invalid)
        {
            return Problems.From(invalid);
        }

        var me = http.User.PersonId();
        var written = await writer.WriteAsync<AssetResponse>(async scope =>
        {
            if (Guard.OwnerAdmin(scope.Index, me, businessId, assetId) is { } denied)
            {
                return denied;
            }

            var name = request.Name.Trim();
            var row = await scope.Db.Assets.FirstAsync(a => a.Id == assetId, ct);
            row.Name = name;
            scope.Record(me, [new AssetRenamed(assetId, name)]);

            return ToResponse(scope.Index.Asset(assetId)! with { Name = name }, names);
        }, ct: ct);

        return WriteResults.Ok(written);
    }

    private static async Task<Results<Ok<WriteResponse<long>>, ProblemHttpResult>> Archive(long businessId,
        long assetId, HttpContext http, Writer writer, CancellationToken ct, bool dryRun = false)
    {
        var me = http.User.PersonId();
        var written = await writer.WriteAsync<long>(async scope =>
        {
            var decided = scope.Decide(me, AssetRules.Archive(scope.Index, me, businessId, assetId));
            if (!decided.IsOk)
            {
                return decided.Error!;
            }

            await scope.Db.Transfers.Where(t => t.AssetId == assetId && t.Status == TransferStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TransferStatus.Cancelled), ct);
            return assetId;
        }, dryRun, ct);

        return WriteResults.Ok(written);
    }

    private static async Task<Results<Ok<AssetAccessListResponse>, ProblemHttpResult>> Access(long businessId,
        long assetId, HttpContext http, AccessIndex index, Names names, CancellationToken ct)
    {
        if (Guard.OwnerAdmin(index, http.User.PersonId(), businessId, assetId) is { } denied)
        {
            return Problems.From(denied);
        }

        var asset = index.Asset(assetId)!;
        var people = index.PeopleWithAccess(assetId);
        var partners = index.SharesOf(assetId)
            .Select(s => new PartnerAccessResponse(names.Business(s.PartnerId), s.Ceiling)).ToList();
        var described = await AccessDescriber.PeopleAsync(people, asset.Type, names, ct);

        return TypedResults.Ok(new AssetAccessListResponse(ToResponse(asset, names), partners, described,
            index.Revision));
    }

    public static AssetResponse ToResponse(AssetView asset, Names names) =>
        new(asset.AssetId, asset.Type, asset.Name, names.Business(asset.OwnerId));
}
