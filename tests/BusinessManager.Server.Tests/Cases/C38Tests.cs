using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C38: lookalike names cannot be used to impersonate a partner or a member: partners are added by business
/// id only, and every name the API shows (requests, partners, audit) stands beside its id. Not covered yet:
/// the warning for names confusable with an existing partner or member (Unicode skeleton check) and for
/// mixed-script names, and verification status.
/// </summary>
public sealed class C38Tests
{
    [Fact]
    public async Task C38_LookalikePartnerName_RequestCarriesIdAndPartnersAreAddedByIdOnly()
    {
        await using var w = await World.CreateAsync(partnerAB: false);
        var genuine = await w.BAdmin.Patch($"/api/v1/businesses/{w.B}", new { name = "Northwind Agency" });
        var attacker = await w.Person("mallory@evil.example");
        var lookalike = await attacker.CreateBusiness("N\u043Erthwind Agency");

        var byName = await attacker.Post($"/api/v1/businesses/{lookalike}/partnerships",
            new { partnerName = "A Brand" });
        var request = (await attacker.Post($"/api/v1/businesses/{lookalike}/partnerships",
            new { partnerId = w.A })).Ok();
        var incoming = (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/partnerships?direction=incoming")).Ok();

        genuine.Ok();
        byName.Refused(HttpStatusCode.BadRequest, "unknown_field");
        var shown = Assert.Single(incoming.Items());
        Assert.Equal(request.Id, shown.GetProperty("id").GetInt64());
        Assert.Equal(lookalike, shown.GetProperty("partner").GetProperty("id").GetInt64());
        Assert.NotEqual(w.B, shown.GetProperty("partner").GetProperty("id").GetInt64());
        Assert.Equal("N\u043Erthwind Agency", shown.GetProperty("partner").GetProperty("name").GetString());
    }

    [Fact]
    public async Task C38_CopiedDisplayName_AuditShowsTheActorsId()
    {
        await using var w = await World.CreateAsync();
        var impostor = await Api.SignUpAsync(w.Http, "a1-copy@evil.example", "a1");
        await w.BAdmin.AddMember(w.B, impostor);
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "ANALYST")).Ok();

        (await w.BAdmin.Assign(w.B, w.PG1, impostor, "ANALYST")).Ok();
        var audit = (await w.AAdmin.Get($"/api/v1/businesses/{w.A}/audit?kind=assignment_set")).Ok();

        var entry = Assert.Single(audit.Items());
        Assert.Equal(impostor.Id, entry.GetProperty("person").GetProperty("id").GetInt64());
        Assert.NotEqual(w.A1.Id, entry.GetProperty("person").GetProperty("id").GetInt64());
        Assert.Equal(w.BAdmin.Id, entry.GetProperty("actor").GetProperty("id").GetInt64());
        Assert.Equal(w.B, entry.GetProperty("otherBusiness").GetProperty("id").GetInt64());
    }
}
