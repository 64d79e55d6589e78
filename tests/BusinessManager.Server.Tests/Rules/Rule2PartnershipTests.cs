using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Rules;

/// <summary>
/// Rule 2: a business requests a partnership by the other's business id; the other's admin accepts or declines;
/// an unanswered request expires after 30 days; either side may cancel a request or end an active partnership.
/// </summary>
public sealed class Rule2PartnershipTests
{
    private static readonly TimeSpan PastExpiry = TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Request_TargetAccepts_BothSidesSeeActivePartnership()
    {
        await using var world = await World.CreateAsync(partnerAB: false);

        var requested = (await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.C)).Ok();
        var incoming = (await world.CAdmin.Get($"/api/v1/businesses/{world.C}/partnerships?direction=incoming")).Ok();
        var accepted = await world.CAdmin.Post($"/api/v1/businesses/{world.C}/partnerships/{requested.Id}/accept");

        Assert.Equal("PENDING", requested.Result.GetProperty("status").GetString());
        Assert.Equal(world.C, requested.Result.GetProperty("partner").GetProperty("id").GetInt64());
        Assert.Equal(requested.Id, incoming.Items().Single().GetProperty("id").GetInt64());
        accepted.Ok();
        Assert.True(RulesSteps.HasChange(accepted, "partnership_activated"));
        Assert.Equal("ACTIVE", await Status(world.AAdmin, world.A, requested.Id));
        Assert.Equal("ACTIVE", await Status(world.CAdmin, world.C, requested.Id));
        (await world.AAdmin.Share(world.A, world.AA1, world.C, "VIEWER")).Ok();
    }

    [Fact]
    public async Task Request_Pending_IsNotYetAPartnershipForSharing()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        (await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.C)).Ok();
        var shares = $"/api/v1/businesses/{world.A}/shares";
        var before = await RulesSteps.Snapshot(world, (world.AAdmin, shares));

        var refused = await world.AAdmin.Share(world.A, world.AA1, world.C, "VIEWER");

        refused.Refused(HttpStatusCode.Conflict, "partnership_not_active");
        Assert.Equal(before, await RulesSteps.Snapshot(world, (world.AAdmin, shares)));
    }

    [Fact]
    public async Task Decline_TargetDeclines_StatusDeclinedAndAcceptRefused()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        var id = (await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.C)).Ok().Id;

        var declined = await world.CAdmin.Post($"/api/v1/businesses/{world.C}/partnerships/{id}/decline");
        var before = await Snapshot(world);
        var accept = await world.CAdmin.Post($"/api/v1/businesses/{world.C}/partnerships/{id}/accept");

        declined.Ok();
        Assert.Equal("DECLINED", await Status(world.AAdmin, world.A, id));
        accept.Refused(HttpStatusCode.Conflict, "partnership_not_pending");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Accept_ByRequester_RefusedNotRequestTargetAndStaysPending()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        var id = (await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.C)).Ok().Id;
        var before = await Snapshot(world);

        var accept = await world.AAdmin.Post($"/api/v1/businesses/{world.A}/partnerships/{id}/accept");
        var decline = await world.AAdmin.Post($"/api/v1/businesses/{world.A}/partnerships/{id}/decline");

        accept.Refused(HttpStatusCode.Forbidden, "not_request_target");
        decline.Refused(HttpStatusCode.Forbidden, "not_request_target");
        Assert.Equal(before, await Snapshot(world));
        Assert.Equal("PENDING", await Status(world.CAdmin, world.C, id));
    }

    [Fact]
    public async Task Accept_ByTargetEmployee_RefusedNotBusinessAdmin()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        var id = (await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.C)).Ok().Id;
        var before = await Snapshot(world);

        var accept = await world.C1.Post($"/api/v1/businesses/{world.C}/partnerships/{id}/accept");

        accept.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Request_WithSelf_RefusedPartnershipWithSelf()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        var before = await Snapshot(world);

        var refused = await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.A);

        refused.Refused(HttpStatusCode.BadRequest, "partnership_with_self");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Request_PendingOrActiveExists_RefusedPartnershipExistsFromEitherSide()
    {
        await using var world = await World.CreateAsync();
        (await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.C)).Ok();
        var before = await Snapshot(world);

        var againPending = await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.C);
        var reversePending = await RulesSteps.RequestPartnership(world.CAdmin, world.C, world.A);
        var againActive = await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.B);
        var reverseActive = await RulesSteps.RequestPartnership(world.BAdmin, world.B, world.A);

        againPending.Refused(HttpStatusCode.Conflict, "partnership_exists");
        reversePending.Refused(HttpStatusCode.Conflict, "partnership_exists");
        againActive.Refused(HttpStatusCode.Conflict, "partnership_exists");
        reverseActive.Refused(HttpStatusCode.Conflict, "partnership_exists");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Request_UnknownBusinessOrByEmployee_RefusedAndNothingRecorded()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        var before = await Snapshot(world);

        var unknown = await RulesSteps.RequestPartnership(world.AAdmin, world.A, 123_456_789);
        var byEmployee = await RulesSteps.RequestPartnership(world.A1, world.A, world.C);
        var byOutsider = await RulesSteps.RequestPartnership(world.DAdmin, world.A, world.C);

        unknown.Refused(HttpStatusCode.NotFound, "business_not_found");
        byEmployee.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        byOutsider.Refused(HttpStatusCode.NotFound, "business_not_found");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Accept_After30Days_RefusedPartnershipExpiredAndListedExpired()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        var id = (await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.C)).Ok().Id;
        world.Server.Clock.Advance(PastExpiry);
        var before = await Snapshot(world);

        var accept = await world.CAdmin.Post($"/api/v1/businesses/{world.C}/partnerships/{id}/accept");
        var cancel = await world.AAdmin.Post($"/api/v1/businesses/{world.A}/partnerships/{id}/cancel");

        accept.Refused(HttpStatusCode.Conflict, "partnership_expired");
        cancel.Refused(HttpStatusCode.Conflict, "partnership_expired");
        Assert.Equal(before, await Snapshot(world));
        Assert.Equal("EXPIRED", await Status(world.AAdmin, world.A, id));
        Assert.Equal("EXPIRED", await Status(world.CAdmin, world.C, id));
        (await world.AAdmin.Share(world.A, world.AA1, world.C, "VIEWER"))
            .Refused(HttpStatusCode.Conflict, "partnership_not_active");
    }

    [Fact]
    public async Task Accept_JustBefore30Days_Succeeds()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        var id = (await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.C)).Ok().Id;
        world.Server.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));

        var accept = await world.CAdmin.Post($"/api/v1/businesses/{world.C}/partnerships/{id}/accept");

        accept.Ok();
        Assert.Equal("ACTIVE", await Status(world.AAdmin, world.A, id));
    }

    [Fact]
    public async Task Request_AfterEarlierRequestExpired_IsAllowedAgain()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        (await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.C)).Ok();
        world.Server.Clock.Advance(PastExpiry);

        var again = await RulesSteps.RequestPartnership(world.CAdmin, world.C, world.A);

        again.Ok();
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/partnerships/{again.Id}/accept")).Ok();
        Assert.Equal("ACTIVE", await Status(world.CAdmin, world.C, again.Id));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cancel_EitherSide_RequestCancelledAndCannotBeAccepted(bool byRequester)
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        var id = (await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.C)).Ok().Id;
        var (actor, business) = byRequester ? (world.AAdmin, world.A) : (world.CAdmin, world.C);

        var cancelled = await actor.Post($"/api/v1/businesses/{business}/partnerships/{id}/cancel");

        cancelled.Ok();
        Assert.Equal("CANCELLED", await Status(world.AAdmin, world.A, id));
        var before = await Snapshot(world);
        (await world.CAdmin.Post($"/api/v1/businesses/{world.C}/partnerships/{id}/accept"))
            .Refused(HttpStatusCode.Conflict, "partnership_not_pending");
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/partnerships/{id}/cancel"))
            .Refused(HttpStatusCode.Conflict, "partnership_not_pending");
        Assert.Equal(before, await Snapshot(world));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task End_EitherSide_PartnershipEndedAndSharingStops(bool byRequester)
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        var (actor, business) = byRequester ? (world.AAdmin, world.A) : (world.BAdmin, world.B);

        var ended = await actor.EndPartnership(business, world.PartnershipAB);

        ended.Ok();
        Assert.True(RulesSteps.HasChange(ended, "partnership_ended"));
        Assert.Equal("ENDED", await Status(world.AAdmin, world.A, world.PartnershipAB));
        Assert.Equal("ENDED", await Status(world.BAdmin, world.B, world.PartnershipAB));
        Assert.Empty(await RulesSteps.SharedWithUs(world.BAdmin, world.B));
        (await world.AAdmin.Share(world.A, world.AA2, world.B, "VIEWER"))
            .Refused(HttpStatusCode.Conflict, "partnership_not_active");
    }

    [Fact]
    public async Task End_NotActive_RefusedPartnershipNotActive()
    {
        await using var world = await World.CreateAsync();
        var pending = (await RulesSteps.RequestPartnership(world.AAdmin, world.A, world.C)).Ok().Id;
        (await world.AAdmin.EndPartnership(world.A, world.PartnershipAB)).Ok();
        var before = await Snapshot(world);

        var endPending = await world.AAdmin.EndPartnership(world.A, pending);
        var endAgain = await world.BAdmin.EndPartnership(world.B, world.PartnershipAB);

        endPending.Refused(HttpStatusCode.Conflict, "partnership_not_active");
        endAgain.Refused(HttpStatusCode.Conflict, "partnership_not_active");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task End_ByEmployeeOrThirdBusiness_RefusedAndStaysActive()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var byEmployee = await world.B1.EndPartnership(world.B, world.PartnershipAB);
        var viaOtherBusiness = await world.CAdmin.EndPartnership(world.C, world.PartnershipAB);
        var viaForeignRoute = await world.CAdmin.EndPartnership(world.A, world.PartnershipAB);

        byEmployee.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        viaOtherBusiness.Refused(HttpStatusCode.NotFound, "partnership_not_found");
        viaForeignRoute.Refused(HttpStatusCode.NotFound, "business_not_found");
        Assert.Equal(before, await Snapshot(world));
        Assert.Equal("ACTIVE", await Status(world.AAdmin, world.A, world.PartnershipAB));
    }

    private static async Task<string> Status(Actor admin, long business, long partnership)
    {
        var read = (await admin.Get($"/api/v1/businesses/{business}/partnerships/{partnership}")).Ok();
        return read.Body.GetProperty("status").GetString()!;
    }

    private static Task<string> Snapshot(World world) => RulesSteps.Snapshot(world,
        (world.AAdmin, $"/api/v1/businesses/{world.A}/partnerships"),
        (world.BAdmin, $"/api/v1/businesses/{world.B}/partnerships"),
        (world.CAdmin, $"/api/v1/businesses/{world.C}/partnerships"));
}
