using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C14. "My assets" shows both what a person reaches through a partner's assignment on a shared asset and
/// what they hold directly from an owner they belong to, each labelled with owner, path and effective role;
/// the partner's shared-with-us list and the owner's access view agree with it.
/// </summary>
public sealed class C14Tests
{
    [Fact]
    public async Task C14_PersonInPartnerAndOwner_MyAssetsShowsSharedAndDirectAssetsLabelled()
    {
        await using var world = await ArrangeAsync();

        var mine = (await world.B1.Get("/api/v1/me/assets")).Ok().Items().ToList();

        Assert.Equal(new[] { world.PG1, world.AA2 }.Order(), mine.Select(i => i.AssetId()).Order());
        var pg1 = mine.Single(i => i.AssetId() == world.PG1);
        Assert.Equal(world.A, pg1.GetProperty("asset").GetProperty("owner").GetProperty("id").GetInt64());
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], pg1.Strings("effectiveRoles"));
        var viaB = Assert.Single(pg1.GetProperty("paths").EnumerateArray());
        Assert.Equal("PARTNER_ASSIGNMENT", viaB.GetProperty("kind").GetString());
        Assert.Equal(world.B, viaB.GetProperty("business").GetProperty("id").GetInt64());
        Assert.Equal("DIRECT_SPONSORED_CONTENT_POSTER", viaB.GetProperty("ceiling").GetString());
        var aa2 = mine.Single(i => i.AssetId() == world.AA2);
        Assert.Equal(world.A, aa2.GetProperty("asset").GetProperty("owner").GetProperty("id").GetInt64());
        Assert.Equal(["VIEWER"], aa2.Strings("effectiveRoles"));
        var viaA = Assert.Single(aa2.GetProperty("paths").EnumerateArray());
        Assert.Equal("OWNER_ASSIGNMENT", viaA.GetProperty("kind").GetString());
        Assert.Equal(world.A, viaA.GetProperty("business").GetProperty("id").GetInt64());
        Assert.DoesNotContain(mine, i => i.AssetId() == world.PG2);
    }

    [Fact]
    public async Task C14_PartnerAdminListsSharedWithUs_BothPagesWithCeilings()
    {
        await using var world = await ArrangeAsync();

        var shared = (await world.BAdmin.Get($"/api/v1/businesses/{world.B}/shared-with-us")).Ok();

        var rows = shared.Items().ToList();
        Assert.Equal(new[] { world.PG1, world.PG2 }.Order(), rows.Select(r => r.AssetId()).Order());
        Assert.All(rows, r => Assert.Equal("DIRECT_SPONSORED_CONTENT_POSTER", r.GetProperty("ceiling").GetString()));
        Assert.All(rows, r => Assert.Equal(world.A, r.GetProperty("asset").GetProperty("owner").GetProperty("id")
            .GetInt64()));
        Assert.Equal(2, shared.Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task C14_OwnerViewsPageAccess_ShowsPartnerAndPersonAssignedByIt()
    {
        await using var world = await ArrangeAsync();

        var access = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/assets/{world.PG1}/access")).Ok();

        var partner = Assert.Single(access.Body.GetProperty("partners").EnumerateArray());
        Assert.Equal(world.B, partner.GetProperty("partner").GetProperty("id").GetInt64());
        Assert.Equal("DIRECT_SPONSORED_CONTENT_POSTER", partner.GetProperty("ceiling").GetString());
        var b1 = access.Body.GetProperty("people").EnumerateArray().Single(p => p.PersonId() == world.B1.Id);
        var path = Assert.Single(b1.GetProperty("paths").EnumerateArray());
        Assert.Equal("PARTNER_ASSIGNMENT", path.GetProperty("kind").GetString());
        Assert.Equal(world.B, path.GetProperty("business").GetProperty("id").GetInt64());
        Assert.Equal("DIRECT_SPONSORED_CONTENT_POSTER", path.GetProperty("role").GetString());
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], b1.Strings("effectiveRoles"));
    }

    /// <summary>A shares PG1, PG2 with B; B assigns b1 on PG1; b1 is also an A member with Viewer on AA2.</summary>
    private static async Task<World> ArrangeAsync()
    {
        var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.AAdmin.Share(world.A, world.PG2, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        await world.AAdmin.AddMember(world.A, world.B1);
        (await world.AAdmin.Assign(world.A, world.AA2, world.B1, "VIEWER")).Ok();
        return world;
    }
}
