using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C33. A role downgrade does not reach live sessions: a2 is an admin of A with two live credentials (the sign-up
/// token as the session, and a personal API token). Another admin demotes a2 to EMPLOYEE through the API (PATCH
/// /businesses/{id}/members/{personId}) and through the operator command run as a separate OS process
/// (<c>member set-role</c>). After each, a2's very next attempts to add a partner, share PG1 and change a ceiling
/// are denied with either credential on either API node, and nothing changes.
/// Not covered because the feature does not exist yet: the UI path (there is no UI).
/// </summary>
public sealed class C33Tests
{
    private static async Task<List<Actor>> ArrangeAsync(World w, HttpClient peerHttp)
    {
        await w.AAdmin.Partner(w.A, w.CAdmin, w.C);
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "ANALYST")).Ok();
        (await CasesBSteps.SetMemberRole(w.AAdmin, w.A, w.A2.Id, "ADMIN")).Ok();
        var apiToken = await CasesBSteps.NewToken(w.Http, w.A2, "personal-api-token");

        return [w.A2, apiToken, w.A2.Via(peerHttp), apiToken.Via(peerHttp)];
    }

    [Fact]
    public async Task C33_DemotedThroughApi_NextAdminActionsDeniedWithEveryCredential()
    {
        await using var w = await World.CreateAsync();
        await using var peer = await w.Server.StartPeerAsync();
        using var peerHttp = peer.NewClient();
        var credentials = await ArrangeAsync(w, peerHttp);
        await AssertStillAdmin(w, credentials);

        (await CasesBSteps.SetMemberRole(w.AAdmin, w.A, w.A2.Id, "EMPLOYEE")).Ok();

        await AssertAdminActionsDenied(w, credentials);
    }

    [Fact]
    public async Task C33_DemotedByOperatorProcess_NextAdminActionsDeniedWithEveryCredential()
    {
        await using var w = await World.CreateAsync();
        await using var peer = await w.Server.StartPeerAsync();
        using var peerHttp = peer.NewClient();
        var credentials = await ArrangeAsync(w, peerHttp);
        await AssertStillAdmin(w, credentials);

        await OperatorProcess.RunAsync(w.Server, "member", "set-role", w.A.ToString(), w.A2.Email, "EMPLOYEE");

        await AssertAdminActionsDenied(w, credentials);
    }

    [Fact]
    public async Task C33_DemotedByEachPathInTurn_EachDemotionReachesTheNextRequest()
    {
        await using var w = await World.CreateAsync();
        await using var peer = await w.Server.StartPeerAsync();
        using var peerHttp = peer.NewClient();
        var credentials = await ArrangeAsync(w, peerHttp);

        await AssertStillAdmin(w, credentials);
        (await CasesBSteps.SetMemberRole(w.AAdmin, w.A, w.A2.Id, "EMPLOYEE")).Ok();
        await AssertAdminActionsDenied(w, credentials);
        (await CasesBSteps.SetMemberRole(w.AAdmin, w.A, w.A2.Id, "ADMIN")).Ok();
        await AssertStillAdmin(w, credentials);
        await OperatorProcess.RunAsync(w.Server, "member", "set-role", w.A.ToString(), w.A2.Email, "EMPLOYEE");
        await AssertAdminActionsDenied(w, credentials);

        Assert.Equal("EMPLOYEE", (await CasesBSteps.Memberships(w.A2))[w.A]);
    }

    /// <summary>Proves each credential is live and acting as an admin, without changing anything.</summary>
    private static async Task AssertStillAdmin(World w, List<Actor> credentials)
    {
        foreach (var a2 in credentials)
        {
            (await a2.Get($"/api/v1/businesses/{w.A}/shares")).Ok();
            (await a2.ChangeCeiling(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR", dryRun: true)).Ok();
            Assert.Equal("ADMIN", (await CasesBSteps.Memberships(a2))[w.A]);
        }
    }

    private static async Task AssertAdminActionsDenied(World w, List<Actor> credentials)
    {
        var sharesBefore = await CasesBSteps.SharesBy(w.AAdmin, w.A);
        var partnershipsBefore = (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/partnerships")).Ok().Text;

        foreach (var a2 in credentials)
        {
            var addPartner = await a2.Post($"/api/v1/businesses/{w.A}/partnerships", new { partnerId = w.D });
            var sharePg1 = await a2.Share(w.A, w.PG1, w.C, "ANALYST");
            var raiseCeiling = await a2.ChangeCeiling(w.A, w.PG1, w.B, "ADMINISTRATOR");
            var previewCeiling = await a2.ChangeCeiling(w.A, w.PG1, w.B, "ADMINISTRATOR", dryRun: true);
            var listShares = await a2.Get($"/api/v1/businesses/{w.A}/shares");

            addPartner.Refused(HttpStatusCode.Forbidden, "not_business_admin");
            sharePg1.Refused(HttpStatusCode.NotFound, "asset_not_found");
            raiseCeiling.Refused(HttpStatusCode.NotFound, "asset_not_found");
            previewCeiling.Refused(HttpStatusCode.NotFound, "asset_not_found");
            listShares.Refused(HttpStatusCode.Forbidden, "not_business_admin");
            Assert.Equal("EMPLOYEE", (await CasesBSteps.Memberships(a2))[w.A]);
        }

        Assert.Equal(sharesBefore, await CasesBSteps.SharesBy(w.AAdmin, w.A));
        Assert.Equal(partnershipsBefore, (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/partnerships")).Ok().Text);
    }
}
