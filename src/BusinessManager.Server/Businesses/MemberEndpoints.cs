using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Access;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BusinessManager.Server.Businesses;

public sealed record ChangeMemberRoleRequest(BusinessRole Role);

public sealed record MemberResponse(PersonRef Person, BusinessRole Role);

/// <summary>Access a person keeps on this business's assets through another path, which the ending did not
/// end: after a member's removal, a partner's share; after a partnership ends, their own membership here.</summary>
public sealed record RemainingAccessResponse(PersonRef Person, long AssetId, string AssetName, PathResponse Path);

public sealed record MemberRemovalResponse(long PersonId, IReadOnlyList<RemainingAccessResponse> StillHasAccess);

public static class MemberEndpoints
{
    public static void MapMembers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/businesses/{businessId}/members").WithTags("Members").RequireAuthorization();
        group.MapGet("", List).WithName("ListMembers").WithSummary("The business's members (any member may list)");
        group.MapPatch("/{personId}", ChangeRole).WithName("ChangeMemberRole")
            .WithSummary("Change a member's business role (admins; the last admin is protected)");
        group.MapDelete("/{personId}", Remove).WithName("RemoveMember")
            .WithSummary("Remove a member, or leave; every assignment the business made for them ends. "
                + "dryRun=true previews what ends");
    }

    private static async Task<Results<Ok<Page<MemberResponse>>, ProblemHttpResult>> List(long businessId,
        HttpContext http, AccessIndex index, Names names, CancellationToken ct, int? limit = null, string? cursor = null)
    {
        if (Guard.Member(index, http.User.PersonId(), businessId) is { } hidden)
        {
            return Problems.From(hidden);
        }

        var page = Paging.Of(index.MembersOf(businessId), m => m.PersonId, limit, cursor);
        if (!page.IsOk)
        {
            return Problems.From(page.Error!);
        }

        var people = await names.PeopleAsync(page.Value!.Items.Select(m => m.PersonId), ct);
        return TypedResults.Ok(new Page<MemberResponse>(
            page.Value.Items.Select(m => new MemberResponse(Names.Person(people, m.PersonId), m.Role)).ToList(),
            page.Value.Total, page.Value.NextCursor));
    }

    private static async Task<Results<Ok<WriteResponse<BusinessRole>>, ProblemHttpResult>> ChangeRole(
        long businessId, long personId, ChangeMemberRoleRequest request, HttpContext http, Writer writer,
        CancellationToken ct)
    {
        if (Validate.Defined(request.Role, "role") is { } invalid)
        {
            return Problems.From(invalid);
        }

        var me = http.User.PersonId();
        var written = await writer.WriteAsync<BusinessRole>(scope =>
        {
            var decided = scope.Decide(me, MemberRules.ChangeRole(scope.Index, me, businessId, personId, request.Role));
            return Task.FromResult(decided.IsOk ? Result<BusinessRole>.Ok(request.Role) : decided.Error!);
        }, ct: ct);

        return WriteResults.Ok(written);
    }

    private static async Task<Results<Ok<WriteResponse<MemberRemovalResponse>>, ProblemHttpResult>> Remove(
        long businessId, long personId, HttpContext http, Writer writer, Names names, CancellationToken ct,
        bool dryRun = false)
    {
        var me = http.User.PersonId();
        var written = await writer.WriteAsync<MemberRemovalResponse>(async scope =>
        {
            var decided = scope.Decide(me, MemberRules.Remove(scope.Index, me, businessId, personId));
            if (!decided.IsOk)
            {
                return decided.Error!;
            }

            var remaining = await Remaining.AfterAsync(scope.Index, names, businessId, [personId],
                path => path.Kind == PathKind.PartnerAssignment, ct);
            return new MemberRemovalResponse(personId, remaining);
        }, dryRun, ct);

        return WriteResults.Ok(written);
    }

}

/// <summary>What an ending leaves in place, so the person confirming it can decide about the rest.</summary>
public static class Remaining
{
    /// <summary>The paths that survive on the business's own assets for these people: those that grant
    /// something and that <paramref name="survives"/> says the ending does not touch.</summary>
    public static async Task<List<RemainingAccessResponse>> AfterAsync(AccessIndex index, Names names,
        long businessId, IReadOnlyCollection<long> people, Func<AccessPath, bool> survives, CancellationToken ct)
    {
        var found = index.AssetsOwnedBy(businessId)
            .SelectMany(asset => people.SelectMany(person => index.Explain(person, asset.AssetId)
                .Where(p => p.Granted != Permission.None && survives(p))
                .Select(p => (person, asset, path: p))))
            .ToList();
        var refs = await names.PeopleAsync(found.Select(f => f.person), ct);

        return found.Select(f => new RemainingAccessResponse(Names.Person(refs, f.person), f.asset.AssetId,
            f.asset.Name, AccessDescriber.Path(f.path, f.asset.Type, names))).ToList();
    }
}
