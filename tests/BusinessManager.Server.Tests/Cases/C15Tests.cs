using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C15. After a partner is removed, or a share ended, the first request that starts after the revoking call
/// returned is denied on every API node (a peer server over the same database), with every credential of the
/// person, even after both nodes answered many reads for them. Not covered because the feature does not
/// exist: reports and campaigns themselves (there are no campaign or report endpoints), so "reads a report"
/// and "creates a campaign" are the access checks for <c>reports.view</c> and <c>campaigns.edit</c>, and
/// "never sees the campaign created after the removal" has nothing to test.
/// </summary>
public sealed class C15Tests
{
    [Fact]
    public async Task C15_PartnerRemoved_EveryLaterRequestDeniedOnEveryNode()
    {
        await using var world = await World.CreateAsync();
        await using var peer = await world.Server.StartPeerAsync();
        using var peerHttp = peer.NewClient();
        var nodes = await ArrangeAsync(world, peerHttp);

        (await world.AAdmin.EndPartnership(world.A, world.PartnershipAB)).Ok();

        await AssertDeniedEverywhere(world, nodes);
    }

    [Fact]
    public async Task C15_PartnerRemovedThroughPeerNode_FirstNodeDeniesAtOnce()
    {
        await using var world = await World.CreateAsync();
        await using var peer = await world.Server.StartPeerAsync();
        using var peerHttp = peer.NewClient();
        var nodes = await ArrangeAsync(world, peerHttp);

        (await world.AAdmin.Via(peerHttp).EndPartnership(world.A, world.PartnershipAB)).Ok();

        await AssertDeniedEverywhere(world, nodes);
    }

    [Fact]
    public async Task C15_ShareEndedThroughPeerNode_EveryLaterRequestDeniedOnEveryNode()
    {
        await using var world = await World.CreateAsync();
        await using var peer = await world.Server.StartPeerAsync();
        using var peerHttp = peer.NewClient();
        var nodes = await ArrangeAsync(world, peerHttp);

        (await world.AAdmin.Via(peerHttp).Unshare(world.A, world.AA1, world.B)).Ok();

        await AssertDeniedEverywhere(world, nodes);
    }

    /// <summary>
    /// b1 holds Campaign Manager on AA1 through B; a second sign-in gives b1 a second token. Twenty reads warm
    /// both nodes, each asserting the access is there. Returns b1 as seen through each node and token.
    /// </summary>
    private static async Task<List<Actor>> ArrangeAsync(World world, HttpClient peerHttp)
    {
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER")).Ok();
        var secondToken = await Api.SignInAsync(world.Http, world.B1.Email);
        var nodes = new List<Actor> { world.B1, world.B1.Via(peerHttp), secondToken, secondToken.Via(peerHttp) };
        for (var i = 0; i < 20; i++)
        {
            var b1 = nodes[i % nodes.Count];
            Assert.True(await b1.Can(world.AA1, i % 2 == 0 ? "reports.view" : "campaigns.edit"));
            Assert.Contains(world.AA1, await b1.MyAssetIds());
        }

        return nodes;
    }

    private static async Task AssertDeniedEverywhere(World world, List<Actor> nodes)
    {
        foreach (var b1 in nodes)
        {
            Assert.False(await b1.Can(world.AA1, "reports.view"));
            Assert.False(await b1.Can(world.AA1, "campaigns.edit"));
            Assert.Empty(await b1.EffectiveRoles(world.AA1));
            Assert.DoesNotContain(world.AA1, await b1.MyAssetIds());
            Assert.Empty((await b1.Get($"/api/v1/businesses/{world.B}/shared-with-us")).Ok().Items());
        }

        foreach (var admin in new[] { world.AAdmin, world.AAdmin.Via(nodes[1].Http) })
        {
            var access = (await admin.Get($"/api/v1/businesses/{world.A}/assets/{world.AA1}/access")).Ok();
            Assert.DoesNotContain(access.Body.GetProperty("people").EnumerateArray(),
                p => p.PersonId() == world.B1.Id);
            Assert.Empty(access.Body.GetProperty("partners").EnumerateArray());
        }
    }
}
