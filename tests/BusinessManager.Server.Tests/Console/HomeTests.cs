using BusinessManager.Server.Tests.Harness;
using Microsoft.Playwright;

namespace BusinessManager.Server.Tests.Console;

/// <summary>The home page of a business, the business switcher, and getting around by keyboard and on a phone.</summary>
public sealed class HomeTests
{
    [Fact]
    public async Task Copy_BusinessId_PutsTheIdOnTheClipboard()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var mia = await Api.SignUpAsync(http, "mia@flexis.example", "Mia");
        var flexis = await mia.CreateBusiness("Flexis Media");
        await using var browser = await ConsoleUser.OpenAsync(server);
        await browser.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await browser.SignInAsync(mia.Email);

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = $"Copy business id {flexis}" }).ClickAsync();

        await Assertions.Expect(browser.Page.Locator(".copied")).ToHaveTextAsync($"Copied {flexis}");
        Assert.Equal(flexis.ToString(), await browser.Page.EvaluateAsync<string>("navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task Home_RequestAndInvitationWaiting_ListsBothWithNamesAndIds()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        (await world.BAdmin.Post($"/api/v1/businesses/{world.B}/partnerships", new { partnerId = world.A })).Ok();
        (await world.CAdmin.Post($"/api/v1/businesses/{world.C}/invitations",
            new { email = world.AAdmin.Email, role = "EMPLOYEE" })).Ok();
        await using var browser = await ConsoleUser.OpenAsync(world.Server);

        await browser.SignInAsync(world.AAdmin.Email);
        await browser.GotoAsync($"/b/{world.A}");

        var waiting = await browser.Page.Locator("ul.waiting").InnerTextAsync();
        Assert.Contains($"Partnership request from B Agency id {world.B}", waiting, StringComparison.Ordinal);
        Assert.Contains($"Invitation to join C Agency id {world.C}", waiting, StringComparison.Ordinal);
        await browser.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Switcher_PersonInTwoBusinesses_OpensTheChosenOne()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        await world.CAdmin.AddMember(world.C, world.A1);
        await using var browser = await ConsoleUser.OpenAsync(world.Server);
        await browser.SignInAsync(world.A1.Email);

        await browser.Page.GetByLabel("Business", new() { Exact = true }).SelectOptionAsync(world.C.ToString());
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Switch" }).ClickAsync();

        Assert.EndsWith($"/b/{world.C}", browser.Page.Url, StringComparison.Ordinal);
        Assert.Equal("C Agency", await browser.Page.Locator("h1").InnerTextAsync());
        Assert.Contains("a member (Employee)", await browser.MainTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keyboard_SignInAndSkipLink_WorkWithoutAMouse()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var ava = await Api.SignUpAsync(http, "ava@fixdex.example", "Ava");
        await ava.CreateBusiness("FixDex");
        await using var browser = await ConsoleUser.OpenAsync(server);
        await browser.GotoAsync("/signin");

        await browser.Page.Keyboard.PressAsync("Tab");
        await browser.Page.Keyboard.PressAsync("Tab");
        await browser.Page.Keyboard.PressAsync("Tab");
        await browser.Page.Keyboard.TypeAsync(ava.Email);
        await browser.Page.Keyboard.PressAsync("Tab");
        await browser.Page.Keyboard.TypeAsync(ConsoleUser.Password);
        await browser.Page.Keyboard.PressAsync("Enter");
        await browser.Page.WaitForURLAsync("**/b/*");
        await browser.Page.Keyboard.PressAsync("Tab");
        await browser.Page.Keyboard.PressAsync("Enter");

        Assert.Equal("main", await browser.Page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task Phone_Home_FitsTheScreenWithoutSidewaysScrolling()
    {
        await using var world = await World.CreateAsync();
        await using var browser = await ConsoleUser.OpenAsync(world.Server, ConsoleUser.Phone);
        await browser.SignInAsync(world.AAdmin.Email);

        await browser.GotoAsync($"/b/{world.A}");

        var width = await browser.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= ConsoleUser.Phone.Width, $"The page is {width}px wide on a {ConsoleUser.Phone.Width}px screen.");
        await browser.AssertAccessibleAsync();
    }
}
