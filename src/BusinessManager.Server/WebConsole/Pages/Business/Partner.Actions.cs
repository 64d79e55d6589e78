using System.Globalization;
using System.Text.Json;
using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Server.Assets;
using BusinessManager.Server.Infrastructure;
using BusinessManager.Server.Partnerships;
using BusinessManager.Server.Shares;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>The partner page's previews (dry runs, nothing written) and the writes they confirm.</summary>
public sealed partial class PartnerModel
{
    public async Task<IActionResult> OnPostShareAsync(long assetId, string? ceiling)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var form = ShareForms.FirstOrDefault(f => f.Assets.Any(a => a.Id == assetId))?.Key ?? "share";
        if (string.IsNullOrEmpty(ceiling))
        {
            ModelState.AddModelError(form + ".ceiling", "Choose the highest role they may give on it.");
            return Page();
        }

        var shared = await Api.PostAsync<WriteResponse<ShareResponse>>($"{ApiBase}/shares",
            new { assetId, partnerId = Partner.Id, ceiling });
        if (!shared.IsOk)
        {
            Show(shared.Problem!, form);
            return Page();
        }

        var share = shared.Value!.Result;

        return Done($"{Labels.AssetFirst(share.Asset)} is now shared with {Partner.Name} (id {Partner.Id}) up to "
            + $"{Labels.Of(share.Ceiling)}. Their admins can now give their own people roles on it.", Here);
    }

    public async Task<IActionResult> OnPostCeilingAsync(long assetId, string? ceiling)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var changed = await Api.PatchAsync<WriteResponse<CeilingChangeResponse>>(
            $"{ApiBase}/shares/{assetId}/{Partner.Id}", new { ceiling });
        if (!changed.IsOk)
        {
            FocusAsset = assetId;
            Show(changed.Problem!, "ceiling");
            return Page();
        }

        var result = changed.Value!.Result;

        return Done($"The ceiling of {Labels.AssetFirst(result.Share.Asset)} for {Partner.Name} is now "
            + $"{Labels.Of(result.Share.Ceiling)}; {Labels.Count(result.Affected.Count, "person", "people")} moved.",
            Here);
    }

    public async Task<IActionResult> OnPostUnshareAsync(long assetId)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await PreviewUnshareAsync(assetId);
        if (ChangedSincePreview(Preview))
        {
            return Page();
        }

        var asset = SharedByUs?.FirstOrDefault(s => s.Asset.Id == assetId)?.Asset;
        var ended = await Api.DeleteAsync<WriteResponse<long>>($"{ApiBase}/shares/{assetId}/{Partner.Id}");
        if (!ended.IsOk)
        {
            FocusAsset = assetId;
            Show(ended.Problem!, "unshare");
            return Page();
        }

        var roles = ended.Value!.Changes.OfType<AssignmentRemoved>().Count();

        return Done($"{(asset is null ? $"Asset {assetId}" : Labels.AssetFirst(asset))} is no longer shared with "
            + $"{Partner.Name}; {Labels.Count(roles, "role")} ended.", Here);
    }

    public async Task<IActionResult> OnPostEndAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        await PreviewEndAsync();
        if (ChangedSincePreview(Preview))
        {
            return Page();
        }

        var ended = await Api.PostAsync<WriteResponse<PartnershipResponse>>(
            $"{ApiBase}/partnerships/{PartnershipId}/end");
        if (!ended.IsOk)
        {
            Show(ended.Problem!, "end");
            return Page();
        }

        var changes = ended.Value!.Changes;
        var shares = Labels.Count(changes.OfType<ShareEnded>().Count(), "share");
        var roles = Labels.Count(changes.OfType<AssignmentRemoved>().Count(), "role");
        if (ended.Value.Result.StillHasAccess is { Count: > 0 } remaining)
        {
            StillHasAccessJson = JsonSerializer.Serialize(remaining, ConsoleApi.Options);
        }

        return Done($"The partnership with {Partner.Name} (id {Partner.Id}) ended: {shares} and {roles} ended.",
            Here);
    }

    private async Task PreviewUnshareAsync(long assetId)
    {
        FocusAsset = assetId;
        var dry = await Api.DeleteAsync<WriteResponse<long>>($"{ApiBase}/shares/{assetId}/{Partner.Id}?dryRun=true");
        if (!dry.IsOk)
        {
            Show(dry.Problem!, "unshare");
            return;
        }

        var asset = SharedByUs?.FirstOrDefault(s => s.Asset.Id == assetId)?.Asset;
        var lines = await summary.DescribeAsync(dry.Value!.Changes, HttpContext.RequestAborted);
        Preview = new PreviewModel(
            $"Stop sharing {(asset is null ? $"asset {assetId}" : Labels.AssetFirst(asset))} with {Partner.Name}?", lines,
            $"{Here}?handler=Unshare", [("assetId", assetId.ToString(CultureInfo.InvariantCulture))], "End the share",
            Here);
    }

    private async Task PreviewCeilingAsync(long assetId, string to)
    {
        FocusAsset = assetId;
        var dry = await Api.PatchAsync<WriteResponse<CeilingChangeResponse>>(
            $"{ApiBase}/shares/{assetId}/{Partner.Id}?dryRun=true", new { ceiling = to });
        if (!dry.IsOk)
        {
            Show(dry.Problem!, "ceiling");
            return;
        }

        var from = SharedByUs?.FirstOrDefault(s => s.Asset.Id == assetId)?.Ceiling;
        Ceiling = new CeilingPreview(dry.Value!.Result.Share, from, dry.Value.Result.Affected);
    }

    private async Task PreviewEndAsync()
    {
        var dry = await Api.PostAsync<WriteResponse<PartnershipResponse>>(
            $"{ApiBase}/partnerships/{PartnershipId}/end?dryRun=true");
        if (!dry.IsOk)
        {
            Show(dry.Problem!, "end");
            return;
        }

        var lines = await summary.DescribeAsync(dry.Value!.Changes, HttpContext.RequestAborted);
        Preview = new PreviewModel($"End the partnership with {Partner.Name} (id {Partner.Id})?", lines,
            $"{Here}?handler=End", [], "End the partnership", Here);
    }
}
