using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BusinessManager.Server.Assignments;

public sealed record AssignRequest(AssetRole Role);

/// <summary>An assignment as the assigning business sees it: the role it recorded, and what the person
/// actually gets from it after the owner's ceiling (never a stale higher role alone).</summary>
public sealed record AssignmentResponse(PersonRef Person, long AssetId, NamedRef AssignedBy, AssetRole AssignedRole,
    AssetRole? Ceiling, IReadOnlyList<AssetRole> EffectiveRoles, bool Capped);

/// <summary>
/// A business assigns roles to its own members on an asset it owns or that is shared with it. The route names
/// the assigning business; the same endpoints serve the owner and a partner, and Core decides.
/// </summary>
public static class AssignmentEndpoints
{
    public static void MapAssignments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/businesses/{businessId}/assets/{assetId}/assignments").WithTags("Assignments")
            .RequireAuthorization();
        group.MapGet("", List).WithName("ListAssignments")
            .WithSummary("The roles this business has given its members on the asset, with the effective role");
        group.MapPut("/{personId}", Assign).WithName("Assign")
            .WithSummary("Give a member a role on the asset (replaces the role this business gave them there)");
        group.MapDelete("/{personId}", Unassign).WithName("Unassign").WithSummary("Take the role away");
    }

    private static async Task<Results<Ok<List<AssignmentResponse>>, ProblemHttpResult>> List(long businessId,
        long assetId, HttpContext http, AccessIndex index, Names names, CancellationToken ct)
    {
        var authority = AssignmentRules.Authority(index, http.User.PersonId(), businessId, assetId);
        if (!authority.IsOk)
        {
            return Problems.From(authority.Error!);
        }

        var asset = authority.Value!;
        var ceiling = asset.OwnerId == businessId ? null : index.ShareCeiling(assetId, businessId);
        var assignments = index.AssignmentsOnAsset(assetId).Where(a => a.ByBusinessId == businessId).ToList();
        var people = await names.PeopleAsync(assignments.Select(a => a.PersonId), ct);

        return TypedResults.Ok(assignments.Select(a => Describe(a, asset, ceiling, people, names)).ToList());
    }

    private static async Task<Results<Ok<WriteResponse<AssignmentResponse>>, ProblemHttpResult>> Assign(
        long businessId, long assetId, long personId, AssignRequest request, HttpContext http, Writer writer,
        Names names, CancellationToken ct)
    {
        if (Validate.Defined(request.Role, "role") is { } invalid)
        {
            return Problems.From(invalid);
        }

        var me = http.User.PersonId();
        var written = await writer.WriteAsync<AssignmentResponse>(async scope =>
        {
            var index = scope.Index;
            var decided = scope.Decide(me, AssignmentRules.Assign(index, me, businessId, assetId, personId, request.Role));
            if (!decided.IsOk)
            {
                return decided.Error!;
            }

            var asset = index.Asset(assetId)!;
            var ceiling = asset.OwnerId == businessId ? null : index.ShareCeiling(assetId, businessId);
            var people = await names.PeopleAsync([personId], ct);
            return Describe(new AssignmentView(personId, assetId, businessId, request.Role), asset, ceiling, people, names);
        }, ct: ct);

        return WriteResults.Ok(written);
    }

    private static async Task<Results<Ok<WriteResponse<long>>, ProblemHttpResult>> Unassign(long businessId,
        long assetId, long personId, HttpContext http, Writer writer, CancellationToken ct)
    {
        var me = http.User.PersonId();
        var written = await writer.WriteAsync<long>(scope =>
        {
            var decided = scope.Decide(me, AssignmentRules.Unassign(scope.Index, me, businessId, assetId, personId));
            return Task.FromResult(decided.IsOk ? Result<long>.Ok(personId) : decided.Error!);
        }, ct: ct);

        return WriteResults.Ok(written);
    }

    private static AssignmentResponse Describe(AssignmentView a, AssetView asset, AssetRole? ceiling,
        Dictionary<long, PersonRef> people, Names names)
    {
        var assigned = RoleCatalog.PermissionsOf(a.Role);
        var effective = ceiling is { } c ? assigned & RoleCatalog.PermissionsOf(c) : assigned;

        return new AssignmentResponse(Names.Person(people, a.PersonId), a.AssetId, names.Business(a.ByBusinessId),
            a.Role, ceiling, RoleCatalog.RolesDescribing(effective, asset.Type), effective != assigned);
    }
}
