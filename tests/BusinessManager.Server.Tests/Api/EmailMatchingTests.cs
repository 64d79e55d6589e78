using System.Net;
using BusinessManager.Server.Tests.Harness;

// Not "...Tests.Api": a namespace of that name would hide the harness's Api class from every other test file.
namespace BusinessManager.Server.Tests.HttpApi;

/// <summary>
/// E-mail addresses match without regard to letter case at sign-up, sign-in and invitations: one address is one
/// person. Wrong credentials answer one code whether the address exists or not.
/// </summary>
public sealed class EmailMatchingTests
{
    private const string Password = "correct horse battery";

    [Theory]
    [InlineData("a-admin@brand.com")]
    [InlineData("A-Admin@Brand.com")]
    [InlineData("A-ADMIN@BRAND.COM")]
    [InlineData("  a-admin@brand.com ")]
    public async Task SignUp_ExistingAddressInAnyCase_RefusedEmailTakenAndNoAccount(string email)
    {
        await using var world = await World.CreateAsync();
        var before = await RulesSteps.Revision(world);

        var refused = await Harness.Api.Send(world.Http, HttpMethod.Post, "/api/v1/people/signup",
            new { email, name = "Impostor", password = Password });

        refused.Refused(HttpStatusCode.Conflict, "email_taken");
        Assert.Equal("email", refused.Body.GetProperty("field").GetString());
        Assert.Equal(before, await RulesSteps.Revision(world));
    }

    [Fact]
    public async Task SignUp_MixedCaseAddress_StoredOnceInLowerCase()
    {
        await using var world = await World.CreateAsync();

        var signedUp = await Harness.Api.Send(world.Http, HttpMethod.Post, "/api/v1/people/signup",
            new { email = "Jane.Doe@Agency.COM", name = "Jane", password = Password });

        Assert.Equal(HttpStatusCode.Created, signedUp.Status);
        Assert.Equal("jane.doe@agency.com", signedUp.Result.GetProperty("person").GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("B1@AGENCY.COM")]
    [InlineData("b1@Agency.Com")]
    public async Task SignIn_AddressInAnyCase_SignsInTheSamePerson(string email)
    {
        await using var world = await World.CreateAsync();

        var signedIn = await Harness.Api.SignInAsync(world.Http, email);

        Assert.Equal(world.B1.Id, signedIn.Id);
        var me = (await signedIn.Get("/api/v1/me")).Ok();
        var membership = me.Body.GetProperty("memberships")[0];
        Assert.Equal(world.B, membership.GetProperty("business").GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownAddress_SameBadCredentialsAndNoToken()
    {
        await using var world = await World.CreateAsync();
        var before = await RulesSteps.Revision(world);

        var wrongPassword = await Harness.Api.Send(world.Http, HttpMethod.Post, "/api/v1/people/signin",
            new { email = world.B1.Email, password = "wrong horse battery" });
        var unknown = await Harness.Api.Send(world.Http, HttpMethod.Post, "/api/v1/people/signin",
            new { email = "nobody@agency.com", password = Password });

        wrongPassword.Refused(HttpStatusCode.Unauthorized, "bad_credentials");
        unknown.Refused(HttpStatusCode.Unauthorized, "bad_credentials");
        Assert.Equal(wrongPassword.Body.GetProperty("title").GetString(),
            unknown.Body.GetProperty("title").GetString());
        Assert.Equal(before, await RulesSteps.Revision(world));
    }

    [Fact]
    public async Task Invite_AddressInOtherCase_InviteeSeesAndAcceptsIt()
    {
        await using var world = await World.CreateAsync();
        var invitation = (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/invitations",
            new { email = "New.Hire@BRAND.com", role = "EMPLOYEE" })).Ok();
        var invitee = await Harness.Api.SignUpAsync(world.Http, "new.hire@brand.com", "New Hire");

        var mine = (await invitee.Get("/api/v1/me/invitations")).Ok();
        var accepted = await invitee.Post($"/api/v1/me/invitations/{invitation.Id}/accept");

        Assert.Equal(invitation.Id, mine.Body.EnumerateArray().Single().GetProperty("id").GetInt64());
        accepted.Ok();
        var members = (await world.AAdmin.Get($"/api/v1/businesses/{world.A}/members")).Ok();
        Assert.Contains(members.Items(), m => m.GetProperty("person").GetProperty("id").GetInt64() == invitee.Id);
    }

    [Fact]
    public async Task Invite_MemberOrPendingAddressInOtherCase_RefusedAndNothingAdded()
    {
        await using var world = await World.CreateAsync();
        var invitations = $"/api/v1/businesses/{world.A}/invitations";
        (await world.AAdmin.Post(invitations, new { email = "pending@brand.com", role = "EMPLOYEE" })).Ok();
        var before = await RulesSteps.Snapshot(world, (world.AAdmin, invitations));

        var member = await world.AAdmin.Post(invitations, new { email = "A1@Brand.COM", role = "EMPLOYEE" });
        var pending = await world.AAdmin.Post(invitations, new { email = "PENDING@brand.com", role = "EMPLOYEE" });

        member.Refused(HttpStatusCode.Conflict, "already_a_member");
        pending.Refused(HttpStatusCode.Conflict, "invitation_already_pending");
        Assert.Equal(before, await RulesSteps.Snapshot(world, (world.AAdmin, invitations)));
    }

    [Fact]
    public async Task AcceptInvitation_SomeoneElsesInvitation_NotFoundAndNotAMember()
    {
        await using var world = await World.CreateAsync();
        var invitation = (await world.AAdmin.Post($"/api/v1/businesses/{world.A}/invitations",
            new { email = "someone@brand.com", role = "ADMIN" })).Ok();
        var members = $"/api/v1/businesses/{world.A}/members";
        var before = await RulesSteps.Snapshot(world, (world.AAdmin, members));

        var refused = await world.DAdmin.Post($"/api/v1/me/invitations/{invitation.Id}/accept");

        refused.Refused(HttpStatusCode.NotFound, "invitation_not_found");
        Assert.Equal(before, await RulesSteps.Snapshot(world, (world.AAdmin, members)));
    }
}
