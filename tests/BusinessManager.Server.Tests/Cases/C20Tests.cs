using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C20. A role held in one org counts in another: m is an admin of C and a plain member of B (A's partner).
/// m's admin role in C must give m nothing in B or A: no assignment changes, no partner removal, no role edits;
/// listing B's members follows member-level rules. Denied writes must also be audited.
/// </summary>
public sealed class C20Tests
{
    private static async Task<Actor> ArrangeAsync(World w)
    {
        var m = await w.Person("m@freelance.com");
        await w.CAdmin.AddMember(w.C, m, "ADMIN");
        await w.BAdmin.AddMember(w.B, m);
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();

        return m;
    }

    [Fact]
    public async Task C20_AdminOfC_CannotChangeBsAssignmentsPartnersOrRoles()
    {
        await using var w = await World.CreateAsync();
        var m = await ArrangeAsync(w);
        var sharesBefore = await CasesBSteps.SharesBy(w.AAdmin, w.A);

        var assignB2 = await m.Assign(w.B, w.PG1, w.B2, "ANALYST");
        var raiseB1 = await m.Assign(w.B, w.PG1, w.B1, "CONTENT_ADMINISTRATOR");
        var unassignB1 = await m.Unassign(w.B, w.PG1, w.B1.Id);
        var assignSelf = await m.Assign(w.B, w.PG1, m, "CONTENT_ADMINISTRATOR");
        var endPartnership = await m.EndPartnership(w.B, w.PartnershipAB);
        var endPartnershipPreview = await m.EndPartnership(w.B, w.PartnershipAB, dryRun: true);
        var promoteSelf = await CasesBSteps.SetMemberRole(m, w.B, m.Id, "ADMIN");
        var promoteB1 = await CasesBSteps.SetMemberRole(m, w.B, w.B1.Id, "ADMIN");
        var demoteBAdmin = await CasesBSteps.SetMemberRole(m, w.B, w.BAdmin.Id, "EMPLOYEE");
        var removeB2 = await m.RemoveMember(w.B, w.B2.Id);
        var inviteAdmin = await m.Post($"/api/v1/businesses/{w.B}/invitations",
            new { email = "friend@freelance.com", role = "ADMIN" });

        assignB2.Refused(HttpStatusCode.NotFound, "asset_not_found");
        raiseB1.Refused(HttpStatusCode.NotFound, "asset_not_found");
        unassignB1.Refused(HttpStatusCode.NotFound, "asset_not_found");
        assignSelf.Refused(HttpStatusCode.NotFound, "asset_not_found");
        endPartnership.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        endPartnershipPreview.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        promoteSelf.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        promoteB1.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        demoteBAdmin.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        removeB2.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        inviteAdmin.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await w.B1.EffectiveRoles(w.PG1));
        Assert.Empty(await w.B2.EffectiveRoles(w.PG1));
        Assert.Empty(await m.EffectiveRoles(w.PG1));
        Assert.Equal(sharesBefore, await CasesBSteps.SharesBy(w.AAdmin, w.A));
        Assert.Equal(new Dictionary<long, string> { [w.B] = "EMPLOYEE", [w.C] = "ADMIN" },
            await CasesBSteps.Memberships(m));
        var bMembers = await CasesBSteps.AllItems(w.BAdmin, $"/api/v1/businesses/{w.B}/members?");
        Assert.Equal(
            new Dictionary<long, string>
            {
                [w.BAdmin.Id] = "ADMIN",
                [w.B1.Id] = "EMPLOYEE",
                [w.B2.Id] = "EMPLOYEE",
                [w.BMgr.Id] = "EMPLOYEE",
                [m.Id] = "EMPLOYEE",
            },
            bMembers.ToDictionary(x => x.GetProperty("person").GetProperty("id").GetInt64(),
                x => x.GetProperty("role").GetString()!));
    }

    [Fact]
    public async Task C20_AdminOfC_HasAdminReadsInCOnly_AndListsBMembersAsAMember()
    {
        await using var w = await World.CreateAsync();
        var m = await ArrangeAsync(w);

        var cInvitations = await m.Get($"/api/v1/businesses/{w.C}/invitations");
        var bInvitations = await m.Get($"/api/v1/businesses/{w.B}/invitations");
        var bShares = await m.Get($"/api/v1/businesses/{w.B}/shares");
        var bAudit = await m.Get($"/api/v1/businesses/{w.B}/audit");
        var bAssetAccess = await m.Get($"/api/v1/businesses/{w.B}/assets/{w.BA1}/access");
        var bMembers = await m.Get($"/api/v1/businesses/{w.B}/members");
        var aMembers = await m.Get($"/api/v1/businesses/{w.A}/members");
        var aShares = await m.Get($"/api/v1/businesses/{w.A}/shares");
        var b1OnPg1 = await m.Get($"/api/v1/access/check?personId={w.B1.Id}&assetId={w.PG1}");

        cInvitations.Ok();
        bInvitations.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        bShares.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        bAudit.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        bAssetAccess.Refused(HttpStatusCode.NotFound, "asset_not_found");
        bMembers.Ok();
        Assert.Equal(5, bMembers.Body.GetProperty("total").GetInt32());
        aMembers.Refused(HttpStatusCode.NotFound, "business_not_found");
        aShares.Refused(HttpStatusCode.NotFound, "business_not_found");
        b1OnPg1.Refused(HttpStatusCode.NotFound, "asset_not_found");
    }

    /// <summary>
    /// The sharper form of the fault: C is also a partner of A with PG1 shared at ADMINISTRATOR, and m (C's
    /// admin) gives themself ADMINISTRATOR on PG1 through C. That role was granted by C, for C; it must not let m,
    /// a plain member of B, manage the assignments B's admins made on PG1 (rule 4: partners manage their own
    /// people; C20: a role counts only in the organization it belongs to).
    /// </summary>
    [Fact]
    public async Task C20_AssetRoleGrantedThroughC_DoesNotManageBsAssignments()
    {
        await using var w = await World.CreateAsync();
        var m = await ArrangeAsync(w);
        await w.CAdmin.Partner(w.C, w.AAdmin, w.A);
        (await w.AAdmin.Share(w.A, w.PG1, w.C, "ADMINISTRATOR")).Ok();
        (await m.Assign(w.C, w.PG1, m, "ADMINISTRATOR")).Ok();

        var assignB2 = await m.Assign(w.B, w.PG1, w.B2, "ANALYST");
        var unassignB1 = await m.Unassign(w.B, w.PG1, w.B1.Id);
        var assignB2ThroughC = await m.Assign(w.C, w.PG1, w.B2, "ANALYST");

        CasesBSteps.AssertRefused(assignB2, "m assigns b2 on PG1 for B using C's role");
        CasesBSteps.AssertRefused(unassignB1, "m removes b1's B assignment on PG1 using C's role");
        assignB2ThroughC.Refused(HttpStatusCode.Conflict, "not_a_member");
        Assert.Empty(await w.B2.EffectiveRoles(w.PG1));
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await w.B1.EffectiveRoles(w.PG1));
    }

    /// <summary>C20 expects every refused attempt to be audited, so B's admins can see that m tried.</summary>
    [Fact]
    public async Task C20_RefusedAttemptsOnB_AreAuditedForB()
    {
        await using var w = await World.CreateAsync();
        var m = await ArrangeAsync(w);
        var auditPath = $"/api/v1/businesses/{w.B}/audit?personId={m.Id}&limit=200";
        var before = (await w.BAdmin.Get(auditPath)).Ok().Body.GetProperty("total").GetInt32();

        CasesBSteps.AssertRefused(await m.Assign(w.B, w.PG1, w.B2, "ANALYST"), "assign");
        CasesBSteps.AssertRefused(await m.EndPartnership(w.B, w.PartnershipAB), "end partnership");
        CasesBSteps.AssertRefused(await CasesBSteps.SetMemberRole(m, w.B, m.Id, "ADMIN"), "promote self");
        CasesBSteps.AssertRefused(await m.RemoveMember(w.B, w.B2.Id), "remove b2");

        var after = (await w.BAdmin.Get(auditPath)).Ok().Body.GetProperty("total").GetInt32();
        Assert.True(after >= before + 4,
            $"B's audit log shows {after - before} new events for m after 4 refused attempts; expected at least 4");
    }
}
