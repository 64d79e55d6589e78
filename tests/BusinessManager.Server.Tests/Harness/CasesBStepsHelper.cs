using System.Net;
using System.Text.Json;

namespace BusinessManager.Server.Tests.Harness;

/// <summary>
/// Small helpers for the case tests C19–C33: reading whole lists across pages, snapshots of shares, extra
/// credentials for one person, and "this request was refused and changed nothing" assertions. Plain static
/// methods (not extensions) so that they never clash with other engineers' step helpers.
/// </summary>
public static class CasesBSteps
{
    /// <summary>A second credential for the same person: a fresh personal API token from signing in.</summary>
    public static async Task<Actor> NewToken(HttpClient http, Actor person, string tokenName)
    {
        var signedIn = (await Api.Send(http, HttpMethod.Post, "/api/v1/people/signin",
            new { email = person.Email, password = "correct horse battery", tokenName })).Ok();

        return new Actor(http, signedIn.Result.GetProperty("token").GetString()!, person.Id, person.Email);
    }

    /// <summary>Every item of a paged list, following cursors; <paramref name="path"/> already has a '?'.</summary>
    public static async Task<List<JsonElement>> AllItems(Actor actor, string path, int limit = 200)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = (await actor.Get($"{path}&limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"))).Ok();
            items.AddRange(page.Items());
            cursor = page.Body.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        return items;
    }

    /// <summary>Each page of a paged list, following cursors, as returned.</summary>
    public static async Task<List<ApiResponse>> AllPages(Actor actor, string path, int limit)
    {
        var pages = new List<ApiResponse>();
        string? cursor = null;
        do
        {
            var page = (await actor.Get($"{path}&limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"))).Ok();
            pages.Add(page);
            cursor = page.Body.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            Assert.True(pages.Count <= 100, $"{path}: more than 100 pages; the cursor never ends");
        }
        while (cursor is not null);

        return pages;
    }

    /// <summary>The owner's shares as (asset, partner) → ceiling, from GET /businesses/{owner}/shares.</summary>
    public static async Task<Dictionary<(long Asset, long Partner), string>> SharesBy(Actor admin, long owner)
    {
        var items = await AllItems(admin, $"/api/v1/businesses/{owner}/shares?");
        return items.ToDictionary(
            s => (s.GetProperty("asset").GetProperty("id").GetInt64(),
                s.GetProperty("partner").GetProperty("id").GetInt64()),
            s => s.GetProperty("ceiling").GetString()!);
    }

    /// <summary>What a business sees shared with it as (asset, owner) → ceiling, from shared-with-us.</summary>
    public static async Task<Dictionary<(long Asset, long Owner), string>> SharedWith(Actor member, long business)
    {
        var items = await AllItems(member, $"/api/v1/businesses/{business}/shared-with-us?");
        return items.ToDictionary(
            s => (s.GetProperty("asset").GetProperty("id").GetInt64(),
                s.GetProperty("asset").GetProperty("owner").GetProperty("id").GetInt64()),
            s => s.GetProperty("ceiling").GetString()!);
    }

    /// <summary>The keys whose value was added, removed or changed between two snapshots.</summary>
    public static List<TKey> Diff<TKey>(IReadOnlyDictionary<TKey, string> before,
        IReadOnlyDictionary<TKey, string> after)
        where TKey : notnull =>
        before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
            .ToList();

    public static Task<ApiResponse> SetMemberRole(Actor admin, long business, long personId, string role) =>
        admin.Patch($"/api/v1/businesses/{business}/members/{personId}", new { role });

    /// <summary>The person's live memberships from GET /me, as business id → business role.</summary>
    public static async Task<Dictionary<long, string>> Memberships(Actor person)
    {
        var me = (await person.Get("/api/v1/me")).Ok();
        return me.Body.GetProperty("memberships").EnumerateArray().ToDictionary(
            m => m.GetProperty("business").GetProperty("id").GetInt64(),
            m => m.GetProperty("role").GetString()!);
    }

    /// <summary>The kinds of the access changes a write reported, in order.</summary>
    public static List<string> ChangeKinds(ApiResponse write) =>
        write.Body.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()!).ToList();

    /// <summary>The request was refused with a problem (4xx and a stable code), not answered.</summary>
    public static void AssertRefused(ApiResponse response, string what)
    {
        Assert.True((int)response.Status is >= 400 and < 500 && response.Code is not null,
            $"{what}: expected a refusal problem, got {(int)response.Status}: {response.Text}");
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.Status);
    }

    /// <summary>The paths of a check or my-assets row as (kind, business id).</summary>
    public static List<(string Kind, long Business)> Paths(JsonElement row) =>
        row.GetProperty("paths").EnumerateArray()
            .Select(p => (p.GetProperty("kind").GetString()!, p.GetProperty("business").GetProperty("id").GetInt64()))
            .ToList();
}
