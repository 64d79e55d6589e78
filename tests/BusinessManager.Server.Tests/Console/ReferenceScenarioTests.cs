using BusinessManager.Server.Tests.Harness;
using Microsoft.Playwright;

namespace BusinessManager.Server.Tests.Console;

/// <summary>
/// PRODUCT.md's reference scenario played in the web console, as the people in it would: a FixDex admin, a Flexis
/// Media admin and a Flexis employee, each in a browser of their own (and the support agent at the end). Only the
/// stage (accounts, businesses, assets) is set through the API; every step of the scenario is clicked. With
/// BM_UPDATE_SCREENSHOTS=1 it also saves the screenshots README shows (docs/screenshots/).
/// </summary>
public sealed class ReferenceScenarioTests
{
    private const string Poster = "Direct sponsored content poster";

    [Fact]
    public async Task ReferenceScenario_PlayedInTheBrowser_EachPersonSeesWhatTheRulesAllow()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var stage = await Stage.SetAsync(server, http);
        await using var ava = await ConsoleUser.OpenAsync(server);
        await using var mia = await ConsoleUser.OpenAsync(server);
        await using var leo = await ConsoleUser.OpenAsync(server);
        await ava.SignInAsync("ava@fixdex.example");
        await mia.SignInAsync("mia@flexis.example");
        await leo.SignInAsync("leo@flexis.example");

        // Flexis Media sends its business id; FixDex requests the partnership; Flexis accepts.
        var flexisId = await mia.Page.Locator("#business-id").InnerTextAsync();
        Assert.Equal(stage.Flexis.ToString(), flexisId);
        await mia.ScreenshotAsync("home");
        await ava.GotoAsync($"/b/{stage.FixDex}/partners");
        await ava.Page.GetByLabel("Partner's business id").FillAsync(flexisId);
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        Assert.Contains($"Flexis Media id {stage.Flexis}", await ava.MainTextAsync(), StringComparison.Ordinal);

        await mia.GotoAsync($"/b/{stage.Flexis}");
        Assert.Contains($"Partnership request from FixDex id {stage.FixDex}", await mia.MainTextAsync(),
            StringComparison.Ordinal);
        await mia.GotoAsync($"/b/{stage.Flexis}/partners");
        await mia.ScreenshotAsync("partners");
        await mia.Page.GetByRole(AriaRole.Button, new() { Name = "Accept the request from FixDex" }).ClickAsync();
        await Assertions.Expect(mia.Page.Locator("#active-h")).ToBeVisibleAsync();
        Assert.Contains($"FixDex id {stage.FixDex}", await mia.Page.Locator("section[aria-labelledby=active-h]")
            .InnerTextAsync(), StringComparison.Ordinal);

        // FixDex shares two of its pages at DIRECT_SPONSORED_CONTENT_POSTER.
        await ava.GotoAsync($"/b/{stage.FixDex}/partners");
        await ava.Page.Locator("section[aria-labelledby=active-h]").GetByRole(AriaRole.Link).First.ClickAsync();
        foreach (var page in new[] { "FixDex Business Unit 1", "FixDex Careers" })
        {
            await ava.Page.GetByLabel("Which page")
                .SelectOptionAsync(new SelectOptionValue { Label = $"{page} (id {stage.Assets[page]})" });
            await ava.Page.GetByLabel("Ceiling for the page").SelectOptionAsync(new SelectOptionValue { Label = Poster });
            await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Share the page" }).ClickAsync();
        }

        var sharedByUs = await ava.Page.Locator("section[aria-labelledby=by-us-h]").InnerTextAsync();
        Assert.Contains("FixDex Business Unit 1", sharedByUs, StringComparison.Ordinal);
        Assert.Contains("FixDex Careers", sharedByUs, StringComparison.Ordinal);
        Assert.Contains(Poster, sharedByUs, StringComparison.Ordinal);
        var fixdexPartnerPage = ava.Page.Url;

