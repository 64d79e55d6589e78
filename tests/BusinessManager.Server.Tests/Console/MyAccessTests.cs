using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Console;

/// <summary>My access in the browser: every asset I can act on, my effective role and each path to it.</summary>
public sealed class MyAccessTests
{
    [Fact]
    public async Task MyAccess_DirectAndViaPartner_PathsInWordsAndEndedShareGoneOnReload()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        (await s.Mia.ChangeCeiling(s.Flexis, s.BrandAds, s.FixDex, "CAMPAIGN_MANAGER")).Ok();
        (await s.Ava.Assign(s.FixDex, s.BrandAds, s.Finn, "CAMPAIGN_MANAGER")).Ok();
        (await s.Mia.ChangeCeiling(s.Flexis, s.BrandAds, s.FixDex, "VIEWER")).Ok();
        await using var finn = await ConsoleUser.OpenAsync(server);
        await finn.SignInAsync(s.Finn.Email);

        await finn.GotoAsync("/my-access");
        var viaPartner = await finn.Page.Locator($"tr[data-asset='{s.BrandAds}']").InnerTextAsync();
        var direct = await finn.Page.Locator($"tr[data-asset='{s.CareersPage}']").InnerTextAsync();

        Assert.Contains($"FixDex Brand Ads id {s.BrandAds}", viaPartner, StringComparison.Ordinal);
        Assert.Contains("Ad account", viaPartner, StringComparison.Ordinal);
        Assert.Contains($"Flexis Media id {s.Flexis}", viaPartner, StringComparison.Ordinal);
        Assert.Contains($"Via partner FixDex id {s.FixDex}: Campaign manager,", viaPartner, StringComparison.Ordinal);
        Assert.Contains("ceiling Viewer", viaPartner, StringComparison.Ordinal);
        Assert.Equal("Viewer",
            await finn.Page.Locator($"tr[data-asset='{s.BrandAds}'] td:nth-child(3)").InnerTextAsync());
        Assert.Contains($"FixDex Careers id {s.CareersPage}", direct, StringComparison.Ordinal);
        Assert.Contains($"Direct: Analyst, given by the owner FixDex id {s.FixDex}", direct, StringComparison.Ordinal);
        Assert.Contains("You can act on 2 assets.", await finn.MainTextAsync(), StringComparison.Ordinal);
        await finn.AssertAccessibleAsync();

        (await s.Mia.Unshare(s.Flexis, s.BrandAds, s.FixDex)).Ok();
        await finn.Page.ReloadAsync();
        var rows = await finn.Page.Locator("tr[data-asset]").CountAsync();
        var fromApi = await s.Finn.MyAssetIds();

        Assert.Equal(1, rows);
        Assert.Equal(0, await finn.Page.Locator($"tr[data-asset='{s.BrandAds}']").CountAsync());
        Assert.DoesNotContain("FixDex Brand Ads", await finn.MainTextAsync(), StringComparison.Ordinal);
        Assert.Equal([s.CareersPage], fromApi);
    }

    [Fact]
    public async Task MyAccess_NoAssetsNoBusiness_EmptyStateSaysWhatToDo()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        await Api.SignUpAsync(http, "nia@new.example", "Nia Newcomer");
        await using var nia = await ConsoleUser.OpenAsync(server);
        await nia.SignInAsync("nia@new.example");

        await nia.GotoAsync("/my-access");
        var empty = await nia.Page.Locator("p.empty").InnerTextAsync();

        Assert.Contains("You cannot act on any ad account or page yet.", empty, StringComparison.Ordinal);
        Assert.Contains("accept an invitation or create a business", empty, StringComparison.Ordinal);
        Assert.Equal(0, await nia.Page.Locator("table").CountAsync());
        await nia.AssertAccessibleAsync();
    }

    [Fact]
    public async Task MyAccess_PhoneWidth_EveryPathReadableWithoutSideScrolling()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        await using var finn = await ConsoleUser.OpenAsync(server, ConsoleUser.Phone);
        await finn.SignInAsync(s.Finn.Email);

        await finn.GotoAsync("/my-access");
        var pageWidth = await finn.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        var tableOverflow = await finn.Page.Locator(".table-wrap")
            .EvaluateAsync<int>("w => w.scrollWidth - w.clientWidth");
        var paths = finn.Page.Locator("ul.paths li");

        Assert.True(pageWidth <= ConsoleUser.Phone.Width, $"the page is {pageWidth} px wide on a 390 px phone");
        Assert.True(tableOverflow <= 0, $"the table scrolls sideways by {tableOverflow} px");
        Assert.Equal(2, await paths.CountAsync());
        Assert.True(await paths.Nth(0).IsVisibleAsync() && await paths.Nth(1).IsVisibleAsync());
        Assert.True(await finn.Page.GetByText("Via partner FixDex").IsVisibleAsync());
        await finn.AssertAccessibleAsync();
    }
}
