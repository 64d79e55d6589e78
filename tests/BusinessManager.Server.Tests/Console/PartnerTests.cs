using System.Net;
using BusinessManager.Server.Tests.Harness;
using Microsoft.Playwright;

namespace BusinessManager.Server.Tests.Console;

/// <summary>Partners and a partner's page in a real browser: requests, answers, shares, ceilings and endings.</summary>
public sealed class PartnerTests
{
    [Fact]
    public async Task Request_ByBusinessId_OtherAdminAcceptsFromIncoming_BothSeeActivePartners()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        await using var ava = await SignedIn(world, world.AAdmin);
        await using var bea = await SignedIn(world, world.BAdmin);

        await ava.GotoAsync($"/b/{world.A}/partners");
        await ava.Page.GetByLabel("Partner's business id").FillAsync(world.B.ToString(Inv));
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        var sent = await ava.MainTextAsync();
        await bea.GotoAsync($"/b/{world.B}");
        await bea.Page.GetByRole(AriaRole.Link, new() { Name = "Answer it on Partners" }).ClickAsync();
        await bea.Page.WaitForURLAsync("**/partners#incoming");
        var incoming = await bea.Page.Locator("#incoming").InnerTextAsync();
        await bea.AssertAccessibleAsync();
        world.Server.Clock.Advance(TimeSpan.FromHours(2));
        await bea.Page.GetByRole(AriaRole.Button, new() { Name = "Accept the request from A Brand" }).ClickAsync();
        await ava.GotoAsync($"/b/{world.A}/partners");

