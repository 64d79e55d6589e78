using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Rules;
using BusinessManager.Core.Tests.Support;
using static BusinessManager.Core.Tests.Support.World;

namespace BusinessManager.Core.Tests.Rules;

/// <summary>Rule 2: partnerships need both sides; either side may cancel a request or end a partnership.</summary>
public sealed class PartnershipRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset InThirtyDays = Now.AddDays(30);

    [Fact]
    public void Request_AdminToAnotherBusiness_IsAllowed()
    {
        var world = World.Empty();

        var error = PartnershipRules.Request(world.Index, AAdmin, A, B, [], Now);

        Assert.Null(error);
    }

    [Fact]
    public void Request_ByEmployee_ReturnsNotBusinessAdmin()
    {
        var world = World.Empty();

        var error = PartnershipRules.Request(world.Index, A1, A, B, [], Now);

        ResultAssert.Refused(error, "not_business_admin");
    }

    [Fact]
    public void Request_ByNonMember_ReturnsBusinessNotFound()
    {
        var world = World.Empty();

        var error = PartnershipRules.Request(world.Index, BAdmin, A, C, [], Now);

        ResultAssert.Refused(error, "business_not_found");
    }

    [Fact]
    public void Request_ToItself_ReturnsPartnershipWithSelf()
    {
        var world = World.Empty();

        var error = PartnershipRules.Request(world.Index, AAdmin, A, A, [], Now);

        ResultAssert.Refused(error, "partnership_with_self");
    }

    [Fact]
    public void Request_ToUnknownBusinessId_ReturnsBusinessNotFound()
    {
        var world = World.Empty();

        var error = PartnershipRules.Request(world.Index, AAdmin, A, 999_999_999, [], Now);

        ResultAssert.Refused(error, "business_not_found");
    }

    [Fact]
    public void Request_WhilePendingInEitherDirection_ReturnsPartnershipExists()
    {
        var world = World.Empty();
        var pending = Pending(requester: B, target: A);

        var error = PartnershipRules.Request(world.Index, AAdmin, A, B, [pending], Now);

        ResultAssert.Refused(error, "partnership_exists");
    }

    [Fact]
    public void Request_WhileActive_ReturnsPartnershipExists()
    {
        var world = World.Standard();

        var error = PartnershipRules.Request(world.Index, AAdmin, A, B, [], Now);

        ResultAssert.Refused(error, "partnership_exists");
    }

    [Fact]
    public void Request_AfterEarlierRequestExpired_IsAllowed()
    {
        var world = World.Empty();
        var expired = Pending(A, B) with { ExpiresAt = Now.AddSeconds(-1) };

        var error = PartnershipRules.Request(world.Index, AAdmin, A, B, [expired], Now);

        Assert.Null(error);
    }

    [Fact]
    public void Accept_ByTargetAdminBeforeExpiry_ActivatesBothWays()
    {
        var world = World.Empty();
        var justBefore = InThirtyDays.AddTicks(-1);

        var changes = world.Commit(PartnershipRules.Accept(world.Index, BAdmin, B, Pending(A, B), justBefore));

        Assert.Equal([new PartnershipActivated(A, B)], changes);
        Assert.True(world.Index.ArePartners(A, B));
        Assert.True(world.Index.ArePartners(B, A));
    }

    [Fact]
    public void Accept_ByRequester_ReturnsNotRequestTarget()
    {
        var world = World.Empty();

        var result = PartnershipRules.Accept(world.Index, AAdmin, A, Pending(A, B), Now);

        ResultAssert.Refused(result, "not_request_target");
    }

    [Fact]
    public void Accept_ByTargetEmployee_ReturnsNotBusinessAdmin()
    {
        var world = World.Empty();

        var result = PartnershipRules.Accept(world.Index, B1, B, Pending(A, B), Now);

        ResultAssert.Refused(result, "not_business_admin");
    }

    [Fact]
    public void Accept_ByUninvolvedBusiness_ReturnsPartnershipNotFound()
    {
        var world = World.Empty();

        var result = PartnershipRules.Accept(world.Index, CAdmin, C, Pending(A, B), Now);

        ResultAssert.Refused(result, "partnership_not_found");
    }

    [Fact]
    public void Accept_ByNonMemberOfTheNamedBusiness_ReturnsBusinessNotFound()
    {
        var world = World.Empty();

        var result = PartnershipRules.Accept(world.Index, CAdmin, B, Pending(A, B), Now);

        ResultAssert.Refused(result, "business_not_found");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(86_400)]
    public void Accept_AtOrAfterExpiry_ReturnsPartnershipExpired(int secondsAfterExpiry)
    {
        var world = World.Empty();

        var result = PartnershipRules.Accept(world.Index, BAdmin, B, Pending(A, B),
            InThirtyDays.AddSeconds(secondsAfterExpiry));

        ResultAssert.Refused(result, "partnership_expired");
        Assert.False(world.Index.ArePartners(A, B));
    }

    [Theory]
    [InlineData(PartnershipStatus.Active)]
    [InlineData(PartnershipStatus.Declined)]
    [InlineData(PartnershipStatus.Cancelled)]
    [InlineData(PartnershipStatus.Ended)]
    public void Accept_NotPending_ReturnsPartnershipNotPending(PartnershipStatus status)
    {
        var world = World.Empty();

        var result = PartnershipRules.Accept(world.Index, BAdmin, B, Pending(A, B) with { Status = status }, Now);

        ResultAssert.Refused(result, "partnership_not_pending");
    }

    [Fact]
    public void StatusAt_PendingPastExpiry_IsExpiredWithoutAnyWrite()
    {
        var pending = Pending(A, B);

        var before = pending.StatusAt(InThirtyDays.AddTicks(-1));
        var after = pending.StatusAt(InThirtyDays);

        Assert.Equal(PartnershipStatus.Pending, before);
        Assert.Equal(PartnershipStatus.Expired, after);
        Assert.Equal(PartnershipStatus.Active,
            (pending with { Status = PartnershipStatus.Active }).StatusAt(InThirtyDays));
    }

    [Fact]
    public void Decline_ByTargetAdmin_IsAllowedAndByRequesterIsNot()
    {
        var world = World.Empty();

        var byTarget = PartnershipRules.Decline(world.Index, BAdmin, B, Pending(A, B), Now);
        var byRequester = PartnershipRules.Decline(world.Index, AAdmin, A, Pending(A, B), Now);
        var expired = PartnershipRules.Decline(world.Index, BAdmin, B, Pending(A, B), InThirtyDays);

        Assert.Null(byTarget);
        ResultAssert.Refused(byRequester, "not_request_target");
        ResultAssert.Refused(expired, "partnership_expired");
    }

    [Fact]
    public void Cancel_PendingByEitherSide_IsAllowed()
    {
        var world = World.Empty();

        var byRequester = PartnershipRules.Cancel(world.Index, AAdmin, A, Pending(A, B), Now);
        var byTarget = PartnershipRules.Cancel(world.Index, BAdmin, B, Pending(A, B), Now);

        Assert.Null(byRequester);
        Assert.Null(byTarget);
    }

    [Fact]
    public void Cancel_RefusedCases_ReturnTheirCodes()
    {
        var world = World.Empty();

        var expired = PartnershipRules.Cancel(world.Index, AAdmin, A, Pending(A, B), InThirtyDays);
        var active = PartnershipRules.Cancel(world.Index, AAdmin, A, Active(A, B), Now);
        var employee = PartnershipRules.Cancel(world.Index, A1, A, Pending(A, B), Now);
        var outsider = PartnershipRules.Cancel(world.Index, CAdmin, C, Pending(A, B), Now);

        ResultAssert.Refused(expired, "partnership_expired");
        ResultAssert.Refused(active, "partnership_not_pending");
        ResultAssert.Refused(employee, "not_business_admin");
        ResultAssert.Refused(outsider, "partnership_not_found");
    }

    [Fact]
    public void End_NotActive_ReturnsPartnershipNotActive()
    {
        var world = World.Empty();

        var result = PartnershipRules.End(world.Index, AAdmin, A, Pending(A, B));

        ResultAssert.Refused(result, "partnership_not_active");
    }

    [Fact]
    public void End_ByEmployee_ReturnsNotBusinessAdmin()
    {
        var world = World.Standard();

        var result = PartnershipRules.End(world.Index, A1, A, Active(A, B));

        ResultAssert.Refused(result, "not_business_admin");
    }

    [Theory]
    [InlineData(AAdmin, A)]
    [InlineData(BAdmin, B)]
    public void End_ByEitherSide_EndsSharesBothWaysAndTheirAssignments(long actor, long side)
    {
        var world = SharedBothWays();
        var before = world.AllAnswers();

        var changes = world.Commit(PartnershipRules.End(world.Index, actor, side, Active(A, B)));

        Assert.Contains(new PartnershipEnded(A, B), changes);
        Assert.Equal(
            [new ShareEnded(AA1, B), new ShareEnded(PG1, B), new ShareEnded(PGB, A)],
            changes.OfType<ShareEnded>().OrderBy(s => s.AssetId));
        Assert.Equal(
            [(A1, PGB), (B1, AA1), (B1, PG1), (B2, PG1)],
            changes.OfType<AssignmentRemoved>().Select(r => (r.PersonId, r.AssetId)).Order());
        Assert.False(world.Index.ArePartners(A, B));
        Assert.Equal(ExpectedAfterEnding(before), world.AllAnswers());
    }

    [Fact]
    public void End_AnActivePartnership_LeavesOtherPartnershipsAndOwnerAssignmentsAlone()
    {
        var world = SharedBothWays();
        var cShare = world.Index.ShareCeiling(PG1, C);

        world.Commit(PartnershipRules.End(world.Index, AAdmin, A, Active(A, B)));

        Assert.Equal(AssetRole.Analyst, cShare);
        Assert.Equal(cShare, world.Index.ShareCeiling(PG1, C));
        Assert.Equal(Permission.AnalyticsView, world.Effective(C1, PG1));
        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.Curator), world.Effective(A2, PG1));
        Assert.True(world.Index.ArePartners(A, C));
    }

    /// <summary>
    /// A shares AA1 and PG1 with B, B shares PGB with A, A shares PG1 with C. b1 and b2 hold roles through B,
    /// a1 through A on PGB, c1 through C, and a2 an owner assignment on PG1.
    /// </summary>
    private static World SharedBothWays() => World.Standard()
        .Partner(A, C)
        .Share(AA1, B, AssetRole.CampaignManager)
        .Share(PG1, B, AssetRole.ContentAdministrator)
        .Share(PGB, A, AssetRole.Analyst)
        .Share(PG1, C, AssetRole.Analyst)
        .Assign(B1, AA1, B, AssetRole.CampaignManager)
        .Assign(B1, PG1, B, AssetRole.ContentAdministrator)
        .Assign(B2, PG1, B, AssetRole.Analyst)
        .Assign(A1, PGB, A, AssetRole.Analyst)
        .Assign(C1, PG1, C, AssetRole.Analyst)
        .Assign(A2, PG1, A, AssetRole.Curator);

    private static Dictionary<(long, long), Permission> ExpectedAfterEnding(
        Dictionary<(long, long), Permission> before) =>
        new(before)
        {
            [(B1, AA1)] = Permission.None,
            [(B1, PG1)] = Permission.None,
            [(B2, PG1)] = Permission.None,
            [(A1, PGB)] = Permission.None,
        };

    private static PartnershipState Pending(long requester, long target) =>
        new(1, requester, target, PartnershipStatus.Pending, InThirtyDays);

    private static PartnershipState Active(long requester, long target) =>
        new(1, requester, target, PartnershipStatus.Active, InThirtyDays);
}
