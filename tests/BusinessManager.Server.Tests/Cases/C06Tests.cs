using System.Net;
using System.Text.Json;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C06. A removed member leaves no ghost entry on an asset, and every principal an asset's access listing
/// shows can be removed by the owner's admin with the API (or the refusal names the policy). There is no UI,
/// so "on the same screen" is read as "through the owner's API, from what the access listing says": the
/// listing's path kind tells which action removes the person.
/// </summary>
public sealed class C06Tests
{
    [Fact]
    public async Task C06_MemberRemovedFromOwner_NotListedOnAssetAndNoGrantLeft()
    {
        await using var world = await World.CreateAsync();
        var a3 = await world.Person("a3@brand.com");
        await world.AAdmin.AddMember(world.A, a3);
        (await world.AAdmin.Assign(world.A, world.PG1, a3, "CONTENT_ADMINISTRATOR")).Ok();
        Assert.Contains(await PeopleOn(world, world.PG1), p => p.PersonId() == a3.Id);

        var removed = await world.AAdmin.RemoveMember(world.A, a3.Id);

        removed.Ok();
        Assert.Contains(removed.Body.GetProperty("changes").EnumerateArray(),
            c => c.GetProperty("kind").GetString() == "assignment_removed"
                && c.GetProperty("personId").GetInt64() == a3.Id && c.GetProperty("assetId").GetInt64() == world.PG1);
        Assert.DoesNotContain(await PeopleOn(world, world.PG1), p => p.PersonId() == a3.Id);
        Assert.DoesNotContain(await world.AAdmin.Assignments(world.A, world.PG1), r => r.PersonId() == a3.Id);
        var members = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/members?limit=200")).Ok();
        Assert.DoesNotContain(members.Items(), m => m.PersonId() == a3.Id);
        Assert.False(await a3.Can(world.PG1, "analytics.view"));
        Assert.Empty(await a3.MyAssetIds());
    }

    [Fact]
    public async Task C06_RemovedMembersGrant_RemoveAgainAnswersNotFoundAndChangesNothing()
    {
        await using var world = await World.CreateAsync();
        var a3 = await world.Person("a3@brand.com");
        await world.AAdmin.AddMember(world.A, a3);
        (await world.AAdmin.Assign(world.A, world.PG1, a3, "CONTENT_ADMINISTRATOR")).Ok();
        (await world.AAdmin.RemoveMember(world.A, a3.Id)).Ok();
        var revision = await world.AAdmin.CurrentRevision();

        var unassign = await world.AAdmin.Unassign(world.A, world.PG1, a3.Id);
        var removeAgain = await world.AAdmin.RemoveMember(world.A, a3.Id);

        unassign.Refused(HttpStatusCode.NotFound, "assignment_not_found");
        removeAgain.Refused(HttpStatusCode.NotFound, "member_not_found");
        Assert.Equal(revision, await world.AAdmin.CurrentRevision());
    }

    [Fact]
    public async Task C06_EveryListedPrincipal_HasWorkingRemoveActionOrStatedPolicyBlock()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Assign(world.A, world.PG1, world.A1, "ANALYST")).Ok();
        (await world.AAdmin.Share(world.A, world.PG1, world.B, "CONTENT_ADMINISTRATOR")).Ok();
        (await world.BAdmin.Assign(world.B, world.PG1, world.B1, "DIRECT_SPONSORED_CONTENT_POSTER")).Ok();
        var listed = await PeopleOn(world, world.PG1);
        Assert.Equal(new[] { world.AAdmin.Id, world.A1.Id, world.B1.Id }.Order(),
            listed.Select(p => p.PersonId()).Order());

        foreach (var person in listed)
        {
            var path = Assert.Single(person.GetProperty("paths").EnumerateArray());
            var by = path.GetProperty("business").GetProperty("id").GetInt64();
            var removal = path.GetProperty("kind").GetString() switch
            {
                "OWNER_ASSIGNMENT" => await world.AAdmin.Unassign(by, world.PG1, person.PersonId()),
                "PARTNER_ASSIGNMENT" => await world.AAdmin.Unshare(world.A, world.PG1, by),
                "OWNER_ADMIN" => await world.AAdmin.RemoveMember(by, person.PersonId()),
                var other => throw new InvalidOperationException($"unexpected path kind {other}"),
            };

            if (person.PersonId() == world.AAdmin.Id)
            {
                removal.Refused(HttpStatusCode.Conflict, "last_admin");
                Assert.Contains("add another admin first", removal.Body.GetProperty("title").GetString());
            }
            else
            {
                removal.Ok();
            }
        }

        var left = await PeopleOn(world, world.PG1);
        Assert.Equal([world.AAdmin.Id], left.Select(p => p.PersonId()));
        Assert.False(await world.A1.Can(world.PG1, "analytics.view"));
        Assert.False(await world.B1.Can(world.PG1, "analytics.view"));
    }

    /// <summary>The people of the owner's access listing for the asset (a-admin's view).</summary>
    private static async Task<List<JsonElement>> PeopleOn(World world, long asset) =>
        (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/assets/{asset}/access")).Ok()
            .Body.GetProperty("people").EnumerateArray().ToList();
}
