using System.Globalization;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Assets;
using BusinessManager.Server.Catalog;
using BusinessManager.Server.Infrastructure;
using BusinessManager.Server.Partnerships;
using BusinessManager.Server.Shares;
using BusinessManager.Server.Transfers;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>
/// Rule 8 from one business: the transfers involving it, and two ways to open one: offer one of our assets to
/// another business, or ask for an asset a partner shares with us. Admins only; the API tells anyone else why.
/// </summary>
public sealed class TransfersModel : BusinessPage
{
    public IReadOnlyList<TransferResponse> Open { get; private set; } = [];

    public IReadOnlyList<TransferResponse> Closed { get; private set; } = [];

    /// <summary>The API's refusal to list transfers (a member who is not an admin), in its words.</summary>
    public string? Refusal { get; private set; }

    public IReadOnlyList<AssetResponse> OurAssets { get; private set; } = [];

    public IReadOnlyList<ShareResponse> SharedWithUs { get; private set; } = [];

    public IReadOnlyList<NamedRef> Partners { get; private set; } = [];

    public IReadOnlyList<RoleResponse> Roles { get; private set; } = [];

    [BindProperty(Name = "assetId")]
    public long? AssetId { get; set; }

    [BindProperty(Name = "toBusinessId")]
    public string? ToBusinessId { get; set; }

    [BindProperty(Name = "keepShareCeiling")]
    public string? KeepShareCeiling { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Offers one of our assets to another business, named by its business id.</summary>
    public async Task<IActionResult> OnPostOfferAsync()
    {
        if (!long.TryParse((ToBusinessId ?? "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var to))
        {
            ModelState.AddModelError("offer.toBusinessId",
                "Enter the new owner's business id, 9 or 10 digits, as their admins see it on their home page.");
            await LoadAsync();
            return Page();
        }

        return await OpenAsync("offer", to);
    }

    /// <summary>Asks for an asset a partner shares with us: it would move from the partner to us.</summary>
    public Task<IActionResult> OnPostRequestAsync() => OpenAsync("request", BusinessId);

    private async Task<IActionResult> OpenAsync(string form, long to)
    {
        var keep = string.IsNullOrEmpty(KeepShareCeiling) ? null : KeepShareCeiling;
        var opened = await Api.PostAsync<WriteResponse<TransferResponse>>($"{ApiBase}/transfers",
            new { assetId = AssetId ?? 0, toBusinessId = to, keepShareCeiling = keep });
        if (!opened.IsOk)
        {
            Show(Placed(opened.Problem!, form), form);
            await LoadAsync();
            return Page();
        }

        var t = opened.Value!.Result;

        return Done($"Transfer of {Labels.Asset(t.Asset)} to {t.To.Name} (id {t.To.Id}) opened. An admin "
            + "of each business must confirm it; then support completes it.", $"{Base}/transfers/{t.Id}");
    }

    /// <summary>A refusal about a named thing, without a field, goes next to that thing's control.</summary>
    private static ApiProblem Placed(ApiProblem problem, string form) => problem.Field is not null
        ? problem
        : problem.Code switch
        {
            "asset_not_found" => problem with { Field = "assetId" },
            "business_not_found" when form == "offer" => problem with { Field = "toBusinessId" },
            _ => problem,
        };

    private async Task LoadAsync()
    {
        var transfers = await Api.GetAsync<List<TransferResponse>>($"{ApiBase}/transfers");
        if (!transfers.IsOk)
        {
            Refusal = transfers.Problem!.Message;
            return;
        }

        var all = transfers.Value!.OrderByDescending(t => t.OpenedAt).ThenByDescending(t => t.Id).ToList();
        Open = all.Where(t => t.Status == TransferStatus.Open).ToList();
        Closed = all.Where(t => t.Status != TransferStatus.Open).ToList();

        var assets = await Api.GetAsync<Page<AssetResponse>>($"{ApiBase}/assets?limit=200");
        OurAssets = assets.Value?.Items ?? [];
        var shared = await Api.GetAsync<Page<ShareResponse>>($"{ApiBase}/shared-with-us?limit=200");
        SharedWithUs = shared.Value?.Items ?? [];
        var partners = await Api.GetAsync<Page<PartnershipResponse>>($"{ApiBase}/partnerships?status=ACTIVE&limit=200");
        Partners = partners.Value?.Items.Select(p => p.Partner).ToList() ?? [];
        var roles = await Api.GetAsync<List<RoleResponse>>("/api/v1/catalog/roles");
        Roles = roles.Value ?? [];
    }
}
