using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C02. The owner stops sharing one asset with a partner, self-serve, and the partner's people lose it at
/// once while the partnership and the other shares stay. Not covered because the feature does not exist:
/// notifying B (there are no notifications or webhooks; the closest is that the ending appears in B's own
/// audit log, which is asserted) and "in the UI" (there is no UI).
/// </summary>
public sealed class C02Tests
{
    [Fact]
    public async Task C02_OwnerUnsharesOneAsset_PartnerPeopleLoseItAtOnce()
    {
        await using var world = await SharedAsync();
        Assert.True(await world.B1.Can(world.AA1, "reports.view"));
        Assert.True(await world.B2.Can(world.AA1, "reports.view"));

        var ended = await world.AAdmin.Unshare(world.A, world.AA1, world.B);

        ended.Ok();
        Assert.Equal(["assignment_removed", "assignment_removed", "share_ended"], ended.ChangeKinds().Order());
        Assert.All(ended.Body.GetProperty("changes").EnumerateArray(),
            c => Assert.Equal(world.AA1, c.GetProperty("assetId").GetInt64()));
        foreach (var person in new[] { world.B1, world.B2, world.BAdmin, world.BMgr })
        {
            Assert.False(await person.Can(world.AA1, "reports.view"));
            Assert.False(await person.Can(world.AA1, "campaigns.edit"));
            Assert.Empty(await person.EffectiveRoles(world.AA1));
            Assert.DoesNotContain(world.AA1, await person.MyAssetIds());
        }
    }

    /// <summary>Rule 7: once unshared, AA1 is an id b1 may not see, so every answer about it is 404, the same
    /// as for an id that does not exist; a 200 "allowed: false" would tell b1 that AA1 still exists.</summary>
    [Fact]
    public async Task C02_OwnerUnsharesOneAsset_PartnerPersonsOwnCheckAnswersNotFound()
    {
        await using var world = await SharedAsync();
        (await world.B1.Check(world.AA1, "reports.view")).Ok();

        (await world.AAdmin.Unshare(world.A, world.AA1, world.B)).Ok();
        var check = await world.B1.Check(world.AA1, "reports.view");
        var nonexistent = await world.B1.Check(987_654_321_012, "reports.view");

        nonexistent.Refused(HttpStatusCode.NotFound, "asset_not_found");
        check.Refused(HttpStatusCode.NotFound, "asset_not_found");
    }

    [Fact]
    public async Task C02_OwnerUnsharesOneAsset_GoneFromSharedWithUsAndCannotBeAssigned()
    {
        await using var world = await SharedAsync();

        (await world.AAdmin.Unshare(world.A, world.AA1, world.B)).Ok();
        var sharedWithB = (await world.BAdmin.Get($"/api/v1/businesses/{world.B}/shared-with-us")).Ok();
        var assign = await world.BAdmin.Assign(world.B, world.AA1, world.B1, "VIEWER");
        var list = await world.BAdmin.Get($"/api/v1/businesses/{world.B}/assets/{world.AA1}/assignments");

        var row = Assert.Single(sharedWithB.Items());
        Assert.Equal(world.PG1, row.AssetId());
        Assert.Equal(1, sharedWithB.Body.GetProperty("total").GetInt32());
        assign.Refused(HttpStatusCode.NotFound, "asset_not_found");
        list.Refused(HttpStatusCode.NotFound, "asset_not_found");
    }

    [Fact]
    public async Task C02_OwnerUnsharesOneAsset_PartnershipAndOtherShareUntouched()
    {
        await using var world = await SharedAsync();

        var ended = (await world.AAdmin.Unshare(world.A, world.AA1, world.B)).Ok();

        Assert.DoesNotContain(ended.Body.GetProperty("changes").EnumerateArray(),
            c => c.GetProperty("kind").GetString() == "partnership_ended"
                || (c.TryGetProperty("assetId", out var asset) && asset.GetInt64() == world.PG1));
        var partnerships = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/partnerships")).Ok();
        Assert.Contains(partnerships.Items(), p => p.GetProperty("id").GetInt64() == world.PartnershipAB
            && p.GetProperty("status").GetString() == "ACTIVE");
        var pg1 = Assert.Single((await world.BAdmin.Get($"/api/v1/businesses/{world.B}/shared-with-us")).Ok().Items());
        Assert.Equal("DIRECT_SPONSORED_CONTENT_POSTER", pg1.GetProperty("ceiling").GetString());
        Assert.True(await world.B1.Can(world.PG1, "sponsored_content.post"));
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await world.B1.EffectiveRoles(world.PG1));
        var b1OnPg1 = Assert.Single(await world.BAdmin.Assignments(world.B, world.PG1));
        Assert.Equal(world.B1.Id, b1OnPg1.PersonId());
        Assert.Contains(world.PG1, await world.B1.MyAssetIds());
    }

    [Fact]
    public async Task C02_OwnerUnsharesOneAsset_EndingVisibleInPartnersAuditLog()
    {
        await using var world = await SharedAsync();

        var ended = (await world.AAdmin.Unshare(world.A, world.AA1, world.B)).Ok();
        var events = (await world.BAdmin.AuditEvents(world.B, $"&assetId={world.AA1}"))
            .Where(e => e.GetProperty("revision").GetInt64() == ended.Revision).ToList();

        Assert.Single(events, e => e.GetProperty("kind").GetString() == "share_ended");
        Assert.Equal(new[] { world.B1.Id, world.B2.Id }.Order(),
            events.Where(e => e.GetProperty("kind").GetString() == "assignment_removed").Select(e => e.PersonId())
                .Order());
    }

    [Fact]
    public async Task C02_AssetSharedAgain_PartnerStartsWithZeroAssignments()
    {
        await using var world = await SharedAsync();
        (await world.AAdmin.Unshare(world.A, world.AA1, world.B)).Ok();

        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();

        Assert.Empty(await world.BAdmin.Assignments(world.B, world.AA1));
        Assert.False(await world.B1.Can(world.AA1, "reports.view"));
        Assert.False(await world.B2.Can(world.AA1, "reports.view"));
        Assert.DoesNotContain(world.AA1, await world.B1.MyAssetIds());
        var access = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/assets/{world.AA1}/access")).Ok();
        Assert.DoesNotContain(access.Body.GetProperty("people").EnumerateArray(),
            p => p.PersonId() == world.B1.Id || p.PersonId() == world.B2.Id);
    }

    /// <summary>A shares AA1 (Viewer) and PG1 (Sponsored Content Poster) with B; b1 is on both, b2 on AA1.</summary>
    private static async Task<World> SharedAsync()
    {
        var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "VIEWER")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B2, "VIEWER")).Ok();
        return world;
    }
}
