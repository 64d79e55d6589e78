using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Rules;
using BusinessManager.Core.Tests.Support;
using static BusinessManager.Core.Tests.Support.World;

namespace BusinessManager.Core.Tests.Rules;

/// <summary>
/// A business always keeps an admin; removing a member ends what that business gave them, and no more.
/// </summary>
public sealed class MemberRulesTests
{
    [Fact]
    public void C12_ChangeRole_LastAdminDemotesThemself_ReturnsLastAdmin()
    {
        var world = World.Empty();

        var result = MemberRules.ChangeRole(world.Index, AAdmin, A, AAdmin, BusinessRole.Employee);

        ResultAssert.Refused(result, "last_admin");
        Assert.Equal(BusinessRole.Admin, world.Index.RoleOf(AAdmin, A));
    }

    [Fact]
    public void ChangeRole_DemoteWithAnotherAdmin_SetsTheRole()
    {
        var world = World.Empty().Member(A, A2, BusinessRole.Admin);

        var changes = world.Commit(MemberRules.ChangeRole(world.Index, A2, A, AAdmin, BusinessRole.Contractor));

        Assert.Equal([new MemberSet(A, AAdmin, BusinessRole.Contractor)], changes);
        Assert.Equal(1, world.Index.AdminCount(A));
    }

    [Fact]
    public void ChangeRole_ByEmployee_ReturnsNotBusinessAdmin()
    {
        var world = World.Empty();

        var result = MemberRules.ChangeRole(world.Index, A1, A, A1, BusinessRole.Admin);

        ResultAssert.Refused(result, "not_business_admin");
    }

    [Fact]
    public void C20_ChangeRole_AdminOfAnotherBusiness_ReturnsBusinessNotFound()
    {
        var world = World.Empty().Member(C, M, BusinessRole.Admin).Member(B, M, BusinessRole.Employee);

        var other = MemberRules.ChangeRole(world.Index, CAdmin, B, B1, BusinessRole.Admin);
        var plainMember = MemberRules.ChangeRole(world.Index, M, B, B1, BusinessRole.Admin);

        ResultAssert.Refused(other, "business_not_found");
        ResultAssert.Refused(plainMember, "not_business_admin");
    }

    [Fact]
    public void ChangeRole_PersonNotAMember_ReturnsMemberNotFound()
    {
        var world = World.Empty();

        var result = MemberRules.ChangeRole(world.Index, AAdmin, A, B1, BusinessRole.Employee);

        ResultAssert.Refused(result, "member_not_found");
    }

    [Fact]
    public void ChangeRole_PromoteEmployee_GivesEveryPermissionOnOwnedAssets()
    {
        var world = World.Empty();

        world.Commit(MemberRules.ChangeRole(world.Index, AAdmin, A, A1, BusinessRole.Admin));

        Assert.Equal(RoleCatalog.AllFor(AssetType.Page), world.Effective(A1, PG1));
        Assert.Equal(2, world.Index.AdminCount(A));
    }

    [Fact]
    public void C12_Remove_LastAdminLeaves_ReturnsLastAdmin()
    {
        var world = World.Empty();

        var result = MemberRules.Remove(world.Index, AAdmin, A, AAdmin);

        ResultAssert.Refused(result, "last_admin");
    }

    [Fact]
    public void Remove_MemberLeavesThemself_IsAllowedWithoutAdmin()
    {
        var world = World.Empty().Assign(A1, PG1, A, AssetRole.Analyst);

        var changes = world.Commit(MemberRules.Remove(world.Index, A1, A, A1));

        Assert.Equal([new AssignmentRemoved(A1, PG1, A), new MemberRemoved(A, A1)], changes);
        Assert.Null(world.Index.RoleOf(A1, A));
    }

    [Fact]
    public void Remove_EmployeeRemovesSomeoneElse_ReturnsNotBusinessAdmin()
    {
        var world = World.Empty();

        var result = MemberRules.Remove(world.Index, A1, A, A2);

        ResultAssert.Refused(result, "not_business_admin");
    }

    [Fact]
    public void Remove_PersonNotAMember_ReturnsMemberNotFound()
    {
        var world = World.Empty();

        var result = MemberRules.Remove(world.Index, AAdmin, A, B1);

        ResultAssert.Refused(result, "member_not_found");
    }

