using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C28. "Remove from org" deletes the person everywhere: m is a CONTRACTOR of A and an EMPLOYEE of B; A assigned m
/// on PG1 and AA1, and B assigned m on PG1 through A's share. a-admin removing m from A ends only A's membership
/// and A's assignments; m's B membership and B's assignment on PG1 stay, and A sees that remaining path (and can
/// end it only by unsharing or ending the partnership). An org admin has no way to delete a platform account or a
/// support agent. The API has no endpoint that deletes another person's account; the tests try the obvious
/// routes and check that the accounts still work.
/// </summary>
public sealed class C28Tests
{
    private static async Task<Actor> ArrangeAsync(World w)
    {
        var m = await w.Person("m@freelance.com");
        await w.AAdmin.AddMember(w.A, m, "CONTRACTOR");
        await w.BAdmin.AddMember(w.B, m);
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.AAdmin.Assign(w.A, w.PG1, m, "CURATOR")).Ok();
        (await w.AAdmin.Assign(w.A, w.AA1, m, "VIEWER")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, m, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();

        return m;
    }

    [Fact]
    public async Task C28_RemoveMemberFromA_EndsOnlyAMembershipAndAGrants()
    {
        await using var w = await World.CreateAsync();
        var m = await ArrangeAsync(w);

        var removed = (await w.AAdmin.RemoveMember(w.A, m.Id)).Ok();

        var changes = removed.Body.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["assignment_removed", "assignment_removed", "member_removed"],
            CasesBSteps.ChangeKinds(removed).Order());
        Assert.All(changes, c => Assert.Equal(m.Id, c.GetProperty("personId").GetInt64()));
        Assert.All(changes.Where(c => c.GetProperty("kind").GetString() == "assignment_removed"),
            c => Assert.Equal(w.A, c.GetProperty("byBusinessId").GetInt64()));
        Assert.Equal(w.A, changes.Single(c => c.GetProperty("kind").GetString() == "member_removed")
            .GetProperty("businessId").GetInt64());
        Assert.Equal(new Dictionary<long, string> { [w.B] = "EMPLOYEE" }, await CasesBSteps.Memberships(m));
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await m.EffectiveRoles(w.PG1));
        Assert.False(await m.Can(w.PG1, "content.curate"));
        Assert.Empty(await m.EffectiveRoles(w.AA1));
        Assert.Equal([w.PG1], await m.MyAssetIds());
        var onPg1 = (await m.Check(w.PG1)).Ok();
        Assert.Equal([("PARTNER_ASSIGNMENT", w.B)], CasesBSteps.Paths(onPg1.Body));
        var bMembers = await CasesBSteps.AllItems(w.BAdmin, $"/api/v1/businesses/{w.B}/members?");
        Assert.Contains(bMembers, x => x.GetProperty("person").GetProperty("id").GetInt64() == m.Id);
    }

    [Fact]
    public async Task C28_AfterRemoval_OwnerSeesTheRemainingPartnerPathAndEndsItByUnsharing()
    {
        await using var w = await World.CreateAsync();
        var m = await ArrangeAsync(w);
        (await w.AAdmin.RemoveMember(w.A, m.Id)).Ok();

        var access = (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/assets/{w.PG1}/access")).Ok();
        var removeFromB = await w.AAdmin.RemoveMember(w.B, m.Id);
        var unassignInB = await w.AAdmin.Unassign(w.B, w.PG1, m.Id);
        var unshared = (await w.AAdmin.Unshare(w.A, w.PG1, w.B)).Ok();

        var row = access.Body.GetProperty("people").EnumerateArray()
            .Single(p => p.GetProperty("person").GetProperty("id").GetInt64() == m.Id);
        Assert.Equal([("PARTNER_ASSIGNMENT", w.B)], CasesBSteps.Paths(row));
        removeFromB.Refused(HttpStatusCode.NotFound, "business_not_found");
        unassignInB.Refused(HttpStatusCode.NotFound, "business_not_found");
        Assert.Contains("assignment_removed", CasesBSteps.ChangeKinds(unshared));
        Assert.Empty(await m.EffectiveRoles(w.PG1));
        Assert.Equal(new Dictionary<long, string> { [w.B] = "EMPLOYEE" }, await CasesBSteps.Memberships(m));
    }

    /// <summary>
    /// C28: "The confirmation shows that path". The removal's confirmation (its dry-run preview, and the answer
    /// itself) must tell a-admin that m keeps PG1 through B, so it has to name B somewhere; today it lists only
    /// what ended.
    /// </summary>
    [Fact]
    public async Task C28_RemovalConfirmation_ShowsTheRemainingPathThroughB()
    {
        await using var w = await World.CreateAsync();
        var m = await ArrangeAsync(w);

        var preview = (await w.AAdmin.Send(HttpMethod.Delete,
            $"/api/v1/businesses/{w.A}/members/{m.Id}?dryRun=true", null)).Ok();
        var removed = (await w.AAdmin.RemoveMember(w.A, m.Id)).Ok();

        Assert.True(preview.Body.GetProperty("dryRun").GetBoolean());
        Assert.Contains(w.B.ToString(), preview.Text, StringComparison.Ordinal);
        Assert.Contains(w.B.ToString(), removed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task C28_OrgAdmin_CannotDeletePlatformOrSupportAccounts()
    {
        await using var w = await World.CreateAsync();
        var m = await ArrangeAsync(w);
        var sam = await w.Person("sam@support.example");
        await OperatorProcess.RunAsync(w.Server, "support", "grant", sam.Email);

        var deleteM = await w.AAdmin.Delete($"/api/v1/people/{m.Id}");
        var deleteSam = await w.AAdmin.Delete($"/api/v1/people/{sam.Id}");
        var removeSamFromA = await w.AAdmin.RemoveMember(w.A, sam.Id);
        var removeMFromB = await w.AAdmin.RemoveMember(w.B, m.Id);

        Assert.False((int)deleteM.Status is >= 200 and < 300, deleteM.Text);
        Assert.False((int)deleteSam.Status is >= 200 and < 300, deleteSam.Text);
        removeSamFromA.Refused(HttpStatusCode.NotFound, "member_not_found");
        removeMFromB.Refused(HttpStatusCode.NotFound, "business_not_found");
        var mAgain = await Api.SignInAsync(w.Http, m.Email);
        var samAgain = await Api.SignInAsync(w.Http, sam.Email);
        Assert.Equal(m.Id, mAgain.Id);
        Assert.Equal(sam.Id, samAgain.Id);
        var samMe = (await samAgain.Get("/api/v1/me")).Ok();
        Assert.True(samMe.Body.GetProperty("person").GetProperty("isSupportAgent").GetBoolean());
        Assert.True(await mAgain.Can(w.PG1, "content.curate"));
        Assert.True(await mAgain.Can(w.PG1, "sponsored_content.post"));
        Assert.Equal(new Dictionary<long, string> { [w.A] = "CONTRACTOR", [w.B] = "EMPLOYEE" },
            await CasesBSteps.Memberships(mAgain));
    }
}
