using System.Net;
using System.Text.Json;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Rules;

/// <summary>
/// Rule 5: effective permissions are the union of every path (owner admin, owner assignment, partner assignment
/// capped by the share's ceiling); lowering a ceiling takes effect at once and raising it restores what the
/// partner recorded.
/// </summary>
public sealed class Rule5EffectivePermissionsTests
{
    [Fact]
    public async Task Check_OwnerAndPartnerPaths_UnionOfBoth()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        await world.AAdmin.AddMember(world.A, world.B1);
        (await world.AAdmin.Assign(world.A, world.PG1, world.B1, "CURATOR")).Ok();

        var check = (await world.B1.Check(world.PG1)).Ok();

        Assert.Equal(
            new[] { "analytics.view", "content.curate", "sponsored_content.post" },
            Strings(check.Body.GetProperty("effectivePermissions")).Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { "CURATOR", "DIRECT_SPONSORED_CONTENT_POSTER" },
            Strings(check.Body.GetProperty("effectiveRoles")).Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { "OWNER_ASSIGNMENT", "PARTNER_ASSIGNMENT" },
            check.Body.GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("kind").GetString()!)
                .Order(StringComparer.Ordinal));
        Assert.False(await world.B1.Can(world.PG1, "posts.publish"));
    }

    [Fact]
    public async Task Check_PartnerAdminWhoIsAlsoOwnerAdmin_HoldsEverything()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        await world.AAdmin.AddMember(world.A, world.BAdmin, "ADMIN");
        (await world.BAdmin.Assign(world.B, world.AA1, world.BAdmin, "VIEWER")).Ok();

        var check = (await world.BAdmin.Check(world.AA1)).Ok();

        Assert.True(await world.BAdmin.Can(world.AA1, "billing.manage"));
        Assert.Contains(check.Body.GetProperty("paths").EnumerateArray(),
            p => p.GetProperty("kind").GetString() == "OWNER_ADMIN");
    }

    [Fact]
    public async Task ChangeCeiling_Lowered_PartnerPermissionsAreTheIntersectionAtOnce()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "ACCOUNT_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B2, "VIEWER")).Ok();

        var lowered = await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "VIEWER");

        lowered.Ok();
        Assert.Equal(["VIEWER"], await world.B1.EffectiveRoles(world.AA1));
        Assert.True(await world.B1.Can(world.AA1, "reports.view"));
        Assert.False(await world.B1.Can(world.AA1, "campaigns.edit"));
        Assert.Equal(["VIEWER"], await world.B2.EffectiveRoles(world.AA1));
        var b1 = (await world.BAdmin.Get(RulesSteps.AssignmentsPath(world.B, world.AA1))).Ok().Body.EnumerateArray()
            .Single(a => a.GetProperty("person").GetProperty("id").GetInt64() == world.B1.Id);
        Assert.Equal("ACCOUNT_MANAGER", b1.GetProperty("assignedRole").GetString());
        Assert.Equal(["VIEWER"], Strings(b1.GetProperty("effectiveRoles")));
        Assert.True(b1.GetProperty("capped").GetBoolean());
        var affected = lowered.Result.GetProperty("affected").EnumerateArray().ToList();
        Assert.Equal(world.B1.Id, affected.Single().GetProperty("person").GetProperty("id").GetInt64());
        (await world.BAdmin.Assign(world.B, world.AA1, world.B2, "CREATIVE_MANAGER"))
            .Refused(HttpStatusCode.Forbidden, "role_outside_ceiling");
    }

    [Fact]
    public async Task ChangeCeiling_PageRolesNotAChain_IntersectionIsWhatBothAllow()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();

        (await world.AAdmin.ChangeCeiling(world.A, world.PG1, world.B, "CURATOR")).Ok();

        Assert.Equal(["ANALYST"], await world.B1.EffectiveRoles(world.PG1));
        Assert.True(await world.B1.Can(world.PG1, "analytics.view"));
        Assert.False(await world.B1.Can(world.PG1, "sponsored_content.post"));
        Assert.False(await world.B1.Can(world.PG1, "content.curate"));
    }

    [Fact]
    public async Task ChangeCeiling_LoweredThenRaised_PreviewNamesWhoRegainsAndRaiseRestores()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B2, "VIEWER")).Ok();
        (await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "VIEWER")).Ok();
        var beforePreview = await RulesSteps.Revision(world);

        var preview = await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER", dryRun: true);

        preview.Ok();
        Assert.True(preview.Body.GetProperty("dryRun").GetBoolean());
        Assert.Equal(beforePreview, await RulesSteps.Revision(world));
        Assert.Equal(["VIEWER"], await world.B1.EffectiveRoles(world.AA1));
        var regains = preview.Result.GetProperty("affected").EnumerateArray().Single();
        Assert.Equal(world.B1.Id, regains.GetProperty("person").GetProperty("id").GetInt64());
        Assert.Equal(["VIEWER"], Strings(regains.GetProperty("effectiveBefore")));
        Assert.Equal(["CAMPAIGN_MANAGER"], Strings(regains.GetProperty("effectiveAfter")));

        var raised = await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER");

        raised.Ok();
        Assert.Equal(["CAMPAIGN_MANAGER"], await world.B1.EffectiveRoles(world.AA1));
        Assert.True(await world.B1.Can(world.AA1, "campaigns.edit"));
        Assert.Equal(["VIEWER"], await world.B2.EffectiveRoles(world.AA1));
    }

    [Fact]
    public async Task ChangeCeiling_Lowered_SecondServerNodeCapsOnNextRequest()
    {
        await using var world = await World.CreateAsync();
        await using var peer = await world.Server.StartPeerAsync();
        using var peerHttp = peer.NewClient();
        var b1OnPeer = world.B1.Via(peerHttp);
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "ACCOUNT_MANAGER")).Ok();
        Assert.True(await b1OnPeer.Can(world.AA1, "account.edit"));

        (await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "VIEWER")).Ok();

        Assert.False(await b1OnPeer.Can(world.AA1, "account.edit"));
        Assert.Equal(["VIEWER"], await b1OnPeer.EffectiveRoles(world.AA1));
    }

    [Fact]
    public async Task Check_OwnerEmployeeWithoutAssignment_HoldsNothing()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "VIEWER")).Ok();

        var roles = await world.A2.EffectiveRoles(world.AA1);

        Assert.Empty(roles);
        Assert.False(await world.A2.Can(world.AA1, "reports.view"));
        Assert.DoesNotContain(world.AA1, await world.A2.MyAssetIds());
        Assert.Equal(["VIEWER"], await world.A1.EffectiveRoles(world.AA1));
    }

    [Fact]
    public async Task Check_PartnerAssignmentAfterShareEndsAndReturns_StartsFromNothing()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "ACCOUNT_MANAGER")).Ok();
        (await world.AAdmin.Unshare(world.A, world.AA1, world.B)).Ok();

        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();

        Assert.False(await world.B1.Can(world.AA1, "reports.view"));
        Assert.Empty(await RulesSteps.Assignments(world.BAdmin, world.B, world.AA1));
    }

    private static List<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
