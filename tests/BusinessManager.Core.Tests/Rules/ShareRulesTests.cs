using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Rules;
using BusinessManager.Core.Tests.Support;
using static BusinessManager.Core.Tests.Support.World;

namespace BusinessManager.Core.Tests.Rules;

/// <summary>
/// Rule 3: only the owner's admins share, change a ceiling or end a share, and only with an active partner.
/// </summary>
public sealed class ShareRulesTests
{
    [Fact]
    public void Share_OwnerAdminWithActivePartner_SetsTheShare()
    {
        var world = World.Standard();

        var changes = world.Commit(ShareRules.Share(world.Index, AAdmin, A, PG1, B, AssetRole.Analyst));

        Assert.Equal([new ShareSet(PG1, B, AssetRole.Analyst)], changes);
        Assert.Equal(AssetRole.Analyst, world.Index.ShareCeiling(PG1, B));
    }

    [Fact]
    public void Share_EmployeeWhoCanSeeTheAsset_ReturnsNotBusinessAdmin()
    {
        var world = World.Standard().Assign(A1, PG1, A, AssetRole.Administrator);

        var result = ShareRules.Share(world.Index, A1, A, PG1, B, AssetRole.Analyst);

        ResultAssert.Refused(result, "not_business_admin");
    }

    [Fact]
    public void Share_EmployeeWithoutAccess_ReturnsAssetNotFound()
    {
        var world = World.Standard();

        var result = ShareRules.Share(world.Index, A1, A, PG1, B, AssetRole.Analyst);

        ResultAssert.Refused(result, "asset_not_found");
    }

