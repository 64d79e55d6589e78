using System.Net;
using BusinessManager.Server.Tests.Harness;
using Microsoft.Playwright;

namespace BusinessManager.Server.Tests.Console;

/// <summary>Ad accounts and pages: the list, create, archive with its preview, and each asset's access page.</summary>
public sealed class AssetTests
{
    [Fact]
    public async Task CreateAsset_FromTheEmptyState_AssetListedWithLinkToItsAccessPage()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var ava = await Api.SignUpAsync(http, "ava@fixdex.example", "Ava Admin");
        var fixdex = await ava.CreateBusiness("FixDex");
        await using var admin = await SignedInAsync(server, ava);

        await admin.GotoAsync($"/b/{fixdex}/assets");
        var empty = await admin.MainTextAsync();
        await admin.AssertAccessibleAsync();
        await admin.Page.GetByLabel("Type").SelectOptionAsync("PAGE");
        await admin.Page.GetByLabel("Name").FillAsync("FixDex Careers");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        Assert.Contains("has no ad accounts or pages yet. Create the first one below", empty, StringComparison.Ordinal);
        var listed = (await ava.Get($"/api/v1/businesses/{fixdex}/assets")).Ok().Items().Single();
        var id = listed.GetProperty("id").GetInt64();
        Assert.Equal("PAGE", listed.GetProperty("type").GetString());
        var row = await admin.Page.Locator("main tbody tr").InnerTextAsync();
        Assert.Contains("FixDex Careers", row, StringComparison.Ordinal);
        Assert.Contains("Page", row, StringComparison.Ordinal);
        Assert.Contains(Text(id), row, StringComparison.Ordinal);
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "FixDex Careers: who has access" }).ClickAsync();
        Assert.EndsWith($"/b/{fixdex}/assets/{id}", admin.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsset_InvisibleCharacterInName_RefusalShownNextToTheName()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var ava = await Api.SignUpAsync(http, "ava@fixdex.example", "Ava Admin");
        var fixdex = await ava.CreateBusiness("FixDex");
        await using var admin = await SignedInAsync(server, ava);

        await admin.GotoAsync($"/b/{fixdex}/assets");
        await admin.Page.GetByLabel("Name").FillAsync("Fix\u202EDex");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        Assert.Contains("without control or invisible characters",
            await admin.Page.Locator("#err-create-name").InnerTextAsync(), StringComparison.Ordinal);
        await admin.AssertAccessibleAsync();
        Assert.Empty((await ava.Get($"/api/v1/businesses/{fixdex}/assets")).Ok().Items());
    }

    [Fact]
    public async Task CreateAsset_AdminDemotedMeanwhile_ApiRefusalShownAboveTheList()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        (await world.AAdmin.Patch($"/api/v1/businesses/{world.A}/members/{world.A1.Id}", new { role = "ADMIN" })).Ok();
        await using var a1 = await SignedInAsync(world.Server, world.A1);
        await a1.GotoAsync($"/b/{world.A}/assets");
        (await world.AAdmin.Patch($"/api/v1/businesses/{world.A}/members/{world.A1.Id}", new { role = "EMPLOYEE" })).Ok();

        await a1.Page.GetByLabel("Name").FillAsync("AA3");
        await a1.Page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        Assert.Contains("Only an admin of this business may do this", await a1.Page.Locator("#err-list").InnerTextAsync(),
            StringComparison.Ordinal);
        Assert.Equal(0, await a1.Page.Locator("main form").CountAsync());
        var names = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/assets")).Ok().Items()
            .Select(a => a.GetProperty("name").GetString());
        Assert.DoesNotContain("AA3", names);
    }

    [Fact]
    public async Task ArchiveAsset_PreviewNamesTheSharesAndRolesThatEnd_ThenTheAssetIsGone()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "VIEWER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CREATIVE_MANAGER")).Ok();
        (await world.AAdmin.Assign(world.A, world.AA2, world.A2, "VIEWER")).Ok();
        await using var admin = await SignedInAsync(world.Server, world.AAdmin);

        await admin.GotoAsync($"/b/{world.A}/assets");
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Archive AA1" }).ClickAsync();
        var lines = await admin.Page.Locator(".preview li").AllInnerTextsAsync();
        await admin.AssertAccessibleAsync();
        await admin.ScreenshotAsync("assets-archive-preview");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Archive AA1" }).ClickAsync();

        Assert.Equal(4, lines.Count);
        Assert.Contains(lines, l => l.StartsWith($"a1 (a1@brand.com, id {world.A1.Id}) loses Viewer on ad account AA1",
            StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"b1 (b1@agency.com, id {world.B1.Id}) loses Creative manager",
            StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"is no longer shared with B Agency (id {world.B})",
            StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("AA1") && l.EndsWith("is archived.", StringComparison.Ordinal));
        Assert.Contains("1 share and 2 roles ended", await admin.MainTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Archive AA1" }).CountAsync());
        var gone = await world.AAdmin.Get($"/api/v1/businesses/{world.A}/assets/{world.AA1}");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.True(await world.A2.Can(world.AA2, "reports.view"));
    }

    [Fact]
    public async Task Assets_NonAdminMember_SeesOnlyWhatTheyCanActOnAndNoAdminControls()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        (await world.AAdmin.Assign(world.A, world.PG1, world.A1, "ANALYST")).Ok();
        await using var a1 = await SignedInAsync(world.Server, world.A1);

        await a1.GotoAsync($"/b/{world.A}/assets");

        var rows = await a1.Page.Locator("main tbody tr").AllInnerTextsAsync();
        Assert.Contains("PG1", Assert.Single(rows), StringComparison.Ordinal);
        Assert.Equal(0, await a1.Page.Locator("main form").CountAsync());
        Assert.Equal(0, await a1.Page.GetByRole(AriaRole.Link, new() { Name = "Archive PG1" }).CountAsync());
        await a1.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AccessPage_DirectAndPartnerPaths_EachRowSaysWhyAndWhatCanBeDone()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.AAdmin.Assign(world.A, world.PG1, world.A1, "CURATOR")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "ANALYST")).Ok();
        await using var admin = await SignedInAsync(world.Server, world.AAdmin);

        await admin.GotoAsync($"/b/{world.A}/assets/{world.PG1}");
        await admin.AssertAccessibleAsync();
        await admin.ScreenshotAsync("asset-access");

        var partners = await admin.Page.Locator("section[aria-labelledby=partners-h] tbody tr").InnerTextAsync();
        Assert.Contains("B Agency", partners, StringComparison.Ordinal);
        Assert.Contains("Direct sponsored content poster", partners, StringComparison.Ordinal);
        var direct = await Row(admin, "a1@brand.com").InnerTextAsync();
        Assert.Contains("Direct: Curator, given by the owner A Brand", direct, StringComparison.Ordinal);
        Assert.Equal(1, await Row(admin, "a1@brand.com").GetByRole(AriaRole.Button,
            new() { Name = "Remove direct role of a1" }).CountAsync());
        var partner = Row(admin, "b1@agency.com");
        var viaPartner = await partner.InnerTextAsync();
        Assert.Contains("Via partner B Agency", viaPartner, StringComparison.Ordinal);
        Assert.Contains("Analyst, ceiling Direct sponsored content poster", viaPartner,
            StringComparison.Ordinal);
        Assert.Contains("only that partner can remove this role", viaPartner, StringComparison.Ordinal);
        Assert.Equal($"/b/{world.A}/partners", await partner.GetByRole(AriaRole.Link,
            new() { Name = "End the share with B Agency" }).GetAttributeAsync("href"));
        Assert.Equal(0, await partner.GetByRole(AriaRole.Button).CountAsync());
        var owner = Row(admin, "a-admin@brand.com");
        Assert.Contains("admins hold every permission", await owner.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await owner.GetByRole(AriaRole.Button).CountAsync());
    }

    [Fact]
    public async Task AccessPage_RemoveDirectAssignment_RowDisappearsAndAccessEnds()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "CAMPAIGN_MANAGER")).Ok();
        await using var admin = await SignedInAsync(world.Server, world.AAdmin);

        await admin.GotoAsync($"/b/{world.A}/assets/{world.AA1}");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Remove direct role of a1" }).ClickAsync();

        Assert.Contains("Campaign manager for a1 (a1@brand.com", await admin.MainTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Row(admin, "a1@brand.com").CountAsync());
        Assert.Equal(1, await Row(admin, "a-admin@brand.com").CountAsync());
        Assert.False(await world.A1.Can(world.AA1, "reports.view"));
    }

    [Fact]
    public async Task AccessPage_RemoveARoleThatAlreadyEnded_ApiRefusalShownInWords()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "VIEWER")).Ok();
        await using var admin = await SignedInAsync(world.Server, world.AAdmin);
        await admin.GotoAsync($"/b/{world.A}/assets/{world.AA1}");
        (await world.AAdmin.Unassign(world.A, world.AA1, world.A1.Id)).Ok();

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Remove direct role of a1" }).ClickAsync();

        Assert.Contains("That person holds no role on this asset from this business",
            await admin.Page.Locator("#err-people").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await Row(admin, "a1@brand.com").CountAsync());
        await admin.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AccessPage_GiveMemberARole_RowAppearsWithTheDirectPath()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        await using var admin = await SignedInAsync(world.Server, world.AAdmin);

        await admin.GotoAsync($"/b/{world.A}/assets/{world.AA1}");
        await admin.Page.GetByLabel("Member", new() { Exact = true }).SelectOptionAsync(Text(world.A2.Id));
        await admin.Page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("VIEWER");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Give role" }).ClickAsync();

        Assert.Contains("now holds Viewer on this asset", await admin.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Direct: Viewer, given by the owner A Brand", await Row(admin, "a2@brand.com").InnerTextAsync(),
            StringComparison.Ordinal);
        Assert.Equal(["VIEWER"], await world.A2.EffectiveRoles(world.AA1));
    }

    [Fact]
    public async Task AccessPage_ForcedPageRoleOnAnAdAccount_ApiRefusalShownNextToTheRole()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        await using var admin = await SignedInAsync(world.Server, world.AAdmin);

        await admin.GotoAsync($"/b/{world.A}/assets/{world.AA1}");
        var offered = await admin.Page.Locator("#assign-role option").EvaluateAllAsync<string[]>("o => o.map(x => x.value)");
        await admin.Page.EvaluateAsync("() => document.querySelector('#assign-role').options[0].value = 'ADMINISTRATOR'");
        await admin.Page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("ADMINISTRATOR");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Give role" }).ClickAsync();

        Assert.Equal(["ACCOUNT_BILLING_ADMIN", "ACCOUNT_MANAGER", "CAMPAIGN_MANAGER", "CREATIVE_MANAGER", "VIEWER"],
            offered.Order(StringComparer.Ordinal));
        Assert.Contains("That role does not apply to this type of asset",
            await admin.Page.Locator("#err-assign-role").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await admin.Page.GetByLabel("Role", new() { Exact = true }).GetAttributeAsync("aria-invalid"));
        await admin.AssertAccessibleAsync();
        Assert.Empty(await world.A1.EffectiveRoles(world.AA1));
    }

    [Fact]
    public async Task AccessPage_AccountManagerWhoIsNotAnAdmin_ManagesTheBusinessAssignments()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "ACCOUNT_MANAGER")).Ok();
        await using var a1 = await SignedInAsync(world.Server, world.A1);

        await a1.GotoAsync($"/b/{world.A}/assets/{world.AA1}");
        await a1.Page.GetByLabel("Member", new() { Exact = true }).SelectOptionAsync(Text(world.A2.Id));
        await a1.Page.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("VIEWER");
        await a1.Page.GetByRole(AriaRole.Button, new() { Name = "Give role" }).ClickAsync();

        var main = await a1.MainTextAsync();
        Assert.Contains("Roles A Brand gave on it", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Partners it is shared with", main, StringComparison.Ordinal);
        Assert.Contains("Viewer", await Row(a1, "a2@brand.com").InnerTextAsync(), StringComparison.Ordinal);
        await a1.AssertAccessibleAsync();
        Assert.Equal(["VIEWER"], await world.A2.EffectiveRoles(world.AA1));
    }

    [Fact]
    public async Task AccessPage_ViewerWhoIsNotAnAdmin_ToldInWordsWhyNoListIsShown()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "VIEWER")).Ok();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A2, "VIEWER")).Ok();
        await using var a1 = await SignedInAsync(world.Server, world.A1);

        var response = await a1.GotoAsync($"/b/{world.A}/assets/{world.AA1}");

        Assert.Equal(403, response!.Status);
        var main = await a1.MainTextAsync();
        Assert.Contains("needs a business admin or a role that manages the asset's users", main,
            StringComparison.Ordinal);
        Assert.DoesNotContain("a2@brand.com", main, StringComparison.Ordinal);
        Assert.Equal(0, await a1.Page.Locator("main form").CountAsync());
        await a1.AssertAccessibleAsync();
    }

    [Fact]
    public async Task AccessPage_NonMemberOrMemberWithoutAccess_GetsNotFound()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        await using var outsider = await SignedInAsync(world.Server, world.DAdmin);
        await using var a1 = await SignedInAsync(world.Server, world.A1);

        var foreign = await outsider.GotoAsync($"/b/{world.A}/assets/{world.AA1}");
        var unassigned = await a1.GotoAsync($"/b/{world.A}/assets/{world.AA1}");

        Assert.Equal(404, foreign!.Status);
        Assert.Contains("Not found", await outsider.MainTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("AA1", await outsider.MainTextAsync(), StringComparison.Ordinal);
        Assert.Equal(404, unassigned!.Status);
        Assert.Contains("Not found", await a1.MainTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessPage_AtPhoneWidth_NothingSpillsPastTheScreen()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.AAdmin.Assign(world.A, world.PG1, world.A1, "CURATOR")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "ANALYST")).Ok();
        await using var phone = await ConsoleUser.OpenAsync(world.Server, ConsoleUser.Phone);
        await phone.SignInAsync(world.AAdmin.Email);

        await phone.GotoAsync($"/b/{world.A}/assets/{world.PG1}");

        var overflow = await phone.Page.EvaluateAsync<int>(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page is {overflow}px wider than the phone's screen.");
        Assert.True(await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Give role" }).IsVisibleAsync());
        await phone.AssertAccessibleAsync();
        await phone.ScreenshotAsync("asset-access-phone");
    }

    private static async Task<ConsoleUser> SignedInAsync(BmServer server, Actor actor)
    {
        var user = await ConsoleUser.OpenAsync(server);
        await user.SignInAsync(actor.Email);
        return user;
    }

    private static string Text(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ILocator Row(ConsoleUser user, string text) =>
        user.Page.Locator("main tbody tr").Filter(new() { HasText = text });
}
