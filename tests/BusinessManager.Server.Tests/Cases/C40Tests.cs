using System.Net;
using System.Text.Json;
using BusinessManager.Server.Tests.Harness;
using Microsoft.EntityFrameworkCore;
using static BusinessManager.Server.Tests.Harness.CasesCStepsHelper;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C40. Each invitation ("link") is answered once: a revoked one says so, a used one says so, and inviting a
/// removed member again makes a fresh invitation and, on acceptance, a fresh membership with no old grants.
/// Partnership requests follow the same lifecycle. Not covered: invitations are addressed by id to a signed-in
/// person's e-mail, not by a secret URL, so "opening a link" is answering the invitation by its id; and shares
/// have no request of their own in this product (the owner shares directly with an active partner), so the
/// share side of the lifecycle is the partnership's.
/// </summary>
public sealed class C40Tests
{
    [Fact]
    public async Task C40_RevokedUsedAndFreshInvitations_EachAnswersForItselfAndRejoiningStartsClean()
    {
        await using var w = await World.CreateAsync();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "CONTENT_ADMINISTRATOR")).Ok();
        var b3 = await w.Person("b3@agency.com");
        var l1 = await Invite(w.BAdmin, w.B, b3.Email);
        (await w.BAdmin.Delete($"/api/v1/businesses/{w.B}/invitations/{l1}")).Ok();
        var l2 = await Invite(w.BAdmin, w.B, b3.Email, "EMPLOYEE");
        (await AcceptInvitation(b3, l2)).Ok();
        (await w.BAdmin.Assign(w.B, w.BA1, b3, "CAMPAIGN_MANAGER")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, b3, "CONTENT_ADMINISTRATOR")).Ok();
        (await w.BAdmin.RemoveMember(w.B, b3.Id)).Ok();
        var l3 = await Invite(w.BAdmin, w.B, b3.Email, "CONTRACTOR");

        var openL1 = await AcceptInvitation(b3, l1);
        var declineL1 = await b3.Post($"/api/v1/me/invitations/{l1}/decline");
        var openL2 = await AcceptInvitation(b3, l2);
        var pending = (await b3.Get("/api/v1/me/invitations")).Ok().Body.EnumerateArray().ToList();
        var acceptL3 = await AcceptInvitation(b3, l3);

        openL1.Refused(HttpStatusCode.Conflict, "invitation_revoked");
        declineL1.Refused(HttpStatusCode.Conflict, "invitation_revoked");
        openL2.Refused(HttpStatusCode.Conflict, "invitation_already_used");
        Assert.Equal(l3, Assert.Single(pending).GetProperty("id").GetInt64());
        acceptL3.Ok();
        var membership = Assert.Single((await b3.Get("/api/v1/me")).Ok().Body.GetProperty("memberships")
            .EnumerateArray());
        Assert.Equal(w.B, IdOf(membership, "business"));
        Assert.Equal("CONTRACTOR", membership.GetProperty("role").GetString());
        Assert.Empty(await b3.MyAssetIds());
        Assert.Empty(await b3.EffectiveRoles(w.BA1));
        Assert.Empty(await b3.EffectiveRoles(w.PG1));
        Assert.DoesNotContain(await AssignmentRows(w.BAdmin, w.B, w.BA1), a => IdOf(a, "person") == b3.Id);
        Assert.DoesNotContain(await AssignmentRows(w.BAdmin, w.B, w.PG1), a => IdOf(a, "person") == b3.Id);

        // Used and revoked invitations stay closed afterwards, and the admin sees each one's state.
        (await AcceptInvitation(b3, l3)).Refused(HttpStatusCode.Conflict, "invitation_already_used");
        (await AcceptInvitation(b3, l1)).Refused(HttpStatusCode.Conflict, "invitation_revoked");
        (await w.BAdmin.Delete($"/api/v1/businesses/{w.B}/invitations/{l2}"))
            .Refused(HttpStatusCode.Conflict, "invitation_already_used");
        var states = (await w.BAdmin.Get($"/api/v1/businesses/{w.B}/invitations")).Ok().Body.EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetInt64(), i => i.GetProperty("status").GetString());
        Assert.Equal("REVOKED", states[l1]);
        Assert.Equal("ACCEPTED", states[l2]);
        Assert.Equal("ACCEPTED", states[l3]);
    }

    [Fact]
    public async Task C40_InvitationLeftUnanswered_ExpiresAndANewOneWorks()
    {
        await using var w = await World.CreateAsync();
        var b3 = await w.Person("b3@agency.com");
        var old = await Invite(w.BAdmin, w.B, b3.Email);

        w.Server.Clock.Advance(TimeSpan.FromDays(15));

        (await AcceptInvitation(b3, old)).Refused(HttpStatusCode.Conflict, "invitation_expired");
        Assert.Empty((await b3.Get("/api/v1/me/invitations")).Ok().Body.EnumerateArray());
        var states = (await w.BAdmin.Get($"/api/v1/businesses/{w.B}/invitations")).Ok().Body.EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetInt64(), i => i.GetProperty("status").GetString());
        Assert.Equal("EXPIRED", states[old]);
        var fresh = await Invite(w.BAdmin, w.B, b3.Email);
        (await AcceptInvitation(b3, fresh)).Ok();
        Assert.Single((await b3.Get("/api/v1/me")).Ok().Body.GetProperty("memberships").EnumerateArray());
    }

    [Fact]
    public async Task C40_PartnershipRequestsCancelledEndedAndExpired_EachAnswersForItselfAndNoSharesReturn()
    {
        await using var w = await World.CreateAsync(partnerAB: false);
        var p1 = await RequestPartnership(w);
        (await w.AAdmin.Post($"/api/v1/businesses/{w.A}/partnerships/{p1}/cancel")).Ok();
        var p2 = await RequestPartnership(w);
        (await w.BAdmin.Post($"/api/v1/businesses/{w.B}/partnerships/{p2}/accept")).Ok();
        (await w.AAdmin.Share(w.A, w.PG1, w.B, "ANALYST")).Ok();
        (await w.BAdmin.Assign(w.B, w.PG1, w.B1, "ANALYST")).Ok();
        (await w.AAdmin.EndPartnership(w.A, p2)).Ok();
        var p3 = await RequestPartnership(w);

        var acceptP1 = await w.BAdmin.Post($"/api/v1/businesses/{w.B}/partnerships/{p1}/accept");
        var acceptP2 = await w.BAdmin.Post($"/api/v1/businesses/{w.B}/partnerships/{p2}/accept");
        var acceptP3 = await w.BAdmin.Post($"/api/v1/businesses/{w.B}/partnerships/{p3}/accept");

        acceptP1.Refused(HttpStatusCode.Conflict, "partnership_not_pending");
        acceptP2.Refused(HttpStatusCode.Conflict, "partnership_not_pending");
        acceptP3.Ok();
        Assert.Empty(await AllPagesOf(w.BAdmin, $"/api/v1/businesses/{w.B}/shared-with-us"));
        Assert.Empty(await w.B1.EffectiveRoles(w.PG1));
        Assert.Empty(await QueryDb(w.Server, db => db.Assignments.Where(a => a.AssetId == w.PG1).ToListAsync()));
        var states = await PartnershipStates(w.BAdmin, w.B);
        Assert.Equal("CANCELLED", states[p1]);
        Assert.Equal("ENDED", states[p2]);
        Assert.Equal("ACTIVE", states[p3]);

        // An unanswered request expires with a clear status on both sides.
        (await w.BAdmin.EndPartnership(w.B, p3)).Ok();
        var p4 = await RequestPartnership(w);
        w.Server.Clock.Advance(TimeSpan.FromDays(31));

        (await w.BAdmin.Post($"/api/v1/businesses/{w.B}/partnerships/{p4}/accept"))
            .Refused(HttpStatusCode.Conflict, "partnership_expired");
        Assert.Equal("EXPIRED", (await PartnershipStates(w.AAdmin, w.A))[p4]);
        Assert.Equal("EXPIRED", (await PartnershipStates(w.BAdmin, w.B))[p4]);
    }

    private static async Task<long> RequestPartnership(World w) =>
        (await w.AAdmin.Post($"/api/v1/businesses/{w.A}/partnerships", new { partnerId = w.B })).Ok().Id;

    private static async Task<Dictionary<long, string?>> PartnershipStates(Actor admin, long business) =>
        (await AllPagesOf(admin, $"/api/v1/businesses/{business}/partnerships"))
            .ToDictionary(p => p.GetProperty("id").GetInt64(), p => p.GetProperty("status").GetString());

    private static async Task<List<JsonElement>> AssignmentRows(Actor admin, long business, long asset) =>
        (await admin.Get($"/api/v1/businesses/{business}/assets/{asset}/assignments")).Ok().Body.EnumerateArray()
            .ToList();
}
