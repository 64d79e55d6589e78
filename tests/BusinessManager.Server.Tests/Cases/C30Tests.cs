using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C30. Membership lost when a person belongs to two orgs: freelancer f belongs to B and C. B assigned f on A's
/// PG1 (A shares it with B); C assigned f on D's ad account DA4 (D shares it with C). f acts on both, each with its
/// own role, and "my assets" lists both with the business each path runs through. Joining a second business
/// loses nothing; leaving or being removed from C takes DA4 and leaves PG1 as it was.
/// </summary>
public sealed class C30Tests
{
    private static async Task<(Actor F, long Da4)> ArrangeAsync(World w)
    {
        var f = await w.Person("f@freelance.com");
        await w.BAdmin.AddMember(w.B, f);
        await w.CAdmin.AddMember(w.C, f);
        await w.DAdmin.Partner(w.D, w.CAdmin, w.C);
        var da4 = await w.DAdmin.CreateAsset(w.D, "AD_ACCOUNT", "DA4");
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.DAdmin.Share(w.D, da4, w.C, "ACCOUNT_MANAGER")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, f, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await w.CAdmin.Assign(w.C, da4, f, "CAMPAIGN_MANAGER")).Ok();

        return (f, da4);
    }

    [Fact]
    public async Task C30_MemberOfTwoBusinesses_ActsOnBothAssetsEachWithItsOwnRoleAndPath()
    {
        await using var w = await World.CreateAsync();
        var (f, da4) = await ArrangeAsync(w);

        var mine = (await f.Get("/api/v1/me/assets")).Ok();
        var memberships = await CasesBSteps.Memberships(f);

        Assert.Equal(new Dictionary<long, string> { [w.B] = "EMPLOYEE", [w.C] = "EMPLOYEE" }, memberships);
        Assert.Equal(2, mine.Body.GetProperty("total").GetInt32());
        var rows = mine.Items().ToDictionary(i => i.GetProperty("asset").GetProperty("id").GetInt64());
        Assert.Equal(new[] { w.PG1, da4 }.Order(), rows.Keys.Order());
        Assert.Equal([("PARTNER_ASSIGNMENT", w.B)], CasesBSteps.Paths(rows[w.PG1]));
        Assert.Equal([("PARTNER_ASSIGNMENT", w.C)], CasesBSteps.Paths(rows[da4]));
        Assert.Equal(w.A, rows[w.PG1].GetProperty("asset").GetProperty("owner").GetProperty("id").GetInt64());
        Assert.Equal(w.D, rows[da4].GetProperty("asset").GetProperty("owner").GetProperty("id").GetInt64());
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await f.EffectiveRoles(w.PG1));
        Assert.Equal(["CAMPAIGN_MANAGER"], await f.EffectiveRoles(da4));
        Assert.True(await f.Can(w.PG1, "sponsored_content.post"));
        Assert.False(await f.Can(w.PG1, "page.edit"));
        Assert.True(await f.Can(da4, "campaigns.edit"));
        Assert.False(await f.Can(da4, "account.users.manage"));
    }

    [Fact]
    public async Task C30_JoiningASecondBusiness_KeepsTheFirstMembershipAndItsAccess()
    {
        await using var w = await World.CreateAsync();
        var f = await w.Person("f@freelance.com");
        await w.BAdmin.AddMember(w.B, f);
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, f, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        var before = await CasesBSteps.Memberships(f);

        await w.CAdmin.AddMember(w.C, f);

        Assert.Equal(new Dictionary<long, string> { [w.B] = "EMPLOYEE" }, before);
        Assert.Equal(new Dictionary<long, string> { [w.B] = "EMPLOYEE", [w.C] = "EMPLOYEE" },
            await CasesBSteps.Memberships(f));
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await f.EffectiveRoles(w.PG1));
        Assert.Equal([w.PG1], await f.MyAssetIds());
        (await f.Get($"/api/v1/businesses/{w.B}/members")).Ok();
        (await f.Get($"/api/v1/businesses/{w.C}/members")).Ok();
    }

    [Fact]
    public async Task C30_RemovedFromC_LosesDa4AndKeepsPg1()
    {
        await using var w = await World.CreateAsync();
        var (f, da4) = await ArrangeAsync(w);

        var removed = (await w.CAdmin.RemoveMember(w.C, f.Id)).Ok();

        Assert.Equal(["assignment_removed", "member_removed"], CasesBSteps.ChangeKinds(removed).Order());
        Assert.Empty(await f.EffectiveRoles(da4));
        Assert.False(await f.Can(da4, "reports.view"));
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await f.EffectiveRoles(w.PG1));
        Assert.Equal([w.PG1], await f.MyAssetIds());
        Assert.Equal(new Dictionary<long, string> { [w.B] = "EMPLOYEE" }, await CasesBSteps.Memberships(f));
        Assert.Empty((await w.CAdmin.Get($"/api/v1/businesses/{w.C}/assets/{da4}/assignments")).Ok().Body
            .EnumerateArray());
    }

    [Fact]
    public async Task C30_LeavesCThemselves_LosesDa4AndKeepsPg1()
    {
        await using var w = await World.CreateAsync();
        var (f, da4) = await ArrangeAsync(w);

        (await f.RemoveMember(w.C, f.Id)).Ok();

        Assert.Empty(await f.EffectiveRoles(da4));
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await f.EffectiveRoles(w.PG1));
        Assert.Equal([w.PG1], await f.MyAssetIds());
        Assert.Equal(new Dictionary<long, string> { [w.B] = "EMPLOYEE" }, await CasesBSteps.Memberships(f));
    }
}
