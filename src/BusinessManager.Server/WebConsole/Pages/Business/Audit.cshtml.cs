using System.Globalization;
using BusinessManager.Server.Assets;
using BusinessManager.Server.Audit;
using BusinessManager.Server.Businesses;
using BusinessManager.Server.Infrastructure;
using BusinessManager.Server.Partnerships;
using BusinessManager.Server.Shares;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>
/// Rule 9 for one business: its audit log, newest first, filtered by asset, person, partner and kind (a GET form, so
/// filters live in the address and survive paging), older events through the API's cursor.
/// </summary>
public sealed class AuditModel : BusinessPage
{
    [BindProperty(SupportsGet = true, Name = "assetId")]
    public long? AssetId { get; set; }

    [BindProperty(SupportsGet = true, Name = "personId")]
    public long? PersonId { get; set; }

    [BindProperty(SupportsGet = true, Name = "partnerId")]
    public long? PartnerId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    /// <summary>Page size, passed to the API as is (it refuses what it does not allow).</summary>
    [BindProperty(SupportsGet = true, Name = "limit")]
    public int? Limit { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    public Page<AuditEventResponse>? Events { get; private set; }

    /// <summary>The API's refusal (a member who is not an admin, a bad cursor or limit), in its words.</summary>
    public ApiProblem? Refusal { get; private set; }

    public IReadOnlyList<AssetResponse> OurAssets { get; private set; } = [];

    public IReadOnlyList<ShareResponse> SharedWithUs { get; private set; } = [];

    public IReadOnlyList<MemberResponse> Members { get; private set; } = [];

    public IReadOnlyList<NamedRef> Partners { get; private set; } = [];

    /// <summary>Asset names the business can see, and those its own events named, by id.</summary>
    public Dictionary<long, string> AssetNames { get; } = [];

    public bool Filtered => AssetId is not null || PersonId is not null || PartnerId is not null
        || !string.IsNullOrEmpty(Kind);

    public async Task OnGetAsync()
    {
        var events = await Api.GetAsync<Page<AuditEventResponse>>($"{ApiBase}/audit{Query(Cursor)}");
        if (!events.IsOk)
        {
            Refusal = events.Problem;
            return;
        }

        Events = events.Value!;
        await LoadChoicesAsync();
        foreach (var named in Events.Items.Select(AuditWords.NamedAsset).OfType<(long Id, string Name)>())
        {
            AssetNames.TryAdd(named.Id, named.Name);
        }
    }

    /// <summary>The filters (and page size) as a query string, with the given cursor.</summary>
    public string Query(string? cursor)
    {
        var parts = new List<string>();
        Add(parts, "assetId", AssetId?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "personId", PersonId?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "partnerId", PartnerId?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "kind", Kind);
        Add(parts, "limit", Limit?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "cursor", cursor);

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public string AssetName(long id) => AssetNames.TryGetValue(id, out var name) ? name : "asset";

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private async Task LoadChoicesAsync()
    {
        OurAssets = (await Api.GetAllAsync<AssetResponse>($"{ApiBase}/assets")).Value ?? [];
        SharedWithUs = (await Api.GetAllAsync<ShareResponse>($"{ApiBase}/shared-with-us")).Value ?? [];
        Members = (await Api.GetAllAsync<MemberResponse>($"{ApiBase}/members")).Value ?? [];
        var partnerships = (await Api.GetAllAsync<PartnershipResponse>($"{ApiBase}/partnerships")).Value ?? [];
        Partners = partnerships.Select(p => p.Partner).DistinctBy(p => p.Id).OrderBy(p => p.Name).ToList();
        foreach (var asset in OurAssets.Concat(SharedWithUs.Select(s => s.Asset)))
        {
            AssetNames.TryAdd(asset.Id, asset.Name);
        }
    }
}
