using System.Net;
using BusinessManager.Server.Tests.Harness;
using static BusinessManager.Server.Tests.Harness.CasesCStepsHelper;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C45. b1 is ANALYST on A's PG1 (through B) and CONTENT_ADMINISTRATOR on B's PGB. No write whose body or path
/// names PG1 lets B's people rename, share, archive or move it: body ids that differ from the path are refused,
/// PG1 stays as it was and owned by A, and ownership moves only through the two-sided, support-completed
/// transfer. Not covered: there is no "import settings from another asset" feature, so that attempt cannot be
/// made.
/// </summary>
public sealed class C45Tests
{
    [Fact]
    public async Task C45_WritesThatCarryPG1sIdThroughB_AreRefusedAndPG1IsUnchanged()
    {
        await using var w = await World.CreateAsync();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "ANALYST")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "ANALYST")).Ok();
        (await w.BAdmin.Assign(w.B, w.PGB, w.B1, "CONTENT_ADMINISTRATOR")).Ok();
        var copied = new { name = "PG1", id = w.PG1 };

        (await w.B1.Patch($"/api/v1/businesses/{w.B}/assets/{w.PGB}", copied))
            .Refused(HttpStatusCode.BadRequest, "id_mismatch");
        (await w.BAdmin.Patch($"/api/v1/businesses/{w.B}/assets/{w.PGB}", copied))
            .Refused(HttpStatusCode.BadRequest, "id_mismatch");
        (await w.BAdmin.Patch($"/api/v1/businesses/{w.B}/assets/{w.PG1}", copied))
            .Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        (await w.B1.Patch($"/api/v1/businesses/{w.A}/assets/{w.PG1}", copied))
            .Refused(HttpStatusCode.NotFound, "business_not_found");
        (await w.BAdmin.Patch($"/api/v1/businesses/{w.B}", new { name = "A Brand", id = w.A }))
            .Refused(HttpStatusCode.BadRequest, "id_mismatch");
        (await w.BAdmin.Share(w.B, w.PG1, w.C, "ANALYST")).Refused(HttpStatusCode.Forbidden, "not_asset_owner");
        (await w.BAdmin.Post($"/api/v1/businesses/{w.B}/assets/{w.PG1}/archive"))
            .Refused(HttpStatusCode.Forbidden, "not_asset_owner");

        await AssertPg1Unchanged(w);
        Assert.Equal("PGB", (await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{w.PGB}")).Ok().Body
            .GetProperty("name").GetString());
        Assert.Equal("B Agency", (await w.BAdmin.Get($"/api/v1/businesses/{w.B}")).Ok().Body
            .GetProperty("name").GetString());
        (await w.BAdmin.Patch($"/api/v1/businesses/{w.B}/assets/{w.PGB}", new { name = "PGB renamed", id = w.PGB }))
            .Ok();
        Assert.Equal("PGB renamed", (await w.BAdmin.Get($"/api/v1/businesses/{w.B}/assets/{w.PGB}")).Ok().Body
            .GetProperty("name").GetString());
        await AssertPg1Unchanged(w);
    }

    [Fact]
    public async Task C45_MoveAndTransferCallsWithPG1sId_OwnershipMovesOnlyWithBothSidesAndSupport()
    {
        await using var w = await World.CreateAsync();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "ANALYST")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "ANALYST")).Ok();
        (await w.BAdmin.Assign(w.B, w.PGB, w.B1, "CONTENT_ADMINISTRATOR")).Ok();
        var agent = await NewSupportAgent(w);

        (await OpenTransfer(w.B1, w.B, w.PG1, w.B)).Refused(HttpStatusCode.Forbidden, "not_business_admin");
        (await OpenTransfer(w.B1, w.A, w.PG1, w.B)).Refused(HttpStatusCode.NotFound, "business_not_found");
        (await OpenTransfer(w.BAdmin, w.B, w.PG1, w.C)).Refused(HttpStatusCode.NotFound, "asset_not_found");
        var request = (await OpenTransfer(w.BAdmin, w.B, w.PG1, w.B)).Ok();
        (await ConfirmTransfer(w.B1, w.B, request.Id)).Refused(HttpStatusCode.Forbidden, "not_business_admin");
        (await ConfirmTransfer(w.BAdmin, w.A, request.Id)).Refused(HttpStatusCode.NotFound, "transfer_not_found");
        (await ConfirmTransfer(w.BAdmin, w.B, request.Id)).Ok();
        var early = await CompleteTransfer(agent, request.Id);
        var byB = await CompleteTransfer(w.BAdmin, request.Id);

        Assert.Equal(w.A, IdOf(request.Result, "from"));
        early.Refused(HttpStatusCode.Conflict, "transfer_not_confirmed");
        byB.Refused(HttpStatusCode.Forbidden, "not_support_agent");
        var seenByA = (await GetTransfer(w.AAdmin, w.A, request.Id)).Ok().Body;
        Assert.Equal("OPEN", seenByA.GetProperty("status").GetString());
        Assert.False(seenByA.GetProperty("confirmedByFrom").GetBoolean());
        await AssertPg1Unchanged(w);
    }

    /// <summary>PG1 keeps its name and owner, A keeps everything, b1 keeps only ANALYST, nothing audited.</summary>
    private static async Task AssertPg1Unchanged(World w)
    {
        var pg1 = (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/assets/{w.PG1}")).Ok().Body;
        Assert.Equal("PG1", pg1.GetProperty("name").GetString());
        Assert.Equal(w.A, IdOf(pg1, "owner"));
        Assert.True(await w.AAdmin.Can(w.PG1, "page.admins.manage"));
        Assert.Equal(["ANALYST"], await w.B1.EffectiveRoles(w.PG1));
        Assert.False(await w.BAdmin.Can(w.PG1, "analytics.view"));
        var events = await AuditEventsOf(w.AAdmin, w.A, $"assetId={w.PG1}");
        Assert.DoesNotContain(events, e => e.GetProperty("kind").GetString() is "asset_renamed"
            or "asset_owner_changed" or "asset_removed");
    }
}
