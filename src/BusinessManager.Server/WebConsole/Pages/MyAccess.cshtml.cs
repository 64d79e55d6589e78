using BusinessManager.Server.Access;
using BusinessManager.Server.Infrastructure;

namespace BusinessManager.Server.WebConsole.Pages;

/// <summary>
/// Every ad account and page the signed-in person can act on, across all their businesses, with their effective
/// role and every path that gives it (the API's own answer: GET /api/v1/me/assets).
/// </summary>
public sealed class MyAccessModel : ConsolePage
{
    public Page<MyAssetResponse> Assets { get; private set; } = new([], 0, null);

    public string? Cursor { get; private set; }

    public string? Refusal { get; private set; }

    public async Task OnGetAsync(string? cursor = null)
    {
        Cursor = cursor;
        var mine = await Api.GetAsync<Page<MyAssetResponse>>("/api/v1/me/assets"
            + (string.IsNullOrEmpty(cursor) ? "" : "?cursor=" + Uri.EscapeDataString(cursor)));
        if (!mine.IsOk)
        {
            Refusal = mine.Problem!.Message;
            return;
        }

        Assets = mine.Value!;
    }
}
