using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Rules;
using BusinessManager.Core.Tests.Support;
using static BusinessManager.Core.Tests.Support.World;

namespace BusinessManager.Core.Tests.Rules;

/// <summary>Rule 8: ownership moves only with both sides' confirmation and a support agent's completion.</summary>
public sealed class TransferRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset Expiry = Now.AddDays(14);

    [Fact]
    public void Open_OwnerAdminToAnotherBusiness_IsAllowed()
    {
        var world = World.Standard();

        var error = TransferRules.Open(world.Index, AAdmin, A, PG1, C, null, anotherOpen: false);

        Assert.Null(error);
    }

    [Fact]
    public void C08_Open_RecipientAdminOfASharedAsset_IsAllowed()
    {
        var world = World.Standard().Share(BA1, A, AssetRole.Viewer);

        var error = TransferRules.Open(world.Index, AAdmin, A, BA1, A, null, anotherOpen: false);

        Assert.Null(error);
    }

    [Fact]
    public void Open_RefusedCases_ReturnTheirCodes()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Analyst);

        var employee = TransferRules.Open(world.Index, A1, A, PG1, B, null, false);
        var partnerToThird = TransferRules.Open(world.Index, BAdmin, B, PG1, C, null, false);
        var unshared = TransferRules.Open(world.Index, BAdmin, B, PG2, B, null, false);
        var toOwner = TransferRules.Open(world.Index, AAdmin, A, PG1, A, null, false);
        var unknownTarget = TransferRules.Open(world.Index, AAdmin, A, PG1, 999, null, false);
        var wrongType = TransferRules.Open(world.Index, AAdmin, A, PG1, B, AssetRole.Viewer, false);
        var keepWithoutPartner = TransferRules.Open(world.Index, AAdmin, A, PG1, C, AssetRole.Analyst, false);
        var alreadyOpen = TransferRules.Open(world.Index, AAdmin, A, PG1, B, null, true);

        ResultAssert.Refused(employee, "not_business_admin");
        ResultAssert.Refused(partnerToThird, "asset_not_found");
        ResultAssert.Refused(unshared, "asset_not_found");
        ResultAssert.Refused(toOwner, "transfer_to_owner");
        ResultAssert.Refused(unknownTarget, "business_not_found");
        ResultAssert.Refused(wrongType, "role_not_for_asset_type");
        ResultAssert.Refused(keepWithoutPartner, "partnership_not_active");
        ResultAssert.Refused(alreadyOpen, "transfer_already_open");
    }

    [Fact]
    public void Confirm_RefusedCases_ReturnTheirCodes()
    {
        var world = World.Standard();
        var open = Transfer(PG1, A, B);

        var outsider = TransferRules.Confirm(world.Index, CAdmin, C, open, Now);
        var notMember = TransferRules.Confirm(world.Index, CAdmin, B, open, Now);
        var employee = TransferRules.Confirm(world.Index, B1, B, open, Now);
        var expired = TransferRules.Confirm(world.Index, BAdmin, B, open, Expiry);
        var rejected = TransferRules.Confirm(world.Index, BAdmin, B, open with { Status = TransferStatus.Rejected },
            Now);
        var allowed = TransferRules.Confirm(world.Index, BAdmin, B, open, Now);

        ResultAssert.Refused(outsider, "transfer_not_found");
        ResultAssert.Refused(notMember, "transfer_not_found");
        ResultAssert.Refused(employee, "not_business_admin");
        ResultAssert.Refused(expired, "transfer_expired");
        ResultAssert.Refused(rejected, "transfer_not_open");
        Assert.Null(allowed);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void C08_Complete_WithoutBothConfirmations_ReturnsTransferNotConfirmed(bool byFrom, bool byTo)
    {
        var world = World.Standard().Share(BA1, A, AssetRole.Viewer);
        var transfer = Transfer(BA1, B, A) with { ConfirmedByFrom = byFrom, ConfirmedByTo = byTo };

        var result = TransferRules.Complete(world.Index, transfer, Now);

        ResultAssert.Refused(result, "transfer_not_confirmed");
        Assert.Equal(B, world.Index.Asset(BA1)!.OwnerId);
    }

    [Fact]
    public void Complete_Expired_ReturnsTransferExpired()
    {
        var world = World.Standard();

        var result = TransferRules.Complete(world.Index, Confirmed(PG1, A, B), Expiry);

        ResultAssert.Refused(result, "transfer_expired");
    }

    [Fact]
    public void C10_Complete_SecondOfTwoRacingTransfers_ReturnsOwnershipChanged()
    {
        var world = World.Standard().Partner(A, C);
        var toB = Confirmed(AA1, A, B);
        var toC = Confirmed(AA1, A, C) with { Id = 2 };

        world.Commit(TransferRules.Complete(world.Index, toB, Now).Value!.Changes);
        var second = TransferRules.Complete(world.Index, toC, Now);

        ResultAssert.Refused(second, "ownership_changed");
        Assert.Equal(B, world.Index.Asset(AA1)!.OwnerId);
        Assert.Single(world.Index.PeopleWithAccess(AA1), p => p.Paths.Any(path => path.Kind == PathKind.OwnerAdmin));
    }

    [Fact]
    public void Complete_KeptShareButPartnershipEnded_ReturnsPartnershipNotActive()
    {
        var world = World.Standard();
        world.Apply(new PartnershipEnded(A, B));
        var transfer = Confirmed(PG1, A, B) with { KeepShareCeiling = AssetRole.Analyst };

        var result = TransferRules.Complete(world.Index, transfer, Now);

        ResultAssert.Refused(result, "partnership_not_active");
    }

    [Fact]
    public void C37_Complete_ToThePartnerItWasSharedWith_TurnsItsAssignmentsIntoOwnerAssignments()
    {
        var world = World.Standard()
            .Partner(A, C)
            .Share(PG1, B, AssetRole.ContentAdministrator)
            .Share(PG1, C, AssetRole.Analyst)
            .Assign(B1, PG1, B, AssetRole.ContentAdministrator)
            .Assign(C1, PG1, C, AssetRole.Analyst)
            .Assign(A1, PG1, A, AssetRole.Curator);

        var plan = TransferRules.Complete(world.Index, Confirmed(PG1, A, B), Now).Value!;
        world.Commit(plan.Changes);

        Assert.Equal([new AssignmentView(B1, PG1, B, AssetRole.ContentAdministrator)], plan.CarriedOver);
        Assert.Equal(B, world.Index.Asset(PG1)!.OwnerId);
        Assert.Empty(world.Index.SharesOf(PG1));
        Assert.Equal(RoleCatalog.AllFor(AssetType.Page), world.Effective(BAdmin, PG1));
        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.ContentAdministrator), world.Effective(B1, PG1));
        Assert.Equal(PathKind.OwnerAssignment, world.Index.Explain(B1, PG1).Single().Kind);
        Assert.All(new[] { AAdmin, A1, C1 }, p => Assert.Equal(Permission.None, world.Effective(p, PG1)));
        Assert.Equal([new AssignmentView(B1, PG1, B, AssetRole.ContentAdministrator)],
            world.Index.AssignmentsOnAsset(PG1));
    }

    [Fact]
    public void Complete_KeepingAShare_LeavesOldOwnerAssignmentsCappedByTheNamedCeiling()
    {
        var world = World.Standard()
            .Share(PG1, B, AssetRole.Analyst)
            .Assign(A1, PG1, A, AssetRole.ContentAdministrator)
            .Assign(B1, PG1, B, AssetRole.Analyst);
        var transfer = Confirmed(PG1, A, B) with { KeepShareCeiling = AssetRole.DirectSponsoredContentPoster };

        var plan = TransferRules.Complete(world.Index, transfer, Now).Value!;
        world.Commit(plan.Changes);

        Assert.Equal([new ShareView(PG1, B, A, AssetRole.DirectSponsoredContentPoster)], world.Index.SharesOf(PG1));
        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.DirectSponsoredContentPoster), world.Effective(A1, PG1));
        Assert.Equal(Permission.None, world.Effective(AAdmin, PG1));
        Assert.Equal(Permission.AnalyticsView, world.Effective(B1, PG1));
        Assert.Equal(2, plan.CarriedOver.Count);
    }

    [Fact]
    public void Plan_Preview_DoesNotChangeTheIndex()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Analyst).Assign(B1, PG1, B, AssetRole.Analyst);
        var before = world.Index.Snapshot();

        var plan = TransferRules.Plan(world.Index, Confirmed(PG1, A, B));

        Assert.Contains(new AssetOwnerChanged(PG1, B), plan.Changes);
        Assert.Equal(before, world.Index.Snapshot());
    }

    [Fact]
    public void Cancel_ByEitherSidesAdmin_IsAllowedWhileOpen()
    {
        var world = World.Standard();
        var open = Transfer(PG1, A, B);

        var byFrom = TransferRules.Cancel(world.Index, AAdmin, A, open, Now);
        var byTo = TransferRules.Cancel(world.Index, BAdmin, B, open, Now);
        var completed = TransferRules.Cancel(world.Index, AAdmin, A, open with { Status = TransferStatus.Completed },
            Now);

        Assert.Null(byFrom);
        Assert.Null(byTo);
        ResultAssert.Refused(completed, "transfer_not_open");
    }

    private static TransferState Transfer(long assetId, long fromId, long toId) =>
        new(1, assetId, fromId, toId, TransferStatus.Open, false, false, null, Expiry);

    private static TransferState Confirmed(long assetId, long fromId, long toId) =>
        Transfer(assetId, fromId, toId) with { ConfirmedByFrom = true, ConfirmedByTo = true };
}
