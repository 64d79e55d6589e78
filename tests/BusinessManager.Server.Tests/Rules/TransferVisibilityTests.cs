using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Rules;

/// <summary>Rule 7 applied to transfers: a preview shows each side only what it may see, and only admins see
/// transfers at all.</summary>
public sealed class TransferVisibilityTests
{
    [Fact]
    public async Task Preview_SeenByReceivingBusiness_ShowsOnlyItsOwnPeopleAndShare()
    {
        await using var w = await World.CreateAsync();
        await w.AAdmin.Partner(w.A, w.CAdmin, w.C);
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.AAdmin.Share(w.A, w.PG1, w.C, "ANALYST")).Ok();
        (await w.AAdmin.Assign(w.A, w.PG1, w.A1, "ANALYST")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "ANALYST")).Ok();
        (await w.CAdmin.Assign(w.C, w.PG1, w.C1, "ANALYST")).Ok();
        var opened = (await w.AAdmin.Post($"/api/v1/businesses/{w.A}/transfers",
            new { assetId = w.PG1, toBusinessId = w.B })).Ok();

        var asReceiver = (await w.BAdmin.Get($"/api/v1/businesses/{w.B}/transfers/{opened.Id}")).Ok();
        var asEmployee = await w.B1.Get($"/api/v1/businesses/{w.B}/transfers/{opened.Id}");
        var listAsEmployee = await w.A1.Get($"/api/v1/businesses/{w.A}/transfers");

        var preview = asReceiver.Body.GetProperty("preview");
        var ends = Assert.Single(preview.GetProperty("ends").EnumerateArray());
        Assert.Equal("share_ended", ends.GetProperty("kind").GetString());
        Assert.Equal(w.B, ends.GetProperty("partnerId").GetInt64());
        var carried = Assert.Single(preview.GetProperty("carriedOver").EnumerateArray());
        Assert.Equal(w.B1.Id, carried.GetProperty("personId").GetInt64());
        Assert.Equal(4, opened.Result.GetProperty("preview").GetProperty("ends").GetArrayLength());
        asEmployee.Refused(HttpStatusCode.Forbidden, "not_business_admin");
        listAsEmployee.Refused(HttpStatusCode.Forbidden, "not_business_admin");
    }
}
