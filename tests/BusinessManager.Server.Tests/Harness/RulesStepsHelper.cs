using System.Net;
using System.Text.Json;

namespace BusinessManager.Server.Tests.Harness;

/// <summary>
/// Helpers for the rule and API tests: the committed revision, before/after snapshots of listings (to prove a
/// refused request changed nothing), raw bodies, a support agent, and the <c>changes</c> of a write as a set.
/// Plain static methods (not extensions) so they never clash with other areas' step helpers.
/// </summary>
public static class RulesSteps
{
    public const string SupportEmail = "sam@support.example";

    /// <summary>The audit kind of a refused write: the attempt is recorded, nothing else changes.</summary>
    public const string Refusal = "request.refused";

    /// <summary>The last committed revision, as the server's index knows it.</summary>
    public static async Task<long> Revision(World world)
    {
        var health = await Api.Send(world.Http, HttpMethod.Get, "/health", null);
        Assert.Equal(HttpStatusCode.OK, health.Status);
        return health.Body.GetProperty("revision").GetInt64();
    }

    /// <summary>
    /// The revision and the text of each listing, read in order; equal snapshots mean nothing changed. A read
    /// that is refused counts by its status and code (a problem's trace id differs on every request). In an
    /// audit listing, the record of a refused attempt (<c>request.refused</c>) is not a change and is left out.
    /// </summary>
    public static async Task<string> Snapshot(World world, params (Actor Reader, string Path)[] reads)
    {
        var parts = new List<string> { $"revision={await Revision(world)}" };
        foreach (var (reader, path) in reads)
        {
            var read = await reader.Get(path);
            var content = (int)read.Status is >= 200 and < 300 ? read.Text : read.Code;
            if (path.Contains("/audit", StringComparison.Ordinal) && read.Status == HttpStatusCode.OK)
            {
                content = string.Join(',', read.Items().Where(e => e.GetProperty("kind").GetString() != Refusal)
                    .Select(e => e.GetRawText()));
            }

            parts.Add($"{path} -> {(int)read.Status} {content}");
        }

        return string.Join('\n', parts);
    }

    public static Task<ApiResponse> Raw(Actor actor, HttpMethod method, string path, string rawJson) =>
        Api.Send(actor.Http, method, path, null, actor.Token, rawJson);

    /// <summary>Signs up a person and makes them a support agent through the operator command.</summary>
    public static async Task<Actor> SupportAgent(World world)
    {
        await Api.SignUpAsync(world.Http, SupportEmail, "Sam");
        await OperatorProcess.RunAsync(world.Server, "support", "grant", SupportEmail);
        return await Api.SignInAsync(world.Http, SupportEmail);
    }

    /// <summary>The write's <c>changes</c>, each as its JSON text, sorted: comparable as a set.</summary>
    public static List<string> Changes(ApiResponse write) =>
        write.Body.GetProperty("changes").EnumerateArray().Select(c => c.GetRawText()).Order(StringComparer.Ordinal)
            .ToList();

    public static List<string> ChangeKinds(ApiResponse write) =>
        write.Body.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()!).ToList();

    public static bool HasChange(ApiResponse write, string kind, Func<JsonElement, bool>? match = null) =>
        write.Body.GetProperty("changes").EnumerateArray()
            .Any(c => c.GetProperty("kind").GetString() == kind && (match is null || match(c)));

    public static string AssignmentsPath(long business, long asset) =>
        $"/api/v1/businesses/{business}/assets/{asset}/assignments";

    /// <summary>The roles a business gave on an asset, as "personId:ROLE", sorted.</summary>
    public static async Task<List<string>> Assignments(Actor reader, long business, long asset)
    {
        var list = (await reader.Get(AssignmentsPath(business, asset))).Ok();
        return list.Body.EnumerateArray()
            .Select(a => $"{a.GetProperty("person").GetProperty("id").GetInt64()}:"
                + a.GetProperty("assignedRole").GetString())
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The asset ids a business sees as shared with it.</summary>
    public static async Task<List<long>> SharedWithUs(Actor reader, long business)
    {
        var page = (await reader.Get($"/api/v1/businesses/{business}/shared-with-us?limit=200")).Ok();
        return page.Items().Select(s => s.GetProperty("asset").GetProperty("id").GetInt64()).Order().ToList();
    }

    /// <summary>The ids of a business's own assets, as the reader sees them.</summary>
    public static async Task<List<long>> OwnAssets(Actor reader, long business)
    {
        var page = (await reader.Get($"/api/v1/businesses/{business}/assets?limit=200")).Ok();
        return page.Items().Select(a => a.GetProperty("id").GetInt64()).Order().ToList();
    }

    public static Task<ApiResponse> RequestPartnership(Actor admin, long from, long to) =>
        admin.Post($"/api/v1/businesses/{from}/partnerships", new { partnerId = to });

    public static Task<ApiResponse> OpenTransfer(Actor admin, long business, long asset, long to,
        string? keepShareCeiling = null) =>
        admin.Post($"/api/v1/businesses/{business}/transfers",
            keepShareCeiling is null
                ? new { assetId = asset, toBusinessId = to }
                : (object)new { assetId = asset, toBusinessId = to, keepShareCeiling });

    /// <summary>Every audit event a business's admin can page through, newest first, following cursors.</summary>
    public static async Task<List<JsonElement>> AuditAll(Actor admin, long business, string query = "",
        int limit = 200)
    {
        var events = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = (await admin.Get($"/api/v1/businesses/{business}/audit?limit={limit}{query}"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"))).Ok();
            events.AddRange(page.Items());
            cursor = page.Body.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String
                ? next.GetString()
                : null;
        }
        while (cursor is not null);

        return events;
    }
}
