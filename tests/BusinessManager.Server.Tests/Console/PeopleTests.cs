using BusinessManager.Server.Tests.Harness;
using Microsoft.Playwright;

namespace BusinessManager.Server.Tests.Console;

/// <summary>The People screen: members, invitations, business roles, removal with its preview, and leaving.</summary>
public sealed class PeopleTests
{
    [Fact]
    public async Task Invite_InvitedPersonAcceptsInOwnBrowser_AppearsOnPeopleWithTheRole()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var (ava, fixdex) = await FixDexAsync(http);
        await Api.SignUpAsync(http, "leo@fixdex.example", "Leo Poster");
        await using var admin = await SignedInAsync(server, ava);
        await using var leo = await ConsoleUser.OpenAsync(server);
        await leo.SignInAsync("leo@fixdex.example");

        await admin.GotoAsync($"/b/{fixdex}/people");
        await admin.Page.GetByLabel("E-mail address").FillAsync("leo@fixdex.example");
        await admin.Page.GetByLabel("Business role", new() { Exact = true }).SelectOptionAsync("CONTRACTOR");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        var pending = await Row(admin, "leo@fixdex.example").InnerTextAsync();
        await admin.AssertAccessibleAsync();
        await admin.ScreenshotAsync("people-invited");
        await leo.GotoAsync("/invitations");
        await leo.Page.GetByRole(AriaRole.Button, new() { Name = "Join FixDex" }).ClickAsync();
        await leo.Page.WaitForURLAsync($"**/b/{fixdex}");
        await admin.GotoAsync($"/b/{fixdex}/people");

