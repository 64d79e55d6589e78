using System.Text.Json;
using BusinessManager.Server.Tests.Harness;
using static BusinessManager.Server.Tests.Harness.CasesCStepsHelper;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C44. Person m reaches PG1 two ways: ANALYST assigned by the owner A, and CONTENT_ADMINISTRATOR assigned by
/// partner B under a CONTENT_ADMINISTRATOR ceiling. The strongest allowed path wins, every list shows both
/// paths, each change moves exactly its own path, and the audit log names the path each change touched.
/// Groups do not exist in this product; the second path is the partner's.
/// </summary>
public sealed class C44Tests
{
    [Fact]
    public async Task C44_OwnerAndPartnerPaths_StrongestWinsAndEachChangeMovesOnlyItsPath()
    {
        await using var w = await World.CreateAsync();
        var m = await w.Person("m@both.example");
        await w.AAdmin.AddMember(w.A, m);
        await w.BAdmin.AddMember(w.B, m);
        (await w.AAdmin.Assign(w.A, w.PG1, m, "ANALYST")).Ok();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, m, "CONTENT_ADMINISTRATOR")).Ok();
        var both = new[] { ("OWNER_ASSIGNMENT", w.A, (string?)"ANALYST"),
            ("PARTNER_ASSIGNMENT", w.B, (string?)"CONTENT_ADMINISTRATOR") };

        await AssertAccess(w, m, "CONTENT_ADMINISTRATOR", both);
        var mine = (await AllPagesOf(m, "/api/v1/me/assets")).Single(i => IdOf(i, "asset") == w.PG1);
        Assert.Equal(["CONTENT_ADMINISTRATOR"], StringsOf(mine, "effectiveRoles"));
        Assert.Equal(both.Order(), PathsOf(mine).Order());

        // The owner lowers B's ceiling: the partner path is capped at once, the owner path is untouched.
        (await w.AAdmin.ChangeCeiling(w.A, w.PG1, w.B, "ANALYST")).Ok();

        await AssertAccess(w, m, "ANALYST", both);
        Assert.False(await m.Can(w.PG1, "page.edit"));
        var effect = Assert.Single(await AuditEventsOf(w.AAdmin, w.A, $"assetId={w.PG1}&kind=share.ceiling_effect"));
        Assert.Equal(m.Id, IdOf(effect, "person"));
        Assert.Equal(w.B, IdOf(effect, "otherBusiness"));
        Assert.Equal(["CONTENT_ADMINISTRATOR"], StringsOf(effect.GetProperty("details"), "before"));
        Assert.Equal(["ANALYST"], StringsOf(effect.GetProperty("details"), "after"));

        // Restored, then the partnership ends: only the owner's ANALYST is left.
        (await w.AAdmin.ChangeCeiling(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        await AssertAccess(w, m, "CONTENT_ADMINISTRATOR", both);
        (await w.AAdmin.EndPartnership(w.A, w.PartnershipAB)).Ok();

        await AssertAccess(w, m, "ANALYST", [both[0]]);
        AssertRemoval(await RemovalsOfM(w, m), w.B, "CONTENT_ADMINISTRATOR");

        // Restored, then the owner removes only its direct grant: B's CONTENT_ADMINISTRATOR is left.
        await w.AAdmin.Partner(w.A, w.BAdmin, w.B);
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, m, "CONTENT_ADMINISTRATOR")).Ok();
        await AssertAccess(w, m, "CONTENT_ADMINISTRATOR", both);
        (await w.AAdmin.Unassign(w.A, w.PG1, m.Id)).Ok();

        await AssertAccess(w, m, "CONTENT_ADMINISTRATOR", [both[1]]);
        var removals = await RemovalsOfM(w, m);
        Assert.Equal(2, removals.Count);
        AssertRemoval(removals[0], w.A, "ANALYST");
    }

    /// <summary>m's own check and the owner's access list agree on the effective role and the paths.</summary>
    private static async Task AssertAccess(World w, Actor m, string role,
        (string Kind, long Business, string? Role)[] paths)
    {
        var check = (await m.Check(w.PG1)).Ok().Body;
        Assert.Equal([role], StringsOf(check, "effectiveRoles"));
        Assert.Equal(paths.Order(), PathsOf(check).Order());
        var row = (await AccessList(w.AAdmin, w.A, w.PG1))[m.Id];
        Assert.Equal([role], StringsOf(row, "effectiveRoles"));
        Assert.Equal(paths.Order(), PathsOf(row).Order());
    }

    /// <summary>The owner's audit events of m's assignments on PG1 ending, newest first.</summary>
    private static async Task<List<JsonElement>> RemovalsOfM(World w, Actor m) =>
        await AuditEventsOf(w.AAdmin, w.A, $"assetId={w.PG1}&personId={m.Id}&kind=assignment_removed");

    private static void AssertRemoval(List<JsonElement> removals, long by, string before) =>
        AssertRemoval(Assert.Single(removals), by, before);

    private static void AssertRemoval(JsonElement removal, long by, string before)
    {
        var details = removal.GetProperty("details");
        Assert.Equal(by, details.GetProperty("after").GetProperty("byBusinessId").GetInt64());
        Assert.Equal(before, details.GetProperty("before").GetString());
    }
}
