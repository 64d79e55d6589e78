using System.Net;
using BusinessManager.Core.Catalog;
using BusinessManager.Server.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static BusinessManager.Server.Tests.Harness.CasesCStepsHelper;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C37. A transfer to the partner the asset is already shared with is not blocked by that share: the share
/// becomes ownership, the partner's assignments carry over as owner assignments at the same role (rule 8), the
/// old owner's people lose the asset unless the new owner shares it back (or the request kept a share), and no
/// duplicate or leftover share rows remain.
/// </summary>
public sealed class C37Tests
{
    [Fact]
    public async Task C37_TransferToPartnerThatHasAShare_ShareBecomesOwnershipWithoutLeftovers()
    {
        await using var w = await World.CreateAsync();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.AAdmin.Assign(w.A, w.PG1, w.A1, "ANALYST")).Ok();
        var agent = await NewSupportAgent(w);

        var opened = (await OpenTransfer(w.AAdmin, w.A, w.PG1, w.B)).Ok();
        (await ConfirmTransfer(w.AAdmin, w.A, opened.Id)).Ok();
        (await ConfirmTransfer(w.BAdmin, w.B, opened.Id)).Ok();
        var completed = (await CompleteTransfer(agent, opened.Id)).Ok();

        var preview = opened.Result.GetProperty("preview");
        var carried = Assert.Single(preview.GetProperty("carriedOver").EnumerateArray());
        Assert.Equal(w.B1.Id, carried.GetProperty("personId").GetInt64());
        Assert.Equal("COMPLETED", completed.Result.GetProperty("status").GetString());

        // B owns PG1; b1 keeps CONTENT_ADMINISTRATOR, now as an ordinary grant of the owner, uncapped.
        Assert.Equal(w.B, IdOf((await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{w.PG1}")).Ok().Body, "owner"));
        Assert.True(await w.BAdmin.Can(w.PG1, "page.admins.manage"));
        var b1 = (await w.B1.Check(w.PG1)).Ok().Body;
        Assert.Equal(["CONTENT_ADMINISTRATOR"], StringsOf(b1, "effectiveRoles"));
        Assert.Equal(new[] { ("OWNER_ASSIGNMENT", w.B, (string?)"CONTENT_ADMINISTRATOR") }, PathsOf(b1));
        var assignment = Assert.Single((await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{w.PG1}/assignments"))
            .Ok().Body.EnumerateArray());
        Assert.Equal("CONTENT_ADMINISTRATOR", assignment.GetProperty("assignedRole").GetString());
        Assert.False(assignment.GetProperty("capped").GetBoolean());
        Assert.False(assignment.TryGetProperty("ceiling", out _));

        // A's people lose PG1.
        Assert.Empty(await w.AAdmin.EffectiveRoles(w.PG1));
        Assert.Empty(await w.A1.EffectiveRoles(w.PG1));
        Assert.DoesNotContain(w.PG1, await w.A1.MyAssetIds());
        (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/assets/{w.PG1}")).Refused(HttpStatusCode.NotFound,
            "asset_not_found");

        // No duplicate or leftover share rows, on either side, and exactly one grant row.
        Assert.Empty(await AllPagesOf(w.BAdmin, $"/api/v1/businesses/{w.B}/shared-with-us"));
        Assert.Empty(await AllPagesOf(w.AAdmin, $"/api/v1/businesses/{w.A}/shares"));
        Assert.Empty(await AllPagesOf(w.BAdmin, $"/api/v1/businesses/{w.B}/shares"));
        Assert.Empty((await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{w.PG1}/access")).Ok().Body
            .GetProperty("partners").EnumerateArray());
        Assert.Empty(await QueryDb(w.Server, db => db.Shares.Where(s => s.AssetId == w.PG1).ToListAsync()));
        var rows = await QueryDb(w.Server, db => db.Assignments.Where(a => a.AssetId == w.PG1).ToListAsync());
        Assert.Equal(new[] { (w.B1.Id, w.B) }, rows.Select(r => (r.PersonId, r.ByBusinessId)));
        Assert.Empty(await DanglingGrants(w.Server));

        // Only if B shares it back do A's people get it again.
        (await w.BAdmin.Share(w.B, w.PG1, w.A, "ANALYST")).Ok();
        (await w.AAdmin.Assign(w.A, w.PG1, w.A1, "ANALYST")).Ok();

        Assert.True(await w.A1.Can(w.PG1, "analytics.view"));
        Assert.False(await w.A1.Can(w.PG1, "page.edit"));
    }

    [Fact]
    public async Task C37_TransferKeepingAShareForTheOldOwner_ExactlyOneShareRowRemains()
    {
        await using var w = await World.CreateAsync();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.AAdmin.Assign(w.A, w.PG1, w.A1, "CONTENT_ADMINISTRATOR")).Ok();
        var agent = await NewSupportAgent(w);

        var id = (await OpenTransfer(w.AAdmin, w.A, w.PG1, w.B, keepShareCeiling: "ANALYST")).Ok().Id;
        (await ConfirmTransfer(w.BAdmin, w.B, id)).Ok();
        (await ConfirmTransfer(w.AAdmin, w.A, id)).Ok();
        (await CompleteTransfer(agent, id)).Ok();

        Assert.Equal(["CONTENT_ADMINISTRATOR"], await w.B1.EffectiveRoles(w.PG1));
        Assert.Equal(["ANALYST"], await w.A1.EffectiveRoles(w.PG1));
        Assert.False(await w.A1.Can(w.PG1, "page.edit"));
        Assert.Empty(await w.AAdmin.EffectiveRoles(w.PG1));
        var kept = Assert.Single(await AllPagesOf(w.AAdmin, $"/api/v1/businesses/{w.A}/shared-with-us"));
        Assert.Equal(w.PG1, IdOf(kept, "asset"));
        Assert.Equal("ANALYST", kept.GetProperty("ceiling").GetString());
        Assert.Empty(await AllPagesOf(w.BAdmin, $"/api/v1/businesses/{w.B}/shared-with-us"));
        var shares = await QueryDb(w.Server, db => db.Shares.Where(s => s.AssetId == w.PG1).ToListAsync());
        Assert.Equal(new[] { (w.A, AssetRole.Analyst) }, shares.Select(s => (s.PartnerId, s.Ceiling)));
        var rows = await QueryDb(w.Server, db => db.Assignments.Where(a => a.AssetId == w.PG1).ToListAsync());
        Assert.Equal(new[] { (w.A1.Id, w.A), (w.B1.Id, w.B) }.Order(),
            rows.Select(r => (r.PersonId, r.ByBusinessId)).Order());
        Assert.Empty(await DanglingGrants(w.Server));
    }
}
