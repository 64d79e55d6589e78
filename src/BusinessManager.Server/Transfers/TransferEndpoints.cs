using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Assets;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Transfers;

public sealed record OpenTransferRequest(long AssetId, long ToBusinessId, AssetRole? KeepShareCeiling = null);

/// <summary>What completing the transfer would do, as of now.</summary>
public sealed record TransferPreview(IReadOnlyList<Change> Ends, IReadOnlyList<AssignmentView> CarriedOver,
    AssetRole? KeptShareCeiling);

public sealed record TransferResponse(long Id, AssetResponse Asset, NamedRef From, NamedRef To,
    TransferStatus Status, bool ConfirmedByFrom, bool ConfirmedByTo, AssetRole? KeepShareCeiling,
    DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt, DateTimeOffset? ClosedAt, TransferPreview? Preview);

/// <summary>
/// Rule 8. Either side's admin opens a transfer; each side's admin confirms; a support agent completes or
/// rejects; either side cancels until then. Nothing about the asset changes before completion.
/// </summary>
public static class TransferEndpoints
{
    public static void MapTransfers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/businesses/{businessId}/transfers").WithTags("Transfers").RequireAuthorization();
        group.MapPost("", Open).WithName("OpenTransfer")
            .WithSummary("Open an ownership transfer, with a preview of what ends and what carries over (admins)");
        group.MapGet("", List).WithName("ListTransfers").WithSummary("Transfers involving this business");
        group.MapGet("/{transferId}", Get).WithName("GetTransfer").WithSummary("One transfer, with a live preview");
        group.MapPost("/{transferId}/confirm", Confirm).WithName("ConfirmTransfer")
            .WithSummary("Confirm for this business's side (admins)");
        group.MapPost("/{transferId}/cancel", Cancel).WithName("CancelTransfer")
            .WithSummary("Withdraw (either side). dryRun=true checks it would be accepted");

