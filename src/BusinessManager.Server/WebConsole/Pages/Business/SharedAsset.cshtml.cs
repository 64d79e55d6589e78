using BusinessManager.Core.Catalog;
using BusinessManager.Server.Assignments;
using BusinessManager.Server.Businesses;
using BusinessManager.Server.Catalog;
using BusinessManager.Server.Infrastructure;
using BusinessManager.Server.Shares;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>
/// One asset a partner shares with us: the roles our people hold on it, and giving or taking away those roles.
/// Only roles within the owner's ceiling are offered; the API refuses any other.
/// </summary>
public sealed class SharedAssetModel : BusinessPage
{
    [FromRoute]
    public long AssetId { get; set; }

    [BindProperty(Name = "personId")]
    public long? PersonId { get; set; }

    [BindProperty(Name = "role")]
    public string? Role { get; set; }

    public ShareResponse Share { get; private set; } = null!;

    public IReadOnlyList<AssignmentResponse> Assignments { get; private set; } = [];

    /// <summary>Why the roles are not listed for this person, when the API would not list them.</summary>
    public string? AssignmentsHidden { get; private set; }

    public IReadOnlyList<MemberResponse> Members { get; private set; } = [];

    /// <summary>The roles of the asset's type that are the ceiling or within it.</summary>
    public IReadOnlyList<AssetRole> Offered { get; private set; } = [];

    public bool CanManage => AssignmentsHidden is null;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (PersonId is null || string.IsNullOrEmpty(Role))
        {
            ModelState.AddModelError(PersonId is null ? "assign.personId" : "assign.role",
                PersonId is null ? "Choose the member to give the role to." : "Choose the role to give.");
            return Page();
        }

        var assigned = await Api.PutAsync<WriteResponse<AssignmentResponse>>(
            $"{ApiBase}/assets/{AssetId}/assignments/{PersonId}", new { role = Role });
        if (!assigned.IsOk)
        {
            var problem = assigned.Problem!;

            // The refusals about the role (outside the ceiling, beyond the giver's own) carry no field: they
            // belong next to the role select; the one about who it is for, next to the person.
            Show(problem.Field is not null ? problem : problem with { Field = FieldOf(problem.Code) }, "assign");
            return Page();
        }

        var a = assigned.Value!.Result;

        return Done($"{a.Person.Name} (id {a.Person.Id}) now holds {Labels.Of(a.AssignedRole)} on {Share.Asset.Name}.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(long personId)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var person = Assignments.FirstOrDefault(a => a.Person.Id == personId)?.Person;
        var removed = await Api.DeleteAsync<WriteResponse<long>>($"{ApiBase}/assets/{AssetId}/assignments/{personId}");
        if (!removed.IsOk)
        {
            Show(removed.Problem!, "remove");
            return Page();
        }

        return Done($"{person?.Name ?? "The person"} (id {personId}) no longer holds a role on {Share.Asset.Name} "
            + "from us.");
    }

    private static string? FieldOf(string code) => code switch
    {
        "not_a_member" or "person_not_found" => "personId",
        _ when code.StartsWith("role_", StringComparison.Ordinal) => "role",
        _ => null,
    };

    private async Task<bool> LoadAsync()
    {
        var shares = await Api.GetAllAsync<ShareResponse>($"{ApiBase}/shared-with-us");
        if (shares.Value?.FirstOrDefault(s => s.Asset.Id == AssetId) is not { } share)
        {
            return false;
        }

        Share = share;
        var assignments = await Api.GetAsync<List<AssignmentResponse>>($"{ApiBase}/assets/{AssetId}/assignments");
        Assignments = assignments.Value ?? [];
        AssignmentsHidden = assignments.IsOk ? null : assignments.Problem!.Message;
        if (!CanManage)
        {
            return true;
        }

        Members = (await Api.GetAllAsync<MemberResponse>($"{ApiBase}/members")).Value ?? [];
        var roles = (await Api.GetAsync<List<RoleResponse>>("/api/v1/catalog/roles")).Value ?? [];
        Offered = roles.Where(r => r.AssetType == share.Asset.Type
                && (r.Role == share.Ceiling || r.Within.Contains(share.Ceiling)))
            .Select(r => r.Role).ToList();

        return true;
    }
}
