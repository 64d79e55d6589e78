using System.Net;
using BusinessManager.Server.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static BusinessManager.Server.Tests.Harness.CasesCStepsHelper;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C41. Fifty grant requests run in parallel for real (half assign b1 VIEWER on AA1, half change b1 on PG1 to
/// ANALYST), once with a-admin ending the partnership with B halfway through, once without; on SQLite and on
/// PostgreSQL, and once more with the requests and the removal spread over two server nodes.
/// </summary>
public sealed class C41Tests
{
    private const int Requests = 50;

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task C41_ParallelGrantsWithPartnerRemovedHalfway_NoGrantAfterRemovalAndNothingLeft(StoreKind store)
    {
        await using var w = await World.CreateAsync(store);
        await Arrange(w);

        var (grants, removal) = await Race(w, w.Http, w.Http, withRemoval: true);

        AssertNoGrantAfterRemoval(grants, removal!);
        await AssertB1HasNothingOnA(w);
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task C41_ParallelGrantsWithoutRemoval_B1EndsWithExactlyTheTwoGrants(StoreKind store)
    {
        await using var w = await World.CreateAsync(store);
        await Arrange(w);

        var (grants, _) = await Race(w, w.Http, w.Http, withRemoval: false);

        Assert.All(grants, g => g.Response.Ok());
        Assert.Equal(Requests, grants.Select(g => g.Response.Revision).Distinct().Count());
        var onAa1 = Assert.Single(await AssignmentRows(w, w.AA1));
        Assert.Equal((w.B1.Id, "VIEWER"), onAa1);
        var onPg1 = Assert.Single(await AssignmentRows(w, w.PG1));
        Assert.Equal((w.B1.Id, "ANALYST"), onPg1);
        Assert.Equal(["VIEWER"], await w.B1.EffectiveRoles(w.AA1));
        Assert.Equal(["ANALYST"], await w.B1.EffectiveRoles(w.PG1));
        Assert.Equal(new[] { w.AA1, w.PG1 }.Order(), (await w.B1.MyAssetIds($"&ownerId={w.A}")).Order());
        var rows = await QueryDb(w.Server, db => db.Assignments.Where(a => a.PersonId == w.B1.Id).ToListAsync());
        Assert.Equal(new[] { (w.AA1, w.B), (w.PG1, w.B) }.Order(),
            rows.Select(r => (r.AssetId, r.ByBusinessId)).Order());
        Assert.Empty(await DanglingGrants(w.Server));
    }

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task C41_ParallelGrantsOnTwoNodesWithRemovalOnOne_NoGrantAfterRemovalAndNothingLeft(
        StoreKind store)
    {
        await using var w = await World.CreateAsync(store);
        await using var peer = await w.Server.StartPeerAsync();
        using var peerHttp = peer.NewClient();
        await Arrange(w);

        var (grants, removal) = await Race(w, w.Http, peerHttp, withRemoval: true);

        AssertNoGrantAfterRemoval(grants, removal!);
        await AssertB1HasNothingOnA(w);
        Assert.Empty(await w.B1.Via(peerHttp).EffectiveRoles(w.AA1));
        Assert.Empty(await w.B1.Via(peerHttp).EffectiveRoles(w.PG1));
    }

    /// <summary>b1 is Sponsored Content Poster on PG1 through B; B may also assign on AA1 up to VIEWER.</summary>
    private static async Task Arrange(World w)
    {
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await w.AAdmin.Share(w.A, w.AA1, w.B, "VIEWER")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
    }

    /// <summary>
    /// Starts the fifty grants without waiting for any; with <paramref name="withRemoval"/>, a-admin's ending of
    /// the partnership starts after the first half has started and runs alongside the rest. Requests alternate
    /// between the two clients (the same node twice, or two nodes); the removal goes through the second.
    /// </summary>
    private static async Task<(List<Timed> Grants, Timed? Removal)> Race(World w, HttpClient first,
        HttpClient second, bool withRemoval)
    {
        var grants = new List<Task<Timed>>();
        Task<Timed>? removal = null;
        for (var i = 0; i < Requests; i++)
        {
            if (withRemoval && i == Requests / 2)
            {
                var admin = w.AAdmin.Via(second);
                removal = Task.Run(() => TimedAsync("end partnership",
                    () => admin.EndPartnership(w.A, w.PartnershipAB)));
            }

            var even = i % 2 == 0;
            var bAdmin = w.BAdmin.Via(even ? first : second);
            grants.Add(Task.Run(() => even
                ? TimedAsync("assign AA1 VIEWER", () => bAdmin.Assign(w.B, w.AA1, w.B1, "VIEWER"))
                : TimedAsync("change PG1 to ANALYST", () => bAdmin.Assign(w.B, w.PG1, w.B1, "ANALYST"))));
        }

        var done = await Task.WhenAll(grants);
        return (done.ToList(), removal is null ? null : await removal);
    }

    private static void AssertNoGrantAfterRemoval(List<Timed> grants, Timed removal)
    {
        removal.Response.Ok();
        var removedAt = removal.Response.Revision;
        foreach (var grant in grants)
        {
            if (grant.Succeeded)
            {
                Assert.True(grant.Response.Revision < removedAt,
                    $"{grant.What} committed at revision {grant.Response.Revision}, after the removal at {removedAt}");
            }
            else
            {
                grant.Response.Refused(HttpStatusCode.NotFound, "asset_not_found");
            }

            if (grant.Started > removal.Finished)
            {
                Assert.False(grant.Succeeded, $"{grant.What} started after the removal returned and still succeeded");
            }
        }
    }

    private static async Task AssertB1HasNothingOnA(World w)
    {
        Assert.Empty(await w.B1.EffectiveRoles(w.AA1));
        Assert.Empty(await w.B1.EffectiveRoles(w.PG1));
        Assert.Empty(await w.B1.MyAssetIds($"&ownerId={w.A}"));
        (await w.BAdmin.Assign(w.B, w.AA1, w.B1, "VIEWER")).Refused(HttpStatusCode.NotFound, "asset_not_found");
        Assert.Empty(await QueryDb(w.Server, db => db.Assignments.Where(a => a.PersonId == w.B1.Id).ToListAsync()));
        Assert.Empty(await QueryDb(w.Server, db => db.Shares.ToListAsync()));
        Assert.Empty(await DanglingGrants(w.Server));
    }

    private static async Task<List<(long Person, string Role)>> AssignmentRows(World w, long asset) =>
        (await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{asset}/assignments")).Ok().Body.EnumerateArray()
            .Select(a => (IdOf(a, "person"), a.GetProperty("assignedRole").GetString()!)).ToList();
}