        Assert.Contains("Contractor", pending, StringComparison.Ordinal);
        var member = await Row(admin, "leo@fixdex.example").InnerTextAsync();
        Assert.Contains("Leo Poster", member, StringComparison.Ordinal);
        Assert.Contains("Contractor", member, StringComparison.Ordinal);
        Assert.Contains("No invitation is waiting", await admin.MainTextAsync(), StringComparison.Ordinal);
        Assert.Equal("CONTRACTOR", await RoleInApiAsync(ava, fixdex, "leo@fixdex.example"));
    }

    [Fact]
    public async Task RevokeInvitation_AdminRevokes_InvitedPersonNoLongerSeesIt()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var (ava, fixdex) = await FixDexAsync(http);
        await Api.SignUpAsync(http, "leo@fixdex.example", "Leo Poster");
        (await ava.Post($"/api/v1/businesses/{fixdex}/invitations",
            new { email = "leo@fixdex.example", role = "EMPLOYEE" })).Ok();
        await using var admin = await SignedInAsync(server, ava);
        await using var leo = await ConsoleUser.OpenAsync(server);
        await leo.SignInAsync("leo@fixdex.example");

        await admin.GotoAsync($"/b/{fixdex}/people");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Revoke the invitation to leo@fixdex.example" })
            .ClickAsync();
        await leo.GotoAsync("/invitations");

        Assert.Contains("Revoked the invitation to leo@fixdex.example", await admin.MainTextAsync(),
            StringComparison.Ordinal);
        Assert.Contains("No invitation is waiting for you", await leo.MainTextAsync(), StringComparison.Ordinal);
        var invitations = (await ava.Get($"/api/v1/businesses/{fixdex}/invitations")).Ok().Body.EnumerateArray();
        Assert.Equal("REVOKED", Assert.Single(invitations).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invite_NotAnEmailAddress_RefusalShownNextToTheField()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var (ava, fixdex) = await FixDexAsync(http);
        await using var admin = await SignedInAsync(server, ava);

        await admin.GotoAsync($"/b/{fixdex}/people");
        await admin.Page.GetByLabel("E-mail address").FillAsync("leo at fixdex");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();

        Assert.Contains("not a valid e-mail address", await admin.Page.Locator("#err-invite-email").InnerTextAsync(),
            StringComparison.Ordinal);
        Assert.Equal("true", await admin.Page.GetByLabel("E-mail address").GetAttributeAsync("aria-invalid"));
        await admin.AssertAccessibleAsync();
        Assert.Empty((await ava.Get($"/api/v1/businesses/{fixdex}/invitations")).Ok().Body.EnumerateArray());
    }

    [Fact]
    public async Task Invite_ForcedUnknownRole_ApiRefusalShownNextToTheRole()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var (ava, fixdex) = await FixDexAsync(http);
        await using var admin = await SignedInAsync(server, ava);

        await admin.GotoAsync($"/b/{fixdex}/people");
        await admin.Page.GetByLabel("E-mail address").FillAsync("leo@fixdex.example");
        await admin.Page.EvaluateAsync("() => document.querySelector('#invite-role').options[0].value = 'OWNER'");
        await admin.Page.GetByLabel("Business role", new() { Exact = true }).SelectOptionAsync("OWNER");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();

        Assert.Contains("'role' has the wrong type or an unknown value",
            await admin.Page.Locator("#err-invite-role").InnerTextAsync(), StringComparison.Ordinal);
        await admin.AssertAccessibleAsync();
        Assert.Empty((await ava.Get($"/api/v1/businesses/{fixdex}/invitations")).Ok().Body.EnumerateArray());
    }

    [Fact]
    public async Task ChangeRole_AdminMakesEmployeeAnAdmin_PageAndApiShowTheNewRole()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var (ava, fixdex) = await FixDexAsync(http);
        var leoApi = await Api.SignUpAsync(http, "leo@fixdex.example", "Leo Poster");
        await ava.AddMember(fixdex, leoApi);
        await using var admin = await SignedInAsync(server, ava);

        await admin.GotoAsync($"/b/{fixdex}/people");
        await admin.Page.GetByLabel("Business role of Leo Poster", new() { Exact = true }).SelectOptionAsync("ADMIN");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Change the business role of Leo Poster" })
            .ClickAsync();

        Assert.Contains("Leo Poster (leo@fixdex.example, id", await admin.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains("becomes Admin of FixDex", await admin.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Admin", await Row(admin, "leo@fixdex.example").Locator("td").Nth(1).InnerTextAsync(),
            StringComparison.Ordinal);
        Assert.Equal("ADMIN", await RoleInApiAsync(ava, fixdex, "leo@fixdex.example"));
    }

    [Fact]
    public async Task RemoveMember_PreviewNamesExactlyTheRolesThatEnd_ThenThePersonIsGone()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var (ava, fixdex) = await FixDexAsync(http);
        var leoApi = await Api.SignUpAsync(http, "leo@fixdex.example", "Leo Poster");
        var mia = await Api.SignUpAsync(http, "mia@fixdex.example", "Mia Viewer");
        await ava.AddMember(fixdex, leoApi);
        await ava.AddMember(fixdex, mia);
        var aa1 = await ava.CreateAsset(fixdex, "AD_ACCOUNT", "AA1");
        var pg1 = await ava.CreateAsset(fixdex, "PAGE", "PG1");
        var pg2 = await ava.CreateAsset(fixdex, "PAGE", "PG2");
        (await ava.Assign(fixdex, aa1, leoApi, "VIEWER")).Ok();
        (await ava.Assign(fixdex, pg1, leoApi, "ANALYST")).Ok();
        (await ava.Assign(fixdex, aa1, mia, "VIEWER")).Ok();
        var fay = await Api.SignUpAsync(http, "fay@flexis.example", "Fay Agency");
        var flexis = await fay.CreateBusiness("Flexis Media");
        await fay.AddMember(flexis, leoApi);
        await ava.Partner(fixdex, fay, flexis);
        (await ava.Share(fixdex, pg2, flexis, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await fay.Assign(flexis, pg2, leoApi, "ANALYST")).Ok();
        await using var admin = await SignedInAsync(server, ava);

        await admin.GotoAsync($"/b/{fixdex}/people");
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Remove Leo Poster" }).ClickAsync();
        var ends = await admin.Page.Locator(".preview li[data-kind=assignment]").AllInnerTextsAsync();
        var stays = await admin.Page.Locator("section.keeps").InnerTextAsync();
        await admin.AssertAccessibleAsync();
        await admin.ScreenshotAsync("people-remove-preview");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Remove Leo Poster" }).ClickAsync();

        Assert.Equal(2, ends.Count);
        Assert.Contains(ends, l => l.Contains($"loses Viewer on ad account AA1 (id {aa1})", StringComparison.Ordinal));
        Assert.Contains(ends, l => l.Contains($"loses Analyst on page PG1 (id {pg1})", StringComparison.Ordinal));
        Assert.All(ends, l => Assert.StartsWith("Leo Poster (leo@fixdex.example", l, StringComparison.Ordinal));
        Assert.Contains($"keeps access to PG2 (id {pg2})", stays, StringComparison.Ordinal);
        Assert.Contains("Via partner Flexis Media", stays, StringComparison.Ordinal);
        var after = await admin.MainTextAsync();
        Assert.Contains("leaves FixDex", after, StringComparison.Ordinal);
        Assert.Equal(0, await Row(admin, "leo@fixdex.example").CountAsync());
        Assert.Null(await RoleInApiAsync(ava, fixdex, "leo@fixdex.example"));
        Assert.False(await leoApi.Can(aa1, "reports.view"));
        Assert.True(await mia.Can(aa1, "reports.view"));
        Assert.True(await leoApi.Can(pg2, "analytics.view"));
    }

    [Fact]
    public async Task LastAdmin_DemotesOrLeaves_RefusalShownInWordsByTheRow()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var (ava, fixdex) = await FixDexAsync(http);
        await ava.AddMember(fixdex, await Api.SignUpAsync(http, "leo@fixdex.example", "Leo Poster"));
        await using var admin = await SignedInAsync(server, ava);

        await admin.GotoAsync($"/b/{fixdex}/people");
        await admin.Page.GetByLabel("Business role of Ava Admin", new() { Exact = true }).SelectOptionAsync("EMPLOYEE");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Change the business role of Ava Admin" })
            .ClickAsync();
        var demoted = await Row(admin, "ava@fixdex.example").InnerTextAsync();
        await admin.AssertAccessibleAsync();
        await admin.ScreenshotAsync("people-last-admin");
        await admin.GotoAsync($"/b/{fixdex}/people");
        await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Leave FixDex" }).ClickAsync();
        var left = await Row(admin, "ava@fixdex.example").InnerTextAsync();

        Assert.Contains("A business must keep at least one admin", demoted, StringComparison.Ordinal);
        Assert.Contains("A business must keep at least one admin", left, StringComparison.Ordinal);
        Assert.Equal(0, await admin.Page.Locator(".preview").CountAsync());
        Assert.Equal("ADMIN", await RoleInApiAsync(ava, fixdex, "ava@fixdex.example"));
    }

    [Fact]
    public async Task NonAdmin_OpensPeople_SeesMembersButNoAdminControls()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var (ava, fixdex) = await FixDexAsync(http);
        var leoApi = await Api.SignUpAsync(http, "leo@fixdex.example", "Leo Poster");
        await ava.AddMember(fixdex, leoApi);
        (await ava.Post($"/api/v1/businesses/{fixdex}/invitations",
            new { email = "zoe@fixdex.example", role = "EMPLOYEE" })).Ok();
        await using var leo = await SignedInAsync(server, leoApi);

        await leo.GotoAsync($"/b/{fixdex}/people");

        var main = await leo.MainTextAsync();
        Assert.Contains("Ava Admin", main, StringComparison.Ordinal);
        Assert.Contains("Leo Poster", main, StringComparison.Ordinal);
        Assert.DoesNotContain("zoe@fixdex.example", main, StringComparison.Ordinal);
        Assert.Equal(0, await leo.Page.Locator("main form").CountAsync());
        Assert.Equal(0, await leo.Page.Locator("main select").CountAsync());
        Assert.Equal(0, await leo.Page.GetByRole(AriaRole.Link, new() { Name = "Remove Ava Admin" }).CountAsync());
        Assert.Equal(1, await leo.Page.GetByRole(AriaRole.Link, new() { Name = "Leave FixDex" }).CountAsync());
        await leo.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Leave_MemberConfirmsThePreview_NoLongerAMember()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var (ava, fixdex) = await FixDexAsync(http);
        var leoApi = await Api.SignUpAsync(http, "leo@fixdex.example", "Leo Poster");
        await ava.AddMember(fixdex, leoApi);
        var aa1 = await ava.CreateAsset(fixdex, "AD_ACCOUNT", "AA1");
        (await ava.Assign(fixdex, aa1, leoApi, "CAMPAIGN_MANAGER")).Ok();
        await using var leo = await SignedInAsync(server, leoApi);

        await leo.GotoAsync($"/b/{fixdex}/people");
        await leo.Page.GetByRole(AriaRole.Link, new() { Name = "Leave FixDex" }).ClickAsync();
        var ends = await leo.Page.Locator(".preview li[data-kind=assignment]").AllInnerTextsAsync();
        await leo.AssertAccessibleAsync();
        await leo.Page.GetByRole(AriaRole.Button, new() { Name = "Leave FixDex" }).ClickAsync();
        await leo.Page.WaitForURLAsync(url => !url.Contains("/people", StringComparison.Ordinal));

        Assert.Contains($"loses Campaign manager on ad account AA1 (id {aa1})", Assert.Single(ends),
            StringComparison.Ordinal);
        Assert.Contains("You left FixDex", await leo.MainTextAsync(), StringComparison.Ordinal);
        Assert.Null(await RoleInApiAsync(ava, fixdex, "leo@fixdex.example"));
    }

    private static async Task<(Actor Admin, long Business)> FixDexAsync(HttpClient http)
    {
        var ava = await Api.SignUpAsync(http, "ava@fixdex.example", "Ava Admin");
        return (ava, await ava.CreateBusiness("FixDex"));
    }

    private static async Task<ConsoleUser> SignedInAsync(BmServer server, Actor actor)
    {
        var user = await ConsoleUser.OpenAsync(server);
        await user.SignInAsync(actor.Email);
        return user;
    }

    private static ILocator Row(ConsoleUser user, string text) =>
        user.Page.Locator("main tbody tr").Filter(new() { HasText = text });

    private static async Task<string?> RoleInApiAsync(Actor admin, long business, string email)
    {
        var members = (await admin.Get($"/api/v1/businesses/{business}/members?limit=200")).Ok().Items();
        return members.Where(m => m.GetProperty("person").GetProperty("email").GetString() == email)
            .Select(m => m.GetProperty("role").GetString()).FirstOrDefault();
    }
}
