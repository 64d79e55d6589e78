using BusinessManager.Core.Rules;
using BusinessManager.Server.Infrastructure;
using BusinessManager.Server.Transfers;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>
/// One transfer from our side: both businesses, who has confirmed, the live preview (as the API shows it to us),
/// and our actions: confirm for our side, or cancel after a confirmation step.
/// </summary>
public sealed class TransferModel(ChangeSummary summary) : BusinessPage
{
    [FromRoute]
    public long TransferId { get; set; }

    public TransferResponse Transfer { get; private set; } = null!;

    public TransferPreviewModel? Preview { get; private set; }

    /// <summary>Shown after "Cancel the transfer…": what cancelling does, and the button that does it.</summary>
    public PreviewModel? CancelStep { get; private set; }

    public bool IsOpen => Transfer.Status == TransferStatus.Open;

    public bool WeAreFrom => Transfer.From.Id == BusinessId;

    public bool WeConfirmed => WeAreFrom ? Transfer.ConfirmedByFrom : Transfer.ConfirmedByTo;

    public string Path => $"{Base}/transfers/{TransferId}";

    private string ApiPath => $"{ApiBase}/transfers/{TransferId}";

    public async Task<IActionResult> OnGetAsync(bool cancel = false)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (cancel && IsOpen)
        {
            var dry = await Api.PostAsync<WriteResponse<TransferResponse>>($"{ApiPath}/cancel?dryRun=true");
            if (!dry.IsOk)
            {
                Show(dry.Problem!, "cancel");
                return Page();
            }

            var lines = await summary.DescribeAsync(dry.Value!.Changes, HttpContext.RequestAborted);
            CancelStep = new PreviewModel($"Cancel the transfer of {Labels.Asset(Transfer.Asset)}? It stays "
                + $"with {Transfer.From.Name} (id {Transfer.From.Id}), and both confirmations are dropped.", lines,
                $"{Path}?handler=Cancel", [], "Cancel the transfer", Path);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var confirmed = await Api.PostAsync<WriteResponse<TransferResponse>>($"{ApiPath}/confirm");
        if (!confirmed.IsOk)
        {
            return await RefusedAsync(confirmed.Problem!, "confirm");
        }

        var t = confirmed.Value!.Result;
        var next = t.ConfirmedByFrom && t.ConfirmedByTo
            ? "Both sides have confirmed: a support agent completes it next."
            : "The other business's admin must confirm it too.";

        return Done($"You confirmed the transfer of {Labels.Asset(t.Asset)} for {Business.Name}. {next}", Path);
    }

    public async Task<IActionResult> OnPostCancelAsync()
    {
        var cancelled = await Api.PostAsync<WriteResponse<TransferResponse>>($"{ApiPath}/cancel");
        if (!cancelled.IsOk)
        {
            return await RefusedAsync(cancelled.Problem!, "cancel");
        }

        var t = cancelled.Value!.Result;

        return Done($"Transfer of {Labels.Asset(t.Asset)} cancelled; it stays with {t.From.Name} "
            + $"(id {t.From.Id}).", Path);
    }

    private async Task<IActionResult> RefusedAsync(ApiProblem problem, string form)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Show(problem, form);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var transfer = await Api.GetAsync<TransferResponse>(ApiPath);
        if (!transfer.IsOk)
        {
            return false;
        }

        Transfer = transfer.Value!;
        Preview = await TransferWords.PreviewAsync(summary, Transfer, partial: !WeAreFrom, HttpContext.RequestAborted);

        return true;
    }
}
