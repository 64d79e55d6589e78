using System.Net;
using System.Text.Json;
using BusinessManager.Server.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static BusinessManager.Server.Tests.Harness.CasesCStepsHelper;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C08. The agency (B) built the client's (A's) ad account BA1 inside its own business and shares it with A at
/// VIEWER. The client gets it only through rule 8's transfer: requested, confirmed by both sides, completed by a
/// support agent; until then nothing changes, and afterwards the agency keeps nothing unless the client shares
/// it back. Support's refused attempt to complete early is part of the audit trail both businesses see.
/// </summary>
public sealed class C08Tests
{
    [Fact]
    public async Task C08_BothConfirmAndSupportCompletes_ClientOwnsAccountAndAgencyKeepsNothing()
    {
        await using var w = await World.CreateAsync();
        (await w.BAdmin.Share(w.B, w.BA1, w.A, "VIEWER")).Ok();
        (await w.BAdmin.Assign(w.B, w.BA1, w.B1, "CAMPAIGN_MANAGER")).Ok();
        (await w.AAdmin.Assign(w.A, w.BA1, w.A1, "VIEWER")).Ok();
        var agent = await NewSupportAgent(w);

        // Requested by the client: both businesses see it, open and unconfirmed.
        var opened = (await OpenTransfer(w.AAdmin, w.A, w.BA1, w.A)).Ok();
        var id = opened.Id;

        AssertState(opened.Result, "OPEN", byFrom: false, byTo: false);
        Assert.Equal(w.B, IdOf(opened.Result, "from"));
        Assert.Equal(w.A, IdOf(opened.Result, "to"));
        AssertState((await GetTransfer(w.BAdmin, w.B, id)).Ok().Body, "OPEN", byFrom: false, byTo: false);
        (await CompleteTransfer(agent, id)).Refused(HttpStatusCode.Conflict, "transfer_not_confirmed");

        // Confirmed by the agency: still not completable, and both see the agency's confirmation.
        AssertState((await ConfirmTransfer(w.BAdmin, w.B, id)).Ok().Result, "OPEN", byFrom: true, byTo: false);

        AssertState((await GetTransfer(w.AAdmin, w.A, id)).Ok().Body, "OPEN", byFrom: true, byTo: false);
        (await CompleteTransfer(agent, id)).Refused(HttpStatusCode.Conflict, "transfer_not_confirmed");

        // Confirmed by the client too: nothing about the asset has changed before support acts.
        AssertState((await ConfirmTransfer(w.AAdmin, w.A, id)).Ok().Result, "OPEN", byFrom: true, byTo: true);

        AssertState((await GetTransfer(w.BAdmin, w.B, id)).Ok().Body, "OPEN", byFrom: true, byTo: true);
        Assert.Equal(w.B, IdOf((await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{w.BA1}")).Ok().Body, "owner"));
        Assert.True(await w.B1.Can(w.BA1, "campaigns.edit"));
        Assert.False(await w.AAdmin.Can(w.BA1, "billing.manage"));
        (await CompleteTransfer(w.AAdmin, id)).Refused(HttpStatusCode.Forbidden, "not_support_agent");
        (await CompleteTransfer(w.BAdmin, id)).Refused(HttpStatusCode.Forbidden, "not_support_agent");

        // Executed by support.
        var completed = (await CompleteTransfer(agent, id)).Ok();

        AssertState(completed.Result, "COMPLETED", byFrom: true, byTo: true);
        AssertState((await GetTransfer(w.AAdmin, w.A, id)).Ok().Body, "COMPLETED", byFrom: true, byTo: true);
        AssertState((await GetTransfer(w.BAdmin, w.B, id)).Ok().Body, "COMPLETED", byFrom: true, byTo: true);

        // The client owns the same account (same id, name and type: its history comes with it).
        var asset = (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/assets/{w.BA1}")).Ok().Body;
        Assert.Equal(w.A, IdOf(asset, "owner"));
        Assert.Equal("BA1", asset.GetProperty("name").GetString());
        Assert.Equal("AD_ACCOUNT", asset.GetProperty("type").GetString());
        Assert.True(await w.AAdmin.Can(w.BA1, "billing.manage"));
        var a1 = (await w.A1.Check(w.BA1)).Ok().Body;
        Assert.Equal(["VIEWER"], StringsOf(a1, "effectiveRoles"));
        Assert.Equal(new[] { ("OWNER_ASSIGNMENT", w.A, (string?)"VIEWER") }, PathsOf(a1));

        // The agency keeps nothing: no internal grant, no admin access, no listing.
        Assert.False(await w.B1.Can(w.BA1, "reports.view"));
        Assert.False(await w.BAdmin.Can(w.BA1, "reports.view"));
        Assert.DoesNotContain(w.BA1, await w.B1.MyAssetIds());
        Assert.DoesNotContain(w.BA1, await w.BAdmin.MyAssetIds());
        (await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{w.BA1}")).Refused(HttpStatusCode.NotFound,
            "asset_not_found");
        Assert.Empty(await AllPagesOf(w.BAdmin, $"/api/v1/businesses/{w.B}/shared-with-us"));
        Assert.Empty(await AllPagesOf(w.BAdmin, $"/api/v1/businesses/{w.B}/shares"));
        Assert.DoesNotContain(await AllPagesOf(w.BAdmin, $"/api/v1/businesses/{w.B}/assets"),
            a => a.GetProperty("id").GetInt64() == w.BA1);
        (await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{w.BA1}/assignments"))
            .Refused(HttpStatusCode.NotFound, "asset_not_found");

        // The client's old VIEWER share record no longer exists, nor any grant of the agency on the account.
        Assert.Empty(await AllPagesOf(w.AAdmin, $"/api/v1/businesses/{w.A}/shared-with-us"));
        Assert.Empty(await QueryDb(w.Server, db => db.Shares.Where(s => s.AssetId == w.BA1).ToListAsync()));
        var grants = await QueryDb(w.Server, db => db.Assignments.Where(a => a.AssetId == w.BA1).ToListAsync());
        Assert.Equal(new[] { (w.A1.Id, w.A) }, grants.Select(a => (a.PersonId, a.ByBusinessId)));

        // Every step is in both businesses' audit logs, with who did it.
        foreach (var (admin, business) in new[] { (w.AAdmin, w.A), (w.BAdmin, w.B) })
        {
            var steps = (await AuditEventsOf(admin, business, $"assetId={w.BA1}&kind=transfer."))
                .Select(e => (e.GetProperty("kind").GetString()!, IdOf(e, "actor"))).Reverse().ToList();
            Assert.Equal(new[]
            {
                ("transfer.opened", w.AAdmin.Id), ("transfer.confirmed", w.BAdmin.Id),
                ("transfer.confirmed", w.AAdmin.Id), ("transfer.completed", agent.Id),
            }, steps);
        }

        // Only a share back from the new owner gives the agency anything again.
        (await w.AAdmin.Share(w.A, w.BA1, w.B, "VIEWER")).Ok();
        (await w.BAdmin.Assign(w.B, w.BA1, w.B1, "VIEWER")).Ok();

        Assert.True(await w.B1.Can(w.BA1, "reports.view"));
        Assert.False(await w.B1.Can(w.BA1, "campaigns.edit"));

        // Support's attempts to complete before both confirmations are in both businesses' audit logs too.
        foreach (var (admin, business) in new[] { (w.AAdmin, w.A), (w.BAdmin, w.B) })
        {
            var refusals = await AuditEventsOf(admin, business, "kind=request.refused");
            Assert.Contains(refusals, e => IdOf(e, "actor") == agent.Id
                && e.GetProperty("details").GetProperty("code").GetString() == "transfer_not_confirmed");
        }
    }

    [Fact]
    public async Task C08_AgencyNeverConfirms_NothingChangesAndClientCanWithdraw()
    {
        await using var w = await World.CreateAsync();
        (await w.BAdmin.Share(w.B, w.BA1, w.A, "VIEWER")).Ok();
        (await w.BAdmin.Assign(w.B, w.BA1, w.B1, "CAMPAIGN_MANAGER")).Ok();
        var agent = await NewSupportAgent(w);
        var id = (await OpenTransfer(w.AAdmin, w.A, w.BA1, w.A)).Ok().Id;
        (await ConfirmTransfer(w.AAdmin, w.A, id)).Ok();

        var early = await CompleteTransfer(agent, id);
        var queue = (await agent.Get("/api/v1/support/transfers")).Ok().Body.EnumerateArray().ToList();

        early.Refused(HttpStatusCode.Conflict, "transfer_not_confirmed");
        AssertState(queue.Single(t => t.GetProperty("id").GetInt64() == id), "OPEN", byFrom: false, byTo: true);
        await AssertAgencyStillOwns(w);

        var withdrawn = (await CancelTransfer(w.AAdmin, w.A, id)).Ok();

        AssertState(withdrawn.Result, "CANCELLED", byFrom: false, byTo: true);
        AssertState((await GetTransfer(w.BAdmin, w.B, id)).Ok().Body, "CANCELLED", byFrom: false, byTo: true);
        (await ConfirmTransfer(w.BAdmin, w.B, id)).Refused(HttpStatusCode.Conflict, "transfer_not_open");
        (await CompleteTransfer(agent, id)).Refused(HttpStatusCode.Conflict, "transfer_not_open");
        Assert.DoesNotContain((await agent.Get("/api/v1/support/transfers")).Ok().Body.EnumerateArray(),
            t => t.GetProperty("id").GetInt64() == id);
        Assert.Contains(await AuditEventsOf(w.BAdmin, w.B, $"assetId={w.BA1}&kind=transfer.cancelled"),
            e => IdOf(e, "actor") == w.AAdmin.Id);
        await AssertAgencyStillOwns(w);
    }

    [Fact]
    public async Task C08_AgencyNeverConfirms_RequestExpiresWithClearStatusAndNothingChanges()
    {
        await using var w = await World.CreateAsync();
        (await w.BAdmin.Share(w.B, w.BA1, w.A, "VIEWER")).Ok();
        (await w.BAdmin.Assign(w.B, w.BA1, w.B1, "CAMPAIGN_MANAGER")).Ok();
        var agent = await NewSupportAgent(w);
        var id = (await OpenTransfer(w.AAdmin, w.A, w.BA1, w.A)).Ok().Id;
        (await ConfirmTransfer(w.AAdmin, w.A, id)).Ok();

        w.Server.Clock.Advance(TimeSpan.FromDays(31));

        AssertState((await GetTransfer(w.AAdmin, w.A, id)).Ok().Body, "EXPIRED", byFrom: false, byTo: true);
        AssertState((await GetTransfer(w.BAdmin, w.B, id)).Ok().Body, "EXPIRED", byFrom: false, byTo: true);
        (await ConfirmTransfer(w.BAdmin, w.B, id)).Refused(HttpStatusCode.Conflict, "transfer_expired");
        (await CompleteTransfer(agent, id)).Refused(HttpStatusCode.Conflict, "transfer_expired");
        Assert.DoesNotContain((await agent.Get("/api/v1/support/transfers")).Ok().Body.EnumerateArray(),
            t => t.GetProperty("id").GetInt64() == id);
        await AssertAgencyStillOwns(w);
        AssertState((await OpenTransfer(w.AAdmin, w.A, w.BA1, w.A)).Ok().Result, "OPEN", byFrom: false, byTo: false);
    }

    private static void AssertState(JsonElement transfer, string status, bool byFrom, bool byTo)
    {
        Assert.Equal(status, transfer.GetProperty("status").GetString());
        Assert.Equal(byFrom, transfer.GetProperty("confirmedByFrom").GetBoolean());
        Assert.Equal(byTo, transfer.GetProperty("confirmedByTo").GetBoolean());
    }

    private static async Task AssertAgencyStillOwns(World w)
    {
        Assert.Equal(w.B, IdOf((await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{w.BA1}")).Ok().Body, "owner"));
        Assert.True(await w.BAdmin.Can(w.BA1, "billing.manage"));
        Assert.True(await w.B1.Can(w.BA1, "campaigns.edit"));
        Assert.False(await w.AAdmin.Can(w.BA1, "creatives.edit"));
        var shared = await AllPagesOf(w.AAdmin, $"/api/v1/businesses/{w.A}/shared-with-us");
        var share = Assert.Single(shared);
        Assert.Equal(w.BA1, IdOf(share, "asset"));
        Assert.Equal("VIEWER", share.GetProperty("ceiling").GetString());
    }
}
