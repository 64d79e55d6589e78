using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Businesses;

public sealed record InviteRequest(string Email, BusinessRole Role);

public sealed record InvitationResponse(long Id, NamedRef Business, string Email, BusinessRole Role, string Status,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Invitations by e-mail. The invited person sees them on signing in with that address (any letter case).
/// Each invitation is answered once: a revoked one says so, a used one says so, and inviting a former member
/// again makes a fresh invitation and, on acceptance, a fresh membership with no old grants.
/// </summary>
public static class InvitationEndpoints
{
    public static void MapInvitations(this RouteGroupBuilder api)
    {
        var business = api.MapGroup("/businesses/{businessId}/invitations").WithTags("Members").RequireAuthorization();
        business.MapPost("", Invite).WithName("InviteMember").WithSummary("Invite a person by e-mail (admins)");
        business.MapGet("", List).WithName("ListInvitations").WithSummary("The business's invitations (admins)");
        business.MapDelete("/{invitationId}", Revoke).WithName("RevokeInvitation").WithSummary("Revoke an invitation");

        var mine = api.MapGroup("/me/invitations").WithTags("Members").RequireAuthorization();
        mine.MapGet("", ListMine).WithName("ListMyInvitations").WithSummary("Invitations sent to my e-mail");
        mine.MapPost("/{invitationId}/accept", Accept).WithName("AcceptInvitation").WithSummary("Join the business");
        mine.MapPost("/{invitationId}/decline", Decline).WithName("DeclineInvitation").WithSummary("Decline");
    }

    private static async Task<Results<Created<WriteResponse<InvitationResponse>>, ProblemHttpResult>> Invite(
        long businessId, InviteRequest request, HttpContext http, Writer writer, Names names, ProductOptions product,
        CancellationToken ct)
    {
        if ((Validate.Email(request.Email, "email", out var email) ?? Validate.Defined(request.Role, "role"))
            is { } invalid)
        {
            return Problems.From(invalid);
        }

        var me = http.User.PersonId();
        var written = await writer.WriteAsync<InvitationResponse>(async scope =>
        {
            if (Guard.Admin(scope.Index, me, businessId) is { } denied)
            {
                return denied;
            }

            var existing = await scope.Db.People.FirstOrDefaultAsync(p => p.Email == email, ct);
            if (existing is not null && scope.Index.RoleOf(existing.Id, businessId) is not null)
            {
                return Errors.AlreadyAMember();
            }

            var pending = await scope.Db.Invitations
                .Where(i => i.BusinessId == businessId && i.Email == email && i.Status == InvitationStatus.Pending)
                .ToListAsync(ct);
            if (pending.Any(i => i.ExpiresAt > scope.Now))
            {
                return Errors.InvitationAlreadyPending();
            }

            var row = new InvitationRow
            {
                Id = Ids.NewId(),
                BusinessId = businessId,
                Email = email,
                Role = request.Role,
                Status = InvitationStatus.Pending,
                InvitedBy = me,
                CreatedAt = scope.Now,
                ExpiresAt = scope.Now + product.InvitationLifetime,
            };
            scope.Db.Invitations.Add(row);
            scope.Audit(me, "invitation.created", new { row.Id, role = request.Role }, businessId,
                personId: existing?.Id);

            return ToResponse(row, names, scope.Now);
        }, ct: ct);

        return WriteResults.Created(written, i => $"/api/v1/businesses/{businessId}/invitations/{i.Id}");
    }

    private static async Task<Results<Ok<List<InvitationResponse>>, ProblemHttpResult>> List(long businessId,
        HttpContext http, AccessIndex index, IDbContextFactory<BmDb> dbs, Names names, TimeProvider time,
        CancellationToken ct)
    {
        if (Guard.Admin(index, http.User.PersonId(), businessId) is { } denied)
        {
            return Problems.From(denied);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Invitations.AsNoTracking().Where(i => i.BusinessId == businessId).OrderBy(i => i.Id)
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => ToResponse(r, names, time.GetUtcNow())).ToList());
    }

    private static async Task<Results<Ok<WriteResponse<InvitationResponse>>, ProblemHttpResult>> Revoke(
        long businessId, long invitationId, HttpContext http, Writer writer, Names names, CancellationToken ct)
    {
        var me = http.User.PersonId();
        var written = await writer.WriteAsync<InvitationResponse>(async scope =>
        {
            if (Guard.Admin(scope.Index, me, businessId) is { } denied)
            {
                return denied;
            }

            var row = await scope.Db.Invitations.FirstOrDefaultAsync(
                i => i.Id == invitationId && i.BusinessId == businessId, ct);
            if (row is null)
            {
                return Errors.InvitationNotFound();
            }

            if (StateError(row, scope.Now) is { } closed)
            {
                return closed;
            }

            row.Status = InvitationStatus.Revoked;
            row.AnsweredAt = scope.Now;
            scope.Audit(me, "invitation.revoked", new { row.Id }, businessId);
            return ToResponse(row, names, scope.Now);
        }, ct: ct);

        return WriteResults.Ok(written);
    }

    private static async Task<Ok<List<InvitationResponse>>> ListMine(HttpContext http, IDbContextFactory<BmDb> dbs,
        Names names, TimeProvider time, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var me = await db.People.AsNoTracking().FirstAsync(p => p.Id == http.User.PersonId(), ct);
        var rows = await db.Invitations.AsNoTracking()
            .Where(i => i.Email == me.Email && i.Status == InvitationStatus.Pending).OrderBy(i => i.Id)
            .ToListAsync(ct);
        var now = time.GetUtcNow();

        return TypedResults.Ok(rows.Where(r => r.ExpiresAt > now).Select(r => ToResponse(r, names, now)).ToList());
    }

    private static Task<Results<Ok<WriteResponse<InvitationResponse>>, ProblemHttpResult>> Accept(long invitationId,
        HttpContext http, Writer writer, Names names, CancellationToken ct) =>
        Answer(invitationId, accept: true, http, writer, names, ct);

    private static Task<Results<Ok<WriteResponse<InvitationResponse>>, ProblemHttpResult>> Decline(long invitationId,
        HttpContext http, Writer writer, Names names, CancellationToken ct) =>
        Answer(invitationId, accept: false, http, writer, names, ct);

    private static async Task<Results<Ok<WriteResponse<InvitationResponse>>, ProblemHttpResult>> Answer(
        long invitationId, bool accept, HttpContext http, Writer writer, Names names, CancellationToken ct)
    {
        var me = http.User.PersonId();
        var written = await writer.WriteAsync<InvitationResponse>(async scope =>
        {
            var person = await scope.Db.People.FirstAsync(p => p.Id == me, ct);
            var row = await scope.Db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId, ct);

            // Someone else's invitation is not shown to exist.
            if (row is null || row.Email != person.Email)
            {
                return Errors.InvitationNotFound();
            }

            if (StateError(row, scope.Now) is { } closed)
            {
                return closed;
            }

            if (accept && scope.Index.RoleOf(me, row.BusinessId) is not null)
            {
                return Errors.AlreadyAMember();
            }

            row.Status = accept ? InvitationStatus.Accepted : InvitationStatus.Declined;
            row.AnsweredAt = scope.Now;
            if (accept)
            {
                scope.Record(me, [new MemberSet(row.BusinessId, me, row.Role)]);
            }

            scope.Audit(me, accept ? "invitation.accepted" : "invitation.declined", new { row.Id }, row.BusinessId,
                personId: me);
            return ToResponse(row, names, scope.Now);
        }, ct: ct);

        return WriteResults.Ok(written);
    }

    private static Error? StateError(InvitationRow row, DateTimeOffset now) => row.Status switch
    {
        InvitationStatus.Revoked => Errors.InvitationRevoked(),
        InvitationStatus.Accepted or InvitationStatus.Declined => Errors.InvitationAlreadyUsed(),
        _ when row.ExpiresAt <= now => Errors.InvitationExpired(),
        _ => null,
    };

    private static InvitationResponse ToResponse(InvitationRow row, Names names, DateTimeOffset now) =>
        new(row.Id, names.Business(row.BusinessId), row.Email, row.Role,
            row.Status == InvitationStatus.Pending && row.ExpiresAt <= now ? "EXPIRED" : Wire.Of(row.Status),
            row.CreatedAt, row.ExpiresAt);
}
