using BusinessManager.Core.Access;
using BusinessManager.Core.Errors;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Businesses;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Partnerships;

public sealed record RequestPartnershipRequest(long PartnerId);

/// <summary>A partnership from one side. <c>AcceptedAt</c> says since when two businesses are partners. After an
/// ending, <c>StillHasAccess</c> lists the partner's people who keep access to our assets by
/// another path (e.g. they are also our members), for us to decide about.</summary>
public sealed record PartnershipResponse(long Id, NamedRef Requester, NamedRef Target, NamedRef Partner,
    string Direction, PartnershipStatus Status, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? ClosedAt, IReadOnlyList<RemainingAccessResponse>? StillHasAccess = null,
    DateTimeOffset? AcceptedAt = null);

/// <summary>Rule 2, from one business's side: the route names the business, the partnership must involve it.</summary>
public static class PartnershipEndpoints
{
    public static void MapPartnerships(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/businesses/{businessId}/partnerships").WithTags("Partnerships")
            .RequireAuthorization();
        group.MapPost("", Request).WithName("RequestPartnership")
            .WithSummary("Ask another business, by its business id, to become a partner (admins)");
        group.MapGet("", List).WithName("ListPartnerships")
            .WithSummary("Partnerships of this business; filter by direction (incoming, outgoing) and status");
        group.MapGet("/{partnershipId}", Get).WithName("GetPartnership").WithSummary("One partnership");
        group.MapPost("/{partnershipId}/accept", Accept).WithName("AcceptPartnership").WithSummary("Accept a request");
        group.MapPost("/{partnershipId}/decline", Decline).WithName("DeclinePartnership").WithSummary("Decline a request");
        group.MapPost("/{partnershipId}/cancel", Cancel).WithName("CancelPartnership")
            .WithSummary("Withdraw or refuse a pending request (either side)");
        group.MapPost("/{partnershipId}/end", End).WithName("EndPartnership")
            .WithSummary("End an active partnership: every share both ways and every assignment through them end "
                + "at once. dryRun=true previews what ends");
    }

    private static async Task<Results<Created<WriteResponse<PartnershipResponse>>, ProblemHttpResult>> Request(
        long businessId, RequestPartnershipRequest request, HttpContext http, Writer writer, Names names,
        ProductOptions product, CancellationToken ct)
    {
        var me = http.User.PersonId();
        var written = await writer.WriteAsync<PartnershipResponse>(async scope =>
        {
            var partner = request.PartnerId;
            var between = await scope.Db.Partnerships.AsNoTracking()
                .Where(p => (p.RequesterId == businessId && p.TargetId == partner)
                    || (p.RequesterId == partner && p.TargetId == businessId))
                .ToListAsync(ct);
            if (PartnershipRules.Request(scope.Index, me, businessId, partner, between.Select(p => p.ToState()),
                    scope.Now) is { } refused)
            {
                return refused;
            }

            if (await scope.Db.Businesses.AnyAsync(b => b.Id == partner && b.DeletedAt != null, ct))
            {
                return Errors.BusinessNotFound();
            }

            var row = new PartnershipRow
            {
                Id = Ids.NewId(),
                RequesterId = businessId,
                TargetId = partner,
                Status = PartnershipStatus.Pending,
                RequestedBy = me,
                RequestedAt = scope.Now,
                ExpiresAt = scope.Now + product.PartnershipRequestLifetime,
            };
            scope.Db.Partnerships.Add(row);
            scope.Audit(me, "partnership.requested", new { row.Id }, businessId, partner);

            return ToResponse(row, businessId, names, scope.Now);
        }, ct: ct);

        return WriteResults.Created(written, p => $"/api/v1/businesses/{businessId}/partnerships/{p.Id}");
    }

