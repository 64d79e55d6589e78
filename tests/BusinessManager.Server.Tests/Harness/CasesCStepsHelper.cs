using System.Diagnostics;
using System.Net;
using System.Text.Json;
using BusinessManager.Server.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BusinessManager.Server.Tests.Harness;

/// <summary>
/// Steps for the C-group case tests (transfers, deletions, invitations, races, list-versus-check). Plain static
/// methods, not extensions, so that they never collide with other helpers' extension methods on Actor.
/// </summary>
public static class CasesCStepsHelper
{
    /// <summary>Signs a new person up and makes them a support agent through the operator command.</summary>
    public static async Task<Actor> NewSupportAgent(World world, string email = "agent@support.example")
    {
        await world.Person(email);
        await OperatorProcess.RunAsync(world.Server, "support", "grant", email);
        return await Api.SignInAsync(world.Http, email);
    }

    public static Task<ApiResponse> OpenTransfer(Actor admin, long business, long asset, long to,
        string? keepShareCeiling = null) =>
        admin.Post($"/api/v1/businesses/{business}/transfers", keepShareCeiling is null
            ? new { assetId = asset, toBusinessId = to }
            : new { assetId = asset, toBusinessId = to, keepShareCeiling });

    public static Task<ApiResponse> ConfirmTransfer(Actor admin, long business, long transfer) =>
        admin.Post($"/api/v1/businesses/{business}/transfers/{transfer}/confirm");

    public static Task<ApiResponse> CancelTransfer(Actor admin, long business, long transfer) =>
        admin.Post($"/api/v1/businesses/{business}/transfers/{transfer}/cancel");

    public static Task<ApiResponse> GetTransfer(Actor member, long business, long transfer) =>
        member.Get($"/api/v1/businesses/{business}/transfers/{transfer}");

    public static Task<ApiResponse> CompleteTransfer(Actor agent, long transfer) =>
        agent.Post($"/api/v1/support/transfers/{transfer}/complete");

    /// <summary>Invites by e-mail (as typed) and returns the invitation id.</summary>
    public static async Task<long> Invite(Actor admin, long business, string email, string role = "EMPLOYEE") =>
        (await admin.Post($"/api/v1/businesses/{business}/invitations", new { email, role })).Ok().Id;

    public static Task<ApiResponse> AcceptInvitation(Actor person, long invitation) =>
        person.Post($"/api/v1/me/invitations/{invitation}/accept");

    /// <summary>Every item of a paged list, following cursors.</summary>
    public static async Task<List<JsonElement>> AllPagesOf(Actor actor, string path, int limit = 200)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        do
        {
            var page = (await actor.Get($"{path}{separator}limit={limit}"
                + (cursor is null ? "" : $"&cursor={cursor}"))).Ok();
            items.AddRange(page.Items());
            cursor = page.Body.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        return items;
    }

    public static long IdOf(JsonElement element, string property) =>
        element.GetProperty(property).GetProperty("id").GetInt64();

