using BusinessManager.Server.Tests.Harness;

// Not "...Tests.Api": a namespace of that name would hide the harness's Api class from every other test file.
namespace BusinessManager.Server.Tests.HttpApi;

/// <summary>A partnership says since when it is active, on both sides, and a later partnership between the same
/// two businesses never borrows an earlier one's date.</summary>
public sealed class PartnershipAcceptedAtTests
{
    [Fact]
    public async Task Get_AfterAccept_AcceptedAtIsWhenTheTargetAccepted()
    {
        await using var world = await World.CreateAsync(partnerAB: false);
        var requested = world.Server.Clock.GetUtcNow();
        var id = (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/partnerships", new { partnerId = world.B }))
            .Ok().Id;
        var pending = (await world.BAdmin.Get($"/api/v1/businesses/{world.B}/partnerships/{id}")).Ok();
        world.Server.Clock.Advance(TimeSpan.FromDays(2));

        (await world.BAdmin.Post($"/api/v1/businesses/{world.B}/partnerships/{id}/accept")).Ok();

        Assert.False(pending.Body.TryGetProperty("acceptedAt", out _));
        var ours = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/partnerships/{id}")).Ok();
        var theirs = (await world.BAdmin.Get($"/api/v1/businesses/{world.B}/partnerships")).Ok();
        Assert.Equal(requested.AddDays(2), ours.Body.GetProperty("acceptedAt").GetDateTimeOffset());
        Assert.Equal(requested, ours.Body.GetProperty("requestedAt").GetDateTimeOffset());
        Assert.Equal(requested.AddDays(2), Assert.Single(theirs.Items()).GetProperty("acceptedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task List_EndedThenPartneredAgain_EachKeepsItsOwnAcceptedAt()
    {
        await using var world = await World.CreateAsync();
        var first = world.Server.Clock.GetUtcNow();
        (await world.AAdmin.EndPartnership(world.A, world.PartnershipAB)).Ok();
        world.Server.Clock.Advance(TimeSpan.FromDays(5));

        var again = await world.BAdmin.Partner(world.B, world.AAdmin, world.A);

        var list = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/partnerships")).Ok().Items()
            .ToDictionary(p => p.GetProperty("id").GetInt64(), p => p.GetProperty("acceptedAt").GetDateTimeOffset());
        Assert.Equal(first, list[world.PartnershipAB]);
        Assert.Equal(first.AddDays(5), list[again]);
    }
}
