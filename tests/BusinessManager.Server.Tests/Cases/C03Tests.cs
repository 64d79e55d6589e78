using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C03: removing a partner must cut everything that came through it, and must say plainly what it leaves.
/// Not covered, because the features do not exist yet: automation credentials ("b-bot"), scheduled jobs and
/// share requests; every credential here is a person's token, checked per request.
/// </summary>
public sealed class C03Tests
{
    [Fact]
    public async Task C03_PartnerRemoved_PartnerPeopleDeniedAndSeparateMembershipReportedNotRemoved()
    {
        await using var w = await World.CreateAsync();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "CONTENT_ADMINISTRATOR")).Ok();
        await w.AAdmin.AddMember(w.A, w.B2);
        (await w.AAdmin.Assign(w.A, w.PG1, w.B2, "ANALYST")).Ok();
        var secondToken = await Api.SignInAsync(w.Http, w.B1.Email);

        var preview = (await w.AAdmin.EndPartnership(w.A, w.PartnershipAB, dryRun: true)).Ok();
        var ended = (await w.AAdmin.EndPartnership(w.A, w.PartnershipAB)).Ok();

        Assert.False(await w.B1.Can(w.PG1, "analytics.view"));
        Assert.False(await secondToken.Can(w.PG1, "analytics.view"));
        Assert.True(await w.B2.Can(w.PG1, "analytics.view"));
        foreach (var answer in new[] { preview, ended })
        {
            var kept = Assert.Single(answer.Result.GetProperty("stillHasAccess").EnumerateArray());
            Assert.Equal(w.B2.Id, kept.GetProperty("person").GetProperty("id").GetInt64());
            Assert.Equal(w.PG1, kept.GetProperty("assetId").GetInt64());
            Assert.Equal("OWNER_ASSIGNMENT", kept.GetProperty("path").GetProperty("kind").GetString());
        }

        Assert.True(preview.Body.GetProperty("dryRun").GetBoolean());
        var members = (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/members")).Ok();
        Assert.Contains(members.Items(), m => m.GetProperty("person").GetProperty("id").GetInt64() == w.B2.Id);
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "ANALYST")).Refused(HttpStatusCode.NotFound, "asset_not_found");
    }
}
