using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Rules;

/// <summary>
/// Rule 3: shares need an active partnership and ownership. Only the owner's admins share, change a ceiling or
/// end a share; a partner never re-shares, never assigns anyone but its own members, never outside the ceiling.
/// </summary>
/// <remarks>
/// A partner that can see the shared asset is told plainly <c>not_asset_owner</c> when it tries to act as the
/// owner through its own route; through the owner's route it is told the business does not exist, and a
/// partner member who cannot see the asset is told the asset does not exist.
/// </remarks>
public sealed class Rule3ShareTests
{
    [Fact]
    public async Task Share_OwnerAdminWithActivePartner_PartnerSeesAssetAtCeiling()
    {
        await using var world = await World.CreateAsync();

        var shared = await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER");

        Assert.Equal(HttpStatusCode.Created, shared.Status);
        Assert.True(RulesSteps.HasChange(shared, "share_set"));
        var withUs = (await world.BAdmin.Get($"/api/v1/businesses/{world.B}/shared-with-us")).Ok();
        var share = withUs.Items().Single();
        Assert.Equal(world.AA1, share.GetProperty("asset").GetProperty("id").GetInt64());
        Assert.Equal("CAMPAIGN_MANAGER", share.GetProperty("ceiling").GetString());
        var byUs = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/shares")).Ok();
        Assert.Equal(world.B, byUs.Items().Single().GetProperty("partner").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Share_WithNonPartner_RefusedPartnershipNotActive()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await world.AAdmin.Share(world.A, world.AA1, world.C, "VIEWER");

        refused.Refused(HttpStatusCode.Conflict, "partnership_not_active");
        Assert.Equal(before, await Snapshot(world));
        Assert.Empty(await RulesSteps.SharedWithUs(world.CAdmin, world.C));
    }

    [Fact]
    public async Task Share_AlreadyShared_RefusedShareExistsAndCeilingUnchanged()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        var before = await Snapshot(world);

        var refused = await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER");

        refused.Refused(HttpStatusCode.Conflict, "share_exists");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Share_CeilingOfOtherAssetType_RefusedRoleNotForAssetType()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await world.AAdmin.Share(world.A, world.PG1, world.B, "ACCOUNT_MANAGER");

        refused.Refused(HttpStatusCode.BadRequest, "role_not_for_asset_type");
        Assert.Equal("ceiling", refused.Body.GetProperty("field").GetString());
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Share_OwnerEmployee_RefusedNotBusinessAdminOrNotFound()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "ACCOUNT_MANAGER")).Ok();
        var before = await Snapshot(world);

        var withRole = await world.A1.Share(world.A, world.AA1, world.B, "VIEWER");
        var withoutRole = await world.A2.Share(world.A, world.AA1, world.B, "VIEWER");

        withRole.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        withoutRole.Refused(HttpStatusCode.NotFound, "asset_not_found");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Share_PartnerReSharesToThirdBusiness_RefusedAndThirdSeesNothing()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "ADMINISTRATOR")).Ok();
        await world.BAdmin.Partner(world.B, world.CAdmin, world.C);
        var before = await Snapshot(world);

        var viaOwnRoute = await world.BAdmin.Share(world.B, world.PG1, world.C, "ANALYST");
        var viaOwnerRoute = await world.BAdmin.Share(world.A, world.PG1, world.C, "ANALYST");
        var byMemberWhoCannotSee = await world.B2.Share(world.B, world.PG1, world.C, "ANALYST");

        viaOwnRoute.Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        viaOwnerRoute.Refused(HttpStatusCode.NotFound, "business_not_found");
        byMemberWhoCannotSee.Refused(HttpStatusCode.NotFound, "asset_not_found");
        Assert.Equal(before, await Snapshot(world));
        Assert.Empty(await RulesSteps.SharedWithUs(world.CAdmin, world.C));
    }

    [Fact]
    public async Task ChangeCeilingOrUnshare_ByPartner_RefusedAndShareUnchanged()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        var before = await Snapshot(world);

        var raiseViaOwnerRoute = await world.BAdmin.ChangeCeiling(world.A, world.AA1, world.B, "ACCOUNT_MANAGER");
        var raiseViaOwnRoute = await world.BAdmin.ChangeCeiling(world.B, world.AA1, world.B, "ACCOUNT_MANAGER");
        var endViaOwnerRoute = await world.BAdmin.Unshare(world.A, world.AA1, world.B);
        var endViaOwnRoute = await world.BAdmin.Unshare(world.B, world.AA1, world.B);

        raiseViaOwnerRoute.Refused(HttpStatusCode.NotFound, "business_not_found");
        raiseViaOwnRoute.Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        endViaOwnerRoute.Refused(HttpStatusCode.NotFound, "business_not_found");
        endViaOwnRoute.Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task ChangeCeilingOrUnshare_NoSuchShare_RefusedShareNotFound()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var change = await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "VIEWER");
        var end = await world.AAdmin.Unshare(world.A, world.AA1, world.B);

        change.Refused(HttpStatusCode.NotFound, "share_not_found");
        end.Refused(HttpStatusCode.NotFound, "share_not_found");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task ChangeCeiling_OwnerAdmin_TakesEffectForPartner()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();

        var raised = await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER");

        raised.Ok();
        Assert.Equal("CAMPAIGN_MANAGER", raised.Result.GetProperty("share").GetProperty("ceiling").GetString());
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER")).Ok();
        Assert.True(await world.B1.Can(world.AA1, "campaigns.edit"));
    }

    [Fact]
    public async Task Assign_PartnerAboveCeiling_RefusedRoleOutsideCeiling()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        var before = await Snapshot(world);

        var aboveChain = await world.BAdmin.Assign(world.B, world.AA1, world.B1, "ACCOUNT_MANAGER");
        var sideways = await world.BAdmin.Assign(world.B, world.PG1, world.B1, "CURATOR");

        aboveChain.Refused(HttpStatusCode.Forbidden, "role_outside_ceiling");
        sideways.Refused(HttpStatusCode.Forbidden, "role_outside_ceiling");
        Assert.Equal(before, await Snapshot(world));
        Assert.False(await world.B1.Can(world.AA1, "reports.view"));
    }

    [Fact]
    public async Task Assign_PartnerAssignsSomeoneElsesPeople_RefusedNotAMember()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();
        var before = await Snapshot(world);

        var ownerPerson = await world.BAdmin.Assign(world.B, world.AA1, world.A1, "VIEWER");
        var thirdPerson = await world.BAdmin.Assign(world.B, world.AA1, world.C1, "VIEWER");

        ownerPerson.Refused(HttpStatusCode.Conflict, "not_a_member");
        thirdPerson.Refused(HttpStatusCode.Conflict, "not_a_member");
        Assert.Equal(before, await Snapshot(world));
        Assert.False(await world.C1.Can(world.AA1, "reports.view"));
    }

    [Fact]
    public async Task Assign_PartnerOnUnsharedAsset_RefusedAssetNotFound()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();
        var before = await Snapshot(world);

        var refused = await world.BAdmin.Assign(world.B, world.AA2, world.B1, "VIEWER");

        refused.Refused(HttpStatusCode.NotFound, "asset_not_found");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Unshare_OwnerAdmin_ShareAndItsAssignmentsEnd()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "VIEWER")).Ok();

        var ended = await world.AAdmin.Unshare(world.A, world.AA1, world.B);

        ended.Ok();
        Assert.True(RulesSteps.HasChange(ended, "share_ended"));
        Assert.Empty(await RulesSteps.SharedWithUs(world.BAdmin, world.B));
        Assert.False(await world.B1.Can(world.AA1, "reports.view"));
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "VIEWER"))
            .Refused(HttpStatusCode.NotFound, "asset_not_found");
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        Assert.Empty(await RulesSteps.Assignments(world.BAdmin, world.B, world.AA1));
    }

    private static Task<string> Snapshot(World world) => RulesSteps.Snapshot(world,
        (world.AAdmin, $"/api/v1/businesses/{world.A}/shares"),
        (world.BAdmin, $"/api/v1/businesses/{world.B}/shared-with-us"),
        (world.BAdmin, $"/api/v1/businesses/{world.B}/shares"),
        (world.AAdmin, RulesSteps.AssignmentsPath(world.A, world.AA1)),
        (world.BAdmin, RulesSteps.AssignmentsPath(world.B, world.AA1)));
}
