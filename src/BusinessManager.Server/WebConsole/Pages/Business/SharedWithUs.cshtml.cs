using BusinessManager.Server.Shares;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>Every asset partners share with us: its type, its owner and the ceiling they set.</summary>
public sealed class SharedWithUsModel : BusinessPage
{
    public IReadOnlyList<ShareResponse> Shares { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var shares = await Api.GetAllAsync<ShareResponse>($"{ApiBase}/shared-with-us");
        Shares = shares.Value?.OrderBy(s => s.Asset.Owner.Name).ThenBy(s => s.Asset.Name).ToList() ?? [];
    }
}
