using BusinessManager.Server.Tests.Harness;
using Microsoft.Playwright;

namespace BusinessManager.Server.Tests.Console;

/// <summary>
/// CASES.md faults whose surface now includes the web console: each case's promise, held in the browser as well
/// as in the API (the API side of each case is under Cases/).
/// </summary>
public sealed class ConsoleCasesTests
{
    [Fact]
    public async Task C06_FormerMemberAndEveryListedPerson_AccessPageOffersRemoveOrSaysWhyNot()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Assign(world.A, world.PG1, world.A1, "ANALYST")).Ok();
        (await world.AAdmin.Assign(world.A, world.PG1, world.A2, "CURATOR")).Ok();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "ANALYST")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "ANALYST")).Ok();
        (await world.AAdmin.RemoveMember(world.A, world.A2.Id)).Ok();
        await using var admin = await ConsoleUser.OpenAsync(world.Server);
        await admin.SignInAsync(world.AAdmin.Email);

        await admin.GotoAsync($"/b/{world.A}/assets/{world.PG1}");

        var rows = admin.Page.Locator("main table tbody tr").Filter(new() { HasText = "@" });
        var texts = await rows.AllInnerTextsAsync();
        Assert.DoesNotContain(texts, t => t.Contains(world.A2.Email, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains(world.A1.Email, StringComparison.Ordinal));
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            var canRemove = await row.GetByRole(AriaRole.Button).CountAsync() > 0;
            var text = await row.InnerTextAsync();
            Assert.True(canRemove || text.Contains("End the share", StringComparison.Ordinal)
                || text.Contains("admins hold every permission", StringComparison.Ordinal),
                $"No remove action and no reason on the row: {text}");
        }
    }

    [Fact]
    public async Task C32_MemberRemovedWhileSignedIn_BrowserSessionLosesEverythingOnNextLoad()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "VIEWER")).Ok();
        await using var b1 = await ConsoleUser.OpenAsync(world.Server);
        await b1.SignInAsync(world.B1.Email);
        await b1.GotoAsync("/my-access");
        Assert.Contains("AA1", await b1.MainTextAsync(), StringComparison.Ordinal);

        (await world.BAdmin.RemoveMember(world.B, world.B1.Id)).Ok();
        await b1.Page.ReloadAsync();

        Assert.DoesNotContain("AA1", await b1.MainTextAsync(), StringComparison.Ordinal);
        await b1.GotoAsync($"/b/{world.B}");
        Assert.Equal("Not found", await b1.Page.Locator("h1").InnerTextAsync());
        Assert.Equal(0, await b1.Page.Locator("#switch-business option", new() { HasText = "B Agency" }).CountAsync());
    }

    [Theory]
    [InlineData("console")]
    [InlineData("api")]
    [InlineData("operator")]
    public async Task C33_AdminDemotedWithPageOpen_NextSubmitRefusedAndControlsGone(string how)
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        (await world.AAdmin.Patch($"/api/v1/businesses/{world.A}/members/{world.A2.Id}", new { role = "ADMIN" })).Ok();
        await using var a2 = await ConsoleUser.OpenAsync(world.Server);
        await a2.SignInAsync(world.A2.Email);
        await a2.GotoAsync($"/b/{world.A}/partners");
        await a2.Page.GetByLabel("Partner's business id").FillAsync(world.B.ToString());

        await DemoteAsync(world, how);
        await a2.Page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        Assert.Contains("Only an admin of this business may do this.", await a2.MainTextAsync(), StringComparison.Ordinal);
        var outgoing = await world.AAdmin.Get($"/api/v1/businesses/{world.A}/partnerships");
        Assert.Empty(outgoing.Ok().Items());
        await a2.GotoAsync($"/b/{world.A}/partners");
        Assert.Equal(0, await a2.Page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).CountAsync());
    }

    [Fact]
    public async Task C38_LookalikePartnerName_ConsoleShowsTheIdNextToEveryName()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        await world.AAdmin.Partner(world.A, world.BAdmin, world.B);
        var impostor = await world.Person("impostor@example.com");
        var lookalike = await impostor.CreateBusiness("B Аgency");
        (await impostor.Post($"/api/v1/businesses/{lookalike}/partnerships", new { partnerId = world.A })).Ok();
        await using var admin = await ConsoleUser.OpenAsync(world.Server);
        await admin.SignInAsync(world.AAdmin.Email);

        await admin.GotoAsync($"/b/{world.A}/partners");

        var text = await admin.MainTextAsync();
        Assert.Contains($"B Agency id {world.B}", text, StringComparison.Ordinal);
        Assert.Contains($"B Аgency id {lookalike}", text, StringComparison.Ordinal);
        await admin.GotoAsync($"/b/{world.A}");
        Assert.Contains($"Partnership request from B Аgency id {lookalike}", await admin.MainTextAsync(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task C44_DirectAndPartnerPath_AccessPageShowsBothAndTheStrongestRole()
    {
        await using var world = await World.CreateAsync();
        var m = await world.Person("m@both.com");
        await world.AAdmin.AddMember(world.A, m);
        await world.BAdmin.AddMember(world.B, m);
        (await world.AAdmin.Assign(world.A, world.PG1, m, "ANALYST")).Ok();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, m, "CONTENT_ADMINISTRATOR")).Ok();
        await using var admin = await ConsoleUser.OpenAsync(world.Server);
        await admin.SignInAsync(world.AAdmin.Email);

        await admin.GotoAsync($"/b/{world.A}/assets/{world.PG1}");

        var row = await admin.Page.Locator("main table tbody tr").Filter(new() { HasText = m.Email }).InnerTextAsync();
        Assert.Contains("Direct: Analyst", row, StringComparison.Ordinal);
        Assert.Contains($"Via partner B Agency id {world.B}: Content administrator", row, StringComparison.Ordinal);
        Assert.StartsWith("Content administrator", row.Split('\t')[1].Trim(), StringComparison.Ordinal);
    }

    private static async Task DemoteAsync(World world, string how)
    {
        switch (how)
        {
            case "console":
                await using (var admin = await ConsoleUser.OpenAsync(world.Server))
                {
                    await admin.SignInAsync(world.AAdmin.Email);
                    await admin.GotoAsync($"/b/{world.A}/people");
                    var row = admin.Page.Locator("main table tbody tr").Filter(new() { HasText = world.A2.Email });
                    await row.GetByRole(AriaRole.Combobox).SelectOptionAsync("EMPLOYEE");
                    await row.GetByRole(AriaRole.Button, new() { NameRegex = new("^Change") }).ClickAsync();
                    await Assertions.Expect(admin.Page.Locator(".flash")).ToBeVisibleAsync();
                }

                break;
            case "api":
                (await world.AAdmin.Patch($"/api/v1/businesses/{world.A}/members/{world.A2.Id}",
                    new { role = "EMPLOYEE" })).Ok();
                break;
            default:
                await OperatorProcess.RunAsync(world.Server, "member", "set-role", world.A.ToString(), world.A2.Email,
                    "EMPLOYEE");
                break;
        }
    }
}
