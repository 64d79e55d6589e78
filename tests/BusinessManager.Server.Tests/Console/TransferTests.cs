using System.Globalization;
using System.Net;
using BusinessManager.Server.Tests.Harness;
using Microsoft.Playwright;

namespace BusinessManager.Server.Tests.Console;

/// <summary>Ownership transfers in the browser: opened by one admin, confirmed by both, decided by support.</summary>
public sealed class TransferTests
{
    [Fact]
    public async Task OpenTransfer_BothConfirmAndSupportCompletes_AssetBelongsToNewOwner()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        var sam = await s.SupportAgentAsync();
        await using var mia = await SignedInAsync(server, s.Mia);
        await using var ava = await SignedInAsync(server, s.Ava);
        await using var desk = await SignedInAsync(server, sam);

        await mia.GotoAsync($"/b/{s.Flexis}/transfers");
        await mia.Page.GetByLabel("Asset", new() { Exact = true }).SelectOptionAsync(Id(s.BrandAds));
        await mia.Page.GetByLabel("New owner's business id").FillAsync(Id(s.FixDex));
        await mia.Page.GetByRole(AriaRole.Button, new() { Name = "Open the transfer" }).ClickAsync();
        await mia.Page.WaitForURLAsync("**/transfers/*");
        var ownerView = await mia.MainTextAsync();
        var ownerEnds = await mia.Page.Locator("ul.ends li").AllInnerTextsAsync();

        Assert.Contains($"Transfer of ad account FixDex Brand Ads (id {s.BrandAds})", ownerView,
            StringComparison.Ordinal);
        Assert.Contains("Transfer of ad account FixDex Brand Ads", await mia.Page.Locator(".flash").InnerTextAsync(),
            StringComparison.Ordinal);
        Assert.Equal(2, ownerEnds.Count);
        Assert.Contains(ownerEnds, l => l == $"Leo Poster (leo@flexis.example, id {s.Leo.Id}) loses Campaign "
            + $"manager on ad account FixDex Brand Ads (id {s.BrandAds}), given by Flexis Media (id {s.Flexis}).");
        Assert.Contains(ownerEnds, l => l == $"The ad account FixDex Brand Ads (id {s.BrandAds}) is no longer shared with "
            + $"FixDex (id {s.FixDex}).");
        Assert.Contains($"Finn Viewer (finn@fixdex.example, id {s.Finn.Id}) keeps Viewer on ad account FixDex Brand "
            + $"Ads (id {s.BrandAds}), given by FixDex (id {s.FixDex}).", ownerView, StringComparison.Ordinal);
        await mia.AssertAccessibleAsync();

        await ava.GotoAsync($"/b/{s.FixDex}");
        var home = await ava.MainTextAsync();
        await ava.Page.GetByRole(AriaRole.Link, new() { Name = "Review it" }).ClickAsync();
        var receiverView = await ava.MainTextAsync();

