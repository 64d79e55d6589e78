using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C24. A lower role grants a higher one: A shares PG1 with B at DIRECT_SPONSORED_CONTENT_POSTER, and b-mgr (an
/// EMPLOYEE of B) holds the most the ceiling allows there. b-mgr can neither make anyone a B admin (invitation or
/// role change) nor assign beyond the ceiling or their own permissions. Where b-mgr does hold the role that manages
/// an asset's users (AA1, shared at ACCOUNT_MANAGER), b-mgr assigns only within the ceiling and their own role.
/// Not covered because the features do not exist yet: invite links (invitations are per e-mail address), bulk
/// import, and UI screens; the API is the one path, and invitations are tested through it.
/// </summary>
public sealed class C24Tests
{
    private static async Task<World> ArrangeAsync()
    {
        var w = await World.CreateAsync();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.BMgr, "ADMINISTRATOR")).Refused(HttpStatusCode.Forbidden,
            "role_outside_ceiling");
        (await w.BAdmin.Assign(w.B, w.PG1, w.BMgr, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();

        return w;
    }

    [Fact]
    public async Task C24_MemberInvitesOrPromotesToAdmin_RefusedAndNobodyBecomesAdmin()
    {
        await using var w = await ArrangeAsync();
        var newcomer = await w.Person("newcomer@agency.com");

        var inviteNewAsAdmin = await w.BMgr.Post($"/api/v1/businesses/{w.B}/invitations",
            new { email = newcomer.Email, role = "ADMIN" });
        var inviteUnknownAsAdmin = await w.BMgr.Post($"/api/v1/businesses/{w.B}/invitations",
            new { email = "nobody-yet@agency.com", role = "ADMIN" });
        var promoteB1 = await CasesBSteps.SetMemberRole(w.BMgr, w.B, w.B1.Id, "ADMIN");
        var promoteSelf = await CasesBSteps.SetMemberRole(w.BMgr, w.B, w.BMgr.Id, "ADMIN");
        var newcomerInvitations = (await newcomer.Get("/api/v1/me/invitations")).Ok();

        inviteNewAsAdmin.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        inviteUnknownAsAdmin.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        promoteB1.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        promoteSelf.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        Assert.Equal(0, newcomerInvitations.Body.GetArrayLength());
        var bInvitations = (await w.BAdmin.Get($"/api/v1/businesses/{w.B}/invitations")).Ok().Body.EnumerateArray();
        Assert.DoesNotContain(bInvitations, i => i.GetProperty("status").GetString() == "PENDING"
            || i.GetProperty("role").GetString() == "ADMIN");
        Assert.Empty(await CasesBSteps.Memberships(newcomer));
        Assert.Equal("EMPLOYEE", (await CasesBSteps.Memberships(w.B1))[w.B]);
        Assert.Equal("EMPLOYEE", (await CasesBSteps.Memberships(w.BMgr))[w.B]);
    }

    [Fact]
    public async Task C24_MemberAssignsAboveCeilingOnPage_RefusedForOthersAndForSelf()
    {
        await using var w = await ArrangeAsync();

        var b1ContentAdmin = await w.BMgr.Assign(w.B, w.PG1, w.B1, "CONTENT_ADMINISTRATOR");
        var selfSuperAdmin = await w.BMgr.Assign(w.B, w.PG1, w.BMgr, "ADMINISTRATOR");
        var b1Poster = await w.BMgr.Assign(w.B, w.PG1, w.B1, "DIRECT_SPONSORED_CONTENT_POSTER");
        var b1ViaOwner = await w.BMgr.Assign(w.A, w.PG1, w.B1, "CONTENT_ADMINISTRATOR");

        CasesBSteps.AssertRefused(b1ContentAdmin, "b-mgr gives b1 CONTENT_ADMINISTRATOR on PG1");
        Assert.Equal(HttpStatusCode.Forbidden, b1ContentAdmin.Status);
        CasesBSteps.AssertRefused(selfSuperAdmin, "b-mgr gives themself ADMINISTRATOR on PG1");
        Assert.Equal(HttpStatusCode.Forbidden, selfSuperAdmin.Status);
        b1Poster.Refused(HttpStatusCode.Forbidden, "not_allowed_to_assign");
        b1ViaOwner.Refused(HttpStatusCode.NotFound, "business_not_found");
        Assert.Empty(await w.B1.EffectiveRoles(w.PG1));
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await w.BMgr.EffectiveRoles(w.PG1));
        Assert.False(await w.BMgr.Can(w.PG1, "page.admins.manage"));
    }

    [Fact]
    public async Task C24_UserManagerOnAdAccount_AssignsOnlyWithinCeilingAndOwnRole()
    {
        await using var w = await ArrangeAsync();
        (await w.AAdmin.Share(w.A, w.AA1, w.B, "ACCOUNT_MANAGER")).Ok();
        (await w.BAdmin.Assign(w.B, w.AA1, w.BMgr, "ACCOUNT_MANAGER")).Ok();

        var b1Campaigns = await w.BMgr.Assign(w.B, w.AA1, w.B1, "CAMPAIGN_MANAGER");
        var b2AccountManager = await w.BMgr.Assign(w.B, w.AA1, w.B2, "ACCOUNT_MANAGER");
        var b1Billing = await w.BMgr.Assign(w.B, w.AA1, w.B1, "ACCOUNT_BILLING_ADMIN");
        var selfBilling = await w.BMgr.Assign(w.B, w.AA1, w.BMgr, "ACCOUNT_BILLING_ADMIN");
        var outsider = await w.BMgr.Assign(w.B, w.AA1, w.A1, "VIEWER");

        b1Campaigns.Ok();
        b2AccountManager.Ok();
        b1Billing.Refused(HttpStatusCode.Forbidden, "role_outside_ceiling");
        selfBilling.Refused(HttpStatusCode.Forbidden, "role_outside_ceiling");
        outsider.Refused(HttpStatusCode.Conflict, "not_a_member");
        Assert.Equal(["CAMPAIGN_MANAGER"], await w.B1.EffectiveRoles(w.AA1));
        Assert.Equal(["ACCOUNT_MANAGER"], await w.B2.EffectiveRoles(w.AA1));
        Assert.Equal(["ACCOUNT_MANAGER"], await w.BMgr.EffectiveRoles(w.AA1));
        Assert.False(await w.BMgr.Can(w.AA1, "billing.manage"));
    }

    [Fact]
    public async Task C24_CeilingLoweredBelowUserManagement_MemberCanNoLongerAssign()
    {
        await using var w = await ArrangeAsync();
        (await w.AAdmin.Share(w.A, w.AA1, w.B, "ACCOUNT_MANAGER")).Ok();
        (await w.BAdmin.Assign(w.B, w.AA1, w.BMgr, "ACCOUNT_MANAGER")).Ok();
        (await w.BMgr.Assign(w.B, w.AA1, w.B1, "VIEWER")).Ok();
        (await w.AAdmin.ChangeCeiling(w.A, w.AA1, w.B, "CAMPAIGN_MANAGER")).Ok();

        var raiseB1 = await w.BMgr.Assign(w.B, w.AA1, w.B1, "CAMPAIGN_MANAGER");
        var assignB2 = await w.BMgr.Assign(w.B, w.AA1, w.B2, "VIEWER");
        var unassignB1 = await w.BMgr.Unassign(w.B, w.AA1, w.B1.Id);

        raiseB1.Refused(HttpStatusCode.Forbidden, "not_allowed_to_assign");
        assignB2.Refused(HttpStatusCode.Forbidden, "not_allowed_to_assign");
        unassignB1.Refused(HttpStatusCode.Forbidden, "not_allowed_to_assign");
        Assert.Equal(["VIEWER"], await w.B1.EffectiveRoles(w.AA1));
        Assert.Empty(await w.B2.EffectiveRoles(w.AA1));
    }

    [Fact]
    public async Task C24_InvitationAcceptedWithARoleInTheBody_KeepsTheInvitedRole()
    {
        await using var w = await ArrangeAsync();
        var newcomer = await w.Person("newcomer@agency.com");
        var invitation = (await w.BAdmin.Post($"/api/v1/businesses/{w.B}/invitations",
            new { email = newcomer.Email, role = "CONTRACTOR" })).Ok().Id;

        var accepted = await newcomer.Post($"/api/v1/me/invitations/{invitation}/accept", new { role = "ADMIN" });

        Assert.NotEqual(HttpStatusCode.InternalServerError, accepted.Status);
        var memberships = await CasesBSteps.Memberships(newcomer);
        Assert.True(!memberships.TryGetValue(w.B, out var role) || role == "CONTRACTOR",
            $"accepting with a smuggled role made the newcomer {role}");
        var invitee = await newcomer.Post($"/api/v1/businesses/{w.B}/invitations",
            new { email = "friend@agency.com", role = "ADMIN" });
        CasesBSteps.AssertRefused(invitee, "the newcomer invites an admin");
    }
}