    private static async Task<Results<Ok<Page<PartnershipResponse>>, ProblemHttpResult>> List(long businessId,
        HttpContext http, AccessIndex index, IDbContextFactory<BmDb> dbs, Names names, TimeProvider time,
        CancellationToken ct, string? direction = null, string? status = null, int? limit = null,
        string? cursor = null)
    {
        if (Guard.Member(index, http.User.PersonId(), businessId) is { } hidden)
        {
            return Problems.From(hidden);
        }

        if (direction is not (null or "incoming" or "outgoing"))
        {
            return Problems.From(Errors.Invalid("direction", "direction must be 'incoming' or 'outgoing'."));
        }

        var statusFilter = Wire.Filter<PartnershipStatus>(status, "status");
        if (!statusFilter.IsOk)
        {
            return Problems.From(statusFilter.Error!);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Partnerships.AsNoTracking()
            .Where(p => p.RequesterId == businessId || p.TargetId == businessId)
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        var items = rows.Select(r => ToResponse(r, businessId, names, now))
            .Where(p => direction is null || p.Direction == direction)
            .Where(p => statusFilter.Value is null || p.Status == statusFilter.Value)
            .OrderBy(p => p.Id)
            .ToList();

        return ReadResults.Of(Paging.Of(items, p => p.Id, limit, cursor));
    }

    private static async Task<Results<Ok<PartnershipResponse>, ProblemHttpResult>> Get(long businessId,
        long partnershipId, HttpContext http, AccessIndex index, IDbContextFactory<BmDb> dbs, Names names,
        TimeProvider time, CancellationToken ct)
    {
        if (Guard.Member(index, http.User.PersonId(), businessId) is { } hidden)
        {
            return Problems.From(hidden);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnershipId
            && (p.RequesterId == businessId || p.TargetId == businessId), ct);

        return row is null
            ? Problems.From(Errors.PartnershipNotFound())
            : TypedResults.Ok(ToResponse(row, businessId, names, time.GetUtcNow()));
    }

    private static Task<Results<Ok<WriteResponse<PartnershipResponse>>, ProblemHttpResult>> Accept(long businessId,
        long partnershipId, HttpContext http, Writer writer, Names names, CancellationToken ct) =>
        Transition(businessId, partnershipId, http, writer, names, dryRun: false, ct, (scope, me, state) =>
            (PartnershipStatus.Active, PartnershipRules.Accept(scope.Index, me, businessId, state, scope.Now)));

    private static Task<Results<Ok<WriteResponse<PartnershipResponse>>, ProblemHttpResult>> Decline(long businessId,
        long partnershipId, HttpContext http, Writer writer, Names names, CancellationToken ct) =>
        Transition(businessId, partnershipId, http, writer, names, dryRun: false, ct, (scope, me, state) =>
            (PartnershipStatus.Declined, NoChanges(PartnershipRules.Decline(scope.Index, me, businessId, state, scope.Now))));

    private static Task<Results<Ok<WriteResponse<PartnershipResponse>>, ProblemHttpResult>> Cancel(long businessId,
        long partnershipId, HttpContext http, Writer writer, Names names, CancellationToken ct) =>
        Transition(businessId, partnershipId, http, writer, names, dryRun: false, ct, (scope, me, state) =>
            (PartnershipStatus.Cancelled, NoChanges(PartnershipRules.Cancel(scope.Index, me, businessId, state, scope.Now))));

    private static Task<Results<Ok<WriteResponse<PartnershipResponse>>, ProblemHttpResult>> End(long businessId,
        long partnershipId, HttpContext http, Writer writer, Names names, CancellationToken ct, bool dryRun = false) =>
        Transition(businessId, partnershipId, http, writer, names, dryRun, ct, (scope, me, state) =>
            (PartnershipStatus.Ended, PartnershipRules.End(scope.Index, me, businessId, state)));

    /// <summary>Loads the partnership (only through the route's business), asks Core, records what it decided.</summary>
    private static async Task<Results<Ok<WriteResponse<PartnershipResponse>>, ProblemHttpResult>> Transition(
        long businessId, long partnershipId, HttpContext http, Writer writer, Names names, bool dryRun,
        CancellationToken ct,
        Func<WriteScope, long, PartnershipState, (PartnershipStatus Next, Result<List<Change>> Decision)> decide)
    {
        var me = http.User.PersonId();
        var written = await writer.WriteAsync<PartnershipResponse>(async scope =>
        {
            if (Guard.Member(scope.Index, me, businessId) is { } hidden)
            {
                return hidden;
            }

            var row = await scope.Db.Partnerships.FirstOrDefaultAsync(p => p.Id == partnershipId
                && (p.RequesterId == businessId || p.TargetId == businessId), ct);
            if (row is null)
            {
                return Errors.PartnershipNotFound();
            }

            var (next, decision) = decide(scope, me, row.ToState());
            if (scope.Decide(me, decision) is { IsOk: false } refused)
            {
                return refused.Error!;
            }

            var partner = row.ToState().OtherThan(businessId);
            var remaining = next == PartnershipStatus.Ended
                ? await Remaining.AfterAsync(scope.Index, names, businessId,
                    scope.Index.MembersOf(partner).Select(m => m.PersonId).ToList(),
                    path => path.Kind != PathKind.PartnerAssignment || path.BusinessId != partner, ct)
                : null;
            row.Status = next;
            row.AcceptedAt = next == PartnershipStatus.Active ? scope.Now : row.AcceptedAt;
            row.ClosedAt = next == PartnershipStatus.Active ? null : scope.Now;
            scope.Audit(me, "partnership." + Wire.Of(next).ToLowerInvariant(), new { row.Id }, businessId, partner);

            return ToResponse(row, businessId, names, scope.Now) with { StillHasAccess = remaining };
        }, dryRun, ct);

        return WriteResults.Ok(written);
    }

    private static Result<List<Change>> NoChanges(Error? refusal) => refusal is null ? new List<Change>() : refusal;

    private static PartnershipResponse ToResponse(PartnershipRow row, long viewer, Names names, DateTimeOffset now) =>
        new(row.Id, names.Business(row.RequesterId), names.Business(row.TargetId),
            names.Business(row.ToState().OtherThan(viewer)),
            row.RequesterId == viewer ? "outgoing" : "incoming", row.ToState().StatusAt(now), row.RequestedAt,
            row.ExpiresAt, row.ClosedAt, AcceptedAt: row.AcceptedAt);
}
