using BusinessManager.Server.Businesses;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages;

/// <summary>Invitations sent to the signed-in person's e-mail address: join or decline.</summary>
public sealed class InvitationsModel : ConsolePage
{
    public IReadOnlyList<InvitationResponse> Pending { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAcceptAsync(long id)
    {
        var accepted = await Api.PostAsync<WriteResponse<InvitationResponse>>($"/api/v1/me/invitations/{id}/accept");
        if (!accepted.IsOk)
        {
            Show(accepted.Problem!, "answer");
            await LoadAsync();
            return Page();
        }

        var business = accepted.Value!.Result.Business;

        return Done($"You joined {business.Name} (id {business.Id}).", $"/b/{business.Id}");
    }

    public async Task<IActionResult> OnPostDeclineAsync(long id)
    {
        var declined = await Api.PostAsync<WriteResponse<InvitationResponse>>($"/api/v1/me/invitations/{id}/decline");
        if (!declined.IsOk)
        {
            Show(declined.Problem!, "answer");
            await LoadAsync();
            return Page();
        }

        return Done($"You declined the invitation from {declined.Value!.Result.Business.Name}.", "/invitations");
    }

    private async Task LoadAsync()
    {
        var mine = await Api.GetAsync<List<InvitationResponse>>("/api/v1/me/invitations");
        Pending = mine.Value?.Where(i => i.Status == "PENDING").ToList() ?? [];
    }
}
