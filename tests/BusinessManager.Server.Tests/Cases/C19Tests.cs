using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C19. Cycles in the membership or sharing graph: shares in both directions between two partners, and a loop of
/// three partnerships, give each side only what the other shared with it, and every check finishes quickly.
/// Not covered because the features do not exist yet: teams (so no cyclic team can be written or rejected) and
/// "exclude person" (b2 is checked as a member of B who was never given PG1, which must be denied).
/// </summary>
public sealed class C19Tests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task C19_SharesBothWays_EachSideGetsOnlyWhatTheOtherShared()
    {
        await using var w = await World.CreateAsync();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Share(w.B, w.PGB, w.A, "ANALYST")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.AAdmin.Assign(w.A, w.PGB, w.A1, "ANALYST")).Ok();

        var b1Pg1 = await w.B1.EffectiveRoles(w.PG1).WaitAsync(Bound);
        var a1Pgb = await w.A1.EffectiveRoles(w.PGB).WaitAsync(Bound);
        var b1Assets = await w.B1.MyAssetIds().WaitAsync(Bound);
        var a1Assets = await w.A1.MyAssetIds().WaitAsync(Bound);
        var aAdminAssets = await w.AAdmin.MyAssetIds().WaitAsync(Bound);
        var bAdminAssets = await w.BAdmin.MyAssetIds().WaitAsync(Bound);

        Assert.Equal(["CONTENT_ADMINISTRATOR"], b1Pg1);
        Assert.Equal(["ANALYST"], a1Pgb);
        Assert.Equal([w.PG1], b1Assets);
        Assert.Equal([w.PGB], a1Assets);
        Assert.Equal(new[] { w.AA1, w.AA2, w.PG1, w.PG2 }.Order(), aAdminAssets.Order());
        Assert.Equal(new[] { w.BA1, w.PGB }.Order(), bAdminAssets.Order());
        foreach (var asset in new[] { w.AA1, w.AA2, w.PG2 })
        {
            Assert.Empty(await w.B1.EffectiveRoles(asset).WaitAsync(Bound));
            Assert.Empty(await w.BAdmin.EffectiveRoles(asset).WaitAsync(Bound));
        }

        Assert.Empty(await w.BAdmin.EffectiveRoles(w.PG1).WaitAsync(Bound));
        Assert.Empty(await w.AAdmin.EffectiveRoles(w.PGB).WaitAsync(Bound));
        Assert.Empty(await w.AAdmin.EffectiveRoles(w.BA1).WaitAsync(Bound));
        Assert.Empty(await w.A1.EffectiveRoles(w.BA1).WaitAsync(Bound));
        Assert.False(await w.B2.Can(w.PG1, "analytics.view").WaitAsync(Bound));
    }

    [Fact]
    public async Task C19_SharesBothWays_PartnersSeeOnlyTheirSideInSharedWithUs()
    {
        await using var w = await World.CreateAsync();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Share(w.B, w.PGB, w.A, "ANALYST")).Ok();

        var sharedWithB = await CasesBSteps.SharedWith(w.BAdmin, w.B).WaitAsync(Bound);
        var sharedWithA = await CasesBSteps.SharedWith(w.AAdmin, w.A).WaitAsync(Bound);

        Assert.Equal(new Dictionary<(long, long), string> { [(w.PG1, w.A)] = "CONTENT_ADMINISTRATOR" }, sharedWithB);
        Assert.Equal(new Dictionary<(long, long), string> { [(w.PGB, w.B)] = "ANALYST" }, sharedWithA);
    }

    [Fact]
    public async Task C19_ShareBackToTheOwner_IsRefusedAndClosesNoLoop()
    {
        await using var w = await World.CreateAsync();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Share(w.B, w.PGB, w.A, "ANALYST")).Ok();

        var bSharesPg1BackToA = await w.BAdmin.Share(w.B, w.PG1, w.A, "ANALYST");
        var aSharesPgbBackToB = await w.AAdmin.Share(w.A, w.PGB, w.B, "ANALYST");
        var aAssignsOnPg1ThroughB = await w.AAdmin.Assign(w.B, w.PG1, w.A1, "ANALYST");
        var bAssignsAPersonOnPg1 = await w.BAdmin.Assign(w.B, w.PG1, w.A1, "ANALYST");

        bSharesPg1BackToA.Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        aSharesPgbBackToB.Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        aAssignsOnPg1ThroughB.Refused(HttpStatusCode.NotFound, "business_not_found");
        bAssignsAPersonOnPg1.Refused(HttpStatusCode.Conflict, "not_a_member");
        Assert.Equal([(w.PG1, w.B)], (await CasesBSteps.SharesBy(w.AAdmin, w.A)).Keys);
        Assert.Equal([(w.PGB, w.A)], (await CasesBSteps.SharesBy(w.BAdmin, w.B)).Keys);
        Assert.Empty(await w.A1.EffectiveRoles(w.PG1));
    }

    [Fact]
    public async Task C19_LoopOfThreePartnerships_ChecksFinishAndGrantNothingTransitive()
    {
        await using var w = await World.CreateAsync();
        await w.BAdmin.Partner(w.B, w.CAdmin, w.C);
        await w.CAdmin.Partner(w.C, w.AAdmin, w.A);
        var ca = await w.CAdmin.CreateAsset(w.C, "AD_ACCOUNT", "CA1");
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "ADMINISTRATOR")).Ok();
        (await w.BAdmin.Share(w.B, w.PGB, w.C, "ADMINISTRATOR")).Ok();
        (await w.CAdmin.Share(w.C, ca, w.A, "ACCOUNT_MANAGER")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "ADMINISTRATOR")).Ok();
        (await w.CAdmin.Assign(w.C, w.PGB, w.C1, "ADMINISTRATOR")).Ok();
        (await w.AAdmin.Assign(w.A, ca, w.A1, "ACCOUNT_MANAGER")).Ok();

        var b1ReSharesPg1ToC = await w.B1.Share(w.B, w.PG1, w.C, "ANALYST");
        var bAdminReSharesPg1ToC = await w.BAdmin.Share(w.B, w.PG1, w.C, "ANALYST");
        var c1Assets = await w.C1.MyAssetIds().WaitAsync(Bound);
        var a1Assets = await w.A1.MyAssetIds().WaitAsync(Bound);
        var b1Assets = await w.B1.MyAssetIds().WaitAsync(Bound);

        CasesBSteps.AssertRefused(b1ReSharesPg1ToC, "b1 re-shares A's PG1 to C");
        bAdminReSharesPg1ToC.Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        Assert.Equal([w.PGB], c1Assets);
        Assert.Equal([ca], a1Assets);
        Assert.Equal([w.PG1], b1Assets);
        Assert.Empty(await w.C1.EffectiveRoles(w.PG1).WaitAsync(Bound));
        Assert.Empty(await w.CAdmin.EffectiveRoles(w.PG1).WaitAsync(Bound));
        Assert.Empty(await w.A1.EffectiveRoles(w.PGB).WaitAsync(Bound));
        Assert.Empty(await w.AAdmin.EffectiveRoles(w.PGB).WaitAsync(Bound));
        Assert.Empty(await w.B1.EffectiveRoles(ca).WaitAsync(Bound));
        Assert.Empty(await w.BAdmin.EffectiveRoles(ca).WaitAsync(Bound));
        Assert.Empty(await w.C1.EffectiveRoles(w.BA1).WaitAsync(Bound));
        Assert.DoesNotContain((await CasesBSteps.SharedWith(w.CAdmin, w.C)).Keys, k => k.Asset == w.PG1);
    }

    [Fact]
    public async Task C19_OwnerAdminOfBothEnds_GetsEachAssetOnlyThroughItsOwnPaths()
    {
        await using var w = await World.CreateAsync();
        var both = await w.Person("both@holding.com");
        await w.AAdmin.AddMember(w.A, both, "ADMIN");
        await w.BAdmin.AddMember(w.B, both);
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "ANALYST")).Ok();
        (await w.BAdmin.Share(w.B, w.PGB, w.A, "ANALYST")).Ok();

        var onPg1 = (await both.Check(w.PG1).WaitAsync(Bound)).Ok();
        var onPgb = await both.EffectiveRoles(w.PGB).WaitAsync(Bound);
        var onBa1 = await both.EffectiveRoles(w.BA1).WaitAsync(Bound);

        Assert.Equal([("OWNER_ADMIN", w.A)], CasesBSteps.Paths(onPg1.Body));
        Assert.Empty(onPgb);
        Assert.Empty(onBa1);
    }
}
