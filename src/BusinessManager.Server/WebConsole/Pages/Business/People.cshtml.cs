using BusinessManager.Server.Businesses;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>
/// The business's members and, for admins, invitations, business roles and removals. Removing a member (or
/// leaving) first shows the API's dry run: the roles on assets that end, and the access the person keeps
/// another way.
/// </summary>
public sealed class PeopleModel(ChangeSummary summary) : BusinessPage
{
    public IReadOnlyList<MemberResponse> Members { get; private set; } = [];

    public IReadOnlyList<InvitationResponse> Invitations { get; private set; } = [];

    public PreviewModel? Removal { get; private set; }

    public IReadOnlyList<RemainingAccessResponse> Keeps { get; private set; } = [];

    public MemberResponse? Leaving { get; private set; }

    [BindProperty(Name = "email")]
    public string Email { get; set; } = "";

    [BindProperty(Name = "role")]
    public string? Role { get; set; }

    public async Task OnGetAsync(long? remove)
    {
        await LoadAsync();
        if (remove is { } personId)
        {
            await PreviewRemovalAsync(personId);
        }
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        var invited = await Api.PostAsync<WriteResponse<InvitationResponse>>($"{ApiBase}/invitations",
            new { email = Email, role = Role });
        if (!invited.IsOk)
        {
            return await RefusedAsync(invited.Problem!, "invite");
        }

        var invitation = invited.Value!.Result;

        return Done($"Invitation sent to {invitation.Email} as {Labels.Of(invitation.Role)}. They see it under "
            + "Invitations once they sign in with that address.", $"{Base}/people");
    }

    public async Task<IActionResult> OnPostRevokeAsync(long invitationId)
    {
        var revoked = await Api.DeleteAsync<WriteResponse<InvitationResponse>>($"{ApiBase}/invitations/{invitationId}");
        if (!revoked.IsOk)
        {
            await LoadAsync();
            ShowWhereSeen(revoked.Problem!, Invitations.Any(i => i.Id == invitationId) ? $"invitation-{invitationId}"
                : "invitations", "members");
            return Page();
        }

        return Done($"Revoked the invitation to {revoked.Value!.Result.Email}.", $"{Base}/people");
    }

    public async Task<IActionResult> OnPostRoleAsync(long personId)
    {
        var changed = await Api.PatchAsync<WriteResponse<Core.Catalog.BusinessRole>>($"{ApiBase}/members/{personId}",
            new { role = Role });
        if (!changed.IsOk)
        {
            return await RefusedAsync(changed.Problem!, personId);
        }

        var lines = await summary.DescribeAsync(changed.Value!.Changes, HttpContext.RequestAborted);

        return Done(lines.Count > 0 ? string.Join(" ", lines.Select(l => l.Text)) : "Nothing changed.",
            $"{Base}/people");
    }

    public async Task<IActionResult> OnPostRemoveAsync(long personId)
    {
        await LoadAsync();
        await PreviewRemovalAsync(personId);
        if (ChangedSincePreview(Removal))
        {
            return Page();
        }

        var removed = await Api.DeleteAsync<WriteResponse<MemberRemovalResponse>>($"{ApiBase}/members/{personId}");
        if (!removed.IsOk)
        {
            return await RefusedAsync(removed.Problem!, personId);
        }

        var ended = removed.Value!.Changes.Count(c => c is Core.Access.AssignmentRemoved);
        var roles = ended == 1 ? "1 role on an asset ended" : $"{ended} roles on assets ended";
        if (personId == MeId)
        {
            var next = Context.Me.Memberships.FirstOrDefault(m => m.Business.Id != BusinessId);
            return Done($"You left {Business.Name} (id {BusinessId}); {roles}.",
                next is null ? "/" : $"/b/{next.Business.Id}");
        }

        var lines = await summary.DescribeAsync(removed.Value.Changes, HttpContext.RequestAborted);
        var left = lines.FirstOrDefault(l => l.Kind == "member")?.Text ?? $"Person {personId} left.";

        return Done($"{left} {roles[..1].ToUpperInvariant()}{roles[1..]}.", $"{Base}/people");
    }

    private async Task PreviewRemovalAsync(long personId)
    {
        var dryRun = await Api.DeleteAsync<WriteResponse<MemberRemovalResponse>>(
            $"{ApiBase}/members/{personId}?dryRun=true");
        if (!dryRun.IsOk)
        {
            Show(dryRun.Problem!, RowOf(personId));
            return;
        }

        var self = personId == MeId;
        Leaving = Members.FirstOrDefault(m => m.Person.Id == personId);
        var who = Leaving is { } m ? $"{m.Person.Name} ({m.Person.Email}, id {personId})" : $"person {personId}";
        var lines = await summary.DescribeAsync(dryRun.Value!.Changes, HttpContext.RequestAborted);
        Keeps = dryRun.Value.Result.StillHasAccess;
        Removal = new PreviewModel(
            self ? $"Leave {Business.Name} (id {BusinessId})?" : $"Remove {who} from {Business.Name}?",
            lines,
            Url.Page("/Business/People", "Remove", new { businessId = BusinessId, personId })!,
            [],
            self ? $"Leave {Business.Name}" : $"Remove {Leaving?.Person.Name ?? who}",
            $"{Base}/people", Aside: "_Keeps", AsideModel: this);
    }

    private async Task<IActionResult> RefusedAsync(ApiProblem problem, string form)
    {
        await LoadAsync();
        ShowWhereSeen(problem, form, "members");

        return Page();
    }

    /// <summary>A refusal about a member shows in their row; about anyone else, above the table.</summary>
    private string RowOf(long personId) =>
        Members.Any(m => m.Person.Id == personId) ? $"member-{personId}" : "members";

    private async Task<IActionResult> RefusedAsync(ApiProblem problem, long personId)
    {
        await LoadAsync();
        ShowWhereSeen(problem, RowOf(personId), "members");

        return Page();
    }

    private async Task LoadAsync()
    {
        var members = await Api.GetAllAsync<MemberResponse>($"{ApiBase}/members");
        Members = members.Value ?? [];
        if (!Context.IsAdmin)
        {
            return;
        }

        var invitations = await Api.GetAsync<List<InvitationResponse>>($"{ApiBase}/invitations");
        Invitations = invitations.Value?.Where(i => i.Status == "PENDING").ToList() ?? [];
    }
}
