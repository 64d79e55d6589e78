using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Rules;
using BusinessManager.Core.Tests.Support;
using static BusinessManager.Core.Tests.Support.World;

namespace BusinessManager.Core.Tests.Rules;

/// <summary>
/// Rules 3 and 4: a business assigns only its own members, on assets it owns or that are shared with it, within
/// the ceiling; a non-admin who manages an asset's users never grants or removes more than they hold.
/// </summary>
public sealed class AssignmentRulesTests
{
    [Fact]
    public void Assign_OwnerAdminAssignsOwnMember_SetsTheAssignment()
    {
        var world = World.Standard();

        var changes = world.Commit(
            AssignmentRules.Assign(world.Index, AAdmin, A, PG1, A1, AssetRole.ContentAdministrator));

        Assert.Equal([new AssignmentSet(A1, PG1, A, AssetRole.ContentAdministrator)], changes);
        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.ContentAdministrator), world.Effective(A1, PG1));
    }

    [Fact]
    public void Assign_PartnerAdminWithinCeiling_SetsTheAssignmentWithoutAskingTheOwner()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.DirectSponsoredContentPoster);

        var changes = world.Commit(AssignmentRules.Assign(world.Index, BAdmin, B, PG1, B1, AssetRole.Analyst));

        Assert.Equal([new AssignmentSet(B1, PG1, B, AssetRole.Analyst)], changes);
        Assert.Equal(Permission.AnalyticsView, world.Effective(B1, PG1));
    }

    [Fact]
    public void Assign_PartnerAdminAtTheCeiling_IsAllowed()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.DirectSponsoredContentPoster);

        var result = AssignmentRules.Assign(world.Index, BAdmin, B, PG1, B1, AssetRole.DirectSponsoredContentPoster);

        Assert.True(result.IsOk);
    }

    [Theory]
    [InlineData(AssetRole.ContentAdministrator)]
    [InlineData(AssetRole.Administrator)]
    [InlineData(AssetRole.Curator)]
    [InlineData(AssetRole.LeadGenFormsManager)]
    public void Assign_PartnerAdminRoleOutsideCeiling_ReturnsRoleOutsideCeiling(AssetRole role)
    {
        var world = World.Standard().Share(PG1, B, AssetRole.DirectSponsoredContentPoster);

        var result = AssignmentRules.Assign(world.Index, BAdmin, B, PG1, B1, role);

        ResultAssert.Refused(result, "role_outside_ceiling");
    }

    [Fact]
    public void Assign_PartnerAdminOnAssetNotSharedWithIt_ReturnsAssetNotFound()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Administrator);

        var result = AssignmentRules.Assign(world.Index, BAdmin, B, PG2, B1, AssetRole.Analyst);

        ResultAssert.Refused(result, "asset_not_found");
    }

    [Fact]
    public void Assign_ActorNotAMemberOfTheAssigningBusiness_ReturnsBusinessNotFound()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Administrator);

        var result = AssignmentRules.Assign(world.Index, AAdmin, B, PG1, B1, AssetRole.Analyst);

        ResultAssert.Refused(result, "business_not_found");
    }

    [Fact]
    public void Assign_PartnerAssignsTheOwnersPerson_ReturnsNotAMember()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Administrator);

        var result = AssignmentRules.Assign(world.Index, BAdmin, B, PG1, A1, AssetRole.Analyst);

        ResultAssert.Refused(result, "not_a_member");
    }

    [Fact]
    public void Assign_OwnerAssignsThePartnersPerson_ReturnsNotAMember()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Administrator);

        var result = AssignmentRules.Assign(world.Index, AAdmin, A, PG1, B1, AssetRole.Analyst);

        ResultAssert.Refused(result, "not_a_member");
    }

    [Fact]
    public void Assign_RoleOfTheOtherAssetType_ReturnsRoleNotForAssetType()
    {
        var world = World.Standard();

        var result = AssignmentRules.Assign(world.Index, AAdmin, A, PG1, A1, AssetRole.AccountManager);

        ResultAssert.Refused(result, "role_not_for_asset_type");
    }

    [Fact]
    public void Assign_EmployeeWithoutUsersManage_ReturnsNotAllowedToAssign()
    {
        var world = World.Standard()
            .Share(PG1, B, AssetRole.Administrator)
            .Assign(B1, PG1, B, AssetRole.ContentAdministrator);

        var result = AssignmentRules.Assign(world.Index, B1, B, PG1, B2, AssetRole.Analyst);

        ResultAssert.Refused(result, "not_allowed_to_assign");
    }

    [Fact]
    public void Assign_EmployeeWithNoAccessToTheAsset_ReturnsAssetNotFound()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Administrator);

        var result = AssignmentRules.Assign(world.Index, B1, B, PG1, B2, AssetRole.Analyst);

        ResultAssert.Refused(result, "asset_not_found");
    }

    [Fact]
    public void Assign_PartnerUsersManagerWithinOwnPermissions_SetsTheAssignment()
    {
        var world = World.Standard()
            .Share(AA1, B, AssetRole.AccountBillingAdmin)
            .Assign(BMgr, AA1, B, AssetRole.AccountManager);

        var changes = world.Commit(AssignmentRules.Assign(world.Index, BMgr, B, AA1, B1, AssetRole.CampaignManager));

        Assert.Equal([new AssignmentSet(B1, AA1, B, AssetRole.CampaignManager)], changes);
    }

    [Fact]
    public void Assign_PartnerUsersManagerBeyondOwnPermissions_ReturnsRoleExceedsOwnPermissions()
    {
        var world = World.Standard()
            .Share(AA1, B, AssetRole.AccountBillingAdmin)
            .Assign(BMgr, AA1, B, AssetRole.AccountManager);

        var result = AssignmentRules.Assign(world.Index, BMgr, B, AA1, B1, AssetRole.AccountBillingAdmin);

        ResultAssert.Refused(result, "role_exceeds_own_permissions");
    }

    [Fact]
    public void Assign_OwnerUsersManagerBeyondOwnPermissions_ReturnsRoleExceedsOwnPermissions()
    {
        var world = World.Standard().Assign(A1, AA1, A, AssetRole.AccountManager);

        var result = AssignmentRules.Assign(world.Index, A1, A, AA1, A2, AssetRole.AccountBillingAdmin);

        ResultAssert.Refused(result, "role_exceeds_own_permissions");
    }

    [Fact]
    public void Assign_UsersManagerLoweringAHigherRole_ReturnsRoleExceedsOwnPermissions()
    {
        var world = World.Standard()
            .Share(AA1, B, AssetRole.AccountBillingAdmin)
            .Assign(BMgr, AA1, B, AssetRole.AccountManager)
            .Assign(B1, AA1, B, AssetRole.AccountBillingAdmin);

        var result = AssignmentRules.Assign(world.Index, BMgr, B, AA1, B1, AssetRole.Viewer);

        ResultAssert.Refused(result, "role_exceeds_own_permissions");
        Assert.Equal(AssetRole.AccountBillingAdmin, world.Index.AssignmentRole(B1, AA1, B));
    }

    [Fact]
    public void Assign_UsersManagerCappedByALoweredCeiling_ReturnsNotAllowedToAssign()
    {
        var world = World.Standard()
            .Share(AA1, B, AssetRole.AccountManager)
            .Assign(BMgr, AA1, B, AssetRole.AccountManager)
            .Share(AA1, B, AssetRole.CampaignManager);

        var result = AssignmentRules.Assign(world.Index, BMgr, B, AA1, B1, AssetRole.Viewer);

        ResultAssert.Refused(result, "not_allowed_to_assign");
    }

    [Fact]
    public void C24_Assign_ManagerUnderAPosterCeiling_CannotGrantAnythingHigher()
    {
        var world = World.Standard()
            .Share(PG1, B, AssetRole.DirectSponsoredContentPoster)
            .Assign(BMgr, PG1, B, AssetRole.Administrator);

        var toOther = AssignmentRules.Assign(world.Index, BMgr, B, PG1, B1, AssetRole.ContentAdministrator);
        var toSelf = AssignmentRules.Assign(world.Index, BMgr, B, PG1, BMgr, AssetRole.Administrator);
        var byAdmin = AssignmentRules.Assign(world.Index, BAdmin, B, PG1, B1, AssetRole.ContentAdministrator);

        ResultAssert.Refused(toOther, "not_allowed_to_assign");
        ResultAssert.Refused(toSelf, "not_allowed_to_assign");
        ResultAssert.Refused(byAdmin, "role_outside_ceiling");
        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.DirectSponsoredContentPoster), world.Effective(BMgr, PG1));
    }

    [Fact]
    public void C20_Assign_AdminOfAnotherBusinessAndPlainMemberOfThePartner_IsRefused()
    {
        var world = World.Standard()
            .Member(C, M, BusinessRole.Admin)
            .Member(B, M, BusinessRole.Employee)
            .Share(PG1, B, AssetRole.Administrator)
            .Assign(B1, PG1, B, AssetRole.Analyst);

        var assign = AssignmentRules.Assign(world.Index, M, B, PG1, B2, AssetRole.Analyst);
        var unassign = AssignmentRules.Unassign(world.Index, M, B, PG1, B1);
        var asC = AssignmentRules.Assign(world.Index, M, C, PG1, C1, AssetRole.Analyst);

        ResultAssert.Refused(assign, "asset_not_found");
        ResultAssert.Refused(unassign, "asset_not_found");
        ResultAssert.Refused(asC, "asset_not_found");
    }

    [Fact]
    public void Assign_AfterTheShareEnded_ReturnsAssetNotFound()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Administrator);
        world.Commit(ShareRules.End(world.Index, AAdmin, A, PG1, B));

        var result = AssignmentRules.Assign(world.Index, BAdmin, B, PG1, B1, AssetRole.Analyst);

        ResultAssert.Refused(result, "asset_not_found");
    }

    [Fact]
    public void C17_Unassign_OneAssignment_RemovesOnlyIt()
    {
        var world = World.Standard()
            .Share(PG1, B, AssetRole.Administrator)
            .Share(PG2, B, AssetRole.Administrator)
            .Share(AA1, B, AssetRole.AccountManager)
            .Assign(BMgr, PG2, B, AssetRole.Administrator)
            .Assign(B1, PG1, B, AssetRole.Analyst)
            .Assign(B1, PG2, B, AssetRole.Analyst)
            .Assign(B1, AA1, B, AssetRole.Viewer)
            .Assign(B2, PG2, B, AssetRole.Analyst);
        var before = world.Index.Snapshot();

        var changes = world.Commit(AssignmentRules.Unassign(world.Index, BMgr, B, PG2, B1));
        var after = world.Index.Snapshot();
        var notAssigned = AssignmentRules.Unassign(world.Index, BMgr, B, PG2, B1);
        var unknownAsset = AssignmentRules.Unassign(world.Index, BMgr, B, 999, B1);

        Assert.Equal([new AssignmentRemoved(B1, PG2, B)], changes);
        Assert.Equal([new AssignmentSet(B1, PG2, B, AssetRole.Analyst)], before.Except(after));
        Assert.Empty(after.Except(before));
        ResultAssert.Refused(notAssigned, "assignment_not_found");
        ResultAssert.Refused(unknownAsset, "asset_not_found");
    }

    [Fact]
    public void Unassign_UsersManagerRemovingAHigherRole_ReturnsRoleExceedsOwnPermissions()
    {
        var world = World.Standard()
            .Share(AA1, B, AssetRole.AccountBillingAdmin)
            .Assign(BMgr, AA1, B, AssetRole.AccountManager)
            .Assign(B1, AA1, B, AssetRole.AccountBillingAdmin);

        var result = AssignmentRules.Unassign(world.Index, BMgr, B, AA1, B1);

        ResultAssert.Refused(result, "role_exceeds_own_permissions");
    }

    [Fact]
    public void Unassign_EmployeeWithoutUsersManage_ReturnsNotAllowedToAssign()
    {
        var world = World.Standard()
            .Share(PG1, B, AssetRole.Administrator)
            .Assign(B1, PG1, B, AssetRole.ContentAdministrator)
            .Assign(B2, PG1, B, AssetRole.Analyst);

        var result = AssignmentRules.Unassign(world.Index, B1, B, PG1, B2);

        ResultAssert.Refused(result, "not_allowed_to_assign");
    }

    [Fact]
    public void Unassign_PartnerAdmin_CanRemoveOnlyItsOwnBusinessesAssignment()
    {
        var world = World.Standard()
            .Member(A, M, BusinessRole.Employee)
            .Member(B, M, BusinessRole.Employee)
            .Share(PG1, B, AssetRole.Administrator)
            .Assign(M, PG1, A, AssetRole.Curator)
            .Assign(M, PG1, B, AssetRole.Analyst);

        world.Commit(AssignmentRules.Unassign(world.Index, BAdmin, B, PG1, M));
        var again = AssignmentRules.Unassign(world.Index, BAdmin, B, PG1, M);

        ResultAssert.Refused(again, "assignment_not_found");
        Assert.Equal(AssetRole.Curator, world.Index.AssignmentRole(M, PG1, A));
        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.Curator), world.Effective(M, PG1));
    }

    [Fact]
    public void Authority_NonMemberActor_ReturnsBusinessNotFound()
    {
        var world = World.Standard();

        var result = AssignmentRules.Authority(world.Index, DAdmin, A, PG1);

        ResultAssert.Refused(result, "business_not_found");
    }
}