        Assert.Contains($"Partnership request sent to B Agency (id {world.B})", sent, StringComparison.Ordinal);
        Assert.Contains("Requests we sent", sent, StringComparison.Ordinal);
        Assert.Contains($"A Brand id {world.A}", incoming, StringComparison.Ordinal);
        Assert.Contains("2026-12-31", incoming, StringComparison.Ordinal);
        Assert.Contains("You are now partners with A Brand", await bea.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"A Brand id {world.A}", await ActivePartnersAsync(bea), StringComparison.Ordinal);
        Assert.Contains($"B Agency id {world.B}", await ActivePartnersAsync(ava), StringComparison.Ordinal);
        Assert.Contains("2026-12-01 11:00 UTC", await ActivePartnersAsync(ava), StringComparison.Ordinal);
        var stored = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/partnerships?status=ACTIVE")).Ok();
        Assert.Equal(world.B, Assert.Single(stored.Items()).GetProperty("partner").GetProperty("id").GetInt64());
        await ava.AssertAccessibleAsync();
    }

    [Fact]
    public async Task DeclineAndCancel_PendingRequests_EndAndShowUnderPast()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        var requests = $"/api/v1/businesses/{world.A}/partnerships";
        var toB = (await world.AAdmin.Post(requests, new { partnerId = world.B })).Ok().Id;
        var toC = (await world.AAdmin.Post(requests, new { partnerId = world.C })).Ok().Id;
        await using var ava = await SignedIn(world, world.AAdmin);
        await using var bea = await SignedIn(world, world.BAdmin);

        await bea.GotoAsync($"/b/{world.B}/partners");
        await bea.Page.GetByRole(AriaRole.Button, new() { Name = "Decline the request from A Brand" }).ClickAsync();
        var declined = await bea.MainTextAsync();
        await ava.GotoAsync($"/b/{world.A}/partners");
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel request to C Agency" }).ClickAsync();
        var past = await ava.Page.Locator(".past").InnerTextAsync();

        Assert.Contains("You declined the partnership request from A Brand", declined, StringComparison.Ordinal);
        Assert.Contains("No business is asking to partner with us", declined, StringComparison.Ordinal);
        Assert.Contains("You cancelled the partnership request to C Agency", await ava.MainTextAsync(),
            StringComparison.Ordinal);
        Assert.Contains("We are not waiting for anyone", await ava.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"B Agency id {world.B}: declined", past, StringComparison.Ordinal);
        Assert.Contains($"C Agency id {world.C}: cancelled", past, StringComparison.Ordinal);
        Assert.Equal("DECLINED", await StatusAsync(world, toB));
        Assert.Equal("CANCELLED", await StatusAsync(world, toC));
        await ava.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("unknown", "No such business.")]
    [InlineData("own", "cannot partner with itself")]
    [InlineData("existing", "already exists")]
    [InlineData("letters", "9 or 10 digits")]
    [InlineData("empty", "9 or 10 digits")]
    [InlineData("too long", "9 or 10 digits")]
    public async Task Request_BadId_RefusedInWordsNextToTheField(string which, string message)
    {
        await using var world = await World.CreateAsync();
        var id = which switch
        {
            "unknown" => "100000001",
            "own" => world.A.ToString(Inv),
            "existing" => world.B.ToString(Inv),
            "empty" => "",
            "too long" => "12345678901234567890123456",
            _ => "B Agency",
        };
        await using var ava = await SignedIn(world, world.AAdmin);

        await ava.GotoAsync($"/b/{world.A}/partners");
        await ava.Page.GetByLabel("Partner's business id").FillAsync(id);
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();

        var field = ava.Page.GetByLabel("Partner's business id");
        Assert.Equal("true", await field.GetAttributeAsync("aria-invalid"));
        Assert.Equal(id, await field.InputValueAsync());
        var error = await ava.Page.Locator("#err-request-partnerId").InnerTextAsync();
        Assert.Contains(message, error, StringComparison.Ordinal);
        var outgoing = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/partnerships?status=PENDING")).Ok();
        Assert.Empty(outgoing.Items());
        await ava.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ChangeCeiling_PreviewNamesWhoMovesFromWhatToWhat_ThenConfirmApplies()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "CONTENT_ADMINISTRATOR")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B2, "ANALYST")).Ok();
        await using var ava = await SignedIn(world, world.AAdmin);

        await ava.GotoAsync(PartnerPage(world));
        await ava.Page.GetByLabel("New ceiling for PG1", new() { Exact = true }).SelectOptionAsync("ANALYST");
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Preview ceiling for PG1" }).ClickAsync();
        var preview = await ava.Page.Locator(".preview").InnerTextAsync();
        await ava.AssertAccessibleAsync();
        var untouched = await world.B1.EffectiveRoles(world.PG1);
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Change the ceiling" }).ClickAsync();

        Assert.Contains("from Content administrator to Analyst?", preview, StringComparison.Ordinal);
        Assert.Contains($"b1 b1@agency.com id {world.B1.Id}, given Content administrator: from Content administrator "
            + "to Analyst.", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("b2@agency.com", preview, StringComparison.Ordinal);
        Assert.Equal(["CONTENT_ADMINISTRATOR"], untouched);
        Assert.Contains("The ceiling of Page PG1", await ava.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains("1 person moved", await ava.MainTextAsync(), StringComparison.Ordinal);
        Assert.Equal(["ANALYST"], await world.B1.EffectiveRoles(world.PG1));
    }

    [Fact]
    public async Task EndShare_PreviewNamesTheRolesThatEnd_ThenConfirmEndsThem()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.AAdmin.Share(world.A, world.PG2, world.B, "ANALYST")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "ANALYST")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG2, world.B2, "ANALYST")).Ok();
        await using var ava = await SignedIn(world, world.AAdmin);

        await ava.GotoAsync(PartnerPage(world));
        await ava.Page.GetByRole(AriaRole.Link, new() { Name = "End share of PG1" }).ClickAsync();
        var lines = await ava.Page.Locator(".preview li").AllInnerTextsAsync();
        await ava.AssertAccessibleAsync();
        var stillShared = await world.B1.EffectiveRoles(world.PG1);
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "End the share" }).ClickAsync();

        Assert.Equal(2, lines.Count);
        Assert.Contains($"The page PG1 (id {world.PG1}) is no longer shared with B Agency (id {world.B}).", lines);
        Assert.Contains(lines, l => l.StartsWith($"b1 (b1@agency.com, id {world.B1.Id}) loses Analyst on page PG1",
            StringComparison.Ordinal));
        Assert.Equal(["ANALYST"], stillShared);
        Assert.Contains("is no longer shared with B Agency; 1 role ended", await ava.MainTextAsync(),
            StringComparison.Ordinal);
        Assert.Empty(await world.B1.EffectiveRoles(world.PG1));
        Assert.Equal(["ANALYST"], await world.B2.EffectiveRoles(world.PG2));
    }

    [Fact]
    public async Task EndPartnership_PreviewNamesEveryShareAndRole_PartnerEmployeeLosesTheAssetOnNextLoad()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.BAdmin.Share(world.B, world.BA1, world.A, "VIEWER")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.AAdmin.Assign(world.A, world.BA1, world.A1, "VIEWER")).Ok();
        await using var ava = await SignedIn(world, world.AAdmin);
        await using var leo = await SignedIn(world, world.B1);
        await leo.GotoAsync($"/b/{world.B}/shared-with-us");
        var before = await leo.MainTextAsync();

        await ava.GotoAsync(PartnerPage(world));
        await ava.Page.GetByRole(AriaRole.Link, new() { Name = "Preview ending the partnership" }).ClickAsync();
        var lines = await ava.Page.Locator(".preview li").AllInnerTextsAsync();
        await ava.AssertAccessibleAsync();
        var notYet = await world.B1.EffectiveRoles(world.PG1);
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "End the partnership" }).ClickAsync();
        var after = await ava.MainTextAsync();
        await leo.GotoAsync($"/b/{world.B}/shared-with-us");

        Assert.Contains("PG1", before, StringComparison.Ordinal);
        Assert.Equal(5, lines.Count);
        Assert.Contains(lines, l => l.StartsWith("The partnership between A Brand", StringComparison.Ordinal));
        Assert.Contains($"The page PG1 (id {world.PG1}) is no longer shared with B Agency (id {world.B}).", lines);
        Assert.Contains($"The ad account BA1 (id {world.BA1}) is no longer shared with A Brand (id {world.A}).", lines);
        Assert.Contains(lines, l => l.StartsWith($"b1 (b1@agency.com, id {world.B1.Id}) loses Direct sponsored "
            + $"content poster on page PG1 (id {world.PG1})", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"a1 (a1@brand.com, id {world.A1.Id}) loses Viewer on ad account "
            + $"BA1 (id {world.BA1})", StringComparison.Ordinal));
        Assert.Equal(["DIRECT_SPONSORED_CONTENT_POSTER"], notYet);
        Assert.Contains("ended: 2 shares and 2 roles ended", after, StringComparison.Ordinal);
        Assert.Contains("This partnership is ended", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Still has access another way", after, StringComparison.Ordinal);
        Assert.DoesNotContain("PG1", await leo.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Nothing is shared with B Agency", await leo.MainTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await world.B1.EffectiveRoles(world.PG1));
        Assert.DoesNotContain(world.PG1, await world.B1.MyAssetIds());
        Assert.Empty(await world.A1.EffectiveRoles(world.BA1));
    }

    [Fact]
    public async Task EndPartnership_PartnerPersonIsAlsoOurMember_ShowsWhoStillHasAccess()
    {
        await using var world = await World.CreateAsync();
        await world.AAdmin.AddMember(world.A, world.B1);
        (await world.AAdmin.Assign(world.A, world.PG1, world.B1, "ANALYST")).Ok();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        await using var ava = await SignedIn(world, world.AAdmin);

        await ava.GotoAsync(PartnerPage(world) + "?end=true");
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "End the partnership" }).ClickAsync();

        var still = await ava.Page.Locator("section.notice").InnerTextAsync();
        Assert.Contains("Still has access another way", still, StringComparison.Ordinal);
        Assert.Contains($"b1 b1@agency.com id {world.B1.Id} on PG1 (id {world.PG1})", still, StringComparison.Ordinal);
        Assert.Contains("Direct: Analyst, given by the owner A Brand", still, StringComparison.Ordinal);
        Assert.Equal(["ANALYST"], await world.B1.EffectiveRoles(world.PG1));
        await ava.AssertAccessibleAsync();
    }

    [Fact]
    public async Task ShareForm_OffersOnlyUnsharedAssetsAndTheirTypesRoles_SharesAtTheChosenCeiling()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "ANALYST")).Ok();
        await using var ava = await SignedIn(world, world.AAdmin);

        await ava.GotoAsync(PartnerPage(world));
        var pages = await ava.Page.GetByLabel("Which page").Locator("option").AllInnerTextsAsync();
        var pageCeilings = await ava.Page.GetByLabel("Ceiling for the page").Locator("option").AllInnerTextsAsync();
        var adCeilings = await ava.Page.GetByLabel("Ceiling for the ad account").Locator("option").AllInnerTextsAsync();
        await ava.Page.GetByLabel("Which ad account").SelectOptionAsync(world.AA2.ToString(Inv));
        await ava.Page.GetByLabel("Ceiling for the ad account").SelectOptionAsync("CAMPAIGN_MANAGER");
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Share the ad account" }).ClickAsync();

        Assert.Equal([$"PG2 (id {world.PG2})"], pages);
        Assert.Equal("Choose a ceiling…", pageCeilings[0]);
        Assert.Contains("Direct sponsored content poster", pageCeilings);
        Assert.DoesNotContain("Viewer", pageCeilings);
        Assert.Contains("Viewer", adCeilings);
        Assert.DoesNotContain("Analyst", adCeilings);
        Assert.Contains($"Ad account AA2 (id {world.AA2}) is now shared with B Agency", await ava.MainTextAsync(),
            StringComparison.Ordinal);
        var shares = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/shares?partnerId={world.B}")).Ok();
        Assert.Contains(shares.Items(), s => s.GetProperty("asset").GetProperty("id").GetInt64() == world.AA2
            && s.GetProperty("ceiling").GetString() == "CAMPAIGN_MANAGER");
        await ava.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Share_CeilingForcedFromAnotherAssetType_RefusedInWordsNextToTheCeiling()
    {
        await using var world = await World.CreateAsync();
        await using var ava = await SignedIn(world, world.AAdmin);

        await ava.GotoAsync(PartnerPage(world));
        await ava.Page.EvaluateAsync("() => document.querySelector('#share-page-ceiling')"
            + ".add(new Option('Viewer', 'VIEWER', true, true))");
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Share the page" }).ClickAsync();

        var error = await ava.Page.Locator("#err-share-page-ceiling").InnerTextAsync();
        Assert.Contains("does not apply to this type of asset", error, StringComparison.Ordinal);
        var ceiling = ava.Page.GetByLabel("Ceiling for the page");
        Assert.Equal("true", await ceiling.GetAttributeAsync("aria-invalid"));
        Assert.Equal("err-share-page-ceiling", await ceiling.GetAttributeAsync("aria-describedby"));
        var shares = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/shares?partnerId={world.B}")).Ok();
        Assert.Empty(shares.Items());
        await ava.AssertAccessibleAsync();
    }

    [Fact]
    public async Task PartnerPages_NonAdmin_SeeListsButNoActions()
    {
        await using var world = await World.CreateAsync();
        (await world.CAdmin.Post($"/api/v1/businesses/{world.C}/partnerships", new { partnerId = world.A })).Ok();
        (await world.BAdmin.Share(world.B, world.BA1, world.A, "VIEWER")).Ok();
        (await world.AAdmin.Assign(world.A, world.BA1, world.A1, "VIEWER")).Ok();
        await using var ana = await SignedIn(world, world.A1);

        await ana.GotoAsync($"/b/{world.A}/partners");
        var partners = await ana.MainTextAsync();
        var partnersButtons = await ana.Page.Locator("main button, main input").CountAsync();
        await ana.AssertAccessibleAsync();
        await ana.Page.GetByRole(AriaRole.Link, new() { Name = "B Agency" }).ClickAsync();
        var partner = await ana.MainTextAsync();
        var partnerButtons = await ana.Page.Locator("main button, main select, main a.button").CountAsync();
        await ana.AssertAccessibleAsync();
        await ana.GotoAsync(PartnerPage(world) + "?end=true");
        var forced = await ana.Page.Locator("#err-end").InnerTextAsync();

        Assert.Contains($"C Agency id {world.C}", partners, StringComparison.Ordinal);
        Assert.Contains($"B Agency id {world.B}", partners, StringComparison.Ordinal);
        Assert.Equal(0, partnersButtons);
        Assert.Contains("BA1", partner, StringComparison.Ordinal);
        Assert.Contains("Only admins of A Brand see which of our assets are shared", partner, StringComparison.Ordinal);
        Assert.Equal(0, partnerButtons);
        Assert.Contains("Only an admin", forced, StringComparison.Ordinal);
        Assert.Equal("ACTIVE", await StatusAsync(world, world.PartnershipAB));
    }

    [Fact]
    public async Task PartnerPage_PhoneWidth_NoSideScrollAndAccessible()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        (await world.BAdmin.Share(world.B, world.BA1, world.A, "VIEWER")).Ok();
        await using var ava = await SignedIn(world, world.AAdmin, ConsoleUser.Phone);

        await ava.GotoAsync(PartnerPage(world));

        var width = await ava.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= ConsoleUser.Phone.Width, $"The page is {width}px wide on a 390px phone.");
        Assert.True(await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Share the page" }).IsVisibleAsync());
        await ava.AssertAccessibleAsync();
        await ava.Page.GetByRole(AriaRole.Link, new() { Name = "Preview ending the partnership" }).ClickAsync();
        width = await ava.Page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= ConsoleUser.Phone.Width, $"The preview is {width}px wide on a 390px phone.");
        await ava.AssertAccessibleAsync();
    }

    [Fact]
    public async Task PartnerPage_NotOurPartnership_Answers404()
    {
        await using var world = await World.CreateAsync();
        await using var cai = await SignedIn(world, world.CAdmin);

        var response = await cai.GotoAsync($"/b/{world.C}/partners/{world.PartnershipAB}");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static string PartnerPage(World world) => $"/b/{world.A}/partners/{world.PartnershipAB}";

    private static async Task<ConsoleUser> SignedIn(World world, Actor person, ViewportSize? viewport = null)
    {
        var user = await ConsoleUser.OpenAsync(world.Server, viewport);
        await user.SignInAsync(person.Email);
        return user;
    }

    private static Task<string> ActivePartnersAsync(ConsoleUser user) =>
        user.Page.Locator("section[aria-labelledby=active-h]").InnerTextAsync();

    private static async Task<string> StatusAsync(World world, long partnership) =>
        (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/partnerships/{partnership}")).Ok()
            .Body.GetProperty("status").GetString()!;

    [Fact]
    public async Task EndPartnership_RoleGivenAfterThePreview_NothingEndsUntilTheNewPreviewIsConfirmed()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "ANALYST")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "ANALYST")).Ok();
        await using var ava = await ConsoleUser.OpenAsync(world.Server);
        await ava.SignInAsync(world.AAdmin.Email);
        await ava.GotoAsync($"/b/{world.A}/partners/{world.PartnershipAB}?end=true");
        Assert.DoesNotContain(world.B2.Email, await ava.Page.Locator(".preview").InnerTextAsync(), StringComparison.Ordinal);

        (await world.BAdmin.Assign(world.B, world.PG1, world.B2, "ANALYST")).Ok();
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "End the partnership" }).ClickAsync();

        var preview = await ava.Page.Locator(".preview").InnerTextAsync();
        Assert.Contains("This changed since you looked", preview, StringComparison.Ordinal);
        Assert.Contains(world.B2.Email, preview, StringComparison.Ordinal);
        Assert.True(await world.B2.Can(world.PG1, "analytics.view"));
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "End the partnership" }).ClickAsync();
        Assert.False(await world.B2.Can(world.PG1, "analytics.view"));
    }
}
