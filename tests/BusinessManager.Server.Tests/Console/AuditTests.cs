using System.Globalization;
using BusinessManager.Server.Tests.Harness;
using Microsoft.Playwright;

namespace BusinessManager.Server.Tests.Console;

/// <summary>A business's audit log in the browser: names with ids, readable details, filters and older pages.</summary>
public sealed class AuditTests
{
    [Fact]
    public async Task AuditLog_ReferenceScenario_NewestFirstWithNamesIdsAndDetails()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        var api = await s.Mia.Get($"/api/v1/businesses/{s.Flexis}/audit?limit=200");
        await using var mia = await SignedInAsync(server, s.Mia);

        await mia.GotoAsync($"/b/{s.Flexis}/audit");
        var ids = await EventIdsAsync(mia);
        var leoRole = await RowAsync(mia, "assignment_set", s.Leo.Id);
        var finnRole = await RowAsync(mia, "assignment_set", s.Finn.Id);
        var share = await mia.Page.Locator("tr[data-kind=share_set]").InnerTextAsync();

        Assert.Equal(api.Ok().Items().Count(), ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Contains($"Mia Admin mia@flexis.example id {s.Mia.Id}", leoRole, StringComparison.Ordinal);
        Assert.Contains($"Leo Poster leo@flexis.example id {s.Leo.Id}", leoRole, StringComparison.Ordinal);
        Assert.Contains($"FixDex Brand Ads id {s.BrandAds}", leoRole, StringComparison.Ordinal);
        Assert.Contains("Role given", leoRole, StringComparison.Ordinal);
        Assert.Contains("Role: none → Campaign manager", leoRole, StringComparison.Ordinal);
        Assert.Contains($"Ava Admin ava@fixdex.example id {s.Ava.Id}", finnRole, StringComparison.Ordinal);
        Assert.Contains($"Flexis Media id {s.Flexis} with FixDex id {s.FixDex}", finnRole, StringComparison.Ordinal);
        Assert.Contains("Role: none → Viewer", finnRole, StringComparison.Ordinal);
        Assert.Contains("Asset shared or ceiling changed", share, StringComparison.Ordinal);
        Assert.Contains("Ceiling: not shared → Viewer", share, StringComparison.Ordinal);
        await mia.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AuditLog_EachFilter_NarrowsRowsToTheMatchingEvents()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        await s.Mia.CreateAsset(s.Flexis, "PAGE", "Flexis House Page");
        await using var mia = await SignedInAsync(server, s.Mia);
        await mia.GotoAsync($"/b/{s.Flexis}/audit");
        var all = (await EventIdsAsync(mia)).Count;

        var byAsset = await FilterAsync(mia, "Asset", Id(s.BrandAds));
        var assetCells = await mia.Page.Locator("tr[data-event] td:nth-child(5)").AllInnerTextsAsync();
        var byPerson = await FilterAsync(mia, "Person", Id(s.Leo.Id));
        var personRows = await mia.Page.Locator("tr[data-event]").AllInnerTextsAsync();
        var byPartner = await FilterAsync(mia, "Partner", Id(s.FixDex));
        var partnerCells = await mia.Page.Locator("tr[data-event] td:nth-child(4)").AllInnerTextsAsync();
        var byKind = await FilterAsync(mia, "What happened", "assignment_set");
        var kinds = await KindsAsync(mia);
        var kindUrl = mia.Page.Url;

        Assert.InRange(byAsset.Count, 1, all - 1);
        Assert.Equal(await ApiIdsAsync(s, $"assetId={s.BrandAds}"), byAsset);
        Assert.All(assetCells, c => Assert.Equal($"FixDex Brand Ads id {s.BrandAds}", c));
        Assert.InRange(byPerson.Count, 1, all - 1);
        Assert.Equal(await ApiIdsAsync(s, $"personId={s.Leo.Id}"), byPerson);
        Assert.All(personRows,
            r => Assert.Contains($"Leo Poster leo@flexis.example id {s.Leo.Id}", r, StringComparison.Ordinal));
        Assert.InRange(byPartner.Count, 1, all - 1);
        Assert.Equal(await ApiIdsAsync(s, $"partnerId={s.FixDex}"), byPartner);
        Assert.All(partnerCells, c => Assert.Contains($"FixDex id {s.FixDex}", c, StringComparison.Ordinal));
        Assert.Equal(2, byKind.Count);
        Assert.All(kinds, k => Assert.Equal("assignment_set", k));
        Assert.Contains("kind=assignment_set", kindUrl, StringComparison.Ordinal);
        Assert.Equal("assignment_set", await mia.Page.GetByLabel("What happened").InputValueAsync());

        await FilterAsync(mia, "What happened", "transfer.completed");

        Assert.Contains("No event matches these filters", await mia.MainTextAsync(), StringComparison.Ordinal);
        await mia.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AuditLog_OlderEvents_MovesBackKeepingFilters()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        await using var mia = await SignedInAsync(server, s.Mia);

        await mia.GotoAsync($"/b/{s.Flexis}/audit?limit=4");
        var first = await EventIdsAsync(mia);
        await mia.Page.GetByRole(AriaRole.Link, new() { Name = "Older events" }).ClickAsync();
        var second = await EventIdsAsync(mia);

        Assert.Equal(4, first.Count);
        Assert.Equal(4, second.Count);
        Assert.True(second.Max() < first.Min(), "the older page starts below the newest page");
        Assert.Contains("limit=4", mia.Page.Url, StringComparison.Ordinal);

        await mia.GotoAsync($"/b/{s.Flexis}/audit?kind=member_set&limit=1");
        var newest = await EventIdsAsync(mia);
        await mia.Page.GetByRole(AriaRole.Link, new() { Name = "Older events" }).ClickAsync();
        var older = await EventIdsAsync(mia);
        var kinds = await KindsAsync(mia);

        Assert.Single(newest);
        Assert.Single(older);
        Assert.True(older[0] < newest[0]);
        Assert.Equal(["member_set"], kinds);
        Assert.Contains("kind=member_set", mia.Page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await mia.Page.GetByRole(AriaRole.Link, new() { Name = "Older events" }).CountAsync());
        Assert.Contains($"Mia Admin mia@flexis.example id {s.Mia.Id}", await mia.MainTextAsync(),
            StringComparison.Ordinal);
        await mia.AssertAccessibleAsync();

        await mia.GotoAsync($"/b/{s.Flexis}/audit?cursor=not-ours");

        Assert.Contains("The cursor is not one this service issued.", await mia.MainTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await mia.Page.GetByRole(AriaRole.Link, new() { Name = "Show the newest events" }).CountAsync());
    }

