using System.Net;
using BusinessManager.Server.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static BusinessManager.Server.Tests.Harness.CasesCStepsHelper;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C34. Deleting a person, a business or an asset leaves no grant behind, and a new person, business or asset
/// that reuses the e-mail, name or asset name starts with nothing. Grants are keyed by ids that are never
/// reused. Assets have no external handle in this product; the asset's name stands in for it.
/// </summary>
public sealed class C34Tests
{
    [Fact]
    public async Task C34_AccountDeletedAndEmailRegisteredAgain_NewAccountInheritsNothing()
    {
        await using var w = await World.CreateAsync();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "ANALYST")).Ok();
        (await w.BAdmin.Assign(w.B, w.BA1, w.B1, "VIEWER")).Ok();
        await Invite(w.CAdmin, w.C, "b1@agency.com");
        var oldId = w.B1.Id;

        (await w.B1.Delete("/api/v1/me")).Ok();
        var again = await w.Person("b1@agency.com");

        Assert.NotEqual(oldId, again.Id);
        Assert.Equal(HttpStatusCode.Unauthorized, (await w.B1.Get("/api/v1/me")).Status);
        Assert.Equal(again.Id, (await Harness.Api.SignInAsync(w.Http, "B1@Agency.com")).Id);
        Assert.Empty((await again.Get("/api/v1/me")).Ok().Body.GetProperty("memberships").EnumerateArray());
        Assert.Empty((await again.Get("/api/v1/me/invitations")).Ok().Body.EnumerateArray());
        Assert.Empty(await again.MyAssetIds());
        Assert.Empty(await again.EffectiveRoles(w.PG1));
        Assert.Empty(await again.EffectiveRoles(w.BA1));
        var members = await AllPagesOf(w.BAdmin, $"/api/v1/businesses/{w.B}/members");
        Assert.DoesNotContain(members, m => IdOf(m, "person") == oldId || IdOf(m, "person") == again.Id);
        Assert.DoesNotContain(members, m => m.GetProperty("person").GetProperty("email").GetString() == again.Email);
        Assert.Empty((await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{w.PG1}/assignments")).Ok().Body
            .EnumerateArray());
        Assert.Empty((await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{w.BA1}/assignments")).Ok().Body
            .EnumerateArray());
        var pg1Access = await AccessList(w.AAdmin, w.A, w.PG1);
        Assert.False(pg1Access.ContainsKey(oldId) || pg1Access.ContainsKey(again.Id));
        (await w.BAdmin.Assign(w.B, w.PG1, again, "ANALYST")).Refused(HttpStatusCode.Conflict, "not_a_member");
        Assert.Empty(await QueryDb(w.Server, db => db.Assignments
            .Where(a => a.PersonId == oldId || a.PersonId == again.Id).ToListAsync()));
        Assert.Empty(await DanglingGrants(w.Server));
    }

    [Fact]
    public async Task C34_BusinessDeletedAndNameUsedAgain_NewBusinessHasNoPartnersSharesOrGrants()
    {
        await using var w = await World.CreateAsync();
        var acmeAdmin = await w.Person("admin@acme.example");
        var acme1 = await w.Person("one@acme.example");
        var oldAcme = await acmeAdmin.CreateBusiness("Acme");
        await acmeAdmin.AddMember(oldAcme, acme1);
        var partnership = await w.AAdmin.Partner(w.A, acmeAdmin, oldAcme);
        (await w.AAdmin.Share(w.A, w.AA1, oldAcme, "CAMPAIGN_MANAGER")).Ok();
        (await acmeAdmin.Assign(oldAcme, w.AA1, acme1, "CREATIVE_MANAGER")).Ok();
        var acmeAds = await acmeAdmin.CreateAsset(oldAcme, "AD_ACCOUNT", "Acme Ads");
        (await acmeAdmin.Share(oldAcme, acmeAds, w.A, "VIEWER")).Ok();
        (await w.AAdmin.Assign(w.A, acmeAds, w.A1, "VIEWER")).Ok();

        (await acmeAdmin.Delete($"/api/v1/businesses/{oldAcme}")).Ok();
        var newAcme = await acmeAdmin.CreateBusiness("Acme");

        Assert.NotEqual(oldAcme, newAcme);
        var counts = (await acmeAdmin.Get($"/api/v1/businesses/{newAcme}")).Ok().Body.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("members").GetInt32());
        Assert.Equal(0, counts.GetProperty("assets").GetInt32());
        Assert.Equal(0, counts.GetProperty("partners").GetInt32());
        Assert.Equal(0, counts.GetProperty("sharedWithUs").GetInt32());
        Assert.Empty(await AllPagesOf(acmeAdmin, $"/api/v1/businesses/{newAcme}/partnerships"));
        Assert.Empty(await AllPagesOf(acmeAdmin, $"/api/v1/businesses/{newAcme}/shared-with-us"));
        Assert.Empty(await AllPagesOf(acmeAdmin, $"/api/v1/businesses/{newAcme}/assets"));
        var aPartnerships = await AllPagesOf(w.AAdmin, $"/api/v1/businesses/{w.A}/partnerships");
        Assert.DoesNotContain(aPartnerships, p => IdOf(p, "partner") == newAcme);
        Assert.Equal("ENDED", aPartnerships.Single(p => p.GetProperty("id").GetInt64() == partnership)
            .GetProperty("status").GetString());
        Assert.Empty(await AllPagesOf(w.AAdmin, $"/api/v1/businesses/{w.A}/shares"));
        Assert.Empty(await AllPagesOf(w.AAdmin, $"/api/v1/businesses/{w.A}/shared-with-us"));
        Assert.Equal([w.AAdmin.Id], (await AccessList(w.AAdmin, w.A, w.AA1)).Keys);
        Assert.False(await acme1.Can(w.AA1, "reports.view"));
        Assert.False(await w.A1.Can(acmeAds, "reports.view"));
        Assert.DoesNotContain(acmeAds, await w.AAdmin.MyAssetIds());
        (await acmeAdmin.Get($"/api/v1/businesses/{oldAcme}")).Refused(HttpStatusCode.NotFound, "business_not_found");
        (await w.AAdmin.Post($"/api/v1/businesses/{w.A}/partnerships", new { partnerId = oldAcme }))
            .Refused(HttpStatusCode.NotFound, "business_not_found");
        Assert.Empty(await DanglingGrants(w.Server));
    }

    [Fact]
    public async Task C34_AssetArchivedAndNameUsedAgain_NewAssetStartsWithNoSharesOrGrants()
    {
        await using var w = await World.CreateAsync();
        (await w.AAdmin.Share(w.A, w.PG2, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG2, w.B2, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.AAdmin.Assign(w.A, w.PG2, w.A1, "ANALYST")).Ok();
        var oldPage = w.PG2;

        (await w.AAdmin.Post($"/api/v1/businesses/{w.A}/assets/{oldPage}/archive")).Ok();
        var newPage = await w.AAdmin.CreateAsset(w.A, "PAGE", "PG2");

        Assert.NotEqual(oldPage, newPage);
        var access = (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/assets/{newPage}/access")).Ok().Body;
        Assert.Empty(access.GetProperty("partners").EnumerateArray());
        Assert.Equal([w.AAdmin.Id], access.GetProperty("people").EnumerateArray().Select(p => IdOf(p, "person")));
        foreach (var page in new[] { oldPage, newPage })
        {
            Assert.Empty(await w.A1.EffectiveRoles(page));
            Assert.Empty(await w.B2.EffectiveRoles(page));
        }

        Assert.Empty(await w.B2.MyAssetIds());
        Assert.Empty(await AllPagesOf(w.BAdmin, $"/api/v1/businesses/{w.B}/shared-with-us"));
        Assert.Empty(await AllPagesOf(w.AAdmin, $"/api/v1/businesses/{w.A}/shares"));
        (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/assets/{oldPage}")).Refused(HttpStatusCode.NotFound,
            "asset_not_found");
        (await w.AAdmin.Share(w.A, oldPage, w.B, "ANALYST")).Refused(HttpStatusCode.NotFound, "asset_not_found");
        Assert.Empty(await QueryDb(w.Server, db => db.Shares.Where(s => s.AssetId == oldPage).ToListAsync()));
        Assert.Empty(await QueryDb(w.Server, db => db.Assignments.Where(a => a.AssetId == oldPage).ToListAsync()));
        Assert.Empty(await DanglingGrants(w.Server));
    }
}
