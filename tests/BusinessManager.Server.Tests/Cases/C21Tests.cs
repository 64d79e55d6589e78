using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C21. The org id in the URL is trusted: b-admin, signed in to B (A's partner), calls every business-scoped
/// endpoint with A's business id. Each is refused exactly as for a business that does not exist, the answer
/// carries none of A's data, and nothing changes; only the partner-facing lists answer, filtered to B.
/// </summary>
public sealed class C21Tests
{
    private const long NoSuchBusiness = 999_999_999;

    private sealed record Attempt(HttpMethod Method, string Path, object? Body = null);

    private static List<Attempt> Reads(World w, long business) =>
    [
        new(HttpMethod.Get, $"/api/v1/businesses/{business}"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/assets"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/assets?type=PAGE&limit=1"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/assets/{w.PG1}"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/assets/{w.PG1}/access"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/assets/{w.PG1}/assignments"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/members"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/invitations"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/partnerships"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/partnerships/{w.PartnershipAB}"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/shares"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/shares?partnerId={w.C}"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/shared-with-us"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/transfers"),
        new(HttpMethod.Get, $"/api/v1/businesses/{business}/audit"),
    ];

    private static List<Attempt> Writes(World w, long business) =>
    [
        new(HttpMethod.Patch, $"/api/v1/businesses/{business}", new { name = "Taken over" }),
        new(HttpMethod.Delete, $"/api/v1/businesses/{business}"),
        new(HttpMethod.Delete, $"/api/v1/businesses/{business}?dryRun=true"),
        new(HttpMethod.Post, $"/api/v1/businesses/{business}/assets", new { type = "PAGE", name = "Planted" }),
        new(HttpMethod.Patch, $"/api/v1/businesses/{business}/assets/{w.PG1}", new { name = "Renamed" }),
        new(HttpMethod.Post, $"/api/v1/businesses/{business}/assets/{w.PG2}/archive"),
        new(HttpMethod.Put, $"/api/v1/businesses/{business}/assets/{w.PG1}/assignments/{w.BAdmin.Id}",
            new { role = "ADMINISTRATOR" }),
        new(HttpMethod.Put, $"/api/v1/businesses/{business}/assets/{w.AA1}/assignments/{w.A1.Id}",
            new { role = "VIEWER" }),
        new(HttpMethod.Delete, $"/api/v1/businesses/{business}/assets/{w.PG1}/assignments/{w.A1.Id}"),
        new(HttpMethod.Post, $"/api/v1/businesses/{business}/invitations",
            new { email = w.BAdmin.Email, role = "ADMIN" }),
        new(HttpMethod.Patch, $"/api/v1/businesses/{business}/members/{w.A1.Id}", new { role = "ADMIN" }),
        new(HttpMethod.Delete, $"/api/v1/businesses/{business}/members/{w.A2.Id}"),
        new(HttpMethod.Post, $"/api/v1/businesses/{business}/shares",
            new { assetId = w.PG1, partnerId = w.B, ceiling = "ADMINISTRATOR" }),
        new(HttpMethod.Patch, $"/api/v1/businesses/{business}/shares/{w.PG1}/{w.C}", new { ceiling = "ADMINISTRATOR" }),
        new(HttpMethod.Delete, $"/api/v1/businesses/{business}/shares/{w.PG1}/{w.C}"),
        new(HttpMethod.Post, $"/api/v1/businesses/{business}/partnerships", new { partnerId = w.D }),
        new(HttpMethod.Post, $"/api/v1/businesses/{business}/partnerships/{w.PartnershipAB}/end"),
        new(HttpMethod.Post, $"/api/v1/businesses/{business}/transfers", new { assetId = w.AA2, toBusinessId = w.B }),
    ];

    private static async Task<World> ArrangeAsync()
    {
        var w = await World.CreateAsync();
        await w.AAdmin.Partner(w.A, w.CAdmin, w.C);
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "ANALYST")).Ok();
        (await w.AAdmin.Share(w.A, w.PG1, w.C, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.AAdmin.Share(w.A, w.AA2, w.C, "VIEWER")).Ok();
        (await w.AAdmin.Assign(w.A, w.PG1, w.A1, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "ANALYST")).Ok();

        return w;
    }

    [Fact]
    public async Task C21_PartnerAdminReadsWithOwnersBusinessId_RefusedLikeAnUnknownBusiness()
    {
        await using var w = await ArrangeAsync();

        var failures = new List<string>();
        var reads = Reads(w, w.A);
        var unknown = Reads(w, NoSuchBusiness);
        for (var i = 0; i < reads.Count; i++)
        {
            var withA = await w.BAdmin.Send(reads[i].Method, reads[i].Path, reads[i].Body);
            var withNone = await w.BAdmin.Send(unknown[i].Method, unknown[i].Path, unknown[i].Body);
            failures.AddRange(Problems(w, reads[i], withA, withNone));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task C21_PartnerAdminWritesWithOwnersBusinessId_RefusedAndNothingChanges()
    {
        await using var w = await ArrangeAsync();
        var aBefore = (await w.AAdmin.Get($"/api/v1/businesses/{w.A}")).Ok().Text;
        var sharesBefore = await CasesBSteps.SharesBy(w.AAdmin, w.A);
        var assetsBefore = (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/assets")).Ok().Text;
        var membersBefore = (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/members")).Ok().Text;
        var revisionBefore = (await w.AAdmin.Get("/api/v1/me")).Ok().Body.GetProperty("revision").GetInt64();

        var failures = new List<string>();
        var writes = Writes(w, w.A);
        var unknown = Writes(w, NoSuchBusiness);
        for (var i = 0; i < writes.Count; i++)
        {
            var withA = await w.BAdmin.Send(writes[i].Method, writes[i].Path, writes[i].Body);
            var withNone = await w.BAdmin.Send(unknown[i].Method, unknown[i].Path, unknown[i].Body);
            failures.AddRange(Problems(w, writes[i], withA, withNone));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(aBefore, (await w.AAdmin.Get($"/api/v1/businesses/{w.A}")).Ok().Text);
        Assert.Equal(sharesBefore, await CasesBSteps.SharesBy(w.AAdmin, w.A));
        Assert.Equal(assetsBefore, (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/assets")).Ok().Text);
        Assert.Equal(membersBefore, (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/members")).Ok().Text);
        Assert.Equal(revisionBefore, (await w.AAdmin.Get("/api/v1/me")).Ok().Body.GetProperty("revision").GetInt64());
        Assert.Empty(await w.BAdmin.EffectiveRoles(w.PG1));
    }

    [Fact]
    public async Task C21_PartnerFacingLists_AnswerFilteredToTheCallersBusiness()
    {
        await using var w = await ArrangeAsync();

        var sharedWithB = await w.BAdmin.Get($"/api/v1/businesses/{w.B}/shared-with-us?ownerId={w.A}");
        var b1Assets = await w.B1.Get($"/api/v1/me/assets?ownerId={w.A}");
        var b1OnPg1 = (await w.BAdmin.Get($"/api/v1/access/check?personId={w.B1.Id}&assetId={w.PG1}")).Ok();
        var a1OnPg1 = await w.BAdmin.Get($"/api/v1/access/check?personId={w.A1.Id}&assetId={w.PG1}");
        var b1OnAa2 = await w.BAdmin.Get($"/api/v1/access/check?personId={w.B1.Id}&assetId={w.AA2}");

        sharedWithB.Ok();
        var share = Assert.Single(sharedWithB.Items());
        Assert.Equal(1, sharedWithB.Body.GetProperty("total").GetInt32());
        Assert.Equal(w.PG1, share.GetProperty("asset").GetProperty("id").GetInt64());
        Assert.Equal("ANALYST", share.GetProperty("ceiling").GetString());
        Assert.Equal(w.B, share.GetProperty("partner").GetProperty("id").GetInt64());
        Assert.DoesNotContain("CONTENT_ADMINISTRATOR", sharedWithB.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(w.C.ToString(), sharedWithB.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("AA2", sharedWithB.Text, StringComparison.Ordinal);
        Assert.Equal([w.PG1], b1Assets.Ok().Items().Select(i => i.GetProperty("asset").GetProperty("id").GetInt64()));
        Assert.Equal([("PARTNER_ASSIGNMENT", w.B)], CasesBSteps.Paths(b1OnPg1.Body));
        a1OnPg1.Refused(HttpStatusCode.NotFound, "asset_not_found");
        b1OnAa2.Refused(HttpStatusCode.NotFound, "asset_not_found");
    }

    /// <summary>Refused, the same way as for a business that does not exist, and without A's data.</summary>
    private static IEnumerable<string> Problems(World w, Attempt attempt, ApiResponse withA, ApiResponse withNone)
    {
        var what = $"{attempt.Method} {attempt.Path}";
        if ((int)withA.Status is >= 200 and < 300 || withA.Code is null)
        {
            yield return $"{what}: answered {(int)withA.Status}: {withA.Text}";
            yield break;
        }

        if (withA.Status != HttpStatusCode.NotFound || withA.Status != withNone.Status || withA.Code != withNone.Code)
        {
            yield return $"{what}: {(int)withA.Status} {withA.Code} differs from an unknown business's "
                + $"{(int)withNone.Status} {withNone.Code}, so A's existence shows";
        }

        foreach (var secret in new[] { "A Brand", "PG1", "PG2", "AA1", "AA2", "a1@brand.com", "a2@brand.com" })
        {
            if (withA.Text.Contains(secret, StringComparison.Ordinal))
            {
                yield return $"{what}: the refusal reveals '{secret}'";
            }
        }

        // Ids the caller did not send must not come back (the caller's own ids may be echoed).
        var sent = attempt.Path + " " + attempt.Body;
        foreach (var id in new[] { w.AA1, w.AA2, w.PG1, w.PG2, w.C, w.A1.Id, w.A2.Id, w.AAdmin.Id })
        {
            var text = id.ToString();
            if (!sent.Contains(text, StringComparison.Ordinal) && withA.Text.Contains(text, StringComparison.Ordinal))
            {
                yield return $"{what}: the refusal reveals the id {text}, which the caller did not send";
            }
        }
    }
}
