using System.Text.Json;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C13. "My assets" pages through everything a person can reach, including partner-shared ad accounts from
/// two owners, with the default page size: the first page says more exist, cursors reach every item once in a
/// stable order, changes during the iteration never duplicate or skip the others, and the total matches.
/// </summary>
public sealed class C13Tests
{
    private const int FromA = 130;
    private const int FromC = 20;

    [Fact]
    public async Task C13_PartnerSharedAccountsBeyondFirstPage_CursorsReachEveryOneOnce()
    {
        await using var world = await World.CreateAsync();
        var expected = await ShareAndAssignAsync(world);

        var first = (await world.B1.Get("/api/v1/me/assets")).Ok();
        var pages = await FollowAsync(world.B1, first, (_, _) => Task.CompletedTask);

        Assert.Equal(FromA + FromC, first.Body.GetProperty("total").GetInt32());
        Assert.True(first.Body.TryGetProperty("nextCursor", out var next) && next.GetString() is { Length: > 0 });
        Assert.True(first.Items().Count() < FromA + FromC);
        var ids = pages.SelectMany(p => p.Items()).Select(i => i.AssetId()).ToList();
        Assert.Equal(expected.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(pages, p => Assert.Equal(FromA + FromC, p.Body.GetProperty("total").GetInt32()));
        var again = (await FollowAsync(world.B1, first, (_, _) => Task.CompletedTask))
            .SelectMany(p => p.Items()).Select(i => i.AssetId());
        Assert.Equal(ids, again);
    }

    [Fact]
    public async Task C13_ShareAddedAndRemovedMidIteration_NothingDuplicatedOrSkipped()
    {
        await using var world = await World.CreateAsync();
        var expected = await ShareAndAssignAsync(world);
        var late = await world.AAdmin.CreateAsset(world.A, "AD_ACCOUNT", "Late account");
        var first = (await world.B1.Get("/api/v1/me/assets")).Ok();
        var firstIds = first.Items().Select(i => i.AssetId()).ToHashSet();
        var unshared = expected.Order().Last(id => !firstIds.Contains(id));

        var pages = await FollowAsync(world.B1, first, async (page, _) =>
        {
            if (page != 1)
            {
                return;
            }

            (await world.AAdmin.Share(world.A, late, world.B, "VIEWER")).Ok();
            (await world.BAdmin.Assign(world.B, late, world.B1, "VIEWER")).Ok();
            // Asset ids are random, so the one not yet seen may be A's or C's: its own owner ends the share.
            var (owner, ownerId) = expected.Take(FromA).Contains(unshared) ? (world.AAdmin, world.A) : (world.CAdmin, world.C);
            (await owner.Unshare(ownerId, unshared, world.B)).Ok();
        });

        var ids = pages.SelectMany(p => p.Items()).Select(i => i.AssetId()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order(), ids);
        var unchanged = expected.Where(id => id != unshared).ToList();
        Assert.All(unchanged, id => Assert.Contains(id, ids));
        Assert.DoesNotContain(ids, id => id != late && !expected.Contains(id));
        Assert.DoesNotContain(unshared, ids);
        Assert.Equal(FromA + FromC, pages[^1].Body.GetProperty("total").GetInt32());
        var after = await world.B1.MyAssetIds();
        Assert.Equal(unchanged.Append(late).Order(), after);
    }

    /// <summary>
    /// A shares 130 ad accounts with B, C shares 20; b-admin assigns b1 Viewer on all 150. Returns their ids.
    /// </summary>
    private static async Task<List<long>> ShareAndAssignAsync(World world)
    {
        await world.CAdmin.Partner(world.C, world.BAdmin, world.B);
        var ids = new List<long>();
        foreach (var (admin, owner, count) in new[] { (world.AAdmin, world.A, FromA), (world.CAdmin, world.C, FromC) })
        {
            for (var i = 0; i < count; i++)
            {
                var asset = await admin.CreateAsset(owner, "AD_ACCOUNT", $"Client account {owner}-{i}");
                (await admin.Share(owner, asset, world.B, "VIEWER")).Ok();
                (await world.BAdmin.Assign(world.B, asset, world.B1, "VIEWER")).Ok();
                ids.Add(asset);
            }
        }

        return ids;
    }

    /// <summary>Follows nextCursor from the first page, with the default page size; calls back after each.</summary>
    private static async Task<List<ApiResponse>> FollowAsync(Actor person, ApiResponse first,
        Func<int, ApiResponse, Task> afterPage)
    {
        var pages = new List<ApiResponse> { first };
        await afterPage(1, first);
        while (pages[^1].Body.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String)
        {
            var page = (await person.Get($"/api/v1/me/assets?cursor={next.GetString()}")).Ok();
            pages.Add(page);
            await afterPage(pages.Count, page);
            Assert.True(pages.Count <= FromA + FromC + 1, "the cursors never end");
        }

        return pages;
    }
}
