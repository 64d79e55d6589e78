using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Rules;

/// <summary>
/// Rule 7: a partner sees only the assets shared with it (name, type, id, ceiling, owner's name), never the
/// owner's other assets or people; the owner's admins see which partners can use each asset and which partner
/// people hold what there, and why; an id the caller may not see answers 404, exactly like an id that does not
/// exist.
/// </summary>
public sealed class Rule7VisibilityTests
{
    private const long NeverIssuedId = 100_000_000_000_001;

    [Fact]
    public async Task SharedWithUs_PartnerAdmin_SeesOnlySharedAssetsWithCeilingAndOwnerName()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "ANALYST")).Ok();

        var withUs = (await world.BAdmin.Get($"/api/v1/businesses/{world.B}/shared-with-us")).Ok();

        Assert.Equal(2, withUs.Body.GetProperty("total").GetInt32());
        var aa1 = withUs.Items().Single(s => s.GetProperty("asset").GetProperty("id").GetInt64() == world.AA1);
        Assert.Equal("AA1", aa1.GetProperty("asset").GetProperty("name").GetString());
        Assert.Equal("AD_ACCOUNT", aa1.GetProperty("asset").GetProperty("type").GetString());
        Assert.Equal("VIEWER", aa1.GetProperty("ceiling").GetString());
        Assert.Equal("A Brand", aa1.GetProperty("asset").GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal(world.A, aa1.GetProperty("asset").GetProperty("owner").GetProperty("id").GetInt64());
        Assert.DoesNotContain(world.AA2, await RulesSteps.SharedWithUs(world.BAdmin, world.B));
        Assert.DoesNotContain(world.PG2, await RulesSteps.SharedWithUs(world.BAdmin, world.B));
        Assert.DoesNotContain("a1@brand.com", withUs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedWithUs_PartnerEmployee_SeesOnlyWhatTheyCanActOn()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "ANALYST")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "ANALYST")).Ok();

        var b1Sees = await RulesSteps.SharedWithUs(world.B1, world.B);
        var b2Sees = await RulesSteps.SharedWithUs(world.B2, world.B);

        Assert.Equal(new[] { world.PG1 }, b1Sees);
        Assert.Empty(b2Sees);
        Assert.Equal(new[] { world.PG1 }, await world.B1.MyAssetIds());
    }

    [Fact]
    public async Task OwnersResources_Partner_AnswerNotFound()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "ACCOUNT_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "ACCOUNT_MANAGER")).Ok();
        var ownerPaths = new[]
        {
            $"/api/v1/businesses/{world.A}",
            $"/api/v1/businesses/{world.A}/assets",
            $"/api/v1/businesses/{world.A}/assets/{world.AA1}",
            $"/api/v1/businesses/{world.A}/assets/{world.AA1}/access",
            $"/api/v1/businesses/{world.A}/members",
            $"/api/v1/businesses/{world.A}/shares",
            $"/api/v1/businesses/{world.A}/audit",
            RulesSteps.AssignmentsPath(world.A, world.AA1),
        };

        foreach (var path in ownerPaths)
        {
            (await world.BAdmin.Get(path)).Refused(HttpStatusCode.NotFound, "business_not_found");
            (await world.B1.Get(path)).Refused(HttpStatusCode.NotFound, "business_not_found");
        }

        (await world.BAdmin.Get($"/api/v1/businesses/{world.B}/assets/{world.AA1}"))
            .Refused(HttpStatusCode.NotFound, "asset_not_found");
    }

    [Fact]
    public async Task AssetAccess_OwnerAdmin_SeesPartnersAndPartnerPeopleWithWhy()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CREATIVE_MANAGER")).Ok();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "VIEWER")).Ok();

        var access = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/assets/{world.AA1}/access")).Ok();

        var partner = access.Body.GetProperty("partners").EnumerateArray().Single();
        Assert.Equal(world.B, partner.GetProperty("partner").GetProperty("id").GetInt64());
        Assert.Equal("B Agency", partner.GetProperty("partner").GetProperty("name").GetString());
        Assert.Equal("CAMPAIGN_MANAGER", partner.GetProperty("ceiling").GetString());
        var people = access.Body.GetProperty("people").EnumerateArray().ToList();
        var b1 = people.Single(p => p.GetProperty("person").GetProperty("id").GetInt64() == world.B1.Id);
        Assert.Equal("b1@agency.com", b1.GetProperty("person").GetProperty("email").GetString());
        Assert.Equal("CREATIVE_MANAGER", b1.GetProperty("effectiveRoles")[0].GetString());
        var path = b1.GetProperty("paths").EnumerateArray().Single();
        Assert.Equal("PARTNER_ASSIGNMENT", path.GetProperty("kind").GetString());
        Assert.Equal(world.B, path.GetProperty("business").GetProperty("id").GetInt64());
        Assert.Equal("CREATIVE_MANAGER", path.GetProperty("role").GetString());
        Assert.Equal("CAMPAIGN_MANAGER", path.GetProperty("ceiling").GetString());
        Assert.False(string.IsNullOrWhiteSpace(path.GetProperty("description").GetString()));
        Assert.Contains(people, p => p.GetProperty("person").GetProperty("id").GetInt64() == world.A1.Id);
        Assert.Contains(people, p => p.GetProperty("person").GetProperty("id").GetInt64() == world.AAdmin.Id);
        Assert.DoesNotContain(people, p => p.GetProperty("person").GetProperty("id").GetInt64() == world.B2.Id);
    }

    [Fact]
    public async Task AssetAccess_OwnerEmployee_RefusedNotBusinessAdmin()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "VIEWER")).Ok();

        var withRole = await world.A1.Get($"/api/v1/businesses/{world.A}/assets/{world.AA1}/access");
        var withoutRole = await world.A1.Get($"/api/v1/businesses/{world.A}/assets/{world.AA2}/access");

        withRole.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        withoutRole.Refused(HttpStatusCode.NotFound, "asset_not_found");
    }

    [Fact]
    public async Task Check_PartnerAdminAboutOwnMemberOnUnsharedAsset_AnswersLikeUnknownId()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "VIEWER")).Ok();

        var shared = await world.BAdmin.Get(
            $"/api/v1/access/check?personId={world.B1.Id}&assetId={world.AA1}&permission=reports.view");
        var unshared = await world.BAdmin.Get($"/api/v1/access/check?personId={world.B1.Id}&assetId={world.AA2}");
        var unknown = await world.BAdmin.Get($"/api/v1/access/check?personId={world.B1.Id}&assetId={NeverIssuedId}");

        Assert.True(shared.Ok().Body.GetProperty("allowed").GetBoolean());
        unshared.Refused(HttpStatusCode.NotFound, "asset_not_found");
        unknown.Refused(HttpStatusCode.NotFound, "asset_not_found");
        Assert.Equal(unknown.Body.GetProperty("title").GetString(), unshared.Body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Check_PartnerAdminAboutOwnersPeople_AnswersNotFound()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER")).Ok();
        (await world.AAdmin.Assign(world.A, world.AA1, world.A1, "VIEWER")).Ok();

        var aboutOwnerMember = await world.BAdmin.Get(
            $"/api/v1/access/check?personId={world.A1.Id}&assetId={world.AA1}");
        var aboutOwnerAdmin = await world.BAdmin.Get(
            $"/api/v1/access/check?personId={world.AAdmin.Id}&assetId={world.AA1}");

        aboutOwnerMember.Refused(HttpStatusCode.NotFound, "asset_not_found");
        aboutOwnerAdmin.Refused(HttpStatusCode.NotFound, "asset_not_found");
    }

    [Fact]
    public async Task Check_OutsiderAboutOwnAccessOnUnseenAsset_AnswersLikeUnknownId()
    {
        await using var world = await World.CreateAsync();

        var unseen = await world.DAdmin.Check(world.AA1);
        var unknown = await world.DAdmin.Check(NeverIssuedId);

        unknown.Refused(HttpStatusCode.NotFound, "asset_not_found");
        unseen.Refused(HttpStatusCode.NotFound, "asset_not_found");
    }

    [Fact]
    public async Task OwnerAdmin_PartnersOwnAssetsAndPeople_AnswerNotFound()
    {
        await using var world = await World.CreateAsync();
        (await world.BAdmin.Assign(world.B, world.BA1, world.B1, "VIEWER")).Ok();

        var partnerAsset = await world.AAdmin.Get(
            $"/api/v1/access/check?personId={world.B1.Id}&assetId={world.BA1}");
        var partnerMembers = await world.AAdmin.Get($"/api/v1/businesses/{world.B}/members");
        var partnerAssets = await world.AAdmin.Get($"/api/v1/businesses/{world.B}/assets");

        partnerAsset.Refused(HttpStatusCode.NotFound, "asset_not_found");
        partnerMembers.Refused(HttpStatusCode.NotFound, "business_not_found");
        partnerAssets.Refused(HttpStatusCode.NotFound, "business_not_found");
    }

    [Fact]
    public async Task PartnershipsAndTransfers_ThirdBusiness_AnswerNotFound()
    {
        await using var world = await World.CreateAsync();
        var transfer = (await RulesSteps.OpenTransfer(world.AAdmin, world.A, world.AA1, world.B)).Ok().Id;

        var partnership = await world.DAdmin.Get($"/api/v1/businesses/{world.D}/partnerships/{world.PartnershipAB}");
        var partnershipViaOwner = await world.DAdmin.Get(
            $"/api/v1/businesses/{world.A}/partnerships/{world.PartnershipAB}");
        var transferViaOwn = await world.DAdmin.Get($"/api/v1/businesses/{world.D}/transfers/{transfer}");
        var transferViaOwner = await world.DAdmin.Get($"/api/v1/businesses/{world.A}/transfers/{transfer}");

        partnership.Refused(HttpStatusCode.NotFound, "partnership_not_found");
        partnershipViaOwner.Refused(HttpStatusCode.NotFound, "business_not_found");
        transferViaOwn.Refused(HttpStatusCode.NotFound, "transfer_not_found");
        transferViaOwner.Refused(HttpStatusCode.NotFound, "business_not_found");
    }

    [Fact]
    public async Task ListAssets_OwnerEmployee_SeesOnlyAssetsTheyCanActOn()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Assign(world.A, world.PG2, world.A1, "ANALYST")).Ok();

        var employeeSees = await RulesSteps.OwnAssets(world.A1, world.A);
        var adminSees = await RulesSteps.OwnAssets(world.AAdmin, world.A);

        Assert.Equal(new[] { world.PG2 }, employeeSees);
        Assert.Equal(new[] { world.AA1, world.AA2, world.PG1, world.PG2 }.Order(), adminSees);
        (await world.A1.Get($"/api/v1/businesses/{world.A}/assets/{world.AA1}"))
            .Refused(HttpStatusCode.NotFound, "asset_not_found");
    }
}
