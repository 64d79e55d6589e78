using System.Net;
using BusinessManager.Server.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static BusinessManager.Server.Tests.Harness.CasesCStepsHelper;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C39. E-mail letter case never splits one person in two. The documented rule (Infrastructure/Emails.cs) is
/// that the whole address, local part included, matches without regard to case; these tests hold every surface
/// that takes an e-mail to it: sign-up, sign-in, invitations, accepting, and the operator commands.
/// </summary>
public sealed class C39Tests
{
    [Fact]
    public async Task C39_InviteInOtherLetterCaseThenReinviteAndSignUp_OnePersonOneMembership()
    {
        await using var w = await World.CreateAsync();
        var jane = await w.Person("jane.doe@agency.com");

        var invited = (await w.BAdmin.Post($"/api/v1/businesses/{w.B}/invitations",
            new { email = "Jane.Doe@Agency.com", role = "EMPLOYEE" })).Ok();
        var twice = await w.BAdmin.Post($"/api/v1/businesses/{w.B}/invitations",
            new { email = "jane.doe@AGENCY.COM", role = "EMPLOYEE" });
        var mine = (await jane.Get("/api/v1/me/invitations")).Ok().Body.EnumerateArray().ToList();
        var accepted = await AcceptInvitation(jane, invited.Id);
        var reinvite = await w.BAdmin.Post($"/api/v1/businesses/{w.B}/invitations",
            new { email = "JANE.DOE@agency.com", role = "EMPLOYEE" });
        var signUp = await Harness.Api.Send(w.Http, HttpMethod.Post, "/api/v1/people/signup",
            new { email = "Jane.Doe@agency.com", name = "Jane", password = "correct horse battery" });
        var signIn = await Harness.Api.SignInAsync(w.Http, "JANE.DOE@AGENCY.COM");

        Assert.Equal("jane.doe@agency.com", invited.Result.GetProperty("email").GetString());
        twice.Refused(HttpStatusCode.Conflict, "invitation_already_pending");
        Assert.Equal(invited.Id, Assert.Single(mine).GetProperty("id").GetInt64());
        accepted.Ok();
        reinvite.Refused(HttpStatusCode.Conflict, "already_a_member");
        signUp.Refused(HttpStatusCode.Conflict, "email_taken");
        Assert.Equal(jane.Id, signIn.Id);
        var membership = Assert.Single((await signIn.Get("/api/v1/me")).Ok().Body.GetProperty("memberships")
            .EnumerateArray());
        Assert.Equal(w.B, IdOf(membership, "business"));
        var members = await AllPagesOf(w.BAdmin, $"/api/v1/businesses/{w.B}/members");
        var janes = members.Where(m => string.Equals(m.GetProperty("person").GetProperty("email").GetString(),
            "jane.doe@agency.com", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(jane.Id, IdOf(Assert.Single(janes), "person"));
        var invitations = (await w.BAdmin.Get($"/api/v1/businesses/{w.B}/invitations")).Ok().Body.EnumerateArray()
            .Where(i => string.Equals(i.GetProperty("email").GetString(), "jane.doe@agency.com",
                StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal("ACCEPTED", Assert.Single(invitations).GetProperty("status").GetString());
        var accounts = await QueryDb(w.Server, db => db.People.Where(p => p.DeletedAt == null).ToListAsync());
        Assert.Single(accounts, p => string.Equals(p.Email, "jane.doe@agency.com", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task C39_InvitedBeforeSigningUpInOtherLetterCase_InvitationReachesTheAccount()
    {
        await using var w = await World.CreateAsync();
        var invitation = await Invite(w.BAdmin, w.B, "Sam.Roe@Agency.com");

        var sam = await w.Person("SAM.ROE@agency.COM");
        var mine = (await sam.Get("/api/v1/me/invitations")).Ok().Body.EnumerateArray().ToList();
        var accepted = await AcceptInvitation(sam, invitation);
        (await w.BAdmin.Assign(w.B, w.BA1, sam, "VIEWER")).Ok();

        Assert.Equal(invitation, Assert.Single(mine).GetProperty("id").GetInt64());
        accepted.Ok();
        Assert.True(await sam.Can(w.BA1, "reports.view"));
        Assert.Equal(sam.Id, (await Harness.Api.SignInAsync(w.Http, "sam.roe@agency.com")).Id);
        (await Harness.Api.Send(w.Http, HttpMethod.Post, "/api/v1/people/signup",
                new { email = "sam.roe@agency.com", name = "Sam", password = "correct horse battery" }))
            .Refused(HttpStatusCode.Conflict, "email_taken");
        Assert.Single(await AllPagesOf(w.BAdmin, $"/api/v1/businesses/{w.B}/members"),
            m => IdOf(m, "person") == sam.Id);
    }

    [Fact]
    public async Task C39_OperatorCommandsInOtherLetterCase_ReachTheSamePerson()
    {
        await using var w = await World.CreateAsync();
        var jane = await w.Person("jane.doe@agency.com");
        await w.BAdmin.AddMember(w.B, jane);

        await OperatorProcess.RunAsync(w.Server, "support", "grant", "JANE.DOE@AGENCY.COM");
        await OperatorProcess.RunAsync(w.Server, "member", "set-role", w.B.ToString(), "Jane.Doe@Agency.Com",
            "ADMIN");

        var me = (await jane.Get("/api/v1/me")).Ok().Body;
        Assert.True(me.GetProperty("person").GetProperty("isSupportAgent").GetBoolean());
        var membership = Assert.Single(me.GetProperty("memberships").EnumerateArray());
        Assert.Equal("ADMIN", membership.GetProperty("role").GetString());
        (await jane.Get("/api/v1/support/transfers")).Ok();
        var accounts = await QueryDb(w.Server, db => db.People.Where(p => p.DeletedAt == null).ToListAsync());
        Assert.Single(accounts, p => string.Equals(p.Email, "jane.doe@agency.com", StringComparison.OrdinalIgnoreCase));
    }
}
