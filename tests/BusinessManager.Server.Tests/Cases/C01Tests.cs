using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C01. A partner's role ceiling can be lowered by the owner, self-serve, with immediate effect on the
/// partner's people (rule 5), while their recorded assignments stay and are shown capped. The case's "in
/// the UI" part is not covered: there is no UI; campaign creation itself does not exist, so "cannot create
/// or edit campaigns" is the access check for <c>campaigns.edit</c>.
/// </summary>
public sealed class C01Tests
{
    [Fact]
    public async Task C01_OwnerLowersCeiling_PartnerPeopleCappedAtOnceWithoutSupport()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B2, "VIEWER")).Ok();
        Assert.True(await world.B1.Can(world.AA1, "campaigns.edit"));

        var lowered = await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "VIEWER");

        lowered.Ok();
        Assert.False(lowered.Body.GetProperty("dryRun").GetBoolean());
        Assert.Equal("VIEWER", lowered.Result.GetProperty("share").GetProperty("ceiling").GetString());
        var affected = lowered.Result.GetProperty("affected").EnumerateArray().ToList();
        Assert.Equal(world.B1.Id, Assert.Single(affected).PersonId());
        Assert.Equal(["VIEWER"], await world.B1.EffectiveRoles(world.AA1));
        Assert.True(await world.B1.Can(world.AA1, "reports.view"));
        Assert.False(await world.B1.Can(world.AA1, "campaigns.edit"));
        Assert.False(await world.B1.Can(world.AA1, "creatives.edit"));
        Assert.Equal(["VIEWER"], await world.B2.EffectiveRoles(world.AA1));
    }

    [Fact]
    public async Task C01_CeilingLowered_PartnerAdminsCannotAssignAboveIt()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER")).Ok();
        (await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "VIEWER")).Ok();

        var above = await world.BAdmin.Assign(world.B, world.AA1, world.B2, "CREATIVE_MANAGER");
        var reassigned = await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER");
        var within = await world.BAdmin.Assign(world.B, world.AA1, world.B2, "VIEWER");

        above.Refused(HttpStatusCode.Forbidden, "role_outside_ceiling");
        reassigned.Refused(HttpStatusCode.Forbidden, "role_outside_ceiling");
        within.Ok();
        Assert.Equal(["VIEWER"], await world.B2.EffectiveRoles(world.AA1));
    }

    [Fact]
    public async Task C01_CeilingLowered_AssignmentListShowsAssignedAndEffectiveRole()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B2, "VIEWER")).Ok();
        var before = (await world.BAdmin.Assignments(world.B, world.AA1)).Single(r => r.PersonId() == world.B1.Id);
        Assert.False(before.GetProperty("capped").GetBoolean());

        (await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "VIEWER")).Ok();
        var rows = await world.BAdmin.Assignments(world.B, world.AA1);

        var b1 = rows.Single(r => r.PersonId() == world.B1.Id);
        Assert.Equal("CAMPAIGN_MANAGER", b1.GetProperty("assignedRole").GetString());
        Assert.Equal("VIEWER", b1.GetProperty("ceiling").GetString());
        Assert.Equal(["VIEWER"], b1.Strings("effectiveRoles"));
        Assert.True(b1.GetProperty("capped").GetBoolean());
        var b2 = rows.Single(r => r.PersonId() == world.B2.Id);
        Assert.Equal("VIEWER", b2.GetProperty("assignedRole").GetString());
        Assert.Equal(["VIEWER"], b2.Strings("effectiveRoles"));
        Assert.False(b2.GetProperty("capped").GetBoolean());
    }

    [Fact]
    public async Task C01_CeilingLowered_AuditRecordsChangeAndEachAffectedPerson()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B2, "VIEWER")).Ok();

        var lowered = (await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "VIEWER")).Ok();

        foreach (var (admin, business) in new[] { (world.AAdmin, world.A), (world.BAdmin, world.B) })
        {
            var events = (await admin.AuditEvents(business, $"&assetId={world.AA1}"))
                .Where(e => e.GetProperty("revision").GetInt64() == lowered.Revision).ToList();
            var change = Assert.Single(events, e => e.GetProperty("kind").GetString() == "share_set");
            var details = change.GetProperty("details");
            Assert.Equal("CAMPAIGN_MANAGER", details.GetProperty("before").GetString());
            Assert.Equal("VIEWER", details.GetProperty("after").GetProperty("ceiling").GetString());
            var effect = Assert.Single(events, e => e.GetProperty("kind").GetString() == "share.ceiling_effect");
            Assert.Equal(world.B1.Id, effect.PersonId());
            Assert.Equal(world.AAdmin.Id, effect.GetProperty("actor").GetProperty("id").GetInt64());
        }
    }

    [Fact]
    public async Task C01_CeilingRaisedAgain_PreviewNamesCappedPersonAsRegainingRole()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B2, "VIEWER")).Ok();
        (await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "VIEWER")).Ok();

        var preview = await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER",
            dryRun: true);
        var stillCapped = await world.B1.EffectiveRoles(world.AA1);
        var raised = (await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();

        preview.Ok();
        Assert.True(preview.Body.GetProperty("dryRun").GetBoolean());
        var regains = Assert.Single(preview.Result.GetProperty("affected").EnumerateArray());
        Assert.Equal(world.B1.Id, regains.PersonId());
        Assert.Equal("CAMPAIGN_MANAGER", regains.GetProperty("assignedRole").GetString());
        Assert.Equal(["VIEWER"], regains.Strings("effectiveBefore"));
        Assert.Equal(["CAMPAIGN_MANAGER"], regains.Strings("effectiveAfter"));
        Assert.Equal(["VIEWER"], stillCapped);
        Assert.Equal(world.B1.Id, Assert.Single(raised.Result.GetProperty("affected").EnumerateArray()).PersonId());
        Assert.Equal(["CAMPAIGN_MANAGER"], await world.B1.EffectiveRoles(world.AA1));
        Assert.True(await world.B1.Can(world.AA1, "campaigns.edit"));
    }
}
