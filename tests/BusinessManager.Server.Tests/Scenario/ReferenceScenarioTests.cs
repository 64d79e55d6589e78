using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Scenario;

/// <summary>
/// The reference scenario of PRODUCT.md (from the seed), step by step through the HTTP API, on both stores.
/// Each assertion is one promise of the seed text.
/// </summary>
public sealed class ReferenceScenarioTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task FixDexAndFlexisMedia_PlayTheSeedScenario_EveryPromiseHolds(StoreKind store)
    {
        await using var server = await BmServer.StartAsync(store);
        using var http = server.NewClient();
        var ava = await Api.SignUpAsync(http, "ava@fixdex.example", "Ava");
        var mia = await Api.SignUpAsync(http, "mia@flexis.example", "Mia");
        var leo = await Api.SignUpAsync(http, "leo@flexis.example", "Leo");
        var felix = await Api.SignUpAsync(http, "felix@fixdex.example", "Felix");
        var third = await Api.SignUpAsync(http, "tara@third.example", "Tara");
        var fixdex = (await ava.Post("/api/v1/businesses", new { name = "FixDex" })).Ok().Id;
        var flexis = (await mia.Post("/api/v1/businesses", new { name = "Flexis Media" })).Ok().Id;
        var thirdBusiness = (await third.Post("/api/v1/businesses", new { name = "Third Agency" })).Ok().Id;
        await mia.AddMember(flexis, leo);
        await ava.AddMember(fixdex, felix);
        var page1 = await ava.CreateAsset(fixdex, "PAGE", "FixDex BU1");
        var page2 = await ava.CreateAsset(fixdex, "PAGE", "FixDex Careers");
        var unshared = await ava.CreateAsset(fixdex, "AD_ACCOUNT", "FixDex in-house");

        // Flexis Media e-mails its business id; FixDex adds it to establish the partnership; Flexis accepts.
        Assert.InRange(flexis, 100_000_000, 9_999_999_999);
        var request = (await ava.Post($"/api/v1/businesses/{fixdex}/partnerships", new { partnerId = flexis })).Ok();
        var incoming = (await mia.Get($"/api/v1/businesses/{flexis}/partnerships?direction=incoming")).Ok();
        Assert.Equal("PENDING", incoming.Items().Single().GetProperty("status").GetString());
        (await mia.Post($"/api/v1/businesses/{flexis}/partnerships/{request.Id}/accept")).Ok();

        // FixDex shares Sponsored Content Poster on several pages; Flexis manages its own people there.
        foreach (var page in new[] { page1, page2 })
        {
            (await ava.Share(fixdex, page, flexis, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
            (await mia.Assign(flexis, page, leo, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        }

        Assert.True(await leo.Can(page1, "sponsored_content.post"));
        Assert.False(await leo.Can(page1, "page.edit"));

        // Flexis creates ad accounts for FixDex's business units and shares Viewer with FixDex.
        var ads1 = await mia.CreateAsset(flexis, "AD_ACCOUNT", "FixDex BU1 Ads");
        var ads2 = await mia.CreateAsset(flexis, "AD_ACCOUNT", "FixDex BU2 Ads");
        (await mia.Share(flexis, ads1, fixdex, "VIEWER")).Ok();
        (await mia.Share(flexis, ads2, fixdex, "VIEWER")).Ok();
        (await ava.Assign(fixdex, ads1, felix, "VIEWER")).Ok();
        Assert.True(await felix.Can(ads1, "reports.view"));
        Assert.False(await felix.Can(ads1, "campaigns.edit"));
        (await ava.Assign(fixdex, ads1, felix, "CAMPAIGN_MANAGER")).Refused(HttpStatusCode.Forbidden, "role_outside_ceiling");

        // Partners see only the specific assets shared with them.
        var sharedWithFlexis = (await mia.Get($"/api/v1/businesses/{flexis}/shared-with-us")).Ok();
        Assert.Equal(new[] { page1, page2 }.Order(),
            sharedWithFlexis.Items().Select(s => s.GetProperty("asset").GetProperty("id").GetInt64()).Order());
        Assert.Equal(2, sharedWithFlexis.Body.GetProperty("total").GetInt32());
        (await mia.Get($"/api/v1/businesses/{fixdex}/assets")).Refused(HttpStatusCode.NotFound, "business_not_found");
        Assert.False(await leo.Can(unshared, "reports.view"));

        // Partners cannot share your assets with other businesses.
        await mia.Partner(flexis, third, thirdBusiness);
        (await mia.Share(flexis, page1, thirdBusiness, "ANALYST")).Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        (await mia.Share(fixdex, page1, thirdBusiness, "ANALYST")).Refused(HttpStatusCode.NotFound, "business_not_found");
        Assert.Empty((await third.Get($"/api/v1/businesses/{thirdBusiness}/shared-with-us")).Ok().Items());

        // Visibility: FixDex sees which partner people hold what on its page, and why.
        var access = (await ava.Get($"/api/v1/businesses/{fixdex}/assets/{page1}/access")).Ok();
        var leoRow = access.Body.GetProperty("people").EnumerateArray()
            .Single(p => p.GetProperty("person").GetProperty("id").GetInt64() == leo.Id);
        Assert.Equal("PARTNER_ASSIGNMENT", leoRow.GetProperty("paths")[0].GetProperty("kind").GetString());
        Assert.Equal(flexis, leoRow.GetProperty("paths")[0].GetProperty("business").GetProperty("id").GetInt64());

        // Ending the partnership: every Flexis person loses FixDex's pages in the same instant, both ways.
        var ended = (await ava.EndPartnership(fixdex, request.Id)).Ok();
        Assert.Contains(ended.Body.GetProperty("changes").EnumerateArray(),
            c => c.GetProperty("kind").GetString() == "assignment_removed");
        Assert.False(await leo.Can(page1, "sponsored_content.post"));
        Assert.False(await leo.Can(page2, "analytics.view"));
        Assert.False(await felix.Can(ads1, "reports.view"));
        Assert.Empty(await leo.MyAssetIds());
        Assert.Empty((await mia.Get($"/api/v1/businesses/{flexis}/shared-with-us")).Ok().Items());

        // With confirmation from both, support transfers one of Flexis's ad accounts to FixDex.
        await Api.SignUpAsync(http, "sam@support.example", "Sam");
        await OperatorProcess.RunAsync(server, "support", "grant", "sam@support.example");
        var support = await Api.SignInAsync(http, "sam@support.example");
        (await ava.Post($"/api/v1/businesses/{fixdex}/transfers", new { assetId = ads2, toBusinessId = fixdex }))
            .Refused(HttpStatusCode.NotFound, "asset_not_found");
        var transfer = (await mia.Post($"/api/v1/businesses/{flexis}/transfers",
            new { assetId = ads2, toBusinessId = fixdex })).Ok();
        (await support.Post($"/api/v1/support/transfers/{transfer.Id}/complete"))
            .Refused(HttpStatusCode.Conflict, "transfer_not_confirmed");
        (await mia.Post($"/api/v1/businesses/{flexis}/transfers/{transfer.Id}/confirm")).Ok();
        (await ava.Post($"/api/v1/businesses/{fixdex}/transfers/{transfer.Id}/confirm")).Ok();
        (await support.Post($"/api/v1/support/transfers/{transfer.Id}/complete")).Ok();
        Assert.True(await ava.Can(ads2, "billing.manage"));
        Assert.False(await mia.Can(ads2, "reports.view"));
        var fixdexAssets = (await ava.Get($"/api/v1/businesses/{fixdex}/assets")).Ok();
        Assert.Contains(fixdexAssets.Items(), a => a.GetProperty("id").GetInt64() == ads2);
    }

}
