using BusinessManager.Core.Access;
using BusinessManager.Server.Data;
using BusinessManager.Server.Tests.Harness;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BusinessManager.Server.Tests.Store;

/// <summary>
/// The index is derived: after any sequence of operations through the API (allowed or refused), an index
/// rebuilt from the tables, and the index of a second server that only followed the change log, both equal
/// the index the writing server advanced incrementally.
/// </summary>
public sealed class IndexRebuildPropertyTests
{
    private static readonly string[] PageRoles =
        ["ADMINISTRATOR", "CONTENT_ADMINISTRATOR", "CURATOR", "ANALYST", "DIRECT_SPONSORED_CONTENT_POSTER"];

    private static readonly string[] AccountRoles = ["ACCOUNT_MANAGER", "CAMPAIGN_MANAGER", "VIEWER"];

    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task RandomOperations_RebuiltFromStoreAndFollowedByPeer_EqualLiveIndex(StoreKind store)
    {
        var sequences = Gen.Select(Gen.Int[0, 9], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000])
            .Array[25, 40];

        await sequences.SampleAsync(async operations =>
        {
            await using var world = await World.CreateAsync(store);
            await using var peer = await world.Server.StartPeerAsync();
            await world.AAdmin.Partner(world.A, world.CAdmin, world.C);
            foreach (var (kind, x, y, z) in operations)
            {
                await ApplyAsync(world, kind, x, y, z);
            }

            await AssertDerivedIndexesEqualAsync(world, peer);
        }, iter: 3, threads: 1, seed: "0N0XIzNsQ0O2");
    }

    private static async Task AssertDerivedIndexesEqualAsync(World world, BmServer peer)
    {
        var live = world.Server.Services.GetRequiredService<AccessIndex>();
        var rebuilt = await IndexSync.BuildAsync(
            world.Server.Services.GetRequiredService<IDbContextFactory<BmDb>>(), CancellationToken.None);
        using var peerHttp = peer.NewClient();
        (await world.AAdmin.Via(peerHttp).Get("/api/v1/me")).Ok();
        var followed = peer.Services.GetRequiredService<AccessIndex>();

        Assert.Equal(live.Revision, rebuilt.Revision);
        Assert.Equal(live.Revision, followed.Revision);
        Assert.Equal(live.Snapshot(), rebuilt.Snapshot());
        Assert.Equal(live.Snapshot(), followed.Snapshot());
    }

    private static async Task ApplyAsync(World w, int kind, int x, int y, int z)
    {
        var owners = new[] { (w.AAdmin, w.A), (w.BAdmin, w.B), (w.CAdmin, w.C) };
        var people = new[] { w.A1, w.A2, w.B1, w.B2, w.BMgr, w.C1 };
        var assets = new[] { w.AA1, w.AA2, w.PG1, w.PG2, w.BA1, w.PGB };
        var pages = new[] { w.PG1, w.PG2, w.PGB };
        var (admin, business) = owners[x % owners.Length];
        var asset = assets[y % assets.Length];
        var roles = pages.Contains(asset) ? PageRoles : AccountRoles;
        var role = roles[z % roles.Length];
        var partner = owners[(x + 1 + (z % 2)) % owners.Length].Item2;
        var person = people[z % people.Length];
        var actor = z % 3 == 0 ? w.BMgr : admin;

        _ = kind switch
        {
            0 or 1 => await admin.Share(business, asset, partner, role),
            2 => await admin.ChangeCeiling(business, asset, partner, role),
            3 => await admin.Unshare(business, asset, partner),
            4 or 5 or 6 => await actor.Assign(business, asset, person, role),
            7 => await actor.Unassign(business, asset, person.Id),
            8 => await admin.RemoveMember(business, person.Id),
            _ => await InviteAsync(admin, business, person),
        };
    }

    private static async Task<ApiResponse> InviteAsync(Actor admin, long business, Actor person)
    {
        var invited = await admin.Post($"/api/v1/businesses/{business}/invitations",
            new { email = person.Email, role = "EMPLOYEE" });
        return invited.Status == System.Net.HttpStatusCode.Created
            ? await person.Post($"/api/v1/me/invitations/{invited.Id}/accept")
            : invited;
    }
}
