using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Server.Infrastructure;

namespace BusinessManager.Server.Access;

/// <summary>One path, in words a security reviewer can read: who granted what, capped by which ceiling.</summary>
public sealed record PathResponse(PathKind Kind, NamedRef Business, AssetRole? Role, AssetRole? Ceiling,
    IReadOnlyList<string> Permissions, IReadOnlyList<AssetRole> EffectiveRoles, string Description);

public sealed record PersonAccessResponse(PersonRef Person, IReadOnlyList<string> Permissions,
    IReadOnlyList<AssetRole> EffectiveRoles, IReadOnlyList<PathResponse> Paths);

/// <summary>Turns the index's answers into responses with names beside every id.</summary>
public static class AccessDescriber
{
    public static PathResponse Path(AccessPath path, AssetType type, Names names)
    {
        var business = names.Business(path.BusinessId);
        var label = $"{business.Name} ({business.Id})";
        var description = path.Kind switch
        {
            PathKind.OwnerAdmin => $"admin of the owner {label}: every permission",
            PathKind.OwnerAssignment => $"assigned {Wire.Of(path.Role!.Value)} by the owner {label}",
            _ when path.Ceiling is null => $"assigned {Wire.Of(path.Role!.Value)} by partner {label}, no share: nothing",
            _ => $"assigned {Wire.Of(path.Role!.Value)} by partner {label}, capped by ceiling "
                + Wire.Of(path.Ceiling.Value),
        };

        return new PathResponse(path.Kind, business, path.Role, path.Ceiling, RoleCatalog.NamesOf(path.Granted),
            RoleCatalog.RolesDescribing(path.Granted, type), description);
    }

    public static IReadOnlyList<PathResponse> Paths(IEnumerable<AccessPath> paths, AssetType type, Names names) =>
        paths.Select(p => Path(p, type, names)).ToList();

    public static async Task<IReadOnlyList<PersonAccessResponse>> PeopleAsync(IReadOnlyList<PersonAccess> people,
        AssetType type, Names names, CancellationToken ct)
    {
        var refs = await names.PeopleAsync(people.Select(p => p.PersonId), ct);
        return people.Select(p => new PersonAccessResponse(Names.Person(refs, p.PersonId),
            RoleCatalog.NamesOf(p.Permissions), RoleCatalog.RolesDescribing(p.Permissions, type),
            Paths(p.Paths, type, names))).ToList();
    }
}