    [Fact]
    public void Share_ActorNotAMemberOfTheOwner_ReturnsBusinessNotFound()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Administrator);

        var result = ShareRules.Share(world.Index, BAdmin, A, PG1, C, AssetRole.Analyst);

        ResultAssert.Refused(result, "business_not_found");
    }

    [Fact]
    public void Share_AssetOwnedByAnUnsharedBusiness_ReturnsAssetNotFound()
    {
        var world = World.Standard();

        var result = ShareRules.Share(world.Index, BAdmin, B, PG1, A, AssetRole.Analyst);

        ResultAssert.Refused(result, "asset_not_found");
    }

    /// <summary>
    /// The partner can see the shared asset (rule 7), so hiding it behind a 404 would be wrong; the refusal must
    /// say why: only the owner may share (rule 3, "a partner can never re-share").
    /// </summary>
    [Theory]
    [InlineData("share")]
    [InlineData("change_ceiling")]
    [InlineData("end")]
    public void OwnerOnlyActions_PartnerAdminOnSharedAsset_ReturnsNotAssetOwner(string action)
    {
        var world = World.Standard().Partner(B, C).Share(PG1, B, AssetRole.Administrator);

        var result = action switch
        {
            "share" => ShareRules.Share(world.Index, BAdmin, B, PG1, C, AssetRole.Analyst),
            "change_ceiling" => ShareRules.ChangeCeiling(world.Index, BAdmin, B, PG1, B, AssetRole.Administrator),
            _ => ShareRules.End(world.Index, BAdmin, B, PG1, B),
        };

        ResultAssert.Refused(result, "not_asset_owner");
    }

    [Fact]
    public void Share_PartnerReshares_LeavesTheThirdBusinessWithoutAccess()
    {
        var world = World.Standard().Partner(B, C).Share(PG1, B, AssetRole.Administrator);

        var result = ShareRules.Share(world.Index, BAdmin, B, PG1, C, AssetRole.Analyst);

        Assert.False(result.IsOk);
        Assert.Null(world.Index.ShareCeiling(PG1, C));
    }

    [Fact]
    public void Share_BusinessNotAPartner_ReturnsPartnershipNotActive()
    {
        var world = World.Standard();

        var result = ShareRules.Share(world.Index, AAdmin, A, PG1, C, AssetRole.Analyst);

        ResultAssert.Refused(result, "partnership_not_active");
    }

    [Fact]
    public void Share_AfterPartnershipEnded_ReturnsPartnershipNotActive()
    {
        var world = World.Standard();
        world.Apply(new PartnershipEnded(A, B));

        var result = ShareRules.Share(world.Index, AAdmin, A, PG1, B, AssetRole.Analyst);

        ResultAssert.Refused(result, "partnership_not_active");
    }

    [Fact]
    public void Share_AlreadyShared_ReturnsShareExists()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Analyst);

        var result = ShareRules.Share(world.Index, AAdmin, A, PG1, B, AssetRole.Administrator);

        ResultAssert.Refused(result, "share_exists");
    }

    [Fact]
    public void Share_CeilingOfTheOtherAssetType_ReturnsRoleNotForAssetType()
    {
        var world = World.Standard();

        var result = ShareRules.Share(world.Index, AAdmin, A, PG1, B, AssetRole.Viewer);

        ResultAssert.Refused(result, "role_not_for_asset_type");
        Assert.Equal("ceiling", result.Error!.Field);
    }

    [Fact]
    public void Share_ArchivedAsset_ReturnsAssetNotFound()
    {
        var world = World.Standard();
        world.Apply(new AssetRemoved(PG1));

        var result = ShareRules.Share(world.Index, AAdmin, A, PG1, B, AssetRole.Analyst);

        ResultAssert.Refused(result, "asset_not_found");
    }

    [Fact]
    public void C01_ChangeCeiling_Lowered_CapsPartnerPeopleAtOnceAndKeepsTheirRecordedRoles()
    {
        var world = World.Standard()
            .Share(AA1, B, AssetRole.CampaignManager)
            .Assign(B1, AA1, B, AssetRole.CampaignManager)
            .Assign(B2, AA1, B, AssetRole.Viewer);

        var effects = ShareRules.Effects(world.Index, AA1, B, AssetRole.Viewer);
        var changes = world.Commit(ShareRules.ChangeCeiling(world.Index, AAdmin, A, AA1, B, AssetRole.Viewer));

        Assert.Equal([new ShareSet(AA1, B, AssetRole.Viewer)], changes);
        Assert.Equal(
            [new CeilingEffect(B1, AssetRole.CampaignManager, RoleCatalog.PermissionsOf(AssetRole.CampaignManager),
                Permission.ReportsView)],
            effects);
        Assert.False(world.Index.Check(B1, AA1, Permission.CampaignsEdit));
        Assert.True(world.Index.Check(B1, AA1, Permission.ReportsView));
        Assert.Equal(Permission.ReportsView, world.Effective(B2, AA1));
        Assert.Equal(AssetRole.CampaignManager, world.Index.AssignmentRole(B1, AA1, B));
        ResultAssert.Refused(AssignmentRules.Assign(world.Index, BAdmin, B, AA1, B2, AssetRole.CreativeManager),
            "role_outside_ceiling");
    }

    [Fact]
    public void C01_Effects_RaisingTheCeilingAgain_NamesWhoRegainsTheirRole()
    {
        var world = World.Standard()
            .Share(AA1, B, AssetRole.Viewer)
            .Assign(B1, AA1, B, AssetRole.CampaignManager)
            .Assign(B2, AA1, B, AssetRole.Viewer);

        var effects = ShareRules.Effects(world.Index, AA1, B, AssetRole.CampaignManager);
        world.Commit(ShareRules.ChangeCeiling(world.Index, AAdmin, A, AA1, B, AssetRole.CampaignManager));

        Assert.Equal([B1], effects.Select(e => e.PersonId));
        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.CampaignManager), effects.Single().After);
        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.CampaignManager), world.Effective(B1, AA1));
    }

    [Fact]
    public void ChangeCeiling_NoShare_ReturnsShareNotFound()
    {
        var world = World.Standard();

        var result = ShareRules.ChangeCeiling(world.Index, AAdmin, A, PG1, B, AssetRole.Analyst);

        ResultAssert.Refused(result, "share_not_found");
    }

    [Fact]
    public void ChangeCeiling_CeilingOfTheOtherAssetType_ReturnsRoleNotForAssetType()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Analyst);

        var result = ShareRules.ChangeCeiling(world.Index, AAdmin, A, PG1, B, AssetRole.AccountManager);

        ResultAssert.Refused(result, "role_not_for_asset_type");
    }

    [Fact]
    public void ChangeCeiling_ByEmployeeWithAccess_ReturnsNotBusinessAdmin()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Analyst).Assign(A1, PG1, A, AssetRole.Administrator);

        var result = ShareRules.ChangeCeiling(world.Index, A1, A, PG1, B, AssetRole.Administrator);

        ResultAssert.Refused(result, "not_business_admin");
    }

    [Fact]
    public void C27_ChangeCeiling_OneShare_TouchesNoOtherShare()
    {
        var world = World.Standard()
            .Partner(A, C)
            .Share(PG1, B, AssetRole.Analyst)
            .Share(PG2, B, AssetRole.Curator)
            .Share(AA1, B, AssetRole.Viewer)
            .Share(PG1, C, AssetRole.DirectSponsoredContentPoster);
        var before = world.Index.Snapshot();

        world.Commit(ShareRules.ChangeCeiling(world.Index, AAdmin, A, PG1, B, AssetRole.ContentAdministrator));
        var raised = world.Index.Snapshot();
        world.Commit(ShareRules.End(world.Index, AAdmin, A, PG1, C));

        Assert.Equal([new ShareSet(PG1, B, AssetRole.ContentAdministrator)], raised.Except(before));
        Assert.Equal([new ShareSet(PG1, B, AssetRole.Analyst)], before.Except(raised));
        Assert.Equal([new ShareSet(PG1, C, AssetRole.DirectSponsoredContentPoster)],
            raised.Except(world.Index.Snapshot()));
        Assert.Empty(world.Index.Snapshot().Except(raised));
    }

    [Fact]
    public void C02_End_OneShare_EndsItsAssignmentsAndNothingElse()
    {
        var world = World.Standard()
            .Share(AA1, B, AssetRole.Viewer)
            .Share(PG1, B, AssetRole.DirectSponsoredContentPoster)
            .Assign(B1, AA1, B, AssetRole.Viewer)
            .Assign(B2, AA1, B, AssetRole.Viewer)
            .Assign(B1, PG1, B, AssetRole.DirectSponsoredContentPoster)
            .Assign(A1, AA1, A, AssetRole.CampaignManager);
        var before = world.AllAnswers();

        var changes = world.Commit(ShareRules.End(world.Index, AAdmin, A, AA1, B));

        Assert.Equal(
            [new AssignmentRemoved(B1, AA1, B), new AssignmentRemoved(B2, AA1, B), new ShareEnded(AA1, B)],
            changes.OrderBy(c => c is ShareEnded).ThenBy(c => (c as AssignmentRemoved)?.PersonId));
        var expected = new Dictionary<(long, long), Permission>(before)
        {
            [(B1, AA1)] = Permission.None,
            [(B2, AA1)] = Permission.None,
        };
        Assert.Equal(expected, world.AllAnswers());
        Assert.Equal([PG1], world.Index.SharesWith(B).Select(s => s.AssetId));
        Assert.True(world.Index.ArePartners(A, B));
        ResultAssert.Refused(AssignmentRules.Assign(world.Index, BAdmin, B, AA1, B1, AssetRole.Viewer),
            "asset_not_found");
    }

    [Fact]
    public void C02_Share_AgainAfterEnding_StartsWithNoAssignments()
    {
        var world = World.Standard().Share(AA1, B, AssetRole.Viewer).Assign(B1, AA1, B, AssetRole.Viewer);
        world.Commit(ShareRules.End(world.Index, AAdmin, A, AA1, B));

        world.Commit(ShareRules.Share(world.Index, AAdmin, A, AA1, B, AssetRole.AccountManager));

        Assert.Empty(world.Index.AssignmentsOnAsset(AA1));
        Assert.Equal(Permission.None, world.Effective(B1, AA1));
    }

    [Fact]
    public void End_NoShare_ReturnsShareNotFound()
    {
        var world = World.Standard();

        var result = ShareRules.End(world.Index, AAdmin, A, PG1, B);

        ResultAssert.Refused(result, "share_not_found");
    }
}
