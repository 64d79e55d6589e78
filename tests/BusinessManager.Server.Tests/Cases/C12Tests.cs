using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C12. A business's last admin cannot leave, demote themself or delete their account ("add another admin
/// first"), and the operator's <c>member set-role</c> command is the audited recovery path. Where PRODUCT.md
/// differs from the case: an owner's admins hold every permission on its assets (rule 1), so a-admin is Super
/// Admin on PG1 as an admin of A, not through a removable assignment; removing a redundant explicit
/// ADMINISTRATOR assignment is allowed and the page keeps its admin, which is what is asserted. There is no way
/// to delete another person's platform account, so only the person's own DELETE /api/v1/me is tried.
/// </summary>
public sealed class C12Tests
{
    [Fact]
    public async Task C12_SoleAdminLeavesBusiness_RefusedAddAnotherAdminFirst()
    {
        await using var world = await World.CreateAsync();

        var leave = await world.AAdmin.RemoveMember(world.A, world.AAdmin.Id);

        leave.Refused(HttpStatusCode.Conflict, "last_admin");
        Assert.Contains("add another admin first", leave.Body.GetProperty("title").GetString());
        await AssertStillSoleAdmin(world);
    }

    [Fact]
    public async Task C12_SoleAdminDemotesThemself_RefusedAddAnotherAdminFirst()
    {
        await using var world = await World.CreateAsync();

        var toEmployee = await world.AAdmin.Patch($"/api/v1/businesses/{world.A}/members/{world.AAdmin.Id}",
            new { role = "EMPLOYEE" });
        var toContractor = await world.AAdmin.Patch($"/api/v1/businesses/{world.A}/members/{world.AAdmin.Id}",
            new { role = "CONTRACTOR" });

        toEmployee.Refused(HttpStatusCode.Conflict, "last_admin");
        toContractor.Refused(HttpStatusCode.Conflict, "last_admin");
        Assert.Contains("add another admin first", toEmployee.Body.GetProperty("title").GetString());
        await AssertStillSoleAdmin(world);
    }

    [Fact]
    public async Task C12_SoleAdminDeletesOwnAccount_RefusedAndAccountKept()
    {
        await using var world = await World.CreateAsync();

        var preview = await world.AAdmin.Delete("/api/v1/me?dryRun=true");
        var delete = await world.AAdmin.Delete("/api/v1/me");

        preview.Refused(HttpStatusCode.Conflict, "last_admin");
        delete.Refused(HttpStatusCode.Conflict, "last_admin");
        Assert.Contains("add another admin first", delete.Body.GetProperty("title").GetString());
        var me = (await world.AAdmin.Get("/api/v1/me")).Ok();
        Assert.Equal(world.AAdmin.Email, me.Body.GetProperty("person").GetProperty("email").GetString());
        await Api.SignInAsync(world.Http, world.AAdmin.Email);
        await AssertStillSoleAdmin(world);
    }

    [Fact]
    public async Task C12_SoleAdminRemovesOwnPageRole_PageKeepsSuperAdmin()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.Assign(world.A, world.PG1, world.AAdmin, "ADMINISTRATOR")).Ok();

        var unassign = await world.AAdmin.Unassign(world.A, world.PG1, world.AAdmin.Id);

        unassign.Ok();
        Assert.Empty(await world.AAdmin.Assignments(world.A, world.PG1));
        Assert.Equal(["ADMINISTRATOR"], await world.AAdmin.EffectiveRoles(world.PG1));
        Assert.True(await world.AAdmin.Can(world.PG1, "page.admins.manage"));
        var access = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/assets/{world.PG1}/access")).Ok();
        var row = Assert.Single(access.Body.GetProperty("people").EnumerateArray());
        Assert.Equal(world.AAdmin.Id, row.PersonId());
        Assert.Equal("OWNER_ADMIN", row.GetProperty("paths")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task C12_OperatorPromotesAnotherAdmin_AuditedAndFormerSoleAdminMayThenLeave()
    {
        await using var world = await World.CreateAsync();
        (await world.AAdmin.RemoveMember(world.A, world.AAdmin.Id)).Refused(HttpStatusCode.Conflict, "last_admin");

        await OperatorProcess.RunAsync(world.Server, "member", "set-role", world.A.ToString(), world.A1.Email, "ADMIN");
        var promoted = Assert.Single(await world.A1.AuditEvents(world.A, $"&personId={world.A1.Id}&kind=member_set"),
            e => e.GetProperty("details").GetProperty("after").GetProperty("role").GetString() == "ADMIN");
        var deleted = await world.AAdmin.Delete("/api/v1/me");

        var people = new[] { world.AAdmin, world.A1, world.A2 }.Select(p => p.Id);
        Assert.False(promoted.TryGetProperty("actor", out var actor)
            && people.Contains(actor.GetProperty("id").GetInt64()), "the operator acts as no person: " + promoted);
        Assert.Equal("EMPLOYEE", promoted.GetProperty("details").GetProperty("before").GetString());
        deleted.Ok();
        (await world.AAdmin.Get("/api/v1/me")).Refused(HttpStatusCode.Unauthorized, "unauthenticated");
        var members = (await world.A1.Get($"/api/v1/businesses/{world.A}/members?limit=200")).Ok();
        Assert.DoesNotContain(members.Items(), m => m.PersonId() == world.AAdmin.Id);
        Assert.Equal(["ADMINISTRATOR"], await world.A1.EffectiveRoles(world.PG1));
        (await world.A1.RemoveMember(world.A, world.A1.Id)).Refused(HttpStatusCode.Conflict, "last_admin");
    }

    private static async Task AssertStillSoleAdmin(World world)
    {
        var business = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}")).Ok();
        Assert.Equal("ADMIN", business.Body.GetProperty("myRole").GetString());
        var members = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/members?limit=200")).Ok();
        var admins = members.Items().Where(m => m.GetProperty("role").GetString() == "ADMIN").ToList();
        Assert.Equal(world.AAdmin.Id, Assert.Single(admins).PersonId());
        Assert.Equal(["ADMINISTRATOR"], await world.AAdmin.EffectiveRoles(world.PG1));
        Assert.True(await world.AAdmin.Can(world.PG1, "page.admins.manage"));
    }
}
