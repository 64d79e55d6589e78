using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Businesses;

public sealed record CreateBusinessRequest(string Name);

public sealed record RenameBusinessRequest(string Name, long? Id = null);

public sealed record BusinessResponse(long Id, string Name, BusinessRole MyRole, BusinessCounts Counts);

public sealed record BusinessCounts(int Members, int Assets, int Partners, int SharedWithUs);

public static class BusinessEndpoints
{
    public static void MapBusinesses(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/businesses").WithTags("Businesses").RequireAuthorization();
        group.MapPost("", Create).WithName("CreateBusiness").WithSummary("Create a business; you become its admin");
        group.MapGet("", ListMine).WithName("ListMyBusinesses").WithSummary("The businesses I belong to");
        group.MapGet("/{businessId}", Get).WithName("GetBusiness").WithSummary("One of my businesses");
        group.MapPatch("/{businessId}", Rename).WithName("RenameBusiness").WithSummary("Rename a business (admins)");
        group.MapDelete("/{businessId}", Delete).WithName("DeleteBusiness")
            .WithSummary("Delete a business: ends its partnerships, archives its assets, removes its members");
    }

    private static async Task<Results<Created<WriteResponse<BusinessResponse>>, ProblemHttpResult>> Create(
        CreateBusinessRequest request, HttpContext http, Writer writer, CancellationToken ct)
    {
        if (Validate.Name(request.Name) is { } invalid)
        {
            return Problems.From(invalid);
        }

        var me = http.User.PersonId();
        var written = await writer.WriteAsync<BusinessResponse>(scope =>
        {
            var id = Ids.NewBusinessId();
            var name = request.Name.Trim();
            scope.Db.Businesses.Add(new BusinessRow { Id = id, Name = name, CreatedBy = me, CreatedAt = scope.Now });
            scope.Record(me, [new BusinessCreated(id, name), new MemberSet(id, me, BusinessRole.Admin)]);

            return Task.FromResult<Result<BusinessResponse>>(
                new BusinessResponse(id, name, BusinessRole.Admin, new BusinessCounts(1, 0, 0, 0)));
        }, ct: ct);

        return WriteResults.Created(written, b => $"/api/v1/businesses/{b.Id}");
    }

    private static Ok<List<BusinessResponse>> ListMine(HttpContext http, AccessIndex index) =>
        TypedResults.Ok(index.MembershipsOf(http.User.PersonId())
            .Select(m => Describe(index, m.BusinessId, m.Role, m.PersonId))
            .ToList());

    private static Results<Ok<BusinessResponse>, ProblemHttpResult> Get(long businessId, HttpContext http,
        AccessIndex index) =>
        index.RoleOf(http.User.PersonId(), businessId) is { } role
            ? TypedResults.Ok(Describe(index, businessId, role, http.User.PersonId()))
            : Problems.From(Errors.BusinessNotFound());

    private static async Task<Results<Ok<WriteResponse<BusinessResponse>>, ProblemHttpResult>> Rename(
        long businessId, RenameBusinessRequest request, HttpContext http, Writer writer, CancellationToken ct)
    {
        if (request.Id is { } bodyId && bodyId != businessId)
        {
            return Problems.From(IdMismatch());
        }

        if (Validate.Name(request.Name) is { } invalid)
        {
            return Problems.From(invalid);
        }

        var me = http.User.PersonId();
        var written = await writer.WriteAsync<BusinessResponse>(async scope =>
        {
            if (Guard.Admin(scope.Index, me, businessId) is { } denied)
            {
                return denied;
            }

            var name = request.Name.Trim();
            var row = await scope.Db.Businesses.FirstAsync(b => b.Id == businessId, ct);
            row.Name = name;
            scope.Record(me, [new BusinessRenamed(businessId, name)]);

            return Describe(scope.Index, businessId, BusinessRole.Admin, me) with { Name = name };
        }, ct: ct);

        return WriteResults.Ok(written);
    }

    private static async Task<Results<Ok<WriteResponse<long>>, ProblemHttpResult>> Delete(long businessId,
        HttpContext http, Writer writer, CancellationToken ct, bool dryRun = false)
    {
        var me = http.User.PersonId();
        var written = await writer.WriteAsync<long>(async scope =>
        {
            var index = scope.Index;
            if (Guard.Admin(index, me, businessId) is { } denied)
            {
                return denied;
            }

            var partnerships = await scope.Db.Partnerships
                .Where(p => (p.RequesterId == businessId || p.TargetId == businessId)
                    && (p.Status == PartnershipStatus.Active || p.Status == PartnershipStatus.Pending))
                .ToListAsync(ct);
            foreach (var partnership in partnerships)
            {
                if (partnership.Status == PartnershipStatus.Active)
                {
                    scope.Record(me, Cascade.EndPartnership(index, partnership.RequesterId, partnership.TargetId));
                }

                partnership.Status = partnership.Status == PartnershipStatus.Active
                    ? PartnershipStatus.Ended
                    : PartnershipStatus.Cancelled;
                partnership.ClosedAt = scope.Now;
            }

            foreach (var asset in index.AssetsOwnedBy(businessId))
            {
                scope.Record(me, Cascade.RemoveAsset(index, asset.AssetId));
            }

            foreach (var member in index.MembersOf(businessId))
            {
                scope.Record(me, Cascade.RemoveMember(index, businessId, member.PersonId));
            }

            await scope.Db.Invitations.Where(i => i.BusinessId == businessId && i.Status == InvitationStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Revoked), ct);
            await scope.Db.Transfers.Where(t => (t.FromId == businessId || t.ToId == businessId)
                    && t.Status == TransferStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TransferStatus.Cancelled), ct);
            var row = await scope.Db.Businesses.FirstAsync(b => b.Id == businessId, ct);
            row.DeletedAt = scope.Now;
            scope.Audit(me, "business.deleted", new { businessId }, businessId);

            return businessId;
        }, dryRun, ct);

        return WriteResults.Ok(written);
    }

    public static Error IdMismatch() =>
        new("id_mismatch", ErrorKind.Invalid, "The id in the body differs from the id in the path.", "id");

    /// <summary>Counts say only what the caller may see: an admin counts everything, another member counts the
    /// assets they can act on, so no number hints at what is hidden from them.</summary>
    private static BusinessResponse Describe(AccessIndex index, long businessId, BusinessRole role, long viewerId)
    {
        bool Visible(long assetId) =>
            role == BusinessRole.Admin || index.EffectivePermissions(viewerId, assetId) != Permission.None;

        return new BusinessResponse(businessId, index.BusinessName(businessId) ?? "", role, new BusinessCounts(
            index.MembersOf(businessId).Count,
            index.AssetsOwnedBy(businessId).Count(a => Visible(a.AssetId)),
            index.PartnersOf(businessId).Count,
            index.SharesWith(businessId).Count(s => Visible(s.AssetId))));
    }
}
