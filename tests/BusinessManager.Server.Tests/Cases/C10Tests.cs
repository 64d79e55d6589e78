using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C10. An asset has exactly one owner. (a) There is no way to add a second owner through the API; a share
/// never gives owner rights. (b) PRODUCT.md allows only one open transfer per asset, so the case's two
/// confirmed transfers AA1→B and AA1→C become: the second open is refused (transfer_already_open), and two
/// support agents, on two API nodes, complete the same confirmed transfer at the same moment; exactly one
/// succeeds. Not covered because the feature does not exist: owner hierarchies ("managers above the owner").
/// </summary>
public sealed class C10Tests
{
    [Fact]
    public async Task C10_PartnerTriesToBecomeSecondOwner_EveryWayIsRefused()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();

        var renameWithOwner = await world.AAdmin.Patch($"/api/v1/businesses/{world.A}/assets/{world.AA1}",
            new { name = "AA1", ownerId = world.B });
        var createWithId = await world.BAdmin.Post($"/api/v1/businesses/{world.B}/assets",
            new { type = "AD_ACCOUNT", name = "AA1", id = world.AA1 });
        var renameAsPartner = await world.BAdmin.Patch($"/api/v1/businesses/{world.B}/assets/{world.AA1}",
            new { name = "Ours now" });
        var reshare = await world.BAdmin.Share(world.B, world.AA1, world.A, "VIEWER");
        var transferToSelfAsOwner = await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers",
            new { assetId = world.AA1, toBusinessId = world.A });

        renameWithOwner.Refused(HttpStatusCode.BadRequest, "unknown_field");
        createWithId.Refused(HttpStatusCode.BadRequest, "unknown_field");
        renameAsPartner.Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        reshare.Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        transferToSelfAsOwner.Refused(HttpStatusCode.BadRequest, "transfer_to_owner");
        var aa1 = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/assets/{world.AA1}")).Ok();
        Assert.Equal(world.A, aa1.Body.GetProperty("owner").GetProperty("id").GetInt64());
        Assert.Equal("AA1", aa1.Body.GetProperty("name").GetString());
        var bAssets = (await world.BAdmin.Get($"/api/v1/businesses/{world.B}/assets?limit=200")).Ok();
        Assert.DoesNotContain(bAssets.Items(), a => a.GetProperty("id").GetInt64() == world.AA1);
        Assert.Equal([world.BA1], bAssets.Items().Where(a => a.GetProperty("type").GetString() == "AD_ACCOUNT")
            .Select(a => a.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task C10_PartnerAdminWithShare_GetsNoOwnerRights()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.BAdmin, "VIEWER")).Ok();

        var check = (await world.BAdmin.Check(world.AA1)).Ok();
        var archive = await world.BAdmin.Post($"/api/v1/businesses/{world.B}/assets/{world.AA1}/archive");
        var ceiling = await world.BAdmin.ChangeCeiling(world.B, world.AA1, world.B, "ACCOUNT_MANAGER");
        var access = await world.BAdmin.Get($"/api/v1/businesses/{world.B}/assets/{world.AA1}/access");

        Assert.Equal(["VIEWER"], check.Body.Strings("effectiveRoles"));
        var path = Assert.Single(check.Body.GetProperty("paths").EnumerateArray());
        Assert.Equal("PARTNER_ASSIGNMENT", path.GetProperty("kind").GetString());
        Assert.False(await world.BAdmin.Can(world.AA1, "account.edit"));
        Assert.False(await world.BAdmin.Can(world.AA1, "billing.manage"));
        archive.Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        ceiling.Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        access.Refused(HttpStatusCode.Forbidden, "not_asset_owner");
    }

    [Fact]
    public async Task C10_SecondTransferOfSameAsset_RefusedWhileOneIsOpen()
    {
        await using var world = await World.CreateAsync();
        await world.AAdmin.Partner(world.A, world.CAdmin, world.C);
        var toB = (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers",
            new { assetId = world.AA1, toBusinessId = world.B })).Ok();
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers/{toB.Id}/confirm")).Ok();
        (await world.BAdmin.Post($"/api/v1/businesses/{world.B}/transfers/{toB.Id}/confirm")).Ok();

        var toC = await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers",
            new { assetId = world.AA1, toBusinessId = world.C });

        toC.Refused(HttpStatusCode.Conflict, "transfer_already_open");
        var transfers = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/transfers")).Ok();
        var only = Assert.Single(transfers.Body.EnumerateArray());
        Assert.Equal(toB.Id, only.GetProperty("id").GetInt64());
        Assert.Empty((await world.CAdmin.Get($"/api/v1/businesses/{world.C}/transfers")).Ok().Body.EnumerateArray());
    }

    [Fact]
    public async Task C10_TwoSupportAgentsCompleteSameTransferAtOnce_ExactlyOneOwnerAtEveryMoment()
    {
        await using var world = await World.CreateAsync();
        await using var peer = await world.Server.StartPeerAsync();
        using var peerHttp = peer.NewClient();
        var observer = await world.Person("observer@both.com");
        await world.AAdmin.AddMember(world.A, observer, "ADMIN");
        await world.BAdmin.AddMember(world.B, observer, "ADMIN");
        var agent1 = await CasesAStepsHelper.SupportAgentAsync(world, "agent1@support.example");
        var agent2 = (await CasesAStepsHelper.SupportAgentAsync(world, "agent2@support.example")).Via(peerHttp);
        var transfer = (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers",
            new { assetId = world.AA1, toBusinessId = world.B })).Ok().Id;
        (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/transfers/{transfer}/confirm")).Ok();
        (await world.BAdmin.Post($"/api/v1/businesses/{world.B}/transfers/{transfer}/confirm")).Ok();
        Assert.Equal([world.A], await OwnersSeenBy(observer, world.AA1));

        using var stop = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            var seen = new List<List<long>>();
            while (!stop.IsCancellationRequested)
            {
                seen.Add(await OwnersSeenBy(observer, world.AA1));
            }

            return seen;
        });
        var results = await Task.WhenAll(
            agent1.Post($"/api/v1/support/transfers/{transfer}/complete"),
            agent2.Post($"/api/v1/support/transfers/{transfer}/complete"));
        await stop.CancelAsync();
        var observed = await watcher;

        Assert.Single(results, r => r.Status == HttpStatusCode.OK);
        var refused = Assert.Single(results, r => r.Status != HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains(refused.Code, new[] { "transfer_not_open", "ownership_changed" });
        Assert.NotEmpty(observed);
        Assert.All(observed, owners => Assert.Single(owners));
        Assert.Equal([world.B], await OwnersSeenBy(observer, world.AA1));
        Assert.Equal([world.B], await OwnersSeenBy(observer.Via(peerHttp), world.AA1));
        var done = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/transfers/{transfer}")).Ok();
        Assert.Equal("COMPLETED", done.Body.GetProperty("status").GetString());
        var ownerChanges = await world.BAdmin.AuditEvents(world.B, $"&assetId={world.AA1}&kind=asset_owner_changed");
        Assert.Single(ownerChanges);
        Assert.Single(await world.BAdmin.AuditEvents(world.B, $"&assetId={world.AA1}&kind=transfer.completed"));
        Assert.DoesNotContain(world.AA1, (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/assets?limit=200"))
            .Ok().Items().Select(a => a.GetProperty("id").GetInt64()));
    }

    /// <summary>
    /// One read, one snapshot: the owner-admin paths of a person who is an admin of every business involved.
    /// Each such path names an owner, so their count is the number of owners at that moment.
    /// </summary>
    private static async Task<List<long>> OwnersSeenBy(Actor observer, long asset)
    {
        var check = (await observer.Check(asset)).Ok();
        return check.Body.GetProperty("paths").EnumerateArray()
            .Where(p => p.GetProperty("kind").GetString() == "OWNER_ADMIN")
            .Select(p => p.GetProperty("business").GetProperty("id").GetInt64())
            .ToList();
    }
}
