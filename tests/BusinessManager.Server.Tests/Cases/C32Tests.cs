using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C32. A token stays valid after the membership ends: b1 holds two credentials (the token from signing up, as
/// the "browser session", and a named personal API token) and is assigned on A's AA1 through B and on B's own BA1.
/// After b-admin removes b1 from B, the very next request with either credential, on either API node, is denied on
/// AA1 and on B's assets; GET /api/v1/me (the token introspection) shows no B membership; rejoining starts empty.
/// Not covered because the feature does not exist: cookie-based browser sessions (every credential is a bearer
/// token, so the session is represented by a second token).
/// </summary>
public sealed class C32Tests
{
    private static async Task ArrangeAsync(World w)
    {
        (await w.AAdmin.Share(w.A, w.AA1, w.B, "CAMPAIGN_MANAGER")).Ok();
        (await w.BAdmin.Assign(w.B, w.AA1, w.B1, "CAMPAIGN_MANAGER")).Ok();
        (await w.BAdmin.Assign(w.B, w.BA1, w.B1, "VIEWER")).Ok();
        (await w.BAdmin.Assign(w.B, w.PGB, w.B1, "ANALYST")).Ok();
    }

    [Fact]
    public async Task C32_RemovedFromB_NextRequestWithEitherCredentialOnEitherNodeIsDenied()
    {
        await using var w = await World.CreateAsync();
        await ArrangeAsync(w);
        await using var peer = await w.Server.StartPeerAsync();
        using var peerHttp = peer.NewClient();
        var session = w.B1;
        var apiToken = await CasesBSteps.NewToken(w.Http, w.B1, "personal-api-token");
        Assert.True(await session.Can(w.AA1, "campaigns.edit"));
        Assert.True(await apiToken.Via(peerHttp).Can(w.BA1, "reports.view"));

        (await w.BAdmin.RemoveMember(w.B, w.B1.Id)).Ok();

        foreach (var credential in new[] { session, apiToken, session.Via(peerHttp), apiToken.Via(peerHttp) })
        {
            Assert.False(await credential.Can(w.AA1, "reports.view"));
            Assert.False(await credential.Can(w.BA1, "reports.view"));
            Assert.False(await credential.Can(w.PGB, "analytics.view"));
            Assert.Empty(await credential.MyAssetIds());
            Assert.Empty(await CasesBSteps.Memberships(credential));
            (await credential.Get($"/api/v1/businesses/{w.B}")).Refused(HttpStatusCode.NotFound, "business_not_found");
            (await credential.Get($"/api/v1/businesses/{w.B}/assets")).Refused(HttpStatusCode.NotFound,
                "business_not_found");
            (await credential.Get($"/api/v1/businesses/{w.B}/shared-with-us")).Refused(HttpStatusCode.NotFound,
                "business_not_found");
            (await credential.Get($"/api/v1/businesses/{w.B}/members")).Refused(HttpStatusCode.NotFound,
                "business_not_found");
            (await credential.Assign(w.B, w.AA1, credential, "VIEWER")).Refused(HttpStatusCode.NotFound,
                "business_not_found");
        }
    }

    [Fact]
    public async Task C32_RemovedFromB_IntrospectionShowsNoBMembershipButOtherMembershipsStay()
    {
        await using var w = await World.CreateAsync();
        await ArrangeAsync(w);
        await w.CAdmin.AddMember(w.C, w.B1);
        var apiToken = await CasesBSteps.NewToken(w.Http, w.B1, "personal-api-token");
        var before = await CasesBSteps.Memberships(apiToken);

        (await w.BAdmin.RemoveMember(w.B, w.B1.Id)).Ok();

        Assert.Equal(new Dictionary<long, string> { [w.B] = "EMPLOYEE", [w.C] = "EMPLOYEE" }, before);
        Assert.Equal(new Dictionary<long, string> { [w.C] = "EMPLOYEE" }, await CasesBSteps.Memberships(w.B1));
        Assert.Equal(new Dictionary<long, string> { [w.C] = "EMPLOYEE" }, await CasesBSteps.Memberships(apiToken));
        Assert.Empty((await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{w.AA1}/assignments")).Ok()
            .Body.EnumerateArray());
    }

    [Fact]
    public async Task C32_RejoinsB_StartsWithNoGrants()
    {
        await using var w = await World.CreateAsync();
        await ArrangeAsync(w);
        (await w.BAdmin.RemoveMember(w.B, w.B1.Id)).Ok();

        await w.BAdmin.AddMember(w.B, w.B1);

        Assert.Equal("EMPLOYEE", (await CasesBSteps.Memberships(w.B1))[w.B]);
        Assert.Empty(await w.B1.EffectiveRoles(w.AA1));
        Assert.Empty(await w.B1.EffectiveRoles(w.BA1));
        Assert.Empty(await w.B1.EffectiveRoles(w.PGB));
        Assert.Empty(await w.B1.MyAssetIds());
        foreach (var asset in new[] { w.AA1, w.BA1, w.PGB })
        {
            var assignments = (await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{asset}/assignments")).Ok();
            Assert.DoesNotContain(assignments.Body.EnumerateArray(),
                a => a.GetProperty("person").GetProperty("id").GetInt64() == w.B1.Id);
        }
    }
}
