using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Rules;

/// <summary>
/// Rule 1: the owner's admins hold every permission on its assets and assign its members roles on them; nobody
/// outside the owner gets anything without a share. Also the member rules an owner relies on (a business keeps
/// an admin; a person joins once).
/// </summary>
public sealed class Rule1OwnersControlTests
{
    [Fact]
    public async Task OwnerAdmin_OwnAssets_HoldsEveryPermissionAsOwnerAdmin()
    {
        await using var world = await World.CreateAsync();

        var adAccount = (await world.AAdmin.Check(world.AA1)).Ok();
        var page = (await world.AAdmin.Check(world.PG1)).Ok();

        Assert.True(await world.AAdmin.Can(world.AA1, "billing.manage"));
        Assert.True(await world.AAdmin.Can(world.AA1, "account.users.manage"));
        Assert.True(await world.AAdmin.Can(world.PG1, "page.admins.manage"));
        Assert.True(await world.AAdmin.Can(world.PG1, "landing_pages.manage"));
        Assert.Equal(6, adAccount.Body.GetProperty("effectivePermissions").GetArrayLength());
        Assert.Equal(8, page.Body.GetProperty("effectivePermissions").GetArrayLength());
        var path = adAccount.Body.GetProperty("paths")[0];
        Assert.Equal("OWNER_ADMIN", path.GetProperty("kind").GetString());
        Assert.Equal(world.A, path.GetProperty("business").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Assign_OwnerAdminAssignsOwnMember_MemberHoldsExactlyThatRole()
    {
        await using var world = await World.CreateAsync();
        Assert.False(await world.A1.Can(world.AA1, "reports.view"));

        var assigned = await world.AAdmin.Assign(world.A, world.AA1, world.A1, "CAMPAIGN_MANAGER");

        assigned.Ok();
        Assert.True(RulesSteps.HasChange(assigned, "assignment_set"));
        Assert.True(await world.A1.Can(world.AA1, "campaigns.edit"));
        Assert.False(await world.A1.Can(world.AA1, "account.edit"));
        Assert.Equal(["CAMPAIGN_MANAGER"], await world.A1.EffectiveRoles(world.AA1));
        Assert.Equal([$"{world.A1.Id}:CAMPAIGN_MANAGER"],
            await RulesSteps.Assignments(world.AAdmin, world.A, world.AA1));
        Assert.Contains(world.AA1, await world.A1.MyAssetIds());
        Assert.DoesNotContain(world.AA2, await world.A1.MyAssetIds());
    }

    [Fact]
    public async Task Unassign_OwnerAdminRemovesRole_MemberLosesIt()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Assign(world.A, world.PG1, world.A1, "CONTENT_ADMINISTRATOR")).Ok();

        var removed = await world.AAdmin.Unassign(world.A, world.PG1, world.A1.Id);

        removed.Ok();
        Assert.True(RulesSteps.HasChange(removed, "assignment_removed"));
        Assert.False(await world.A1.Can(world.PG1, "analytics.view"));
        Assert.Empty(await RulesSteps.Assignments(world.AAdmin, world.A, world.PG1));
    }

    [Fact]
    public async Task Check_OutsidersWithoutShare_HoldNothingOnOwnersAssets()
    {
        await using var world = await World.CreateAsync();

        var outsiders = new[] { world.BAdmin, world.B1, world.BMgr, world.CAdmin, world.DAdmin, world.A1 };

        foreach (var outsider in outsiders)
        {
            Assert.False(await outsider.Can(world.AA1, "reports.view"));
            Assert.False(await outsider.Can(world.PG1, "analytics.view"));
            Assert.Empty(await outsider.EffectiveRoles(world.AA1));
        }

        Assert.Empty(await world.BAdmin.MyAssetIds($"&ownerId={world.A}"));
        Assert.Empty(await world.DAdmin.MyAssetIds());
    }

    [Fact]
    public async Task Assign_MemberWithoutAccess_RefusedAsNotFoundAndNothingChanges()
    {
        await using var world = await World.CreateAsync();
        var path = RulesSteps.AssignmentsPath(world.A, world.AA1);
        var before = await RulesSteps.Snapshot(world, (world.AAdmin, path));

        var refused = await world.A1.Assign(world.A, world.AA1, world.A2, "VIEWER");

        refused.Refused(HttpStatusCode.NotFound, "asset_not_found");
        Assert.Equal(before, await RulesSteps.Snapshot(world, (world.AAdmin, path)));
        Assert.False(await world.A2.Can(world.AA1, "reports.view"));
    }

