using System.Text.Json;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Assets;
using BusinessManager.Server.Businesses;
using BusinessManager.Server.Catalog;
using BusinessManager.Server.Infrastructure;
using BusinessManager.Server.Partnerships;
using BusinessManager.Server.Shares;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>One share form per asset type: our assets of that type not yet shared with the partner, and the
/// roles of that type a ceiling can be.</summary>
public sealed record ShareForm(AssetType Type, IReadOnlyList<AssetResponse> Assets, IReadOnlyList<AssetRole> Roles)
{
    public string Key => "share-" + Wire.Of(Type).ToLowerInvariant();

    public string Words => Type == AssetType.AdAccount ? "ad account" : "page";
}

/// <summary>A ceiling change as the dry run answered it: the share after the change and who moves.</summary>
public sealed record CeilingPreview(ShareResponse Share, AssetRole? From,
    IReadOnlyList<CeilingEffectResponse> Affected);

/// <summary>
/// One partner, from our side: what we share with them and what they share with us, sharing one more of our
/// assets, changing a ceiling or ending a share (each previewed from the API's dry run), and ending the
/// partnership with a preview of every share and role that ends in both directions.
/// </summary>
public sealed partial class PartnerModel(ChangeSummary summary) : BusinessPage
{
    [FromRoute]
    public long PartnershipId { get; set; }

    public PartnershipResponse Partnership { get; private set; } = null!;

    public NamedRef Partner => Partnership.Partner;

    public bool IsActive => Partnership.Status == PartnershipStatus.Active;

    /// <summary>Null for members who are not admins: only our admins may see what we share (rule 7).</summary>
    public IReadOnlyList<ShareResponse>? SharedByUs { get; private set; }

    public IReadOnlyList<ShareResponse> SharedWithUs { get; private set; } = [];

    public IReadOnlyList<ShareForm> ShareForms { get; private set; } = [];

    /// <summary>Roles by asset type, for the ceiling selects.</summary>
    public IReadOnlyDictionary<AssetType, IReadOnlyList<AssetRole>> RolesByType { get; private set; } =
        new Dictionary<AssetType, IReadOnlyList<AssetRole>>();

    public PreviewModel? Preview { get; private set; }

    public CeilingPreview? Ceiling { get; private set; }

    /// <summary>The share a ceiling change or an ending was asked for, where its refusal shows.</summary>
    public long? FocusAsset { get; private set; }

    /// <summary>After the partnership ended: the partner's people who keep access to our assets another way.</summary>
    [TempData]
    public string? StillHasAccessJson { get; set; }

    public IReadOnlyList<RemainingAccessResponse> StillHasAccess { get; private set; } = [];

    public string Here => $"{Base}/partners/{PartnershipId}";

    public async Task<IActionResult> OnGetAsync(long? unshare, long? ceiling, string? to, bool end = false)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (StillHasAccessJson is { } json)
        {
            StillHasAccess = JsonSerializer.Deserialize<List<RemainingAccessResponse>>(json, ConsoleApi.Options) ?? [];
        }

        if (unshare is { } asset)
        {
            await PreviewUnshareAsync(asset);
        }
        else if (ceiling is { } changed && to is { Length: > 0 })
        {
            await PreviewCeilingAsync(changed, to);
        }
        else if (end)
        {
            await PreviewEndAsync();
        }

        return Page();
    }

    /// <summary>Loads the partnership (404 when it is not ours) and, while it is active, both directions.</summary>
    private async Task<bool> LoadAsync()
    {
        var partnership = await Api.GetAsync<PartnershipResponse>($"{ApiBase}/partnerships/{PartnershipId}");
        if (!partnership.IsOk)
        {
            return false;
        }

        Partnership = partnership.Value!;
        if (!IsActive)
        {
            return true;
        }

        var withUs = await Api.GetAllAsync<ShareResponse>($"{ApiBase}/shared-with-us?ownerId={Partner.Id}");
        SharedWithUs = withUs.Value ?? [];
        if (!Context.IsAdmin)
        {
            return true;
        }

        var byUs = await Api.GetAllAsync<ShareResponse>($"{ApiBase}/shares?partnerId={Partner.Id}");
        SharedByUs = byUs.Value ?? [];
        var roles = (await Api.GetAsync<List<RoleResponse>>("/api/v1/catalog/roles")).Value ?? [];
        RolesByType = roles.GroupBy(r => r.AssetType)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AssetRole>)g.Select(r => r.Role).ToList());
        var shared = SharedByUs.Select(s => s.Asset.Id).ToHashSet();
        var ours = (await Api.GetAllAsync<AssetResponse>($"{ApiBase}/assets")).Value ?? [];
        ShareForms = RolesByType
            .Select(t => new ShareForm(t.Key, ours.Where(a => a.Type == t.Key && !shared.Contains(a.Id)).ToList(),
                t.Value))
            .Where(f => f.Assets.Count > 0)
            .OrderBy(f => f.Type)
            .ToList();

        return true;
    }
}