    [Fact]
    public void C28_Remove_MemberOfTwoBusinesses_EndsOnlyTheAssignmentsThatBusinessMade()
    {
        var world = World.Standard()
            .Member(A, M, BusinessRole.Contractor)
            .Member(B, M, BusinessRole.Employee)
            .Share(PG1, B, AssetRole.ContentAdministrator)
            .Share(BA1, A, AssetRole.Viewer)
            .Assign(M, PG1, A, AssetRole.Curator)
            .Assign(M, AA1, A, AssetRole.Viewer)
            .Assign(M, BA1, A, AssetRole.Viewer)
            .Assign(M, PG1, B, AssetRole.DirectSponsoredContentPoster)
            .Assign(M, PGB, B, AssetRole.Analyst);

        var changes = world.Commit(MemberRules.Remove(world.Index, AAdmin, A, M));

        Assert.Equal(
            [(M, AA1, A), (M, PG1, A), (M, BA1, A)],
            changes.OfType<AssignmentRemoved>().Select(r => (r.PersonId, r.AssetId, r.ByBusinessId)));
        Assert.Equal(new MemberRemoved(A, M), changes[^1]);
        Assert.Equal(BusinessRole.Employee, world.Index.RoleOf(M, B));
        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.DirectSponsoredContentPoster), world.Effective(M, PG1));
        Assert.Equal(Permission.AnalyticsView, world.Effective(M, PGB));
        Assert.Equal(Permission.None, world.Effective(M, AA1));
        Assert.Equal(Permission.None, world.Effective(M, BA1));
        Assert.Equal([B], world.Index.PeopleWithAccess(PG1).Where(p => p.PersonId == M).SelectMany(p => p.Paths)
            .Select(p => p.BusinessId));
    }

    [Fact]
    public void C30_Remove_FreelancerFromOnePartner_KeepsAccessThroughTheOther()
    {
        var world = World.Standard()
            .Partner(A, C)
            .Member(B, M, BusinessRole.Contractor)
            .Member(C, M, BusinessRole.Contractor)
            .Share(PG1, B, AssetRole.DirectSponsoredContentPoster)
            .Share(AA1, C, AssetRole.Viewer)
            .Assign(M, PG1, B, AssetRole.DirectSponsoredContentPoster)
            .Assign(M, AA1, C, AssetRole.Viewer);
        var listed = world.Index.AssetsOf(M).Select(a => (a.AssetId, a.Paths.Single().BusinessId)).ToList();

        world.Commit(MemberRules.Remove(world.Index, CAdmin, C, M));

        Assert.Equal([(AA1, C), (PG1, B)], listed);
        Assert.Equal([PG1], world.Index.AssetsOf(M).Select(a => a.AssetId));
        Assert.Equal(Permission.None, world.Effective(M, AA1));
    }

    [Fact]
    public void C06_Remove_FormerEmployee_IsNoLongerListedOnTheAsset()
    {
        var world = World.Standard().Assign(A1, PG1, A, AssetRole.ContentAdministrator);

        world.Commit(MemberRules.Remove(world.Index, AAdmin, A, A1));

        Assert.DoesNotContain(world.Index.PeopleWithAccess(PG1), p => p.PersonId == A1);
        Assert.Empty(world.Index.AssignmentsOfPerson(A1));
    }

    [Fact]
    public void C32_Remove_ThenRejoin_StartsWithNoAssignments()
    {
        var world = World.Standard()
            .Share(AA1, B, AssetRole.CampaignManager)
            .Assign(B1, AA1, B, AssetRole.CampaignManager)
            .Assign(B1, BA1, B, AssetRole.AccountManager);
        world.Commit(MemberRules.Remove(world.Index, BAdmin, B, B1));
        var removed = (AA1: world.Effective(B1, AA1), BA1: world.Effective(B1, BA1));

        world.Member(B, B1, BusinessRole.Employee);

        Assert.Equal((Permission.None, Permission.None), removed);
        Assert.Equal(Permission.None, world.Effective(B1, AA1));
        Assert.Equal(Permission.None, world.Effective(B1, BA1));
        Assert.Empty(world.Index.AssignmentsOfPerson(B1));
    }

    [Fact]
    public void C12_DeletePerson_LastAdminOfAnyBusiness_ReturnsLastAdmin()
    {
        var world = World.Empty().Member(B, AAdmin, BusinessRole.Employee);

        var result = MemberRules.DeletePerson(world.Index, AAdmin);

        ResultAssert.Refused(result, "last_admin");
    }

    [Fact]
    public void DeletePerson_NotTheLastAdmin_EndsEveryMembershipAndAssignment()
    {
        var world = World.Standard()
            .Member(A, M, BusinessRole.Admin)
            .Member(B, M, BusinessRole.Employee)
            .Share(PG1, B, AssetRole.Analyst)
            .Assign(M, PG1, B, AssetRole.Analyst)
            .Assign(M, PGB, B, AssetRole.Administrator);

        world.Commit(MemberRules.DeletePerson(world.Index, M));

        Assert.Empty(world.Index.MembershipsOf(M));
        Assert.Empty(world.Index.AssignmentsOfPerson(M));
        Assert.Empty(world.Index.AssetsOf(M));
        Assert.Equal(1, world.Index.AdminCount(A));
    }
}