    public static List<string> StringsOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var array)
            ? array.EnumerateArray().Select(e => e.GetString()!).ToList()
            : [];

    /// <summary>The paths of one access row as (kind, business id, role or null).</summary>
    public static List<(string Kind, long Business, string? Role)> PathsOf(JsonElement row) =>
        row.GetProperty("paths").EnumerateArray().Select(p => (p.GetProperty("kind").GetString()!,
            IdOf(p, "business"), p.TryGetProperty("role", out var r) ? r.GetString() : null)).ToList();

    /// <summary>The owner admin's access list of an asset: person id to that person's row.</summary>
    public static async Task<Dictionary<long, JsonElement>> AccessList(Actor ownerAdmin, long owner, long asset)
    {
        var list = (await ownerAdmin.Get($"/api/v1/businesses/{owner}/assets/{asset}/access")).Ok();
        return list.Body.GetProperty("people").EnumerateArray().ToDictionary(p => IdOf(p, "person"));
    }

    /// <summary>Audit events visible to the business, newest first (one page of up to 200).</summary>
    public static async Task<List<JsonElement>> AuditEventsOf(Actor admin, long business, string query) =>
        (await admin.Get($"/api/v1/businesses/{business}/audit?limit=200&{query}")).Ok().Items().ToList();

    /// <summary>Runs a query against the test server's own database.</summary>
    public static async Task<T> QueryDb<T>(BmServer server, Func<BmDb, Task<T>> query)
    {
        var dbs = server.Services.GetRequiredService<IDbContextFactory<BmDb>>();
        await using var db = await dbs.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>
    /// The database check of C34: every membership, share and assignment row points at a live person, business
    /// and asset, every share lives in an active partnership, and every assignment is held by a member of the
    /// assigning business, which owns the asset or has it shared. Returns one line per violation.
    /// </summary>
    public static Task<List<string>> DanglingGrants(BmServer server) => QueryDb(server, async db =>
    {
        var people = (await db.People.AsNoTracking().Where(p => p.DeletedAt == null).Select(p => p.Id)
            .ToListAsync()).ToHashSet();
        var businesses = (await db.Businesses.AsNoTracking().Where(b => b.DeletedAt == null).Select(b => b.Id)
            .ToListAsync()).ToHashSet();
        var owners = await db.Assets.AsNoTracking().Where(a => a.Status == AssetStatus.Active)
            .ToDictionaryAsync(a => a.Id, a => a.OwnerId);
        var members = await db.Members.AsNoTracking().ToListAsync();
        var memberSet = members.Select(m => (m.BusinessId, m.PersonId)).ToHashSet();
        var partners = (await db.Partnerships.AsNoTracking()
                .Where(p => p.Status == Core.Rules.PartnershipStatus.Active).ToListAsync())
            .SelectMany(p => new[] { (p.RequesterId, p.TargetId), (p.TargetId, p.RequesterId) }).ToHashSet();
        var shares = await db.Shares.AsNoTracking().ToListAsync();
        var shareSet = shares.Select(s => (s.AssetId, s.PartnerId)).ToHashSet();
        var problems = new List<string>();
        foreach (var m in members.Where(m => !people.Contains(m.PersonId) || !businesses.Contains(m.BusinessId)))
        {
            problems.Add($"member row ({m.BusinessId}, {m.PersonId}) points at a deleted person or business");
        }

        foreach (var s in shares)
        {
            if (!owners.TryGetValue(s.AssetId, out var owner) || !businesses.Contains(owner)
                || !businesses.Contains(s.PartnerId) || !partners.Contains((owner, s.PartnerId)))
            {
                problems.Add($"share row ({s.AssetId} -> {s.PartnerId}) lacks a live asset, owner or partnership");
            }
        }

        foreach (var a in await db.Assignments.AsNoTracking().ToListAsync())
        {
            var live = owners.TryGetValue(a.AssetId, out var owner) && people.Contains(a.PersonId)
                && businesses.Contains(a.ByBusinessId) && memberSet.Contains((a.ByBusinessId, a.PersonId))
                && (owner == a.ByBusinessId || shareSet.Contains((a.AssetId, a.ByBusinessId)));
            if (!live)
            {
                problems.Add($"assignment row (person {a.PersonId}, asset {a.AssetId}, by {a.ByBusinessId}) dangles");
            }
        }

        return problems;
    });

    /// <summary>An HTTP answer with the moments its request started and its answer arrived (Stopwatch ticks).</summary>
    public sealed record Timed(string What, long Started, long Finished, ApiResponse Response)
    {
        public bool Succeeded => Response.Status == HttpStatusCode.OK;

        public override string ToString() => $"{What}: {(int)Response.Status} {Response.Text}";
    }

    public static async Task<Timed> TimedAsync(string what, Func<Task<ApiResponse>> send)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await send();
        return new Timed(what, started, Stopwatch.GetTimestamp(), response);
    }
}
