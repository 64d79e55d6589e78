using System.Net;
using System.Text.Json;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Rules;

/// <summary>
/// Rule 9: every change is recorded in an append-only audit log (who, what, when, which business, asset or
/// person, before and after); each business's admins see the events that touch it or its assets, newest first,
/// page by page, filtered by asset, person, partner or kind; a partner never sees the owner's unrelated events.
/// </summary>
public sealed class Rule9AuditTests
{
    [Fact]
    public async Task Audit_CeilingLowered_RecordsWhoWhenBeforeAndAfterNewestFirst()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "CAMPAIGN_MANAGER")).Ok();
        world.Server.Clock.Advance(TimeSpan.FromHours(5));
        var loweredAt = world.Server.Clock.GetUtcNow();
        var lowered = (await world.AAdmin.ChangeCeiling(world.A, world.AA1, world.B, "VIEWER")).Ok();

        var events = await RulesSteps.AuditAll(world.AAdmin, world.A);

        var newest = events.TakeWhile(e => e.GetProperty("revision").GetInt64() == lowered.Revision).ToList();
        Assert.Equal(new[] { "share.ceiling_effect", "share_set" }, newest.Select(Kind).Order(StringComparer.Ordinal));
        var shareSet = newest.Single(e => Kind(e) == "share_set");
        Assert.Equal(world.AAdmin.Id, shareSet.GetProperty("actor").GetProperty("id").GetInt64());
        Assert.Equal(loweredAt, shareSet.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(world.A, shareSet.GetProperty("business").GetProperty("id").GetInt64());
        Assert.Equal(world.B, shareSet.GetProperty("otherBusiness").GetProperty("id").GetInt64());
        Assert.Equal(world.AA1, shareSet.GetProperty("assetId").GetInt64());
        Assert.Equal("CAMPAIGN_MANAGER", shareSet.GetProperty("details").GetProperty("before").GetString());
        Assert.Equal("VIEWER", shareSet.GetProperty("details").GetProperty("after").GetProperty("ceiling").GetString());
        var effect = newest.Single(e => Kind(e) == "share.ceiling_effect");
        Assert.Equal(world.B1.Id, effect.GetProperty("person").GetProperty("id").GetInt64());
        var ids = events.Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
        Assert.Contains(events, e => Kind(e) == "assignment_set"
            && e.GetProperty("actor").GetProperty("id").GetInt64() == world.BAdmin.Id
            && e.GetProperty("person").GetProperty("id").GetInt64() == world.B1.Id);
    }

    [Fact]
    public async Task Audit_SmallPages_CursorWalksEveryEventOnceInOrder()
    {
        await using var world = await World.CreateAsync();
        await MakeHistory(world);
        var all = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/audit?limit=200")).Ok();

        var paged = await RulesSteps.AuditAll(world.AAdmin, world.A, limit: 3);

        var allIds = all.Items().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.True(allIds.Count > 9, $"expected a long history, got {allIds.Count} events");
        Assert.Equal(allIds.Count, all.Body.GetProperty("total").GetInt32());
        Assert.Equal(allIds, paged.Select(e => e.GetProperty("id").GetInt64()));
        var firstPage = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/audit?limit=3")).Ok();
        Assert.Equal(3, firstPage.Items().Count());
        Assert.Equal(allIds.Count, firstPage.Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Audit_Filters_EachReturnsOnlyMatchingEvents()
    {
        await using var world = await World.CreateAsync();
        await MakeHistory(world);
        var audit = $"/api/v1/businesses/{world.A}/audit";

        var byAsset = await RulesSteps.AuditAll(world.AAdmin, world.A, $"&assetId={world.PG1}");
        var byPerson = await RulesSteps.AuditAll(world.AAdmin, world.A, $"&personId={world.A1.Id}");
        var byPartner = await RulesSteps.AuditAll(world.AAdmin, world.A, $"&partnerId={world.C}");
        var byKind = await RulesSteps.AuditAll(world.AAdmin, world.A, "&kind=share");

        Assert.NotEmpty(byAsset);
        Assert.All(byAsset, e => Assert.Equal(world.PG1, e.GetProperty("assetId").GetInt64()));
        Assert.NotEmpty(byPerson);
        Assert.All(byPerson, e => Assert.True(PersonIs(e, "person", world.A1.Id) || PersonIs(e, "actor", world.A1.Id)));
        Assert.Contains(byPerson, e => Kind(e) == "assignment_set");
        Assert.NotEmpty(byPartner);
        Assert.All(byPartner, e => Assert.True(BusinessIs(e, "business", world.C) || BusinessIs(e, "otherBusiness",
            world.C)));
        Assert.Contains(byPartner, e => Kind(e) == "share_set");
        Assert.NotEmpty(byKind);
        Assert.All(byKind, e => Assert.StartsWith("share", Kind(e), StringComparison.Ordinal));
        Assert.Contains(byKind, e => Kind(e) == "share_ended");
        var all = await RulesSteps.AuditAll(world.AAdmin, world.A);
        Assert.Equal(all.Count(e => e.TryGetProperty("assetId", out var a) && a.GetInt64() == world.PG1),
            byAsset.Count);
        Assert.Equal(byKind.Count, (await world.AAdmin.Get($"{audit}?kind=share")).Ok().Body.GetProperty("total")
            .GetInt32());
    }

    [Fact]
    public async Task Audit_Partner_SeesSharedAssetEventsButNotOwnersUnrelatedOnes()
    {
        await using var world = await World.CreateAsync();
        await MakeHistory(world);

        var partnerSees = await RulesSteps.AuditAll(world.BAdmin, world.B);
        var ownerSees = await RulesSteps.AuditAll(world.AAdmin, world.A);

        Assert.Contains(partnerSees, e => Kind(e) == "share_set" && AssetIs(e, world.AA1));
        Assert.Contains(partnerSees, e => Kind(e) == "assignment_set" && PersonIs(e, "person", world.B1.Id));
        Assert.DoesNotContain(partnerSees, e => AssetIs(e, world.AA2) || AssetIs(e, world.PG2));
        Assert.DoesNotContain(partnerSees, e => AssetIs(e, world.PG1));
        Assert.DoesNotContain(partnerSees, e => PersonIs(e, "person", world.A1.Id));
        Assert.DoesNotContain(partnerSees, e => BusinessIs(e, "otherBusiness", world.C)
            || BusinessIs(e, "business", world.C));
        Assert.Contains(ownerSees, e => AssetIs(e, world.PG2) && Kind(e) == "asset_renamed");
        Assert.DoesNotContain(ownerSees, e => AssetIs(e, world.BA1));
    }

    [Fact]
    public async Task Audit_RefusedWrite_RecordsTheAttemptButNoChange()
    {
        await using var world = await World.CreateAsync();
        await MakeHistory(world);
        var revision = await RulesSteps.Revision(world);
        var ownerBefore = await RulesSteps.AuditAll(world.AAdmin, world.A);
        var partnerBefore = await RulesSteps.AuditAll(world.BAdmin, world.B);

        var outsideCeiling = await world.BAdmin.Assign(world.B, world.AA1, world.B2, "ACCOUNT_MANAGER");
        var shareAgain = await world.AAdmin.Share(world.A, world.AA1, world.B, "VIEWER");

        outsideCeiling.Refused(HttpStatusCode.Forbidden, "role_outside_ceiling");
        shareAgain.Refused(HttpStatusCode.Conflict, "share_exists");
        Assert.Equal(revision, await RulesSteps.Revision(world));
        var ownerNew = NewEvents(ownerBefore, await RulesSteps.AuditAll(world.AAdmin, world.A));
        var partnerNew = NewEvents(partnerBefore, await RulesSteps.AuditAll(world.BAdmin, world.B));
        Assert.Equal([RulesSteps.Refusal], ownerNew.Select(Kind));
        Assert.Equal("share_exists", ownerNew[0].GetProperty("details").GetProperty("code").GetString());
        Assert.Equal(world.AAdmin.Id, ownerNew[0].GetProperty("actor").GetProperty("id").GetInt64());
        Assert.Equal([RulesSteps.Refusal], partnerNew.Select(Kind));
        Assert.Equal("role_outside_ceiling", partnerNew[0].GetProperty("details").GetProperty("code").GetString());
        Assert.Equal(world.B2.Id, partnerNew[0].GetProperty("details").GetProperty("personId").GetInt64());
        Assert.False(partnerNew[0].TryGetProperty("person", out _), "a refusal must not resolve a person's name");
    }

    [Fact]
    public async Task Audit_RefusedDryRun_RecordsNothing()
    {
        await using var world = await World.CreateAsync();
        await MakeHistory(world);
        var ownerBefore = await RulesSteps.AuditAll(world.AAdmin, world.A);
        var partnerBefore = await RulesSteps.AuditAll(world.BAdmin, world.B);

        var preview = await world.BAdmin.Delete($"/api/v1/businesses/{world.B}/shares/{world.AA1}/{world.B}?dryRun=true");

        Assert.NotNull(preview.Code);
        Assert.Empty(NewEvents(ownerBefore, await RulesSteps.AuditAll(world.AAdmin, world.A)));
        Assert.Empty(NewEvents(partnerBefore, await RulesSteps.AuditAll(world.BAdmin, world.B)));
    }

    [Fact]
    public async Task Audit_NonAdminOrOutsiderOrBadPaging_Refused()
    {
        await using var world = await World.CreateAsync();
        var audit = $"/api/v1/businesses/{world.A}/audit";

        var employee = await world.A1.Get(audit);
        var outsider = await world.DAdmin.Get(audit);
        var zero = await world.AAdmin.Get(audit + "?limit=0");
        var tooMany = await world.AAdmin.Get(audit + "?limit=201");
        var forged = await world.AAdmin.Get(audit + "?cursor=not-a-cursor");

        employee.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        outsider.Refused(HttpStatusCode.NotFound, "business_not_found");
        zero.Refused(HttpStatusCode.BadRequest, "invalid_field");
        Assert.Equal("limit", zero.Body.GetProperty("field").GetString());
        tooMany.Refused(HttpStatusCode.BadRequest, "invalid_field");
        forged.Refused(HttpStatusCode.BadRequest, "invalid_field");
        Assert.Equal("cursor", forged.Body.GetProperty("field").GetString());
    }

    /// <summary>
    /// A shares AA1 with B and PG1 with C, B and C assign their people, A assigns a1 on AA2, renames PG2, ends the
    /// PG1 share; B assigns b1 on its own BA1.
    /// </summary>
    private static async Task MakeHistory(World world)
    {
        await world.AAdmin.Partner(world.A, world.CAdmin, world.C);
        (await world.AAdmin.Share(world.A, world.AA1, world.B, "CAMPAIGN_MANAGER")).Ok();
        (await world.AAdmin.Share(world.A, world.PG1, world.C, "ANALYST")).Ok();
        (await world.BAdmin.Assign(world.B, world.AA1, world.B1, "VIEWER")).Ok();
        (await world.CAdmin.Assign(world.C, world.PG1, world.C1, "ANALYST")).Ok();
        (await world.AAdmin.Assign(world.A, world.AA2, world.A1, "CAMPAIGN_MANAGER")).Ok();
        (await world.AAdmin.Patch($"/api/v1/businesses/{world.A}/assets/{world.PG2}", new { name = "PG2 renamed" }))
            .Ok();
        (await world.AAdmin.Unshare(world.A, world.PG1, world.C)).Ok();
        (await world.BAdmin.Assign(world.B, world.BA1, world.B1, "VIEWER")).Ok();
    }

    private static string Kind(JsonElement e) => e.GetProperty("kind").GetString()!;

    private static List<JsonElement> NewEvents(List<JsonElement> before, List<JsonElement> after)
    {
        var known = before.Select(e => e.GetProperty("id").GetInt64()).ToHashSet();
        return after.Where(e => !known.Contains(e.GetProperty("id").GetInt64())).ToList();
    }

    private static bool AssetIs(JsonElement e, long asset) =>
        e.TryGetProperty("assetId", out var a) && a.GetInt64() == asset;

    private static bool PersonIs(JsonElement e, string property, long person) =>
        e.TryGetProperty(property, out var p) && p.GetProperty("id").GetInt64() == person;

    private static bool BusinessIs(JsonElement e, string property, long business) =>
        e.TryGetProperty(property, out var b) && b.GetProperty("id").GetInt64() == business;
}
