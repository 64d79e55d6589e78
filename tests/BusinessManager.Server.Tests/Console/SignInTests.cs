using BusinessManager.Server.Tests.Harness;
using Microsoft.Playwright;

namespace BusinessManager.Server.Tests.Console;

/// <summary>Signing up, in and out in a real browser, and the business a new person creates.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task SignUp_ThenCreateBusiness_HomeShowsBusinessIdAndCounts()
    {
        await using var server = await BmServer.StartAsync();
        await using var ava = await ConsoleUser.OpenAsync(server);

        await ava.SignUpAsync("ava@fixdex.example", "Ava Admin");
        await ava.Page.GetByRole(AriaRole.Link, new() { Name = "Create a business" }).ClickAsync();
        await ava.Page.GetByLabel("Business name").FillAsync("FixDex");
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Create business" }).ClickAsync();

        var id = await ava.Page.Locator("#business-id").InnerTextAsync();
        Assert.Matches("^[0-9]{9,10}$", id);
        Assert.Contains("FixDex", await ava.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Nothing waits for you", await ava.MainTextAsync(), StringComparison.Ordinal);
        await ava.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsMessageNextToForm()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        await Api.SignUpAsync(http, "mia@flexis.example");
        await using var mia = await ConsoleUser.OpenAsync(server);

        await mia.GotoAsync("/signin");
        await mia.Page.GetByLabel("E-mail").FillAsync("mia@flexis.example");
        await mia.Page.GetByLabel("Password").FillAsync("not the password");
        await mia.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        Assert.EndsWith("/signin", mia.Page.Url, StringComparison.Ordinal);
        Assert.NotEmpty(await mia.Page.Locator(".field-error").AllInnerTextsAsync());
        await mia.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SignOut_RevokesTheSessionToken_OldCookieNoLongerWorks()
    {
        await using var server = await BmServer.StartAsync();
        await using var leo = await ConsoleUser.OpenAsync(server);
        await leo.SignUpAsync("leo@flexis.example", "Leo Poster");
        var cookies = await leo.Context.CookiesAsync();

        await leo.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await leo.Page.WaitForURLAsync("**/signin");
        await using var thief = await ConsoleUser.OpenAsync(server);
        await thief.Context.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name,
            Value = c.Value,
            Domain = c.Domain,
            Path = c.Path,
        }));
        await thief.GotoAsync("/");

        Assert.Contains("/signin?ended=true", thief.Page.Url, StringComparison.Ordinal);
        Assert.Contains("session ended", await thief.MainTextAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FormPost_AfterAnotherPersonSignedInElsewhere_ExpiredFormExplainedAndNothingChanged()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var ava = await Api.SignUpAsync(http, "ava@fixdex.example", "Ava");
        var mia = await Api.SignUpAsync(http, "mia@flexis.example", "Mia");
        await ava.CreateBusiness("FixDex");
        await using var browser = await ConsoleUser.OpenAsync(server);
        await browser.SignInAsync(ava.Email);
        await browser.GotoAsync("/businesses/new");
        var stale = await browser.Context.NewPageAsync();
        await stale.GotoAsync("/businesses/new");

        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await browser.SignInAsync(mia.Email);
        await stale.GetByLabel("Business name").FillAsync("Stale Co");
        await stale.GetByRole(AriaRole.Button, new() { Name = "Create business" }).ClickAsync();

        Assert.Equal("That form could not be accepted", await stale.Locator("h1").InnerTextAsync());
        Assert.Single((await ava.Get("/api/v1/businesses")).Ok().Body.EnumerateArray());
        Assert.Empty((await mia.Get("/api/v1/businesses")).Ok().Body.EnumerateArray());
    }
}
