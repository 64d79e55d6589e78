using BusinessManager.Server.Infrastructure;
using BusinessManager.Server.Transfers;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages.Support;

/// <summary>The confirmation step of a support decision: the transfer, its preview, and which way it goes.</summary>
public sealed record SupportStep(TransferResponse Transfer, TransferPreviewModel? Preview, bool Complete);

/// <summary>
/// Support agents' desk: open transfers with both sides' confirmations, completed or rejected after a confirmation
/// step that shows the preview. The API decides who is an agent; anyone else gets the not-found page.
/// </summary>
public sealed class SupportTransfersModel(ChangeSummary summary) : ConsolePage
{
    private const string Path = "/support/transfers";
    private const string ApiPath = "/api/v1/support/transfers";

    public IReadOnlyList<TransferResponse> Open { get; private set; } = [];

    public SupportStep? Step { get; private set; }

    public static string ErrorKey(long transferId) => $"transfer{transferId}";

    public async Task<IActionResult> OnGetAsync(long? complete = null, long? reject = null)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if ((complete ?? reject) is not { } id)
        {
            return Page();
        }

        var verb = complete is not null ? "complete" : "reject";
        var dry = await Api.PostAsync<WriteResponse<TransferResponse>>($"{ApiPath}/{id}/{verb}?dryRun=true");
        if (!dry.IsOk)
        {
            Show(dry.Problem!, KeyFor(id));
            return Page();
        }

        var transfer = Open.FirstOrDefault(t => t.Id == id) ?? dry.Value!.Result;
        var preview = await TransferWords.PreviewAsync(summary, transfer, partial: false, HttpContext.RequestAborted);
        Step = new SupportStep(transfer, preview, complete is not null);

        return Page();
    }

    public async Task<IActionResult> OnPostCompleteAsync(long id)
    {
        var done = await Api.PostAsync<WriteResponse<TransferResponse>>($"{ApiPath}/{id}/complete");
        if (!done.IsOk)
        {
            return await RefusedAsync(done.Problem!, id);
        }

        var t = done.Value!.Result;

        return Done($"Transfer completed: {Labels.Asset(t.Asset)} now belongs to {t.To.Name} (id {t.To.Id}).",
            Path);
    }

    public async Task<IActionResult> OnPostRejectAsync(long id)
    {
        var done = await Api.PostAsync<WriteResponse<TransferResponse>>($"{ApiPath}/{id}/reject");
        if (!done.IsOk)
        {
            return await RefusedAsync(done.Problem!, id);
        }

        var t = done.Value!.Result;

        return Done($"Transfer rejected: {Labels.Asset(t.Asset)} stays with {t.From.Name} (id {t.From.Id}).",
            Path);
    }

    private async Task<IActionResult> RefusedAsync(ApiProblem problem, long id)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Show(problem, KeyFor(id));
        return Page();
    }

    /// <summary>A refusal shows in its transfer's row, or above the list when that transfer is not listed.</summary>
    private string KeyFor(long id) => Open.Any(t => t.Id == id) ? ErrorKey(id) : "support";

    private async Task<bool> LoadAsync()
    {
        var open = await Api.GetAsync<List<TransferResponse>>(ApiPath);
        Open = open.Value ?? [];

        return open.IsOk;
    }
}
