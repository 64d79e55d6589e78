using BusinessManager.Core.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BusinessManager.Server.Catalog;

public sealed record RoleResponse(AssetRole Role, AssetType AssetType, IReadOnlyList<string> Permissions,
    IReadOnlyList<AssetRole> Within, string Description);

public sealed record PermissionResponse(string Name, AssetType AssetType, string Description);

/// <summary>The role and permission catalog, listed as the data it is.</summary>
public static class CatalogEndpoints
{
    public static void MapCatalog(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/catalog").WithTags("Catalog");
        group.MapGet("/roles", Roles).WithName("ListRoles")
            .WithSummary("Asset roles, their permissions, and which roles each is within");
        group.MapGet("/permissions", Permissions).WithName("ListPermissions").WithSummary("Fine-grained permissions");
    }

    private static Ok<List<RoleResponse>> Roles() => TypedResults.Ok(RoleCatalog.Roles.Select(r => new RoleResponse(
        r.Role, r.AssetType, RoleCatalog.NamesOf(r.Permissions),
        RoleCatalog.Roles.Where(o => o.Role != r.Role && o.AssetType == r.AssetType
            && RoleCatalog.IsWithin(r.Role, o.Role)).Select(o => o.Role).ToList(),
        r.Description)).ToList());

    private static Ok<List<PermissionResponse>> Permissions() => TypedResults.Ok(RoleCatalog.Permissions
        .Select(p => new PermissionResponse(p.Name, p.AssetType, p.Description)).ToList());
}
