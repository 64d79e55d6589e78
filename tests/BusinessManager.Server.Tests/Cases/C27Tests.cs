using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C27. A change to one asset is applied to all: A shares PG1, PG2 and AA1 with B at different ceilings, and PG1
/// (and AA2) with C. Raising B's ceiling on PG1, then ending C's share of PG1, each changes exactly one share:
/// the state diff of A's shares, B's and C's shared-with-us, and the write's reported changes say so, and the
/// people on the untouched shares keep exactly what they had.
/// </summary>
public sealed class C27Tests
{
    private static async Task<World> ArrangeAsync()
    {
        var w = await World.CreateAsync();
        await w.AAdmin.Partner(w.A, w.CAdmin, w.C);
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "ANALYST")).Ok();
        (await w.AAdmin.Share(w.A, w.PG2, w.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await w.AAdmin.Share(w.A, w.AA1, w.B, "VIEWER")).Ok();
        (await w.AAdmin.Share(w.A, w.PG1, w.C, "CURATOR")).Ok();
        (await w.AAdmin.Share(w.A, w.AA2, w.C, "CAMPAIGN_MANAGER")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "ANALYST")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG2, w.B1, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await w.BAdmin.Assign(w.B, w.AA1, w.B1, "VIEWER")).Ok();
        (await w.CAdmin.Assign(w.C, w.PG1, w.C1, "CURATOR")).Ok();
        (await w.CAdmin.Assign(w.C, w.AA2, w.C1, "CAMPAIGN_MANAGER")).Ok();

        return w;
    }

    [Fact]
    public async Task C27_RaiseBsCeilingOnPg1_ChangesExactlyThatShare()
    {
        await using var w = await ArrangeAsync();
        var aBefore = await CasesBSteps.SharesBy(w.AAdmin, w.A);
        var bBefore = await CasesBSteps.SharedWith(w.BAdmin, w.B);
        var cBefore = await CasesBSteps.SharedWith(w.CAdmin, w.C);

        var raised = (await w.AAdmin.ChangeCeiling(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();

        var aAfter = await CasesBSteps.SharesBy(w.AAdmin, w.A);
        Assert.Equal([(w.PG1, w.B)], CasesBSteps.Diff(aBefore, aAfter));
        Assert.Equal("CONTENT_ADMINISTRATOR", aAfter[(w.PG1, w.B)]);
        Assert.Equal([(w.PG1, w.A)], CasesBSteps.Diff(bBefore, await CasesBSteps.SharedWith(w.BAdmin, w.B)));
        Assert.Empty(CasesBSteps.Diff(cBefore, await CasesBSteps.SharedWith(w.CAdmin, w.C)));
        var change = Assert.Single(raised.Body.GetProperty("changes").EnumerateArray());
        Assert.Equal("share_set", change.GetProperty("kind").GetString());
        Assert.Equal(w.PG1, change.GetProperty("assetId").GetInt64());
        Assert.Equal(w.B, change.GetProperty("partnerId").GetInt64());
        Assert.Equal(["ANALYST"], await w.B1.EffectiveRoles(w.PG1));
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await w.B1.EffectiveRoles(w.PG2));
        Assert.Equal(["VIEWER"], await w.B1.EffectiveRoles(w.AA1));
        Assert.Equal(["CURATOR"], await w.C1.EffectiveRoles(w.PG1));
        Assert.Equal(["CAMPAIGN_MANAGER"], await w.C1.EffectiveRoles(w.AA2));
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG2, w.B1, "CONTENT_ADMINISTRATOR")).Refused(
            HttpStatusCode.Forbidden, "role_outside_ceiling");
        (await w.CAdmin.Assign(w.C, w.PG1, w.C1, "CONTENT_ADMINISTRATOR")).Refused(
            HttpStatusCode.Forbidden, "role_outside_ceiling");
    }

    [Fact]
    public async Task C27_EndCsShareOfPg1_RemovesExactlyThatShareAndItsAssignment()
    {
        await using var w = await ArrangeAsync();
        (await w.AAdmin.ChangeCeiling(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG2, w.B2, "ANALYST")).Ok();
        var aBefore = await CasesBSteps.SharesBy(w.AAdmin, w.A);
        var bBefore = await CasesBSteps.SharedWith(w.BAdmin, w.B);
        var cBefore = await CasesBSteps.SharedWith(w.CAdmin, w.C);

        var ended = (await w.AAdmin.Unshare(w.A, w.PG1, w.C)).Ok();

        var aAfter = await CasesBSteps.SharesBy(w.AAdmin, w.A);
        Assert.Equal([(w.PG1, w.C)], CasesBSteps.Diff(aBefore, aAfter));
        Assert.False(aAfter.ContainsKey((w.PG1, w.C)));
        Assert.Empty(CasesBSteps.Diff(bBefore, await CasesBSteps.SharedWith(w.BAdmin, w.B)));
        Assert.Equal([(w.PG1, w.A)], CasesBSteps.Diff(cBefore, await CasesBSteps.SharedWith(w.CAdmin, w.C)));
        var changes = ended.Body.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["assignment_removed", "share_ended"], CasesBSteps.ChangeKinds(ended).Order());
        Assert.All(changes, c => Assert.Equal(w.PG1, c.GetProperty("assetId").GetInt64()));
        Assert.Equal(w.C1.Id, changes.Single(c => c.GetProperty("kind").GetString() == "assignment_removed")
            .GetProperty("personId").GetInt64());
        Assert.Equal(w.C, changes.Single(c => c.GetProperty("kind").GetString() == "share_ended")
            .GetProperty("partnerId").GetInt64());
        Assert.Empty(await w.C1.EffectiveRoles(w.PG1));
        Assert.Equal(["CAMPAIGN_MANAGER"], await w.C1.EffectiveRoles(w.AA2));
        Assert.Equal(["CONTENT_ADMINISTRATOR"], await w.B1.EffectiveRoles(w.PG1));
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await w.B1.EffectiveRoles(w.PG2));
        Assert.Equal(["VIEWER"], await w.B1.EffectiveRoles(w.AA1));
    }

    [Fact]
    public async Task C27_LowerBsCeilingOnPg1_AffectsOnlyPg1AssignmentsInPreviewAndWrite()
    {
        await using var w = await ArrangeAsync();
        (await w.AAdmin.ChangeCeiling(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG2, w.B2, "ANALYST")).Ok();
        var aBefore = await CasesBSteps.SharesBy(w.AAdmin, w.A);

        var preview = (await w.AAdmin.ChangeCeiling(w.A, w.PG1, w.B, "ANALYST", dryRun: true)).Ok();
        var lowered = (await w.AAdmin.ChangeCeiling(w.A, w.PG1, w.B, "ANALYST")).Ok();

        foreach (var answer in new[] { preview, lowered })
        {
            var affected = Assert.Single(answer.Result.GetProperty("affected").EnumerateArray());
            Assert.Equal(w.B1.Id, affected.GetProperty("person").GetProperty("id").GetInt64());
            Assert.Equal(w.PG1, answer.Result.GetProperty("share").GetProperty("asset").GetProperty("id").GetInt64());
            Assert.Single(answer.Body.GetProperty("changes").EnumerateArray());
        }

        Assert.Equal([(w.PG1, w.B)], CasesBSteps.Diff(aBefore, await CasesBSteps.SharesBy(w.AAdmin, w.A)));
        Assert.Equal(["ANALYST"], await w.B1.EffectiveRoles(w.PG1));
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await w.B1.EffectiveRoles(w.PG2));
        Assert.Equal(["CURATOR"], await w.C1.EffectiveRoles(w.PG1));
    }
}
