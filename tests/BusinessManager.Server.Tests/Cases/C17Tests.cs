using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C17. Unassigning one grant removes exactly that grant: the same person's grants on other assets and other
/// people's grants on the same asset stay. Unassigning what does not exist answers "not found" and changes
/// nothing. b-mgr acts with the role that manages each asset's users (rule 4), not as an admin of B.
/// </summary>
public sealed class C17Tests
{
    [Fact]
    public async Task C17_ManagerUnassignsOneGrant_OnlyThatGrantRemoved()
    {
        await using var world = await ArrangeAsync();
        var before = await SnapshotAsync(world);

        var removed = await world.BMgr.Unassign(world.B, world.PG2, world.B1.Id);

        removed.Ok();
        var change = Assert.Single(removed.Body.GetProperty("changes").EnumerateArray());
        Assert.Equal("assignment_removed", change.GetProperty("kind").GetString());
        Assert.Equal(world.B1.Id, change.GetProperty("personId").GetInt64());
        Assert.Equal(world.PG2, change.GetProperty("assetId").GetInt64());
        Assert.Equal(world.B, change.GetProperty("byBusinessId").GetInt64());
        var after = await SnapshotAsync(world);
        Assert.Equal(before.Where(g => g != $"{world.PG2}:{world.B1.Id}:CONTENT_ADMINISTRATOR"), after);
        Assert.Equal(["ANALYST"], await world.B1.EffectiveRoles(world.PG1));
        Assert.Equal(["VIEWER"], await world.B1.EffectiveRoles(world.AA1));
        Assert.Empty(await world.B1.EffectiveRoles(world.PG2));
        Assert.Equal(["ANALYST"], await world.B2.EffectiveRoles(world.PG2));
    }

    [Fact]
    public async Task C17_UnassignFromAssetNotAssigned_NotFoundAndNothingChanges()
    {
        await using var world = await ArrangeAsync();
        (await world.BMgr.Unassign(world.B, world.PG2, world.B1.Id)).Ok();
        var before = await SnapshotAsync(world);
        var revision = await world.BAdmin.CurrentRevision();

        var again = await world.BMgr.Unassign(world.B, world.PG2, world.B1.Id);
        var neverAssigned = await world.BMgr.Unassign(world.B, world.AA2, world.B1.Id);

        again.Refused(HttpStatusCode.NotFound, "assignment_not_found");
        neverAssigned.Refused(HttpStatusCode.NotFound, "assignment_not_found");
        Assert.Equal(before, await SnapshotAsync(world));
        Assert.Equal(revision, await world.BAdmin.CurrentRevision());
    }

    [Fact]
    public async Task C17_UnassignWithIdsThatDoNotExist_NotFoundAndNothingChanges()
    {
        await using var world = await ArrangeAsync();
        (await world.BMgr.Unassign(world.B, world.PG2, world.B1.Id)).Ok();
        var before = await SnapshotAsync(world);
        var revision = await world.BAdmin.CurrentRevision();
        const long missing = 987_654_321_012;

        var noAsset = await world.BMgr.Unassign(world.B, missing, world.B1.Id);
        var noPerson = await world.BMgr.Unassign(world.B, world.PG1, missing);
        var otherPerson = await world.BMgr.Unassign(world.B, world.PG1, world.B2.Id);

        noAsset.Refused(HttpStatusCode.NotFound, "asset_not_found");
        noPerson.Refused(HttpStatusCode.NotFound, "assignment_not_found");
        otherPerson.Refused(HttpStatusCode.NotFound, "assignment_not_found");
        Assert.Equal(before, await SnapshotAsync(world));
        Assert.Equal(revision, await world.BAdmin.CurrentRevision());
    }

    /// <summary>
    /// A shares PG1, PG2 (Super Admin ceiling) and AA1, AA2 (Account Manager ceiling) with B. b-mgr holds the
    /// user-managing role on all four; b1 is on PG1, PG2 and AA1; b2 on PG2.
    /// </summary>
    private static async Task<World> ArrangeAsync()
    {
        var world = await World.CreateAsync();
        foreach (var (asset, ceiling) in new[]
                 {
                     (world.PG1, "ADMINISTRATOR"), (world.PG2, "ADMINISTRATOR"),
                     (world.AA1, "ACCOUNT_MANAGER"), (world.AA2, "ACCOUNT_MANAGER"),
                 })
        {
            (await world.AAdmin.Share(world.A, asset, world.B, ceiling)).Ok();
            (await world.BAdmin.Assign(world.B, asset, world.BMgr, ceiling)).Ok();
        }

        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "ANALYST")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG2, world.B1, "CONTENT_ADMINISTRATOR")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "VIEWER")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG2, world.B2, "ANALYST")).Ok();
        return world;
    }

    /// <summary>Every assignment B made on the four shared assets, as "asset:person:role", sorted.</summary>
    private static async Task<List<string>> SnapshotAsync(World world)
    {
        var grants = new List<string>();
        foreach (var asset in new[] { world.PG1, world.PG2, world.AA1, world.AA2 })
        {
            grants.AddRange((await world.BAdmin.Assignments(world.B, asset))
                .Select(r => $"{asset}:{r.PersonId()}:{r.GetProperty("assignedRole").GetString()}"));
        }

        return grants.Order(StringComparer.Ordinal).ToList();
    }
}
