using System.Net;
using BusinessManager.Server.Tests.Harness;
using Microsoft.Playwright;

namespace BusinessManager.Server.Tests.Console;

/// <summary>Shared with us in a real browser: what partners share, and our people's roles within the ceiling.</summary>
public sealed class SharedWithUsTests
{
    [Fact]
    public async Task Share_FromPartnerPage_PartnerAdminSeesOwnerAndCeiling_NotTheOwnersOtherAssets()
    {
        await using var world = await World.CreateAsync();
        await using var ava = await SignedIn(world, world.AAdmin);
        await using var bea = await SignedIn(world, world.BAdmin);

        await ava.GotoAsync($"/b/{world.A}/partners/{world.PartnershipAB}");
        await ava.Page.GetByLabel("Which page").SelectOptionAsync(world.PG1.ToString(Inv));
        await ava.Page.GetByLabel("Ceiling for the page").SelectOptionAsync("DIRECT_SPONSORED_CONTENT_POSTER");
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Share the page" }).ClickAsync();
        await bea.GotoAsync($"/b/{world.B}/shared-with-us");
        var rows = await bea.Page.Locator("tbody tr").AllInnerTextsAsync();
        await bea.AssertAccessibleAsync();
        var unshared = await bea.GotoAsync($"/b/{world.B}/shared-with-us/{world.PG2}");

        var row = Assert.Single(rows);
        Assert.Contains($"PG1 id {world.PG1}", row, StringComparison.Ordinal);
        Assert.Contains("Page", row, StringComparison.Ordinal);
        Assert.Contains($"A Brand id {world.A}", row, StringComparison.Ordinal);
        Assert.Contains("Direct sponsored content poster", row, StringComparison.Ordinal);
        Assert.Equal((int)HttpStatusCode.NotFound, unshared!.Status);
        (await world.BAdmin.Get($"/api/v1/businesses/{world.A}/assets")).Refused(HttpStatusCode.NotFound,
            "business_not_found");
        var seen = (await world.BAdmin.Get($"/api/v1/businesses/{world.B}/shared-with-us")).Ok();
        Assert.Equal([world.PG1], seen.Items().Select(s => s.GetProperty("asset").GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task SharedWithUs_NothingShared_SaysToSendOurBusinessIdToAPartner()
    {
        await using var world = await World.CreateAsync();
        await using var dan = await SignedIn(world, world.DAdmin);

        await dan.GotoAsync($"/b/{world.D}/shared-with-us");

        var empty = await dan.Page.Locator(".empty").InnerTextAsync();
        Assert.Contains("Nothing is shared with D Unrelated", empty, StringComparison.Ordinal);
        Assert.Contains($"send them our business id, {world.D}", empty, StringComparison.Ordinal);
        await dan.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Assign_WithinCeiling_OnlyRolesWithinAreOffered_AndTheRoleIsGiven()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        await using var bea = await SignedIn(world, world.BAdmin);

        await bea.GotoAsync($"/b/{world.B}/shared-with-us");
        await bea.Page.GetByRole(AriaRole.Link, new() { Name = "PG1" }).ClickAsync();
        var offered = await bea.Page.GetByLabel("Role to give").Locator("option").EvaluateAllAsync<string[]>(
            "options => options.map(o => o.value).filter(v => v !== '')");
        await bea.AssertAccessibleAsync();
        await bea.Page.GetByLabel("Member").SelectOptionAsync(world.B1.Id.ToString(Inv));
        await bea.Page.GetByLabel("Role to give").SelectOptionAsync("DIRECT_SPONSORED_CONTENT_POSTER");
        await bea.Page.GetByRole(AriaRole.Button, new() { Name = "Give role" }).ClickAsync();
        var table = await bea.Page.Locator("tbody").InnerTextAsync();

        Assert.Equal(["ANALYST", "DIRECT_SPONSORED_CONTENT_POSTER"], offered.Order());
        Assert.Contains($"b1 b1@agency.com id {world.B1.Id}", table, StringComparison.Ordinal);
        Assert.Contains("Direct sponsored content poster", table, StringComparison.Ordinal);
        Assert.Contains("now holds Direct sponsored content poster on PG1", await bea.MainTextAsync(),
            StringComparison.Ordinal);
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], await world.B1.EffectiveRoles(world.PG1));
    }

    [Fact]
    public async Task Assign_RoleForcedOutsideTheCeiling_RefusedInWordsNextToTheRole()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        await using var bea = await SignedIn(world, world.BAdmin);

        await bea.GotoAsync($"/b/{world.B}/shared-with-us/{world.PG1}");
        await bea.Page.GetByLabel("Member").SelectOptionAsync(world.B1.Id.ToString(Inv));
        await bea.Page.EvaluateAsync(
            "() => document.querySelector('#role').add(new Option('Administrator', 'ADMINISTRATOR', true, true))");
        await bea.Page.GetByRole(AriaRole.Button, new() { Name = "Give role" }).ClickAsync();

        var error = await bea.Page.Locator("#err-assign-role").InnerTextAsync();
        Assert.Contains("not within the ceiling", error, StringComparison.Ordinal);
        var role = bea.Page.GetByLabel("Role to give");
        Assert.Equal("true", await role.GetAttributeAsync("aria-invalid"));
        Assert.Equal("err-assign-role", await role.GetAttributeAsync("aria-describedby"));
        Assert.Empty(await world.B1.EffectiveRoles(world.PG1));
        await bea.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Remove_ARoleWeGave_EndsIt()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "ANALYST")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B2, "ANALYST")).Ok();
        await using var bea = await SignedIn(world, world.BAdmin);

        await bea.GotoAsync($"/b/{world.B}/shared-with-us/{world.PG1}");
        await bea.Page.GetByRole(AriaRole.Button, new() { Name = "Remove b1's role" }).ClickAsync();

        var table = await bea.Page.Locator("tbody").InnerTextAsync();
        Assert.DoesNotContain("b1@agency.com", table, StringComparison.Ordinal);
        Assert.Contains("b2@agency.com", table, StringComparison.Ordinal);
        Assert.Contains("b1 (id", await bea.MainTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await world.B1.EffectiveRoles(world.PG1));
        Assert.Equal(["ANALYST"], await world.B2.EffectiveRoles(world.PG1));
    }

    [Fact]
    public async Task SharedWithUs_Employee_SeesOnlyWhatTheyHoldAndNoForm()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.AAdmin.Share(world.A, world.PG2, world.B, "ANALYST")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "ANALYST")).Ok();
        await using var leo = await SignedIn(world, world.B1);

        await leo.GotoAsync($"/b/{world.B}/shared-with-us");
        var rows = await leo.Page.Locator("tbody tr").AllInnerTextsAsync();
        await leo.Page.GetByRole(AriaRole.Link, new() { Name = "PG1" }).ClickAsync();
        var detail = await leo.MainTextAsync();

        Assert.Contains("PG1", Assert.Single(rows), StringComparison.Ordinal);
        Assert.Contains("Admins of B Agency see and change who holds roles here", detail, StringComparison.Ordinal);
        Assert.Equal(0, await leo.Page.Locator("main button, main select").CountAsync());
        await leo.AssertAccessibleAsync();
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static async Task<ConsoleUser> SignedIn(World world, Actor person)
    {
        var user = await ConsoleUser.OpenAsync(world.Server);
        await user.SignInAsync(person.Email);
        return user;
    }

    [Fact]
    public async Task SharedAsset_OpenedUnderOurOwnAssetsAddress_GoesToItsSharedPageWithTheCeiling()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "ANALYST")).Ok();
        await using var mia = await ConsoleUser.OpenAsync(world.Server);
        await mia.SignInAsync(world.BAdmin.Email);

        await mia.GotoAsync($"/b/{world.B}/assets/{world.PG1}");

        Assert.EndsWith($"/b/{world.B}/shared-with-us/{world.PG1}", mia.Page.Url, StringComparison.Ordinal);
        var offered = await mia.Page.GetByLabel("Role to give").Locator("option").AllInnerTextsAsync();
        Assert.DoesNotContain("Administrator", offered);
    }
}