        var support = api.MapGroup("/support/transfers").WithTags("Support").RequireAuthorization();
        support.MapGet("", SupportList).WithName("SupportListTransfers").WithSummary("Open transfers (support agents)");
        support.MapPost("/{transferId}/complete", Complete).WithName("CompleteTransfer")
            .WithSummary("Complete a transfer both sides confirmed (support agents). dryRun=true previews the changes");
        support.MapPost("/{transferId}/reject", Reject).WithName("RejectTransfer")
            .WithSummary("Reject a transfer (support agents). dryRun=true checks it would be accepted");
    }

    private static async Task<Results<Created<WriteResponse<TransferResponse>>, ProblemHttpResult>> Open(
        long businessId, OpenTransferRequest request, HttpContext http, Writer writer, Names names,
        ProductOptions product, CancellationToken ct)
    {
        if (request.KeepShareCeiling is { } keep && Validate.Defined(keep, "keepShareCeiling") is { } invalid)
        {
            return Problems.From(invalid);
        }

        var me = http.User.PersonId();
        var written = await writer.WriteAsync<TransferResponse>(async scope =>
        {
            var open = await scope.Db.Transfers.Where(t => t.AssetId == request.AssetId && t.Status == TransferStatus.Open)
                .ToListAsync(ct);
            var anotherOpen = open.Any(t => t.ToState().StatusAt(scope.Now) == TransferStatus.Open);
            if (TransferRules.Open(scope.Index, me, businessId, request.AssetId, request.ToBusinessId,
                    request.KeepShareCeiling, anotherOpen) is { } refused)
            {
                return refused;
            }

            var asset = scope.Index.Asset(request.AssetId)!;
            var row = new TransferRow
            {
                Id = Ids.NewId(),
                AssetId = asset.AssetId,
                FromId = asset.OwnerId,
                ToId = request.ToBusinessId,
                Status = TransferStatus.Open,
                KeepShareCeiling = request.KeepShareCeiling,
                OpenedBy = me,
                OpenedAt = scope.Now,
                ExpiresAt = scope.Now + product.TransferLifetime,
            };
            scope.Db.Transfers.Add(row);
            scope.Audit(me, "transfer.opened", new { row.Id, row.KeepShareCeiling }, row.FromId, row.ToId, row.AssetId);

            return ToResponse(row, scope.Index, names, scope.Now, viewer: businessId);
        }, ct: ct);

        return WriteResults.Created(written, t => $"/api/v1/businesses/{businessId}/transfers/{t.Id}");
    }

    private static async Task<Results<Ok<List<TransferResponse>>, ProblemHttpResult>> List(long businessId,
        HttpContext http, AccessIndex index, IDbContextFactory<BmDb> dbs, Names names, TimeProvider time,
        CancellationToken ct)
    {
        // Transfers are the admins' business: other members would learn of assets they cannot see.
        if (Guard.Admin(index, http.User.PersonId(), businessId) is { } denied)
        {
            return Problems.From(denied);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Transfers.AsNoTracking().Where(t => t.FromId == businessId || t.ToId == businessId)
            .OrderBy(t => t.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(r => ToResponse(r, index, names, time.GetUtcNow(), viewer: null))
            .ToList());
    }

    private static async Task<Results<Ok<TransferResponse>, ProblemHttpResult>> Get(long businessId, long transferId,
        HttpContext http, AccessIndex index, IDbContextFactory<BmDb> dbs, Names names, TimeProvider time,
        CancellationToken ct)
    {
        if (Guard.Admin(index, http.User.PersonId(), businessId) is { } denied)
        {
            return Problems.From(denied);
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Transfers.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == transferId && (t.FromId == businessId || t.ToId == businessId), ct);
        return row is null
            ? Problems.From(Errors.TransferNotFound())
            : TypedResults.Ok(ToResponse(row, index, names, time.GetUtcNow(), viewer: businessId));
    }

    private static Task<Results<Ok<WriteResponse<TransferResponse>>, ProblemHttpResult>> Confirm(long businessId,
        long transferId, HttpContext http, Writer writer, Names names, CancellationToken ct) =>
        Act(transferId, http, writer, names, dryRun: false, ct, businessId, (scope, me, row) =>
        {
            if (TransferRules.Confirm(scope.Index, me, businessId, row.ToState(), scope.Now) is { } refused)
            {
                return refused;
            }

            row.ConfirmedByFrom |= row.FromId == businessId;
            row.ConfirmedByTo |= row.ToId == businessId;
            scope.Audit(me, "transfer.confirmed", new { row.Id, side = row.FromId == businessId ? "from" : "to" },
                row.FromId, row.ToId, row.AssetId);
            return null;
        });

    private static Task<Results<Ok<WriteResponse<TransferResponse>>, ProblemHttpResult>> Cancel(long businessId,
        long transferId, HttpContext http, Writer writer, Names names, CancellationToken ct, bool dryRun = false) =>
        Act(transferId, http, writer, names, dryRun, ct, businessId, (scope, me, row) =>
        {
            if (TransferRules.Cancel(scope.Index, me, businessId, row.ToState(), scope.Now) is { } refused)
            {
                return refused;
            }

            Close(scope, me, row, TransferStatus.Cancelled);
            return null;
        });

    private static async Task<Results<Ok<List<TransferResponse>>, ProblemHttpResult>> SupportList(HttpContext http,
        AccessIndex index, IDbContextFactory<BmDb> dbs, Names names, TimeProvider time, CancellationToken ct)
    {
        if (!http.User.IsSupportAgent())
        {
            return Problems.From(Errors.NotSupportAgent());
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.Transfers.AsNoTracking().Where(t => t.Status == TransferStatus.Open).OrderBy(t => t.Id)
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        return TypedResults.Ok(rows.Select(r => ToResponse(r, index, names, now, viewer: r.FromId))
            .Where(t => t.Status == TransferStatus.Open).ToList());
    }

    private static Task<Results<Ok<WriteResponse<TransferResponse>>, ProblemHttpResult>> Complete(long transferId,
        HttpContext http, Writer writer, Names names, CancellationToken ct, bool dryRun = false) =>
        Act(transferId, http, writer, names, dryRun, ct, businessId: null, (scope, me, row) =>
        {
            if (!http.User.IsSupportAgent())
            {
                return Errors.NotSupportAgent();
            }

            var plan = TransferRules.Complete(scope.Index, row.ToState(), scope.Now);
            if (!plan.IsOk)
            {
                return plan.Error;
            }

            scope.Record(me, plan.Value!.Changes);
            Close(scope, me, row, TransferStatus.Completed);
            return null;
        });

    private static Task<Results<Ok<WriteResponse<TransferResponse>>, ProblemHttpResult>> Reject(long transferId,
        HttpContext http, Writer writer, Names names, CancellationToken ct, bool dryRun = false) =>
        Act(transferId, http, writer, names, dryRun, ct, businessId: null, (scope, me, row) =>
        {
            if (!http.User.IsSupportAgent())
            {
                return Errors.NotSupportAgent();
            }

            if (row.ToState().StatusAt(scope.Now) != TransferStatus.Open)
            {
                return Errors.TransferNotOpen();
            }

            Close(scope, me, row, TransferStatus.Rejected);
            return null;
        });

    /// <summary>Loads the transfer (through the route's business, or any for support) and applies one step; a dry
    /// run answers what the step would do (the console's confirmation step) and writes nothing.</summary>
    private static async Task<Results<Ok<WriteResponse<TransferResponse>>, ProblemHttpResult>> Act(long transferId,
        HttpContext http, Writer writer, Names names, bool dryRun, CancellationToken ct, long? businessId,
        Func<WriteScope, long, TransferRow, Error?> step)
    {
        var me = http.User.PersonId();
        var written = await writer.WriteAsync<TransferResponse>(async scope =>
        {
            var row = await scope.Db.Transfers.FirstOrDefaultAsync(t => t.Id == transferId, ct);
            var visible = row is not null && (businessId is null
                ? http.User.IsSupportAgent()
                : row.ToState().Involves(businessId.Value)
                    && scope.Index.RoleOf(me, businessId.Value) is not null);
            if (!visible)
            {
                return http.User.IsSupportAgent() || businessId is not null
                    ? Errors.TransferNotFound()
                    : Errors.NotSupportAgent();
            }

            var before = ToResponse(row!, scope.Index, names, scope.Now, viewer: null);
            if (step(scope, me, row!) is { } refused)
            {
                return refused;
            }

            // A completed transfer answers with the asset as it now is: owned by the receiving business.
            return before with
            {
                Asset = row!.Status == TransferStatus.Completed
                    ? before.Asset with { Owner = names.Business(row.ToId) }
                    : before.Asset,
                Status = row.Status,
                ConfirmedByFrom = row.ConfirmedByFrom,
                ConfirmedByTo = row.ConfirmedByTo,
                ClosedAt = row.ClosedAt,
            };
        }, dryRun, ct);

        return WriteResults.Ok(written);
    }

    private static void Close(WriteScope scope, long me, TransferRow row, TransferStatus status)
    {
        row.Status = status;
        row.ClosedAt = scope.Now;
        row.ClosedBy = me;
        scope.Audit(me, "transfer." + Wire.Of(status).ToLowerInvariant(), new { row.Id }, row.FromId, row.ToId,
            row.AssetId);
    }

    /// <summary>
    /// The preview is shown as the viewing business may see it (rule 7): the owner sees everything that ends
    /// on its asset; the receiving business sees only its own people and its own share. No viewer: no preview.
    /// </summary>
    private static TransferResponse ToResponse(TransferRow row, AccessIndex index, Names names, DateTimeOffset now,
        long? viewer)
    {
        var state = row.ToState();
        var status = state.StatusAt(now);
        var asset = index.Asset(row.AssetId) is { } live
            ? AssetEndpoints.ToResponse(live, names)
            : new AssetResponse(row.AssetId, AssetType.AdAccount, "", names.Business(row.FromId));
        TransferPreview? plan = null;
        if (viewer is { } v && status == TransferStatus.Open && index.Asset(row.AssetId)?.OwnerId == row.FromId)
        {
            var p = TransferRules.Plan(index, state);
            var owner = v == row.FromId;
            plan = new TransferPreview(
                p.Changes.Where(c => c switch
                {
                    AssignmentRemoved a => owner || a.ByBusinessId == v,
                    ShareEnded s => owner || s.PartnerId == v,
                    _ => false,
                }).ToList(),
                p.CarriedOver.Where(a => owner || a.ByBusinessId == v).ToList(),
                row.KeepShareCeiling);
        }

        return new TransferResponse(row.Id, asset, names.Business(row.FromId), names.Business(row.ToId), status,
            row.ConfirmedByFrom, row.ConfirmedByTo, row.KeepShareCeiling, row.OpenedAt, row.ExpiresAt, row.ClosedAt,
            plan);
    }
}
