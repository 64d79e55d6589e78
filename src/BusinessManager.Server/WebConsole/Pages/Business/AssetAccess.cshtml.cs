using BusinessManager.Server.Assets;
using BusinessManager.Server.Assignments;
using BusinessManager.Server.Businesses;
using BusinessManager.Server.Catalog;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>
/// "Who can touch this asset, and why?" The owner's admins get the API's full access list: partners and their
/// ceilings, every person, effective role and path. A member who may manage the asset's users (rule 4) gets the
/// assignments the business made there. Whoever the API tells the asset does not exist gets the not-found page.
/// </summary>
public sealed class AssetAccessModel : BusinessPage
{
    [FromRoute]
    public long AssetId { get; set; }

    public AssetResponse? Asset { get; private set; }

    /// <summary>The owner admin's view, when the API gives it.</summary>
    public AssetAccessListResponse? Access { get; private set; }

    /// <summary>The assignments view for a member who manages the asset's users without being an admin.</summary>
    public IReadOnlyList<AssignmentResponse>? Assignments { get; private set; }

    /// <summary>Why the API shows this member neither list (they can see the asset but not manage it).</summary>
    public ApiProblem? Refusal { get; private set; }

    public IReadOnlyList<MemberResponse> Members { get; private set; } = [];

    public IReadOnlyList<RoleResponse> Roles { get; private set; } = [];

    [BindProperty(Name = "personId")]
    public long? PersonId { get; set; }

    [BindProperty(Name = "role")]
    public string? Role { get; set; }

    private string AssetApi => $"{ApiBase}/assets/{AssetId}";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAssignAsync()
    {
        if (PersonId is not { } personId)
        {
            ModelState.AddModelError("assign.personId", "Choose the member to give the role to.");
            return await LoadAsync() ?? Page();
        }

        var assigned = await Api.PutAsync<WriteResponse<AssignmentResponse>>($"{AssetApi}/assignments/{personId}",
            new { role = Role });
        if (!assigned.IsOk)
        {
            Show(assigned.Problem!, "assign");
            return await LoadAsync() ?? Page();
        }

        var a = assigned.Value!.Result;

        return Done($"{a.Person.Name} ({a.Person.Email}, id {a.Person.Id}) now holds {Labels.Of(a.AssignedRole)} "
            + $"on this asset, given by {a.AssignedBy.Name}.", $"{Base}/assets/{AssetId}");
    }

    public async Task<IActionResult> OnPostUnassignAsync(long personId)
    {
        // Read first only to say in the result whose role, and which, ended.
        var before = await Api.GetAsync<List<AssignmentResponse>>($"{AssetApi}/assignments");
        var held = before.Value?.FirstOrDefault(a => a.Person.Id == personId);
        var removed = await Api.DeleteAsync<WriteResponse<long>>($"{AssetApi}/assignments/{personId}");
        if (!removed.IsOk)
        {
            var notShown = await LoadAsync();
            var listed = Access?.People.Any(p => p.Person.Id == personId)
                ?? Assignments?.Any(a => a.Person.Id == personId) ?? false;
            Show(removed.Problem!, listed ? $"person-{personId}" : "people");
            return notShown ?? Page();
        }

        var what = held is null
            ? $"The role of person {personId}"
            : $"{Labels.Of(held.AssignedRole)} for {held.Person.Name} ({held.Person.Email}, id {personId})";

        return Done($"{what}, given by {Business.Name}, ended on this asset.", $"{Base}/assets/{AssetId}");
    }

    /// <summary>Loads what the API shows this caller; a result means the page is not shown (not found).</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        var access = await Api.GetAsync<AssetAccessListResponse>($"{AssetApi}/access");
        if (access.Problem is { Status: 404 })
        {
            return NotFound();
        }

        if (access.IsOk)
        {
            Access = access.Value;
            Asset = access.Value!.Asset;
        }
        else
        {
            var assignments = await Api.GetAsync<List<AssignmentResponse>>($"{AssetApi}/assignments");
            if (assignments.Problem is { Status: 404 })
            {
                return NotFound();
            }

            Assignments = assignments.Value;
            Refusal = assignments.Problem;
            Asset = (await Api.GetAsync<AssetResponse>(AssetApi)).Value;
            if (Asset is null && Refusal is null)
            {
                // Not one of our own assets but one a partner shares with us: its page there knows the ceiling.
                return Redirect($"{Base}/shared-with-us/{AssetId}");
            }
        }

        if (Refusal is not null)
        {
            Response.StatusCode = Refusal.Status;
            return null;
        }

        var members = await Api.GetAllAsync<MemberResponse>($"{ApiBase}/members");
        Members = members.Value ?? [];
        var roles = await Api.GetAsync<List<RoleResponse>>("/api/v1/catalog/roles");
        Roles = roles.Value?.Where(r => Asset is null || r.AssetType == Asset.Type).ToList() ?? [];

        return null;
    }
}