        Assert.Contains($"Transfer of FixDex Brand Ads (id {s.BrandAds}) from Flexis Media", home,
            StringComparison.Ordinal);
        Assert.Contains("needs your confirmation", home, StringComparison.Ordinal);
        Assert.Contains($"Finn Viewer (finn@fixdex.example, id {s.Finn.Id}) keeps Viewer", receiverView,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Leo Poster", receiverView, StringComparison.Ordinal);
        Assert.Single(await ava.Page.Locator("ul.ends li").AllInnerTextsAsync());
        await ava.AssertAccessibleAsync();

        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm for FixDex" }).ClickAsync();
        var avaSide = await ava.Page.Locator("li[data-side=to]").InnerTextAsync();
        await mia.Page.ReloadAsync();
        await mia.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm for Flexis Media" }).ClickAsync();

        Assert.EndsWith(": confirmed (your business)", avaSide, StringComparison.Ordinal);
        Assert.Equal("Open: both sides confirmed, waiting for support",
            await mia.Page.Locator("#transfer-status").InnerTextAsync());

        await desk.GotoAsync("/support/transfers");
        var row = await desk.Page.Locator("tr[data-transfer]").InnerTextAsync();
        await desk.Page.GetByRole(AriaRole.Link,
            new() { Name = $"Complete the transfer of FixDex Brand Ads (id {s.BrandAds})" }).ClickAsync();
        var step = await desk.Page.Locator("section.preview").InnerTextAsync();

        Assert.Contains($"Flexis Media id {s.Flexis}", row, StringComparison.Ordinal);
        Assert.DoesNotContain("not confirmed", row, StringComparison.Ordinal);
        Assert.Contains("Completing it does this, at once", step, StringComparison.Ordinal);
        Assert.Contains($"Leo Poster (leo@flexis.example, id {s.Leo.Id}) loses Campaign manager", step,
            StringComparison.Ordinal);
        Assert.Contains($"Finn Viewer (finn@fixdex.example, id {s.Finn.Id}) keeps Viewer", step,
            StringComparison.Ordinal);
        await desk.AssertAccessibleAsync();

        await desk.Page.GetByRole(AriaRole.Button, new() { Name = "Complete the transfer" }).ClickAsync();
        var flash = await desk.Page.Locator(".flash").InnerTextAsync();
        var fixDexAssets = await s.Ava.Get($"/api/v1/businesses/{s.FixDex}/assets?limit=200");
        await ava.Page.ReloadAsync();

        Assert.Equal($"Transfer completed: ad account FixDex Brand Ads (id {s.BrandAds}) now belongs to FixDex "
            + $"(id {s.FixDex}).", flash);
        Assert.Contains("No transfer is open", await desk.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains(fixDexAssets.Ok().Items(), a => a.GetProperty("id").GetInt64() == s.BrandAds);
        Assert.Equal("Completed", await ava.Page.Locator("#transfer-status").InnerTextAsync());
        Assert.Contains("now belongs to FixDex", await ava.MainTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenTransfer_OldOwnerKeepsShare_PreviewAndListSayWhoKeepsWhat()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        await using var mia = await SignedInAsync(server, s.Mia);

        await mia.GotoAsync($"/b/{s.Flexis}/transfers");
        await mia.AssertAccessibleAsync();
        await mia.Page.GetByLabel("Asset", new() { Exact = true }).SelectOptionAsync(Id(s.BrandAds));
        await mia.Page.GetByLabel("New owner's business id").FillAsync(Id(s.FixDex));
        await mia.Page.GetByLabel("Share the old owner keeps")
            .SelectOptionAsync(new SelectOptionValue { Label = "Campaign manager" });
        await mia.Page.GetByRole(AriaRole.Button, new() { Name = "Open the transfer" }).ClickAsync();
        await mia.Page.WaitForURLAsync("**/transfers/*");
        var kept = await mia.Page.Locator("li[data-outcome=kept-share]").InnerTextAsync();
        var carried = await mia.Page.Locator("ul.carried li").AllInnerTextsAsync();
        var ends = await mia.Page.Locator("ul.ends li").AllInnerTextsAsync();
        var api = await s.Mia.Get($"/api/v1/businesses/{s.Flexis}/transfers");

        Assert.Equal($"Flexis Media id {s.Flexis} keeps a share of it up to Campaign manager: its people keep their "
            + "roles there, capped by that ceiling.", kept);
        Assert.Contains(carried, l => l.StartsWith($"Leo Poster (leo@flexis.example, id {s.Leo.Id}) keeps Campaign "
            + "manager", StringComparison.Ordinal));
        Assert.Contains(carried, l => l.StartsWith($"Finn Viewer (finn@fixdex.example, id {s.Finn.Id}) keeps Viewer",
            StringComparison.Ordinal));
        Assert.Equal([$"The ad account FixDex Brand Ads (id {s.BrandAds}) is no longer shared with FixDex (id {s.FixDex})."],
            ends);
        Assert.Equal("CAMPAIGN_MANAGER", api.Ok().Body[0].GetProperty("keepShareCeiling").GetString());

        await mia.Page.GetByRole(AriaRole.Link, new() { Name = "All transfers of Flexis Media" }).ClickAsync();
        var row = await mia.Page.Locator("tr[data-transfer]").InnerTextAsync();

        Assert.Contains($"FixDex Brand Ads id {s.BrandAds}", row, StringComparison.Ordinal);
        Assert.Contains($"FixDex id {s.FixDex}", row, StringComparison.Ordinal);
        Assert.Contains("Open: waiting for confirmation", row, StringComparison.Ordinal);
        Assert.Contains("Flexis Media: not confirmed yet", row, StringComparison.Ordinal);
        await mia.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SupportComplete_OnlyOneSideConfirmed_RefusalInWordsAndNothingMoves()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        var sam = await s.SupportAgentAsync();
        var transfer = await s.OpenBrandAdsTransferAsync();
        (await s.Mia.Post($"/api/v1/businesses/{s.Flexis}/transfers/{transfer}/confirm")).Ok();
        await using var desk = await SignedInAsync(server, sam);

        await desk.GotoAsync("/support/transfers");
        await desk.Page.GetByRole(AriaRole.Link,
            new() { Name = $"Complete the transfer of FixDex Brand Ads (id {s.BrandAds})" }).ClickAsync();
        var row = await desk.Page.Locator($"tr[data-transfer='{transfer}']").InnerTextAsync();
        var still = await s.Mia.Get($"/api/v1/businesses/{s.Flexis}/transfers/{transfer}");

        Assert.Contains("A transfer can be completed only after an admin of each business has confirmed it.", row,
            StringComparison.Ordinal);
        Assert.Contains("not confirmed yet", row, StringComparison.Ordinal);
        Assert.Equal(0,
            await desk.Page.GetByRole(AriaRole.Button, new() { Name = "Complete the transfer" }).CountAsync());
        Assert.Equal("OPEN", still.Ok().Body.GetProperty("status").GetString());
        await desk.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SupportReject_AfterConfirmationStep_TransferRejectedAssetStays()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        var sam = await s.SupportAgentAsync();
        var transfer = await s.OpenBrandAdsTransferAsync();
        (await s.Mia.Post($"/api/v1/businesses/{s.Flexis}/transfers/{transfer}/confirm")).Ok();
        (await s.Ava.Post($"/api/v1/businesses/{s.FixDex}/transfers/{transfer}/confirm")).Ok();
        await using var desk = await SignedInAsync(server, sam);

        await desk.GotoAsync("/support/transfers");
        await desk.Page.GetByRole(AriaRole.Link,
            new() { Name = $"Reject the transfer of FixDex Brand Ads (id {s.BrandAds})" }).ClickAsync();
        var step = await desk.Page.Locator("section.preview").InnerTextAsync();
        var beforeConfirm = await s.Mia.Get($"/api/v1/businesses/{s.Flexis}/transfers/{transfer}");

        Assert.Contains($"Reject the transfer of ad account FixDex Brand Ads (id {s.BrandAds})?", step,
            StringComparison.Ordinal);
        Assert.Contains("Rejecting it changes nothing about the asset", step, StringComparison.Ordinal);
        Assert.Contains($"Leo Poster (leo@flexis.example, id {s.Leo.Id}) loses Campaign manager", step,
            StringComparison.Ordinal);
        Assert.Equal("OPEN", beforeConfirm.Ok().Body.GetProperty("status").GetString());
        await desk.AssertAccessibleAsync();

        await desk.Page.GetByRole(AriaRole.Button, new() { Name = "Reject the transfer" }).ClickAsync();
        var flash = await desk.Page.Locator(".flash").InnerTextAsync();
        var after = await s.Mia.Get($"/api/v1/businesses/{s.Flexis}/transfers/{transfer}");
        var flexisAssets = await s.Mia.Get($"/api/v1/businesses/{s.Flexis}/assets?limit=200");

        Assert.Equal($"Transfer rejected: ad account FixDex Brand Ads (id {s.BrandAds}) stays with Flexis Media "
            + $"(id {s.Flexis}).", flash);
        Assert.Equal("REJECTED", after.Ok().Body.GetProperty("status").GetString());
        Assert.Contains(flexisAssets.Ok().Items(), a => a.GetProperty("id").GetInt64() == s.BrandAds);
    }

    [Fact]
    public async Task RequestSharedAsset_ThenCancelAfterConfirmationStep_TransferCancelled()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        await using var ava = await SignedInAsync(server, s.Ava);

        await ava.GotoAsync($"/b/{s.FixDex}/transfers");
        await ava.Page.GetByLabel("Asset to move to FixDex").SelectOptionAsync(Id(s.BrandAds));
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Ask for the transfer" }).ClickAsync();
        await ava.Page.WaitForURLAsync("**/transfers/*");
        var transfer = long.Parse(ava.Page.Url.Split('/')[^1], CultureInfo.InvariantCulture);
        var opened = await ava.MainTextAsync();

        Assert.Contains($"From (the owner)\nFlexis Media id {s.Flexis}", opened, StringComparison.Ordinal);
        Assert.Contains($"To (the new owner)\nFixDex id {s.FixDex}", opened, StringComparison.Ordinal);

        await ava.Page.GetByRole(AriaRole.Link, new() { Name = "Cancel the transfer…" }).ClickAsync();
        var step = await ava.Page.Locator("section.preview").InnerTextAsync();
        var beforeConfirm = await s.Ava.Get($"/api/v1/businesses/{s.FixDex}/transfers/{transfer}");

        Assert.Contains($"Cancel the transfer of ad account FixDex Brand Ads (id {s.BrandAds})? It stays with "
            + "Flexis Media", step, StringComparison.Ordinal);
        Assert.Contains("Nothing else ends", step, StringComparison.Ordinal);
        Assert.Equal("OPEN", beforeConfirm.Ok().Body.GetProperty("status").GetString());
        await ava.AssertAccessibleAsync();

        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel the transfer" }).ClickAsync();
        var after = await s.Mia.Get($"/api/v1/businesses/{s.Flexis}/transfers/{transfer}");

        Assert.Equal("Cancelled", await ava.Page.Locator("#transfer-status").InnerTextAsync());
        Assert.Contains("cancelled; it stays with Flexis Media", await ava.Page.Locator(".flash").InnerTextAsync(),
            StringComparison.Ordinal);
        Assert.Equal("CANCELLED", after.Ok().Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenTransfer_RefusedValues_ApiMessageNextToTheField()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        await using var mia = await SignedInAsync(server, s.Mia);

        await mia.GotoAsync($"/b/{s.Flexis}/transfers");
        await mia.Page.GetByLabel("Asset", new() { Exact = true }).SelectOptionAsync(Id(s.BrandAds));
        await mia.Page.GetByLabel("New owner's business id").FillAsync("123456789");
        await mia.Page.GetByRole(AriaRole.Button, new() { Name = "Open the transfer" }).ClickAsync();
        var to = mia.Page.GetByLabel("New owner's business id");

        Assert.Equal("No such business.", await mia.Page.Locator("#err-offer-toBusinessId").InnerTextAsync());
        Assert.Equal("true", await to.GetAttributeAsync("aria-invalid"));
        Assert.Equal("123456789", await to.InputValueAsync());
        await mia.AssertAccessibleAsync();

        await to.FillAsync(Id(s.FixDex));
        await mia.Page.GetByLabel("Share the old owner keeps")
            .SelectOptionAsync(new SelectOptionValue { Label = "Analyst" });
        await mia.Page.GetByRole(AriaRole.Button, new() { Name = "Open the transfer" }).ClickAsync();
        var keep = mia.Page.GetByLabel("Share the old owner keeps");
        var transfers = await s.Mia.Get($"/api/v1/businesses/{s.Flexis}/transfers");

        Assert.Equal("That role does not apply to this type of asset.",
            await mia.Page.Locator("#err-offer-keepShareCeiling").InnerTextAsync());
        Assert.Equal("true", await keep.GetAttributeAsync("aria-invalid"));
        Assert.Equal("err-offer-keepShareCeiling", await keep.GetAttributeAsync("aria-describedby"));
        Assert.Empty(transfers.Ok().Body.EnumerateArray());
        await mia.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SupportDesk_NotAnAgent_NotFound()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        await using var ava = await SignedInAsync(server, s.Ava);

        var response = await ava.GotoAsync("/support/transfers");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        Assert.Equal("Not found", await ava.Page.Locator("h1").InnerTextAsync());
        Assert.Equal(0, await ava.Page.Locator("nav.account a[href='/support/transfers']").CountAsync());
    }

    [Fact]
    public async Task TransferPages_MemberNotAdmin_ApiRefusalAndNotFound()
    {
        await using var server = await BmServer.StartAsync();
        using var s = await PartneredWorld.ArrangeAsync(server);
        var transfer = await s.OpenBrandAdsTransferAsync();
        await using var leo = await SignedInAsync(server, s.Leo);

        await leo.GotoAsync($"/b/{s.Flexis}/transfers");
        var list = await leo.MainTextAsync();
        var one = await leo.GotoAsync($"/b/{s.Flexis}/transfers/{transfer}");

        Assert.Contains("Only an admin of this business may do this.", list, StringComparison.Ordinal);
        Assert.DoesNotContain("FixDex Brand Ads", list, StringComparison.Ordinal);
        Assert.Equal((int)HttpStatusCode.NotFound, one!.Status);
        Assert.DoesNotContain("FixDex Brand Ads", await leo.MainTextAsync(), StringComparison.Ordinal);
    }

    private static async Task<ConsoleUser> SignedInAsync(BmServer server, Actor person)
    {
        var user = await ConsoleUser.OpenAsync(server);
        await user.SignInAsync(person.Email);
        return user;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
