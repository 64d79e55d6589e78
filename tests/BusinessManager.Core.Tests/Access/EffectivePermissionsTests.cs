using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Tests.Support;
using static BusinessManager.Core.Tests.Support.World;

namespace BusinessManager.Core.Tests.Access;

/// <summary>Rule 5, asked of the index directly: the union of the owner-admin, owner and partner paths.</summary>
public sealed class EffectivePermissionsTests
{
    [Fact]
    public void EffectivePermissions_OwnerAdmin_HoldsEveryPermissionOfTheAssetType()
    {
        var world = World.Empty();

        var page = world.Effective(AAdmin, PG1);
        var adAccount = world.Effective(AAdmin, AA1);

        Assert.Equal(RoleCatalog.AllFor(AssetType.Page), page);
        Assert.Equal(RoleCatalog.AllFor(AssetType.AdAccount), adAccount);
    }

    [Fact]
    public void EffectivePermissions_OwnerEmployeeWithoutAssignment_HoldsNothing()
    {
        var world = World.Empty();

        var effective = world.Effective(A1, PG1);

        Assert.Equal(Permission.None, effective);
    }

    [Fact]
    public void EffectivePermissions_OwnerAssignment_GrantsTheRolesPermissions()
    {
        var world = World.Empty().Assign(A1, AA1, A, AssetRole.CampaignManager);

        var effective = world.Effective(A1, AA1);

        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.CampaignManager), effective);
        Assert.Equal(Permission.None, world.Effective(A1, AA2));
    }

    [Fact]
    public void EffectivePermissions_AdminOfAnotherBusiness_HoldsNothingWithoutAShare()
    {
        var world = World.Standard();

        var effective = world.Effective(BAdmin, PG1);

        Assert.Equal(Permission.None, effective);
    }

    [Fact]
    public void EffectivePermissions_PartnerAdminThroughShare_HoldsNothingUntilAssigned()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Administrator);

        var effective = world.Effective(BAdmin, PG1);

        Assert.Equal(Permission.None, effective);
    }

    [Fact]
    public void EffectivePermissions_PartnerAssignmentAboveCeiling_IsIntersectedWithCeiling()
    {
        var world = World.Standard()
            .Share(PG1, B, AssetRole.ContentAdministrator)
            .Assign(B1, PG1, B, AssetRole.ContentAdministrator)
            .Share(PG1, B, AssetRole.Curator);

        var effective = world.Effective(B1, PG1);

        // An intersection, not "the lower of two roles": CONTENT_ADMINISTRATOR ∩ CURATOR is analytics only.
        Assert.Equal(Permission.AnalyticsView, effective);
    }

    [Fact]
    public void EffectivePermissions_PartnerAssignmentWithoutShare_GrantsNothing()
    {
        var world = World.Standard().Assign(B1, PG1, B, AssetRole.Administrator);

        var effective = world.Effective(B1, PG1);

        Assert.Equal(Permission.None, effective);
    }

    [Fact]
    public void C01_EffectivePermissions_CeilingLowered_CapsAtOnceAndRaisingRestores()
    {
        var world = World.Standard()
            .Share(AA1, B, AssetRole.CampaignManager)
            .Assign(B1, AA1, B, AssetRole.CampaignManager)
            .Assign(B2, AA1, B, AssetRole.Viewer);

        world.Share(AA1, B, AssetRole.Viewer);
        var lowered = (B1: world.Effective(B1, AA1), B2: world.Effective(B2, AA1));
        var editsCampaigns = world.Index.Check(B1, AA1, Permission.CampaignsEdit);
        var readsReports = world.Index.Check(B1, AA1, Permission.ReportsView);
        world.Share(AA1, B, AssetRole.CampaignManager);
        var raised = world.Effective(B1, AA1);

        Assert.Equal(Permission.ReportsView, lowered.B1);
        Assert.False(editsCampaigns);
        Assert.True(readsReports);
        Assert.Equal(Permission.ReportsView, lowered.B2);
        Assert.Equal(AssetRole.CampaignManager, world.Index.AssignmentRole(B1, AA1, B));
        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.CampaignManager), raised);
    }

    [Fact]
    public void C44_EffectivePermissions_TwoPaths_IsTheirUnionAndEachPathCountsAlone()
    {
        var world = World.Standard()
            .Member(A, M, BusinessRole.Employee)
            .Member(B, M, BusinessRole.Employee)
            .Assign(M, PG1, A, AssetRole.Analyst)
            .Share(PG1, B, AssetRole.ContentAdministrator)
            .Assign(M, PG1, B, AssetRole.ContentAdministrator);
        var contentAdmin = RoleCatalog.PermissionsOf(AssetRole.ContentAdministrator);
        var analyst = RoleCatalog.PermissionsOf(AssetRole.Analyst);

        var both = world.Effective(M, PG1);
        world.Share(PG1, B, AssetRole.Analyst);
        var lowered = world.Effective(M, PG1);
        world.Share(PG1, B, AssetRole.ContentAdministrator);
        world.Apply(new AssignmentRemoved(M, PG1, A));
        var partnerOnly = world.Effective(M, PG1);

        Assert.Equal(contentAdmin, both);
        Assert.Equal(analyst, lowered);
        Assert.Equal(contentAdmin, partnerOnly);
    }

    [Fact]
    public void EffectivePermissions_UnionOfUnrelatedRoles_HoldsBothRolesPermissions()
    {
        var world = World.Standard()
            .Member(A, M, BusinessRole.Employee)
            .Member(B, M, BusinessRole.Contractor)
            .Assign(M, PG1, A, AssetRole.Curator)
            .Share(PG1, B, AssetRole.Administrator)
            .Assign(M, PG1, B, AssetRole.LeadGenFormsManager);

        var effective = world.Effective(M, PG1);

        Assert.Equal(Permission.AnalyticsView | Permission.ContentCurate | Permission.LeadFormsManage, effective);
        Assert.Equal([AssetRole.Curator, AssetRole.LeadGenFormsManager],
            RoleCatalog.RolesDescribing(effective, AssetType.Page).Order());
    }

    [Fact]
    public void EffectivePermissions_OwnerAdminWithLowerAssignment_StillHoldsEverything()
    {
        var world = World.Empty().Assign(AAdmin, PG1, A, AssetRole.Analyst);

        var effective = world.Effective(AAdmin, PG1);

        Assert.Equal(RoleCatalog.AllFor(AssetType.Page), effective);
    }

    [Fact]
    public void EffectivePermissions_AdminDemoted_LosesOwnerAdminPathAtOnce()
    {
        var world = World.Empty().Member(A, A2, BusinessRole.Admin);

        var before = world.Effective(A2, PG1);
        world.Member(A, A2, BusinessRole.Employee);
        var after = world.Effective(A2, PG1);

        Assert.Equal(RoleCatalog.AllFor(AssetType.Page), before);
        Assert.Equal(Permission.None, after);
    }

    [Fact]
    public void C19_EffectivePermissions_TwoWayPartnership_GivesNoTransitiveAccess()
    {
        var world = World.Standard()
            .Partner(B, C)
            .Share(PG1, B, AssetRole.Administrator)
            .Share(PGB, A, AssetRole.Analyst)
            .Share(BA1, C, AssetRole.Viewer)
            .Assign(B1, PG1, B, AssetRole.Administrator)
            .Assign(A1, PGB, A, AssetRole.Analyst)
            .Assign(C1, BA1, C, AssetRole.Viewer);

        var answers = world.AllAnswers();

        Assert.Equal(RoleCatalog.AllFor(AssetType.Page), answers[(B1, PG1)]);
        Assert.Equal(Permission.AnalyticsView, answers[(A1, PGB)]);
        Assert.Equal(Permission.ReportsView, answers[(C1, BA1)]);
        Assert.All(new[] { AA1, AA2, PG2 }, a => Assert.Equal(Permission.None, answers[(B1, a)]));
        Assert.All(new[] { AA1, AA2, PG2 }, a => Assert.Equal(Permission.None, answers[(BAdmin, a)]));
        Assert.All(new[] { BA1, PGB }, a => Assert.Equal(Permission.None, answers[(AAdmin, a)]));
        Assert.All(World.Assets.Except([BA1]), a => Assert.Equal(Permission.None, answers[(C1, a)]));
        Assert.All(World.Assets.Where(a => a != CA1), a => Assert.Equal(Permission.None, answers[(CAdmin, a)]));
    }

    [Fact]
    public void C20_EffectivePermissions_RoleInOneBusiness_DoesNotCountOnAnothersAssets()
    {
        var world = World.Standard()
            .Member(C, M, BusinessRole.Admin)
            .Member(B, M, BusinessRole.Employee)
            .Share(PG1, B, AssetRole.Administrator);

        var shared = world.Effective(M, PG1);
        var partnersOwn = world.Effective(M, PGB);
        var own = world.Effective(M, CA1);

        Assert.Equal(Permission.None, shared);
        Assert.Equal(Permission.None, partnersOwn);
        Assert.Equal(RoleCatalog.AllFor(AssetType.AdAccount), own);
    }

    [Fact]
    public void Check_PermissionNone_IsFalseEvenForOwnerAdmin()
    {
        var world = World.Empty();

        var allowed = world.Index.Check(AAdmin, PG1, Permission.None);

        Assert.False(allowed);
    }

    [Fact]
    public void Check_SeveralPermissions_NeedsAllOfThem()
    {
        var world = World.Empty().Assign(A1, AA1, A, AssetRole.Viewer);

        var one = world.Index.Check(A1, AA1, Permission.ReportsView);
        var two = world.Index.Check(A1, AA1, Permission.ReportsView | Permission.CreativesEdit);

        Assert.True(one);
        Assert.False(two);
    }

    [Fact]
    public void Check_PagePermissionOnAdAccount_IsFalseForOwnerAdmin()
    {
        var world = World.Empty();

        var allowed = world.Index.Check(AAdmin, AA1, Permission.PageEdit);

        Assert.False(allowed);
    }

    [Fact]
    public void EffectivePermissions_UnknownPersonOrAsset_IsNone()
    {
        var world = World.Empty();

        var person = world.Effective(999, PG1);
        var asset = world.Effective(AAdmin, 999);

        Assert.Equal(Permission.None, person);
        Assert.Equal(Permission.None, asset);
    }
}
