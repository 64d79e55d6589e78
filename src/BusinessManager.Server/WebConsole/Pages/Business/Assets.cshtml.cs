using BusinessManager.Core.Access;
using BusinessManager.Server.Assets;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>
/// The business's own ad accounts and pages: all of them for admins, for other members those the API says
/// they can act on. Admins create assets and archive them, after a preview of the shares and roles that end.
/// </summary>
public sealed class AssetsModel(ChangeSummary summary) : BusinessPage
{
    public Page<AssetResponse> Assets { get; private set; } = new([], 0, null);

    public string? Cursor { get; private set; }

    public PreviewModel? Archival { get; private set; }

    [BindProperty(Name = "type")]
    public string? Type { get; set; }

    [BindProperty(Name = "name")]
    public string Name { get; set; } = "";

    public async Task OnGetAsync(string? cursor, long? archive)
    {
        Cursor = cursor;
        await LoadAsync();
        if (archive is { } assetId)
        {
            await PreviewArchiveAsync(assetId);
        }
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var created = await Api.PostAsync<WriteResponse<AssetResponse>>($"{ApiBase}/assets",
            new { type = Type, name = Name });
        if (!created.IsOk)
        {
            await LoadAsync();
            ShowWhereSeen(created.Problem!, "create", "list");
            return Page();
        }

        var asset = created.Value!.Result;

        return Done($"Created {Labels.Asset(asset)}. Give people roles on it from its access page.", $"{Base}/assets");
    }

    public async Task<IActionResult> OnPostArchiveAsync(long assetId)
    {
        await LoadAsync();
        await PreviewArchiveAsync(assetId);
        if (ChangedSincePreview(Archival))
        {
            return Page();
        }

        var asset = await Api.GetAsync<AssetResponse>($"{ApiBase}/assets/{assetId}");
        var archived = await Api.PostAsync<WriteResponse<long>>($"{ApiBase}/assets/{assetId}/archive");
        if (!archived.IsOk)
        {
            await LoadAsync();
            ShowWhereSeen(archived.Problem!, RowOf(assetId), "list");
            return Page();
        }

        var changes = archived.Value!.Changes;

        var name = asset.Value is { } a ? Labels.Asset(a) : $"asset {assetId}";

        return Done($"Archived {name}: {Labels.Count(changes.Count(c => c is ShareEnded), "share")} and "
            + $"{Labels.Count(changes.Count(c => c is AssignmentRemoved), "role")} ended.", $"{Base}/assets");
    }

    private async Task PreviewArchiveAsync(long assetId)
    {
        var dryRun = await Api.PostAsync<WriteResponse<long>>($"{ApiBase}/assets/{assetId}/archive?dryRun=true");
        if (!dryRun.IsOk)
        {
            ShowWhereSeen(dryRun.Problem!, RowOf(assetId), "list");
            return;
        }

        var lines = await summary.DescribeAsync(dryRun.Value!.Changes, HttpContext.RequestAborted);
        var asset = (await Api.GetAsync<AssetResponse>($"{ApiBase}/assets/{assetId}")).Value;
        var name = asset is null ? $"asset {assetId}" : Labels.Asset(asset);
        Archival = new PreviewModel($"Archive {name}?", lines,
            Url.Page("/Business/Assets", "Archive", new { businessId = BusinessId, assetId })!, [],
            $"Archive {asset?.Name ?? name}", $"{Base}/assets");
    }

    /// <summary>A refusal about a listed asset shows in its row; about any other, above the list.</summary>
    private string RowOf(long assetId) => Assets.Items.Any(a => a.Id == assetId) ? $"asset-{assetId}" : "list";

    private async Task LoadAsync()
    {
        var query = Cursor is null ? "" : "?cursor=" + Uri.EscapeDataString(Cursor);
        var assets = await Api.GetAsync<Page<AssetResponse>>($"{ApiBase}/assets{query}");
        if (!assets.IsOk)
        {
            Show(assets.Problem!, "list");
            return;
        }

        Assets = assets.Value!;
    }

}
