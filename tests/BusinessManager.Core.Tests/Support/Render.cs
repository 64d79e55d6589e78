using BusinessManager.Core.Access;

namespace BusinessManager.Core.Tests.Support;

/// <summary>
/// List answers carry their paths as lists, which records compare by reference; these render them as text so
/// that two answers compare by content.
/// </summary>
public static class Render
{
    public static List<string> Of(IEnumerable<AssetAccess> assets) =>
        assets.Select(a => $"{a.AssetId} owner {a.OwnerId} {a.Type} [{a.Permissions}] {Of(a.Paths)}").ToList();

    public static List<string> Of(IEnumerable<PersonAccess> people) =>
        people.Select(p => $"{p.PersonId} [{p.Permissions}] {Of(p.Paths)}").ToList();

    public static string Of(IEnumerable<AccessPath> paths) => string.Join(" + ", paths);
}
