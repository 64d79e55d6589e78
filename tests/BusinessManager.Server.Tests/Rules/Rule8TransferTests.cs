using System.Net;
using System.Text.Json;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Rules;

/// <summary>
/// Rule 8: an admin of either business opens a transfer with a preview of what ends and what carries over; an
/// admin of each side confirms; a support agent completes or rejects; either side cancels until then; it expires
/// after 30 days. On completion the new owner's people keep their roles as owner assignments and the old owner's
/// assignments and shares end, unless the request said the old owner keeps a share at a named ceiling.
/// </summary>
public sealed class Rule8TransferTests
{
    [Fact]
    public async Task Open_SharedAsset_PreviewListsWhatEndsAndWhatCarriesOver()
    {
        await using var world = await World.CreateAsync();
        await Arrange(world);
        var accessBefore = await AccessOf(world);

        var opened = await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B);

        Assert.Equal(HttpStatusCode.Created, opened.Status);
        Assert.Equal("OPEN", opened.Result.GetProperty("status").GetString());
        var preview = opened.Result.GetProperty("preview");
        var ends = preview.GetProperty("ends").EnumerateArray().Select(Describe).Order(StringComparer.Ordinal);
        Assert.Equal(
            new[]
            {
                $"assignment_removed {world.A1.Id} by {world.A}",
                $"assignment_removed {world.C1.Id} by {world.C}",
                $"share_ended to {world.B}",
                $"share_ended to {world.C}",
            }.Order(StringComparer.Ordinal),
            ends);
        var carried = preview.GetProperty("carriedOver").EnumerateArray().Single();
        Assert.Equal(world.B1.Id, carried.GetProperty("personId").GetInt64());
        Assert.Equal(world.B, carried.GetProperty("byBusinessId").GetInt64());
        Assert.Equal("CAMPAIGN_MANAGER", carried.GetProperty("role").GetString());
        Assert.Equal(accessBefore, await AccessOf(world));
    }

    [Fact]
    public async Task Complete_BothConfirmedAndSupport_NewOwnerHoldsAssetAndOldPathsEnd()
    {
        await using var world = await World.CreateAsync();
        await Arrange(world);
        var support = await RulesSteps.SupportAgent(world);
        var id = (await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B)).Ok().Id;
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers/{id}/confirm")).Ok();
        (await world.BAdmin.Post($"/api/v1/businesses/{world.B}/transfers/{id}/confirm")).Ok();

        var completed = await support.Post($"/api/v1/support/transfers/{id}/complete");

        completed.Ok();
        Assert.Equal("COMPLETED", completed.Result.GetProperty("status").GetString());
        Assert.Equal(world.B, completed.Result.GetProperty("asset").GetProperty("owner").GetProperty("id").GetInt64());
        Assert.True(RulesSteps.HasChange(completed, "asset_owner_changed"));
        Assert.True(await world.BAdmin.Can(world.AA1, "billing.manage"));
        Assert.False(await world.AAdmin.Can(world.AA1, "reports.view"));
        Assert.False(await world.A1.Can(world.AA1, "reports.view"));
        Assert.False(await world.C1.Can(world.AA1, "reports.view"));
        var b1 = (await world.B1.Check(world.AA1)).Ok().Body;
        Assert.Equal("OWNER_ASSIGNMENT", b1.GetProperty("paths")[0].GetProperty("kind").GetString());
        Assert.Equal("CAMPAIGN_MANAGER", b1.GetProperty("paths")[0].GetProperty("role").GetString());
        Assert.Contains(world.AA1, await RulesSteps.OwnAssets(world.BAdmin, world.B));
        Assert.DoesNotContain(world.AA1, await RulesSteps.OwnAssets(world.AAdmin, world.A));
        Assert.Empty(await RulesSteps.SharedWithUs(world.CAdmin, world.C));
        Assert.Empty(await RulesSteps.SharedWithUs(world.AAdmin, world.A));
        Assert.Equal("COMPLETED", await Status(world.AAdmin, world.A, id));
    }

    [Fact]
    public async Task Open_ByReceivingPartner_CompletesToIt()
    {
        await using var world = await World.CreateAsync();
        await Arrange(world);
        var support = await RulesSteps.SupportAgent(world);

        var id = (await RulesSteps.OpenTransfer(world.BAdmin, world.B, world.AA1, world.B)).Ok().Id;
        (await world.BAdmin.Post($"/api/v1/businesses/{world.B}/transfers/{id}/confirm")).Ok();
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers/{id}/confirm")).Ok();
        (await support.Post($"/api/v1/support/transfers/{id}/complete")).Ok();

        Assert.Contains(world.AA1, await RulesSteps.OwnAssets(world.BAdmin, world.B));
    }

    [Fact]
    public async Task Complete_OneConfirmationOnly_RefusedTransferNotConfirmedAndNothingMoves()
    {
        await using var world = await World.CreateAsync();
        await Arrange(world);
        var support = await RulesSteps.SupportAgent(world);
        var id = (await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B)).Ok().Id;
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers/{id}/confirm")).Ok();
        var before = await Snapshot(world);

        var refused = await support.Post($"/api/v1/support/transfers/{id}/complete");

        refused.Refused(HttpStatusCode.Conflict, "transfer_not_confirmed");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Complete_ByBusinessAdmin_RefusedNotSupportAgent()
    {
        await using var world = await World.CreateAsync();
        await Arrange(world);
        var id = (await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B)).Ok().Id;
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers/{id}/confirm")).Ok();
        (await world.BAdmin.Post($"/api/v1/businesses/{world.B}/transfers/{id}/confirm")).Ok();
        var before = await Snapshot(world);

        var complete = await world.AAdmin.Post($"/api/v1/support/transfers/{id}/complete");
        var reject = await world.BAdmin.Post($"/api/v1/support/transfers/{id}/reject");
        var list = await world.AAdmin.Get("/api/v1/support/transfers");

        complete.Refused(HttpStatusCode.Forbidden, "not_support_agent");
        reject.Refused(HttpStatusCode.Forbidden, "not_support_agent");
        list.Refused(HttpStatusCode.Forbidden, "not_support_agent");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Open_AnotherOpenForSameAsset_RefusedTransferAlreadyOpen()
    {
        await using var world = await World.CreateAsync();
        (await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B)).Ok();
        await world.AAdmin.Partner(world.A, world.CAdmin, world.C);
        var before = await Snapshot(world);

        var again = await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.C);

        again.Refused(HttpStatusCode.Conflict, "transfer_already_open");
        Assert.Equal(before, await Snapshot(world));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Cancel_EitherSide_ClosedAndLaterStepsRefusedTransferNotOpen(bool byOwner)
    {
        await using var world = await World.CreateAsync();
        await Arrange(world);
        var support = await RulesSteps.SupportAgent(world);
        var id = (await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B)).Ok().Id;
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers/{id}/confirm")).Ok();
        (await world.BAdmin.Post($"/api/v1/businesses/{world.B}/transfers/{id}/confirm")).Ok();
        var (admin, business) = byOwner ? (world.AAdmin, world.A) : (world.BAdmin, world.B);

        var cancelled = await admin.Post($"/api/v1/businesses/{business}/transfers/{id}/cancel");

        cancelled.Ok();
        Assert.Equal("CANCELLED", await Status(world.AAdmin, world.A, id));
        var before = await Snapshot(world);
        (await support.Post($"/api/v1/support/transfers/{id}/complete"))
            .Refused(HttpStatusCode.Conflict, "transfer_not_open");
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers/{id}/confirm"))
            .Refused(HttpStatusCode.Conflict, "transfer_not_open");
        (await world.BAdmin.Post($"/api/v1/businesses/{world.B}/transfers/{id}/cancel"))
            .Refused(HttpStatusCode.Conflict, "transfer_not_open");
        Assert.Equal(before, await Snapshot(world));
        (await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B)).Ok();
    }

    [Fact]
    public async Task Reject_BySupport_AssetStaysWithOwner()
    {
        await using var world = await World.CreateAsync();
        await Arrange(world);
        var support = await RulesSteps.SupportAgent(world);
        var id = (await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B)).Ok().Id;
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers/{id}/confirm")).Ok();
        (await world.BAdmin.Post($"/api/v1/businesses/{world.B}/transfers/{id}/confirm")).Ok();
        var accessBefore = await AccessOf(world);

        var rejected = await support.Post($"/api/v1/support/transfers/{id}/reject");

        rejected.Ok();
        Assert.Equal("REJECTED", await Status(world.BAdmin, world.B, id));
        Assert.Equal(accessBefore, await AccessOf(world));
        (await support.Post($"/api/v1/support/transfers/{id}/complete"))
            .Refused(HttpStatusCode.Conflict, "transfer_not_open");
    }

    [Fact]
    public async Task Complete_After30Days_RefusedTransferExpired()
    {
        await using var world = await World.CreateAsync();
        await Arrange(world);
        var support = await RulesSteps.SupportAgent(world);
        var id = (await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B)).Ok().Id;
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers/{id}/confirm")).Ok();
        world.Server.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromSeconds(1));
        var before = await Snapshot(world);

        var confirm = await world.BAdmin.Post($"/api/v1/businesses/{world.B}/transfers/{id}/confirm");
        var complete = await support.Post($"/api/v1/support/transfers/{id}/complete");
        var cancel = await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers/{id}/cancel");

        confirm.Refused(HttpStatusCode.Conflict, "transfer_expired");
        complete.Refused(HttpStatusCode.Conflict, "transfer_expired");
        cancel.Refused(HttpStatusCode.Conflict, "transfer_expired");
        Assert.Equal(before, await Snapshot(world));
        Assert.Equal("EXPIRED", await Status(world.AAdmin, world.A, id));
        (await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B)).Ok();
    }

    [Fact]
    public async Task Complete_KeepShareCeiling_OldOwnerKeepsShareAndItsPeopleStayCapped()
    {
        await using var world = await World.CreateAsync();
        await Arrange(world);
        (await world.AAdmin.Assign(world.A, world.AA1, world.A2, "ACCOUNT_MANAGER")).Ok();
        var support = await RulesSteps.SupportAgent(world);
        var opened = (await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B, "VIEWER")).Ok();
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers/{opened.Id}/confirm")).Ok();
        (await world.BAdmin.Post($"/api/v1/businesses/{world.B}/transfers/{opened.Id}/confirm")).Ok();

        var completed = await support.Post($"/api/v1/support/transfers/{opened.Id}/complete");

        completed.Ok();
        Assert.Equal("VIEWER", opened.Result.GetProperty("preview").GetProperty("keptShareCeiling").GetString());
        var kept = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/shared-with-us")).Ok().Items().Single();
        Assert.Equal(world.AA1, kept.GetProperty("asset").GetProperty("id").GetInt64());
        Assert.Equal("VIEWER", kept.GetProperty("ceiling").GetString());
        Assert.Equal(world.B, kept.GetProperty("asset").GetProperty("owner").GetProperty("id").GetInt64());
        Assert.Equal(["VIEWER"], await world.A1.EffectiveRoles(world.AA1));
        Assert.Equal(["VIEWER"], await world.A2.EffectiveRoles(world.AA1));
        Assert.False(await world.A2.Can(world.AA1, "campaigns.edit"));
        Assert.False(await world.C1.Can(world.AA1, "reports.view"));
        Assert.True(await world.BAdmin.Can(world.AA1, "billing.manage"));
        (await world.AAdmin.Assign(world.A, world.AA1, world.A2, "CAMPAIGN_MANAGER"))
            .Refused(HttpStatusCode.Forbidden, "role_outside_ceiling");
    }

    [Fact]
    public async Task Open_RefusedRequests_ReturnTheirCodeAndNothingIsOpened()
    {
        await using var world = await World.CreateAsync();
        await Arrange(world);
        var before = await Snapshot(world);

        var byEmployee = await RulesSteps.OpenTransfer(world.A1, world.A, world.AA1, world.B);
        var byOutsider = await RulesSteps.OpenTransfer(world.DAdmin, world.D, world.AA1, world.D);
        var byUnsharedPartner = await RulesSteps.OpenTransfer(world.BAdmin, world.B, world.AA2, world.B);
        var toOwner = await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.A);
        var wrongType = await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B, "ANALYST");
        var keepWithoutPartner = await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.D, "VIEWER");

        byEmployee.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        byOutsider.Refused(HttpStatusCode.NotFound, "asset_not_found");
        byUnsharedPartner.Refused(HttpStatusCode.NotFound, "asset_not_found");
        toOwner.Refused(HttpStatusCode.BadRequest, "transfer_to_owner");
        wrongType.Refused(HttpStatusCode.BadRequest, "role_not_for_asset_type");
        keepWithoutPartner.Refused(HttpStatusCode.Conflict, "partnership_not_active");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Confirm_ByEmployeeOrThirdBusiness_Refused()
    {
        await using var world = await World.CreateAsync();
        var id = (await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B)).Ok().Id;
        var before = await Snapshot(world);

        var byEmployee = await world.B1.Post($"/api/v1/businesses/{world.B}/transfers/{id}/confirm");
        var byThird = await world.DAdmin.Post($"/api/v1/businesses/{world.D}/transfers/{id}/confirm");

        byEmployee.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        byThird.Refused(HttpStatusCode.NotFound, "transfer_not_found");
        Assert.Equal(before, await Snapshot(world));
    }

    /// <summary>
    /// AA1 is shared with B (CAMPAIGN_MANAGER; b1 holds it) and with C (VIEWER; c1 holds it); A gives a1 VIEWER.
    /// </summary>
    private static async Task Arrange(World world)
    {
        await world.AAdmin.Partner(world.A, world.CAdmin, world.C);
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.AAdmin.Share(world.A, world.AA1, world.C, "VIEWER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER")).Ok();
        (await world.CAdmin.Assign(world.C, world.AA1, world.C1, "VIEWER")).Ok();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "VIEWER")).Ok();
    }

    private static string Describe(JsonElement change)
    {
        var kind = change.GetProperty("kind").GetString();
        return kind == "share_ended"
            ? $"{kind} to {change.GetProperty("partnerId").GetInt64()}"
            : $"{kind} {change.GetProperty("personId").GetInt64()} by {change.GetProperty("byBusinessId").GetInt64()}";
    }

    private static async Task<string> Status(Actor admin, long business, long transfer) =>
        (await admin.Get($"/api/v1/businesses/{business}/transfers/{transfer}")).Ok().Body.GetProperty("status")
            .GetString()!;

    /// <summary>Who holds what on AA1 and who owns it; unlike <see cref="Snapshot"/> it ignores the revision,
    /// which opening, confirming or rejecting a transfer moves (they are audited writes).</summary>
    private static async Task<string> AccessOf(World world)
    {
        var access = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/assets/{world.AA1}/access")).Ok().Body;
        return string.Join('\n', access.GetProperty("partners").GetRawText(), access.GetProperty("people").GetRawText(),
            string.Join(',', await RulesSteps.OwnAssets(world.AAdmin, world.A)),
            string.Join(',', await RulesSteps.OwnAssets(world.BAdmin, world.B)));
    }

    private static Task<string> Snapshot(World world) => RulesSteps.Snapshot(world,
        (world.AAdmin, $"/api/v1/businesses/{world.A}/transfers"),
        (world.BAdmin, $"/api/v1/businesses/{world.B}/transfers"),
        (world.AAdmin, $"/api/v1/businesses/{world.A}/assets/{world.AA1}/access"),
        (world.AAdmin, $"/api/v1/businesses/{world.A}/assets"),
        (world.BAdmin, $"/api/v1/businesses/{world.B}/assets"));
}
