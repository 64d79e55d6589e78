using System.Net;
using System.Text.Json;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Rules;

/// <summary>
/// Rule 6: ending a partnership, a share, a membership or an asset cascades atomically and at once; the response
/// lists what ended in <c>changes</c>, <c>?dryRun=true</c> previews exactly those changes and writes nothing, and
/// after the response no check anywhere (on any server node) still allows what ended.
/// </summary>
public sealed class Rule6EndingsCascadeTests
{
    [Fact]
    public async Task EndPartnership_SharesBothWays_EverySharedAndAssignmentEndsAndPreviewMatches()
    {
        await using var world = await World.CreateAsync();
        await using var peer = await world.Server.StartPeerAsync();
        using var peerHttp = peer.NewClient();
        await ShareBothWays(world);
        var before = await Snapshot(world);

        var preview = await world.AAdmin.EndPartnership(world.A, world.PartnershipAB, dryRun: true);

        preview.Ok();
        Assert.True(preview.Body.GetProperty("dryRun").GetBoolean());
        Assert.Equal(before, await Snapshot(world));
        Assert.True(await world.B1.Can(world.AA1, "campaigns.edit"));

        var ended = await world.BAdmin.EndPartnership(world.B, world.PartnershipAB);

        ended.Ok();
        Assert.False(ended.Body.GetProperty("dryRun").GetBoolean());
        Assert.Equal(RulesSteps.Changes(preview), RulesSteps.Changes(ended));
        Assert.Equal(
            new[]
            {
                "assignment_removed", "assignment_removed", "assignment_removed", "assignment_removed",
                "partnership_ended", "share_ended", "share_ended", "share_ended", "share_ended",
            },
            RulesSteps.ChangeKinds(ended).Order(StringComparer.Ordinal));
        Assert.True(RulesSteps.HasChange(ended, "assignment_removed", c => Is(c, "personId", world.B1.Id)
            && Is(c, "assetId", world.AA1) && Is(c, "byBusinessId", world.B)));
        Assert.True(RulesSteps.HasChange(ended, "assignment_removed", c => Is(c, "personId", world.A1.Id)
            && Is(c, "assetId", world.BA1) && Is(c, "byBusinessId", world.A)));
        Assert.True(RulesSteps.HasChange(ended, "share_ended", c => Is(c, "assetId", world.BA1)
            && Is(c, "partnerId", world.A)));
        foreach (var node in new[] { world.Http, peerHttp })
        {
            Assert.False(await world.B1.Via(node).Can(world.AA1, "reports.view"));
            Assert.False(await world.B2.Via(node).Can(world.PG1, "analytics.view"));
            Assert.False(await world.BMgr.Via(node).Can(world.AA2, "reports.view"));
            Assert.False(await world.A1.Via(node).Can(world.BA1, "reports.view"));
        }

        Assert.Empty(await RulesSteps.SharedWithUs(world.BAdmin, world.B));
        Assert.Empty(await RulesSteps.SharedWithUs(world.AAdmin, world.A));
    }