    [Fact]
    public async Task Assign_MemberWhoCannotManageUsers_RefusedNotAllowedToAssign()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "CAMPAIGN_MANAGER")).Ok();
        var path = RulesSteps.AssignmentsPath(world.A, world.AA1);
        var before = await RulesSteps.Snapshot(world, (world.AAdmin, path));

        var refused = await world.A1.Assign(world.A, world.AA1, world.A2, "VIEWER");

        refused.Refused(HttpStatusCode.Forbidden, "not_allowed_to_assign");
        Assert.Equal(before, await RulesSteps.Snapshot(world, (world.AAdmin, path)));
    }

    [Fact]
    public async Task Assign_PersonOutsideOwner_RefusedNotAMember()
    {
        await using var world = await World.CreateAsync();
        var path = RulesSteps.AssignmentsPath(world.A, world.AA1);
        var before = await RulesSteps.Snapshot(world, (world.AAdmin, path));

        var refused = await world.AAdmin.Assign(world.A, world.AA1, world.B1, "VIEWER");

        refused.Refused(HttpStatusCode.Conflict, "not_a_member");
        Assert.Equal(before, await RulesSteps.Snapshot(world, (world.AAdmin, path)));
        Assert.False(await world.B1.Can(world.AA1, "reports.view"));
    }

    [Fact]
    public async Task Assign_PageRoleOnAdAccount_RefusedRoleNotForAssetType()
    {
        await using var world = await World.CreateAsync();
        var path = RulesSteps.AssignmentsPath(world.A, world.AA1);
        var before = await RulesSteps.Snapshot(world, (world.AAdmin, path));

        var refused = await world.AAdmin.Assign(world.A, world.AA1, world.A1, "ADMINISTRATOR");

        refused.Refused(HttpStatusCode.BadRequest, "role_not_for_asset_type");
        Assert.Equal("role", refused.Body.GetProperty("field").GetString());
        Assert.Equal(before, await RulesSteps.Snapshot(world, (world.AAdmin, path)));
    }

    [Fact]
    public async Task CreateAsset_EmployeeOrOutsider_RefusedAndNoAssetAppears()
    {
        await using var world = await World.CreateAsync();
        var path = $"/api/v1/businesses/{world.A}/assets";
        var before = await RulesSteps.Snapshot(world, (world.AAdmin, path));

        var byEmployee = await world.A1.CreateAssetRaw(world.A);
        var byOutsider = await world.DAdmin.CreateAssetRaw(world.A);

        byEmployee.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        byOutsider.Refused(HttpStatusCode.NotFound, "business_not_found");
        Assert.Equal(before, await RulesSteps.Snapshot(world, (world.AAdmin, path)));
    }

    [Fact]
    public async Task ListAssets_Outsider_RefusedBusinessNotFound()
    {
        await using var world = await World.CreateAsync();

        var refused = await world.BAdmin.Get($"/api/v1/businesses/{world.A}/assets");

        refused.Refused(HttpStatusCode.NotFound, "business_not_found");
    }

    [Fact]
    public async Task ChangeMemberRole_LastAdminDemoted_RefusedLastAdminAndNothingChanges()
    {
        await using var world = await World.CreateAsync();
        var members = $"/api/v1/businesses/{world.A}/members";
        var before = await RulesSteps.Snapshot(world, (world.AAdmin, members));

        var demoted = await world.AAdmin.Patch($"{members}/{world.AAdmin.Id}", new { role = "EMPLOYEE" });
        var removed = await world.AAdmin.RemoveMember(world.A, world.AAdmin.Id);

        demoted.Refused(HttpStatusCode.Conflict, "last_admin");
        removed.Refused(HttpStatusCode.Conflict, "last_admin");
        Assert.Equal(before, await RulesSteps.Snapshot(world, (world.AAdmin, members)));
        Assert.True(await world.AAdmin.Can(world.AA1, "billing.manage"));
    }

    [Fact]
    public async Task ChangeMemberRole_SecondAdminExists_FirstAdminMayStepDown()
    {
        await using var world = await World.CreateAsync();
        var members = $"/api/v1/businesses/{world.A}/members";
        (await world.AAdmin.Patch($"{members}/{world.A1.Id}", new { role = "ADMIN" })).Ok();

        var steppedDown = await world.AAdmin.Patch($"{members}/{world.AAdmin.Id}", new { role = "EMPLOYEE" });

        steppedDown.Ok();
        Assert.True(await world.A1.Can(world.AA1, "billing.manage"));
        Assert.False(await world.AAdmin.Can(world.AA1, "reports.view"));
        (await world.AAdmin.Patch($"{members}/{world.A1.Id}", new { role = "EMPLOYEE" }))
            .Refused(HttpStatusCode.Forbidden, "not_business_admin");
    }

    [Fact]
    public async Task Invite_ExistingMemberOrPendingAddress_RefusedAndNoInvitationAdded()
    {
        await using var world = await World.CreateAsync();
        var invitations = $"/api/v1/businesses/{world.A}/invitations";
        (await world.AAdmin.Post(invitations, new { email = "new@brand.com", role = "EMPLOYEE" })).Ok();
        var before = await RulesSteps.Snapshot(world, (world.AAdmin, invitations));

        var member = await world.AAdmin.Post(invitations, new { email = world.A1.Email, role = "EMPLOYEE" });
        var pending = await world.AAdmin.Post(invitations, new { email = "new@brand.com", role = "CONTRACTOR" });

        member.Refused(HttpStatusCode.Conflict, "already_a_member");
        pending.Refused(HttpStatusCode.Conflict, "invitation_already_pending");
        Assert.Equal(before, await RulesSteps.Snapshot(world, (world.AAdmin, invitations)));
    }

    [Fact]
    public async Task Invite_Employee_RefusedNotBusinessAdmin()
    {
        await using var world = await World.CreateAsync();
        var invitations = $"/api/v1/businesses/{world.A}/invitations";
        var before = await RulesSteps.Snapshot(world, (world.AAdmin, invitations));

        var refused = await world.A1.Post(invitations, new { email = "friend@brand.com", role = "ADMIN" });

        refused.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        Assert.Equal(before, await RulesSteps.Snapshot(world, (world.AAdmin, invitations)));
    }
}

internal static class Rule1Steps
{
    public static Task<ApiResponse> CreateAssetRaw(this Actor actor, long business) =>
        actor.Post($"/api/v1/businesses/{business}/assets", new { type = "AD_ACCOUNT", name = "Sneaky" });
}