    [Fact]
    public async Task AuditLog_MemberNotAdmin_ApiRefusalInWords()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        await using var leo = await SignedInAsync(server, s.Leo);

        await leo.GotoAsync($"/b/{s.Flexis}/audit");
        var main = await leo.MainTextAsync();

        Assert.Contains("Only an admin of this business may do this.", main, StringComparison.Ordinal);
        Assert.Equal(0, await leo.Page.Locator("tr[data-event]").CountAsync());
    }

    /// <summary>Picks one filter on a fresh log and submits; returns the event ids the page then shows.</summary>
    private static async Task<List<long>> FilterAsync(ConsoleUser user, string label, string value)
    {
        await user.GotoAsync(new Uri(user.Page.Url).AbsolutePath);
        await user.Page.GetByLabel(label, new() { Exact = true }).SelectOptionAsync(value);
        await user.Page.GetByRole(AriaRole.Button, new() { Name = "Show events" }).ClickAsync();
        await user.Page.WaitForURLAsync(url => url.Contains('?', StringComparison.Ordinal));

        return await EventIdsAsync(user);
    }

    private static async Task<List<long>> EventIdsAsync(ConsoleUser user) =>
        (await user.Page.Locator("tr[data-event]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.event)"))
            .Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToList();

    private static Task<string[]> KindsAsync(ConsoleUser user) =>
        user.Page.Locator("tr[data-event]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.kind)");

    private static async Task<List<long>> ApiIdsAsync(PartneredWorld s, string query) =>
        (await s.Mia.Get($"/api/v1/businesses/{s.Flexis}/audit?limit=200&{query}")).Ok().Items()
            .Select(e => e.GetProperty("id").GetInt64()).ToList();

    private static Task<string> RowAsync(ConsoleUser user, string kind, long personId) =>
        user.Page.Locator($"tr[data-kind={kind}]").Filter(new() { HasText = $"id {personId}" }).InnerTextAsync();

    private static async Task<ConsoleUser> SignedInAsync(BmServer server, Actor person)
    {
        var user = await ConsoleUser.OpenAsync(server);
        await user.SignInAsync(person.Email);
        return user;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
