using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C23. Counts and page totals ignore permissions: A owns 50 assets and shares 3 with B (PG1, PG2, AA1); B
/// assigns b1 to 2 of them (PG1, AA1). Every list b1 and b-admin can read about A's assets counts only what
/// they may see, pages end with the last visible item, and no number hints at A's 50. Name search does not
/// exist; the type and owner filters are the search filters the lists have.
/// </summary>
public sealed class C23Tests
{
    private static async Task<World> ArrangeAsync()
    {
        var w = await World.CreateAsync();
        for (var i = 0; i < 46; i++)
        {
            await w.AAdmin.CreateAsset(w.A, i % 2 == 0 ? "PAGE" : "AD_ACCOUNT", $"Hidden {i}");
        }

        (await w.AAdmin.Share(w.A, w.PG1, w.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await w.AAdmin.Share(w.A, w.PG2, w.B, "ANALYST")).Ok();
        (await w.AAdmin.Share(w.A, w.AA1, w.B, "VIEWER")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "ANALYST")).Ok();
        (await w.BAdmin.Assign(w.B, w.AA1, w.B1, "VIEWER")).Ok();

        return w;
    }

    [Fact]
    public async Task C23_SharedWithUsPagedByOne_TotalsAndPagesCountOnlyWhatEachCallerSees()
    {
        await using var w = await ArrangeAsync();
        var path = $"/api/v1/businesses/{w.B}/shared-with-us?ownerId={w.A}";

        var b1Pages = await CasesBSteps.AllPages(w.B1, path, limit: 1);
        var bAdminPages = await CasesBSteps.AllPages(w.BAdmin, path, limit: 1);
        var b1PagesOnly = await CasesBSteps.AllPages(w.B1, path + "&type=PAGE", limit: 1);
        var bAdminPagesOnly = await CasesBSteps.AllPages(w.BAdmin, path + "&type=PAGE", limit: 1);
        var ownerTotal = (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/assets?limit=1")).Ok();

        Assert.Equal(50, ownerTotal.Body.GetProperty("total").GetInt32());
        AssertPages(b1Pages, 2, [w.PG1, w.AA1]);
        AssertPages(bAdminPages, 3, [w.PG1, w.PG2, w.AA1]);
        AssertPages(b1PagesOnly, 1, [w.PG1]);
        AssertPages(bAdminPagesOnly, 2, [w.PG1, w.PG2]);
    }

    [Fact]
    public async Task C23_MyAssetsPagedByOne_TotalsCountOnlyTheCallersOwnAssets()
    {
        await using var w = await ArrangeAsync();
        var path = $"/api/v1/me/assets?ownerId={w.A}";

        var b1Pages = await CasesBSteps.AllPages(w.B1, path, limit: 1);
        var b1AdAccounts = await CasesBSteps.AllPages(w.B1, path + "&type=AD_ACCOUNT", limit: 1);
        var bAdminPages = await CasesBSteps.AllPages(w.BAdmin, path, limit: 1);

        AssertPages(b1Pages, 2, [w.PG1, w.AA1]);
        AssertPages(b1AdAccounts, 1, [w.AA1]);
        var only = Assert.Single(bAdminPages);
        Assert.Equal(0, only.Body.GetProperty("total").GetInt32());
        Assert.Empty(only.Items());
        Assert.False(only.Body.TryGetProperty("nextCursor", out _));
    }

    [Fact]
    public async Task C23_OwnersOwnAssetList_RefusedToPartnersWithoutAnyCount()
    {
        await using var w = await ArrangeAsync();

        var b1 = await w.B1.Get($"/api/v1/businesses/{w.A}/assets?limit=1");
        var bAdmin = await w.BAdmin.Get($"/api/v1/businesses/{w.A}/assets?limit=1&type=PAGE");
        var b1Business = await w.B1.Get($"/api/v1/businesses/{w.A}");

        b1.Refused(HttpStatusCode.NotFound, "business_not_found");
        bAdmin.Refused(HttpStatusCode.NotFound, "business_not_found");
        b1Business.Refused(HttpStatusCode.NotFound, "business_not_found");
        foreach (var answer in new[] { b1, bAdmin, b1Business })
        {
            Assert.False(answer.Body.TryGetProperty("total", out _), answer.Text);
            Assert.Equal(["status"], answer.Body.EnumerateObject()
                .Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Number).Select(p => p.Name));
        }
    }

    /// <summary>
    /// GET /businesses/{B} shows counts to every member. b1 may see only 2 of the 3 shares (shared-with-us lists 2
    /// for b1), so the summary's shared-with-us count must be 2 for b1, not 3; for b-admin it is 3.
    /// </summary>
    [Fact]
    public async Task C23_BusinessSummaryCounts_ForAMember_CountOnlyVisibleShares()
    {
        await using var w = await ArrangeAsync();

        var forB1 = (await w.B1.Get($"/api/v1/businesses/{w.B}")).Ok();
        var forBAdmin = (await w.BAdmin.Get($"/api/v1/businesses/{w.B}")).Ok();
        var listedForB1 = (await w.B1.Get($"/api/v1/businesses/{w.B}/shared-with-us")).Ok();

        Assert.Equal(3, forBAdmin.Body.GetProperty("counts").GetProperty("sharedWithUs").GetInt32());
        Assert.Equal(2, listedForB1.Body.GetProperty("total").GetInt32());
        Assert.Equal(2, forB1.Body.GetProperty("counts").GetProperty("sharedWithUs").GetInt32());
    }

    /// <summary>Exactly <paramref name="total"/> one-item pages, each stating the visible total, none empty,
    /// together holding the <paramref name="expected"/> assets.</summary>
    private static void AssertPages(List<ApiResponse> pages, int total, long[] expected)
    {
        Assert.Equal(total, pages.Count);
        Assert.All(pages, p => Assert.Equal(total, p.Body.GetProperty("total").GetInt32()));
        Assert.All(pages, p => Assert.Single(p.Items()));
        Assert.False(pages[^1].Body.TryGetProperty("nextCursor", out _));
        var ids = pages.SelectMany(p => p.Items())
            .Select(i => i.GetProperty("asset").GetProperty("id").GetInt64()).ToList();
        Assert.Equal(expected.Order(), ids.Order());
    }
}
