using BusinessManager.Core.Catalog;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Businesses;
using BusinessManager.Server.Infrastructure;
using BusinessManager.Server.Partnerships;
using BusinessManager.Server.Transfers;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>The business id to hand to partners, counts, and everything that waits for the signed-in person.</summary>
public sealed class HomeModel : BusinessPage
{
    public IReadOnlyList<PartnershipResponse> Incoming { get; private set; } = [];

    public IReadOnlyList<InvitationResponse> Invitations { get; private set; } = [];

    public IReadOnlyList<TransferResponse> TransfersToConfirm { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var invitations = await Api.GetAsync<List<InvitationResponse>>("/api/v1/me/invitations");
        Invitations = invitations.Value?.Where(i => i.Status == "PENDING").ToList() ?? [];
        if (Business.MyRole != BusinessRole.Admin)
        {
            return;
        }

        var incoming = await Api.GetAsync<Page<PartnershipResponse>>(
            $"{ApiBase}/partnerships?direction=incoming&status=PENDING&limit=200");
        Incoming = incoming.Value?.Items ?? [];

        var transfers = await Api.GetAsync<List<TransferResponse>>($"{ApiBase}/transfers");
        TransfersToConfirm = transfers.Value?.Where(t => t.Status == TransferStatus.Open
            && !(t.From.Id == BusinessId ? t.ConfirmedByFrom : t.ConfirmedByTo)).ToList() ?? [];
    }
}