        // Flexis sees exactly the two pages, with owner and ceiling, and none of FixDex's other assets.
        await mia.GotoAsync($"/b/{stage.Flexis}/shared-with-us");
        var shared = await mia.MainTextAsync();
        Assert.Contains("FixDex Business Unit 1", shared, StringComparison.Ordinal);
        Assert.Contains("FixDex Careers", shared, StringComparison.Ordinal);
        Assert.Contains($"FixDex id {stage.FixDex}", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("Investor Relations", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("in-house", shared, StringComparison.Ordinal);
        await mia.ScreenshotAsync("shared-with-us");

        // Flexis assigns its own people to post; roles above the ceiling are not even offered.
        foreach (var page in new[] { "FixDex Business Unit 1", "FixDex Careers" })
        {
            await mia.GotoAsync($"/b/{stage.Flexis}/shared-with-us/{stage.Assets[page]}");
            var offered = await mia.Page.GetByLabel("Role to give").Locator("option").AllInnerTextsAsync();
            Assert.Contains(Poster, offered);
            Assert.DoesNotContain("Administrator", offered);
            Assert.DoesNotContain("Content administrator", offered);
            await mia.Page.GetByLabel("Member").SelectOptionAsync(new SelectOptionValue { Value = stage.Leo.ToString() });
            await mia.Page.GetByLabel("Role to give").SelectOptionAsync(new SelectOptionValue { Label = Poster });
            await mia.Page.GetByRole(AriaRole.Button, new() { Name = "Give role" }).ClickAsync();
            Assert.Contains("Leo Flexis-Poster", await mia.Page.Locator("section[aria-labelledby=roles-h]").InnerTextAsync(),
                StringComparison.Ordinal);
        }

        await mia.ScreenshotAsync("shared-asset");

        // Leo now sees both pages on My access, with the path through Flexis and the ceiling.
        await leo.GotoAsync("/my-access");
        var leoAccess = await leo.MainTextAsync();
        Assert.Contains("FixDex Business Unit 1", leoAccess, StringComparison.Ordinal);
        Assert.Contains("FixDex Careers", leoAccess, StringComparison.Ordinal);
        Assert.Contains($"Via partner Flexis Media id {stage.Flexis}", leoAccess, StringComparison.Ordinal);
        Assert.Contains($"ceiling {Poster}", leoAccess, StringComparison.Ordinal);
        await leo.ScreenshotAsync("my-access");

        // Flexis shares the ad accounts it made for FixDex at VIEWER, and cannot re-share FixDex's pages.
        await mia.GotoAsync($"/b/{stage.Flexis}/partners");
        await mia.Page.Locator("section[aria-labelledby=active-h]").GetByRole(AriaRole.Link).First.ClickAsync();
        var offeredToShare = await mia.Page.Locator("section[aria-labelledby=share-h]").InnerTextAsync();
        Assert.DoesNotContain("FixDex Business Unit 1 (id", offeredToShare, StringComparison.Ordinal);
        foreach (var account in new[] { "FixDex Business Unit 1 Ads", "FixDex Business Unit 2 Ads" })
        {
            await mia.Page.GetByLabel("Which ad account")
                .SelectOptionAsync(new SelectOptionValue { Label = $"{account} (id {stage.Assets[account]})" });
            await mia.Page.GetByLabel("Ceiling for the ad account").SelectOptionAsync(new SelectOptionValue { Label = "Viewer" });
            await mia.Page.GetByRole(AriaRole.Button, new() { Name = "Share the ad account" }).ClickAsync();
        }

        await mia.ScreenshotAsync("partner");
        await ava.GotoAsync($"/b/{stage.FixDex}/shared-with-us");
        var withFixDex = await ava.MainTextAsync();
        Assert.Contains("FixDex Business Unit 1 Ads", withFixDex, StringComparison.Ordinal);
        Assert.Contains("Viewer", withFixDex, StringComparison.Ordinal);
        await ava.GotoAsync($"/b/{stage.FixDex}/shared-with-us/{stage.Assets["FixDex Business Unit 1 Ads"]}");
        await ava.Page.GetByLabel("Member").SelectOptionAsync(new SelectOptionValue { Value = stage.Felix.ToString() });
        await ava.Page.GetByLabel("Role to give").SelectOptionAsync(new SelectOptionValue { Label = "Viewer" });
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Give role" }).ClickAsync();
        Assert.Contains("Felix Fixdex-Employee", await ava.Page.Locator("section[aria-labelledby=roles-h]").InnerTextAsync(),
            StringComparison.Ordinal);

        // FixDex answers "who can touch this page, and why?".
        await ava.GotoAsync($"/b/{stage.FixDex}/assets/{stage.Assets["FixDex Business Unit 1"]}");
        var access = await ava.MainTextAsync();
        Assert.Contains("Leo Flexis-Poster", access, StringComparison.Ordinal);
        Assert.Contains($"Via partner Flexis Media id {stage.Flexis}", access, StringComparison.Ordinal);
        await ava.ScreenshotAsync("asset-access");

        // FixDex ends the partnership: first the preview of exactly what ends, then the ending.
        await ava.GotoAsync(fixdexPartnerPage);
        await ava.Page.GetByRole(AriaRole.Link, new() { Name = "Preview ending the partnership" }).ClickAsync();
        var preview = await ava.Page.Locator(".preview").InnerTextAsync();
        Assert.Contains("FixDex Business Unit 1", preview, StringComparison.Ordinal);
        Assert.Contains("FixDex Careers", preview, StringComparison.Ordinal);
        Assert.Contains("FixDex Business Unit 2 Ads", preview, StringComparison.Ordinal);
        Assert.Contains("Leo Flexis-Poster", preview, StringComparison.Ordinal);
        Assert.Contains("Felix Fixdex-Employee (felix@fixdex.example", preview, StringComparison.Ordinal);
        await ava.AssertAccessibleAsync();
        await ava.ScreenshotAsync("end-partnership-preview");
        await ava.Page.Locator(".preview").GetByRole(AriaRole.Button).ClickAsync();

        // Leo's very next page load no longer shows FixDex's pages.
        await leo.Page.ReloadAsync();
        var after = await leo.MainTextAsync();
        Assert.DoesNotContain("FixDex Business Unit 1", after, StringComparison.Ordinal);
        Assert.DoesNotContain("FixDex Careers", after, StringComparison.Ordinal);
        await leo.GotoAsync($"/b/{stage.Flexis}/shared-with-us/{stage.Assets["FixDex Careers"]}");
        Assert.Contains("Not found", await leo.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await mia.GotoAsync($"/b/{stage.Flexis}/shared-with-us");
        Assert.DoesNotContain("FixDex Careers", await mia.MainTextAsync(), StringComparison.Ordinal);
        await ava.GotoAsync($"/b/{stage.FixDex}/shared-with-us");
        Assert.DoesNotContain("FixDex Business Unit 1 Ads", await ava.MainTextAsync(), StringComparison.Ordinal);

        // With both confirmations, support transfers one of Flexis's ad accounts to FixDex.
        var adsId = stage.Assets["FixDex Business Unit 1 Ads"];
        await mia.GotoAsync($"/b/{stage.Flexis}/transfers");
        await mia.Page.GetByLabel("Asset", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = adsId.ToString() });
        await mia.Page.GetByLabel("New owner's business id").FillAsync(stage.FixDex.ToString());
        await mia.Page.GetByRole(AriaRole.Button, new() { Name = "Open the transfer" }).ClickAsync();
        await mia.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm for Flexis Media" }).ClickAsync();

        await ava.GotoAsync($"/b/{stage.FixDex}");
        await ava.Page.GetByRole(AriaRole.Link, new() { Name = "Review it" }).ClickAsync();
        await ava.ScreenshotAsync("transfer");
        await ava.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm for FixDex" }).ClickAsync();

        await using var sam = await ConsoleUser.OpenAsync(server);
        await sam.SignInAsync(Stage.SupportEmail);
        await sam.GotoAsync("/support/transfers");
        await sam.ScreenshotAsync("support");
        await sam.Page.GetByRole(AriaRole.Link, new() { Name = "Complete the transfer of FixDex Business Unit 1 Ads" }).ClickAsync();
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Complete the transfer" }).ClickAsync();

        await ava.GotoAsync($"/b/{stage.FixDex}/assets");
        Assert.Contains("FixDex Business Unit 1 Ads", await ava.MainTextAsync(), StringComparison.Ordinal);
        await ava.ScreenshotAsync("assets");
        await ava.GotoAsync($"/b/{stage.FixDex}/people");
        await ava.ScreenshotAsync("people");
        await ava.GotoAsync($"/b/{stage.FixDex}/audit");
        var audit = await ava.MainTextAsync();
        Assert.Contains("Sam Support-Agent", audit, StringComparison.Ordinal);
        await ava.ScreenshotAsync("audit");
        await mia.GotoAsync($"/b/{stage.Flexis}/assets");
        Assert.DoesNotContain("FixDex Business Unit 1 Ads", await mia.MainTextAsync(), StringComparison.Ordinal);

        // The same console on a phone: FixDex's assets, now with the transferred ad account, fit the screen.
        await using var phone = await ConsoleUser.OpenAsync(server, ConsoleUser.Phone);
        await phone.SignInAsync("ava@fixdex.example");
        await phone.GotoAsync($"/b/{stage.FixDex}/assets");
        Assert.True(await phone.Page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= ConsoleUser.Phone.Width);
        await phone.ScreenshotAsync("phone");
    }

    /// <summary>The stage of the scenario, set through the API as the demo sets it: people, businesses, assets.</summary>
    private sealed record Stage(long FixDex, long Flexis, long Leo, long Felix, Dictionary<string, long> Assets)
    {
        public const string SupportEmail = "sam@support.example";

        public static async Task<Stage> SetAsync(BmServer server, HttpClient http)
        {
            var ava = await Api.SignUpAsync(http, "ava@fixdex.example", "Ava Fixdex-Admin");
            var felix = await Api.SignUpAsync(http, "felix@fixdex.example", "Felix Fixdex-Employee");
            var mia = await Api.SignUpAsync(http, "mia@flexis.example", "Mia Flexis-Admin");
            var leo = await Api.SignUpAsync(http, "leo@flexis.example", "Leo Flexis-Poster");
            await Api.SignUpAsync(http, SupportEmail, "Sam Support-Agent");
            await OperatorProcess.RunAsync(server, "support", "grant", SupportEmail);
            var fixdex = await ava.CreateBusiness("FixDex");
            var flexis = await mia.CreateBusiness("Flexis Media");
            await ava.AddMember(fixdex, felix);
            await mia.AddMember(flexis, leo);
            var assets = new Dictionary<string, long>();
            foreach (var (owner, business, type, name) in new[]
            {
                (ava, fixdex, "PAGE", "FixDex Business Unit 1"),
                (ava, fixdex, "PAGE", "FixDex Careers"),
                (ava, fixdex, "PAGE", "FixDex Investor Relations"),
                (ava, fixdex, "AD_ACCOUNT", "FixDex Brand (in-house)"),
                (mia, flexis, "AD_ACCOUNT", "FixDex Business Unit 1 Ads"),
                (mia, flexis, "AD_ACCOUNT", "FixDex Business Unit 2 Ads"),
            })
            {
                assets[name] = await owner.CreateAsset(business, type, name);
            }

            return new Stage(fixdex, flexis, leo.Id, felix.Id, assets);
        }
    }
}
