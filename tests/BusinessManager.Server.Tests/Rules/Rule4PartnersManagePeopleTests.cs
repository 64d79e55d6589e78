using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Rules;

/// <summary>
/// Rule 4: a partner's admins assign and remove their own members on shared assets within the ceiling, without
/// the owner; a member holding the role that manages an asset's users (ACCOUNT_MANAGER, ADMINISTRATOR) may also
/// assign and remove members of their own business there, never beyond their own effective permissions.
/// </summary>
public sealed class Rule4PartnersManagePeopleTests
{
    [Fact]
    public async Task Assign_PartnerAdminWithinCeiling_WorksWithoutOwner()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        var revisionAfterShare = await RulesSteps.Revision(world);

        var first = await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER");
        var second = await world.BAdmin.Assign(world.B, world.AA1, world.B2, "VIEWER");

        first.Ok();
        second.Ok();
        Assert.Equal(revisionAfterShare + 2, second.Revision);
        Assert.True(await world.B1.Can(world.AA1, "campaigns.edit"));
        Assert.True(await world.B2.Can(world.AA1, "reports.view"));
        Assert.False(await world.B2.Can(world.AA1, "creatives.edit"));
        Assert.Equal(
            new[] { $"{world.B1.Id}:CAMPAIGN_MANAGER", $"{world.B2.Id}:VIEWER" }.Order(StringComparer.Ordinal),
            await RulesSteps.Assignments(world.BAdmin, world.B, world.AA1));
    }

    [Fact]
    public async Task Unassign_PartnerAdmin_RemovesOwnMember()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();

        var removed = await world.BAdmin.Unassign(world.B, world.PG1, world.B1.Id);

        removed.Ok();
        Assert.False(await world.B1.Can(world.PG1, "analytics.view"));
        Assert.Empty(await RulesSteps.Assignments(world.BAdmin, world.B, world.PG1));
    }

    [Fact]
    public async Task Unassign_PartnerRemovesOwnersAssignment_RefusedAndOwnerAssignmentKept()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "VIEWER")).Ok();
        var before = await Snapshot(world, world.AA1);

        var viaOwnRoute = await world.BAdmin.Unassign(world.B, world.AA1, world.A1.Id);
        var viaOwnerRoute = await world.BAdmin.Unassign(world.A, world.AA1, world.A1.Id);

        viaOwnRoute.Refused(HttpStatusCode.NotFound, "assignment_not_found");
        viaOwnerRoute.Refused(HttpStatusCode.NotFound, "business_not_found");
        Assert.Equal(before, await Snapshot(world, world.AA1));
        Assert.True(await world.A1.Can(world.AA1, "reports.view"));
    }

    [Fact]
    public async Task Assign_MemberHoldingAccountManager_AssignsOwnMembersWithinOwnPermissions()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.BMgr, "ACCOUNT_MANAGER")).Ok();

        var lower = await world.BMgr.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER");
        var equal = await world.BMgr.Assign(world.B, world.AA1, world.B2, "ACCOUNT_MANAGER");
        var removed = await world.BMgr.Unassign(world.B, world.AA1, world.B2.Id);

        lower.Ok();
        equal.Ok();
        removed.Ok();
        Assert.True(await world.B1.Can(world.AA1, "campaigns.edit"));
        Assert.False(await world.B2.Can(world.AA1, "reports.view"));
        Assert.Equal("PARTNER_ASSIGNMENT",
            (await world.B1.Check(world.AA1)).Ok().Body.GetProperty("paths")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Assign_MemberHoldingAdministrator_AssignsOwnMembersOnPage()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "ADMINISTRATOR")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.BMgr, "ADMINISTRATOR")).Ok();

        var assigned = await world.BMgr.Assign(world.B, world.PG1, world.B1, "LEAD_GEN_FORMS_MANAGER");

        assigned.Ok();
        Assert.True(await world.B1.Can(world.PG1, "lead_forms.manage"));
    }

    [Fact]
    public async Task Assign_ManagerGrantsMoreThanHeld_RefusedRoleExceedsOwnPermissions()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_BILLING_ADMIN")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.BMgr, "ACCOUNT_MANAGER")).Ok();
        var before = await Snapshot(world, world.AA1);

        var refused = await world.BMgr.Assign(world.B, world.AA1, world.B1, "ACCOUNT_BILLING_ADMIN");

        refused.Refused(HttpStatusCode.Forbidden, "role_exceeds_own_permissions");
        Assert.Equal(before, await Snapshot(world, world.AA1));
        Assert.False(await world.B1.Can(world.AA1, "billing.manage"));
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "ACCOUNT_BILLING_ADMIN")).Ok();
    }

    [Fact]
    public async Task Assign_ManagerBeyondCeiling_RefusedRoleOutsideCeiling()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.BMgr, "ACCOUNT_MANAGER")).Ok();
        var before = await Snapshot(world, world.AA1);

        var refused = await world.BMgr.Assign(world.B, world.AA1, world.B1, "ACCOUNT_BILLING_ADMIN");

        refused.Refused(HttpStatusCode.Forbidden, "role_outside_ceiling");
        Assert.Equal(before, await Snapshot(world, world.AA1));
    }

    [Fact]
    public async Task Unassign_ManagerRemovesHigherRole_RefusedRoleExceedsOwnPermissions()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "ACCOUNT_MANAGER")).Ok();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A2, "ACCOUNT_BILLING_ADMIN")).Ok();
        var before = await Snapshot(world, world.AA1);

        var removeHigher = await world.A1.Unassign(world.A, world.AA1, world.A2.Id);
        var downgradeHigher = await world.A1.Assign(world.A, world.AA1, world.A2, "VIEWER");

        removeHigher.Refused(HttpStatusCode.Forbidden, "role_exceeds_own_permissions");
        downgradeHigher.Refused(HttpStatusCode.Forbidden, "role_exceeds_own_permissions");
        Assert.Equal(before, await Snapshot(world, world.AA1));
        Assert.True(await world.A2.Can(world.AA1, "billing.manage"));
    }

    [Fact]
    public async Task Assign_OwnerMemberHoldingAccountManager_AssignsWithinOwnPermissionsOnly()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "ACCOUNT_MANAGER")).Ok();

        var within = await world.A1.Assign(world.A, world.AA1, world.A2, "CREATIVE_MANAGER");
        var beyond = await world.A1.Assign(world.A, world.AA1, world.A2, "ACCOUNT_BILLING_ADMIN");

        within.Ok();
        beyond.Refused(HttpStatusCode.Forbidden, "role_exceeds_own_permissions");
        Assert.Equal(["CREATIVE_MANAGER"], await world.A2.EffectiveRoles(world.AA1));
    }

    [Fact]
    public async Task Assign_MemberWithoutUsersManage_RefusedNotAllowedToAssign()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B2, "VIEWER")).Ok();
        var before = await Snapshot(world, world.AA1);

        var assign = await world.B1.Assign(world.B, world.AA1, world.BMgr, "VIEWER");
        var unassign = await world.B1.Unassign(world.B, world.AA1, world.B2.Id);

        assign.Refused(HttpStatusCode.Forbidden, "not_allowed_to_assign");
        unassign.Refused(HttpStatusCode.Forbidden, "not_allowed_to_assign");
        Assert.Equal(before, await Snapshot(world, world.AA1));
    }

    [Fact]
    public async Task Assign_ManagerCappedByLoweredCeiling_LosesRightToAssign()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.BMgr, "ACCOUNT_MANAGER")).Ok();
        (await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        var before = await Snapshot(world, world.AA1);

        var refused = await world.BMgr.Assign(world.B, world.AA1, world.B1, "VIEWER");

        refused.Refused(HttpStatusCode.Forbidden, "not_allowed_to_assign");
        Assert.Equal(before, await Snapshot(world, world.AA1));
    }

    [Fact]
    public async Task Assign_ManagerAssignsOutsiders_RefusedNotAMemberOrBusinessNotFound()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.BMgr, "ACCOUNT_MANAGER")).Ok();
        var before = await Snapshot(world, world.AA1);

        var ownerPerson = await world.BMgr.Assign(world.B, world.AA1, world.A1, "VIEWER");
        var viaOwnerRoute = await world.BMgr.Assign(world.A, world.AA1, world.A1, "VIEWER");

        ownerPerson.Refused(HttpStatusCode.Conflict, "not_a_member");
        viaOwnerRoute.Refused(HttpStatusCode.NotFound, "business_not_found");
        Assert.Equal(before, await Snapshot(world, world.AA1));
    }

    [Fact]
    public async Task Assign_RoleHeldThroughOwnerOnly_GivesNoAuthorityOverPartnersPeople()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        await world.AAdmin.AddMember(world.A, world.B1);
        (await world.AAdmin.Assign(world.A, world.AA1, world.B1, "ACCOUNT_MANAGER")).Ok();
        var before = await Snapshot(world, world.AA1);

        var refused = await world.B1.Assign(world.B, world.AA1, world.B2, "VIEWER");

        refused.Refused(HttpStatusCode.Forbidden, "not_allowed_to_assign");
        Assert.Equal(before, await Snapshot(world, world.AA1));
        Assert.True(await world.B1.Can(world.AA1, "account.users.manage"));
        Assert.False(await world.B2.Can(world.AA1, "reports.view"));
    }

    private static Task<string> Snapshot(World world, long asset) => RulesSteps.Snapshot(world,
        (world.AAdmin, RulesSteps.AssignmentsPath(world.A, asset)),
        (world.BAdmin, RulesSteps.AssignmentsPath(world.B, asset)),
        (world.AAdmin, $"/api/v1/businesses/{world.A}/assets/{asset}/access"));
}
