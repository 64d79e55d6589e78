using System.Text.Json;
using BusinessManager.Core.Access;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Audit;

public sealed record AuditEventResponse(long Id, long Revision, DateTimeOffset At, PersonRef? Actor, string Kind,
    NamedRef? Business, NamedRef? OtherBusiness, long? AssetId, PersonRef? Person, JsonElement Details);

/// <summary>
/// Rule 9: a business's admins see the events that touch the business or its assets (as owner, partner or
/// assigning business), newest first, with ids beside every name.
/// </summary>
public static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder api) =>
        api.MapGet("/businesses/{businessId}/audit", List).WithTags("Audit").RequireAuthorization()
            .WithName("ListAuditEvents")
            .WithSummary("Audit events visible to this business, newest first; filter by asset, person, partner, kind");

    private static async Task<Results<Ok<Page<AuditEventResponse>>, ProblemHttpResult>> List(long businessId,
        HttpContext http, AccessIndex index, IDbContextFactory<BmDb> dbs, Names names, CancellationToken ct,
        long? assetId = null, long? personId = null, long? partnerId = null, string? kind = null, int? limit = null,
        string? cursor = null)
    {
        if (Guard.Admin(index, http.User.PersonId(), businessId) is { } denied)
        {
            return Problems.From(denied);
        }

        var size = limit ?? Paging.DefaultLimit;
        if (size is < 1 or > Paging.MaxLimit)
        {
            return Problems.From(Core.Errors.Errors.Invalid("limit", $"limit must be between 1 and {Paging.MaxLimit}."));
        }

        long? before = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (!long.TryParse(cursor, out var parsed))
            {
                return Problems.From(Core.Errors.Errors.Invalid("cursor", "The cursor is not one this service issued."));
            }

            before = parsed;
        }

        await using var db = await dbs.CreateDbContextAsync(ct);
        var query = db.Audit.AsNoTracking().Where(e => e.BusinessId == businessId || e.OtherBusinessId == businessId);
        if (assetId is not null)
        {
            query = query.Where(e => e.AssetId == assetId);
        }

        if (personId is not null)
        {
            query = query.Where(e => e.PersonId == personId || e.ActorId == personId);
        }

        if (partnerId is not null)
        {
            query = query.Where(e => e.BusinessId == partnerId || e.OtherBusinessId == partnerId);
        }

        if (!string.IsNullOrEmpty(kind))
        {
            query = query.Where(e => e.Kind.StartsWith(kind));
        }

        var total = await query.CountAsync(ct);
        if (before is not null)
        {
            query = query.Where(e => e.Id < before);
        }

        var rows = await query.OrderByDescending(e => e.Id).Take(size + 1).ToListAsync(ct);
        var more = rows.Count > size;
        rows = rows.Take(size).ToList();
        var people = await names.PeopleAsync(rows.SelectMany(r => new[] { r.ActorId, r.PersonId }).OfType<long>(), ct);
        var items = rows.Select(r => new AuditEventResponse(r.Id, r.Revision, r.At,
            r.ActorId is { } a ? Names.Person(people, a) : null, r.Kind,
            r.BusinessId is { } b ? names.Business(b) : null,
            r.OtherBusinessId is { } o ? names.Business(o) : null, r.AssetId,
            r.PersonId is { } p ? Names.Person(people, p) : null,
            JsonDocument.Parse(r.Details).RootElement.Clone())).ToList();

        return TypedResults.Ok(new Page<AuditEventResponse>(items, total,
            more ? items[^1].Id.ToString() : null));
    }
}