    [Fact]
    public async Task EndShare_OneAsset_ItsPartnerAssignmentsEndAndTheRestStays()
    {
        await using var world = await World.CreateAsync();
        await ShareBothWays(world);
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "VIEWER")).Ok();
        var before = await Snapshot(world);

        var preview = await world.AAdmin.Delete(
            $"/api/v1/businesses/{world.A}/shares/{world.AA1}/{world.B}?dryRun=true");

        preview.Ok();
        Assert.Equal(before, await Snapshot(world));

        var ended = await world.AAdmin.Unshare(world.A, world.AA1, world.B);

        ended.Ok();
        Assert.Equal(RulesSteps.Changes(preview), RulesSteps.Changes(ended));
        Assert.Equal(new[] { "assignment_removed", "share_ended" }, RulesSteps.ChangeKinds(ended).Order());
        Assert.True(RulesSteps.HasChange(ended, "assignment_removed", c => Is(c, "personId", world.B1.Id)));
        Assert.False(await world.B1.Can(world.AA1, "reports.view"));
        Assert.True(await world.A1.Can(world.AA1, "reports.view"));
        Assert.True(await world.B2.Can(world.PG1, "analytics.view"));
        Assert.Equal(new[] { world.AA2, world.PG1 }.Order(), await RulesSteps.SharedWithUs(world.BAdmin, world.B));
    }

    [Fact]
    public async Task RemoveMember_ByPartnerAdmin_EveryAssignmentThatBusinessMadeEnds()
    {
        await using var world = await World.CreateAsync();
        await ShareBothWays(world);
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "ANALYST")).Ok();
        (await world.BAdmin.Assign(world.B, world.BA1, world.B1, "VIEWER")).Ok();
        await world.AAdmin.AddMember(world.A, world.B1);
        (await world.AAdmin.Assign(world.A, world.AA2, world.B1, "VIEWER")).Ok();
        var before = await Snapshot(world);

        var preview = await world.BAdmin.Delete($"/api/v1/businesses/{world.B}/members/{world.B1.Id}?dryRun=true");

        preview.Ok();
        Assert.Equal(before, await Snapshot(world));

        var removed = await world.BAdmin.RemoveMember(world.B, world.B1.Id);

        removed.Ok();
        Assert.Equal(RulesSteps.Changes(preview), RulesSteps.Changes(removed));
        Assert.Equal(
            new[] { "assignment_removed", "assignment_removed", "assignment_removed", "member_removed" },
            RulesSteps.ChangeKinds(removed).Order(StringComparer.Ordinal));
        Assert.False(await world.B1.Can(world.AA1, "reports.view"));
        Assert.False(await world.B1.Can(world.PG1, "analytics.view"));
        Assert.False(await world.B1.Can(world.BA1, "reports.view"));
        Assert.True(await world.B1.Can(world.AA2, "reports.view"));
        Assert.Equal(new[] { world.AA2 }, await world.B1.MyAssetIds());
    }

    [Fact]
    public async Task ArchiveAsset_Shared_SharesAndAssignmentsEndAndAssetDisappears()
    {
        await using var world = await World.CreateAsync();
        await ShareBothWays(world);
        await world.AAdmin.Partner(world.A, world.CAdmin, world.C);
        (await world.AAdmin.Share(world.A, world.AA1, world.C, "VIEWER")).Ok();
        (await world.CAdmin.Assign(world.C, world.AA1, world.C1, "VIEWER")).Ok();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "ACCOUNT_MANAGER")).Ok();
        var archive = $"/api/v1/businesses/{world.A}/assets/{world.AA1}/archive";
        var before = await Snapshot(world);

        var preview = await world.AAdmin.Post(archive + "?dryRun=true");

        preview.Ok();
        Assert.Equal(before, await Snapshot(world));

        var archived = await world.AAdmin.Post(archive);

        archived.Ok();
        Assert.Equal(RulesSteps.Changes(preview), RulesSteps.Changes(archived));
        Assert.Equal(
            new[]
            {
                "asset_removed", "assignment_removed", "assignment_removed", "assignment_removed", "share_ended",
                "share_ended",
            },
            RulesSteps.ChangeKinds(archived).Order(StringComparer.Ordinal));
        Assert.False(await world.A1.Can(world.AA1, "reports.view"));
        Assert.False(await world.B1.Can(world.AA1, "reports.view"));
        Assert.False(await world.C1.Can(world.AA1, "reports.view"));
        Assert.DoesNotContain(world.AA1, await RulesSteps.OwnAssets(world.AAdmin, world.A));
        Assert.DoesNotContain(world.AA1, await RulesSteps.SharedWithUs(world.BAdmin, world.B));
        Assert.Empty(await RulesSteps.SharedWithUs(world.CAdmin, world.C));
    }

    [Fact]
    public async Task RemoveMember_LastAdmin_RefusedAndNothingEnds()
    {
        await using var world = await World.CreateAsync();
        await ShareBothWays(world);
        var before = await Snapshot(world);

        var preview = await world.BAdmin.Delete($"/api/v1/businesses/{world.B}/members/{world.BAdmin.Id}?dryRun=true");
        var removed = await world.BAdmin.RemoveMember(world.B, world.BAdmin.Id);

        preview.Refused(HttpStatusCode.Conflict, "last_admin");
        removed.Refused(HttpStatusCode.Conflict, "last_admin");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task EndingsByNonAdmins_Refused_AndNothingEnds()
    {
        await using var world = await World.CreateAsync();
        await ShareBothWays(world);
        var before = await Snapshot(world);

        var endPartnership = await world.B1.EndPartnership(world.B, world.PartnershipAB);
        var endShare = await world.BAdmin.Unshare(world.A, world.AA1, world.B);
        var removeMember = await world.B1.RemoveMember(world.B, world.B2.Id);
        var archive = await world.BAdmin.Post($"/api/v1/businesses/{world.A}/assets/{world.AA1}/archive");

        endPartnership.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        endShare.Refused(HttpStatusCode.NotFound, "business_not_found");
        removeMember.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        archive.Refused(HttpStatusCode.NotFound, "business_not_found");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task RemoveMember_MemberLeaves_TheirAssignmentsEnd()
    {
        await using var world = await World.CreateAsync();
        await ShareBothWays(world);

        var left = await world.B1.RemoveMember(world.B, world.B1.Id);

        left.Ok();
        Assert.True(RulesSteps.HasChange(left, "assignment_removed", c => Is(c, "assetId", world.AA1)));
        Assert.False(await world.B1.Can(world.AA1, "reports.view"));
        Assert.Empty(await world.B1.MyAssetIds());
    }

    /// <summary>
    /// A shares AA1 (CAMPAIGN_MANAGER), AA2 (ACCOUNT_MANAGER) and PG1 (CONTENT_ADMINISTRATOR) with B; B assigns
    /// b1, b-mgr and b2 there. B shares BA1 (VIEWER) with A; A assigns a1 on it.
    /// </summary>
    private static async Task ShareBothWays(World world)
    {
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.AAdmin.Share(world.A, world.AA2, world.B, "ACCOUNT_MANAGER")).Ok();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await world.BAdmin.Share(world.B, world.BA1, world.A, "VIEWER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA2, world.BMgr, "ACCOUNT_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B2, "ANALYST")).Ok();
        (await world.AAdmin.Assign(world.A, world.BA1, world.A1, "VIEWER")).Ok();
    }

    private static bool Is(JsonElement change, string property, long value) =>
        change.GetProperty(property).GetInt64() == value;

    private static Task<string> Snapshot(World world) => RulesSteps.Snapshot(world,
        (world.AAdmin, $"/api/v1/businesses/{world.A}/shares"),
        (world.BAdmin, $"/api/v1/businesses/{world.B}/shares"),
        (world.AAdmin, $"/api/v1/businesses/{world.A}/partnerships"),
        (world.AAdmin, $"/api/v1/businesses/{world.A}/assets"),
        (world.BAdmin, $"/api/v1/businesses/{world.B}/members"),
        (world.AAdmin, $"/api/v1/businesses/{world.A}/assets/{world.AA1}/access"),
        (world.AAdmin, $"/api/v1/businesses/{world.A}/assets/{world.PG1}/access"),
        (world.BAdmin, $"/api/v1/businesses/{world.B}/assets/{world.BA1}/access"),
        (world.AAdmin, $"/api/v1/businesses/{world.A}/audit"));
}
