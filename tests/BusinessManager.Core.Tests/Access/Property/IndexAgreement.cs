using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Tests.Support;

namespace BusinessManager.Core.Tests.Access.Property;

/// <summary>
/// Compares every answer an index gives with the naive model: the snapshot, each (person, asset) check, explain
/// and effective permissions, and both list queries. The lists are also compared with the index's own single
/// checks, role by role (case C42), so that a list can never disagree with a check even where both are wrong.
/// </summary>
public static class IndexAgreement
{
    private static readonly (AssetRole Role, Permission Permissions)[] PageRoles = RolesOf(AssetType.Page);

    private static readonly (AssetRole Role, Permission Permissions)[] AdAccountRoles = RolesOf(AssetType.AdAccount);

    public static void Verify(AccessIndex index, NaiveModel model, string context)
    {
        VerifySnapshot(index, model, context);
        if (model.BrokenInvariant() is { } broken)
        {
            Assert.Fail($"{context}: {broken}");
        }

        // Rule 5 from scratch, once per pair for this step; everything below is compared with it.
        var expected = Scenario.AllPeople.SelectMany(p => Scenario.AllAssets.Select(a => (p, a)))
            .ToDictionary(k => k, k => model.Paths(k.p, k.a));
        var people = Scenario.AllAssets.ToDictionary(a => a, a => index.PeopleWithAccess(a));
        var peoplePermissions = people.ToDictionary(x => x.Key,
            x => x.Value.ToDictionary(p => p.PersonId, p => p.Permissions));
        foreach (var person in Scenario.AllPeople)
        {
            var assets = index.AssetsOf(person);
            VerifyAssetsOf(person, assets, expected, model, context);
            var listed = assets.ToDictionary(a => a.AssetId, a => a.Permissions);
            foreach (var asset in Scenario.AllAssets)
            {
                VerifyPair(index, model, person, asset, expected[(person, asset)], listed.GetValueOrDefault(asset),
                    peoplePermissions[asset].GetValueOrDefault(person), context);
            }
        }

        foreach (var asset in Scenario.AllAssets)
        {
            VerifyPeopleWithAccess(asset, people[asset], expected, context);
        }
    }

    private static void VerifySnapshot(AccessIndex index, NaiveModel model, string context)
    {
        var actual = index.Snapshot();
        var expected = model.Facts();
        if (!actual.SequenceEqual(expected))
        {
            var first = Enumerable.Range(0, Math.Min(actual.Count, expected.Count))
                .FirstOrDefault(i => !Equals(actual[i], expected[i]), Math.Min(actual.Count, expected.Count));
            Assert.Fail($"{context}: snapshot differs at {first}: index {actual.ElementAtOrDefault(first)}, "
                + $"model {expected.ElementAtOrDefault(first)} ({actual.Count} vs {expected.Count} facts)");
        }
    }

    private static void VerifyPair(AccessIndex index, NaiveModel model, long person, long asset,
        List<AccessPath> paths, Permission fromAssetsOf, Permission fromPeopleWithAccess, string context)
    {
        var expected = Union(paths);
        var effective = index.EffectivePermissions(person, asset);
        var explained = index.Explain(person, asset);
        if (effective != expected || !explained.SequenceEqual(paths)
            || index.Check(person, asset, expected) != (expected != Permission.None))
        {
            Assert.Fail($"{context}: person {person} on asset {asset}: index {effective} by {Render.Of(explained)}, "
                + $"model {expected} by {Render.Of(paths)}");
        }

        // Most pairs have no access on any side; their role-by-role checks rotate, a quarter of them per step.
        if (expected == Permission.None && effective == Permission.None && fromAssetsOf == Permission.None
            && fromPeopleWithAccess == Permission.None && (person + asset + model.ChangeCount) % 4 != 0)
        {
            return;
        }

        var type = model.Assets.TryGetValue(asset, out var a) ? a.Type : AssetType.Page;
        foreach (var (role, permissions) in type == AssetType.Page ? PageRoles : AdAccountRoles)
        {
            // C42: the lists, read role by role, give the same sets as the single checks.
            var check = index.Check(person, asset, permissions);
            var byModel = RoleCatalog.IsWithin(permissions, expected);
            var byAssetsOf = fromAssetsOf != Permission.None && RoleCatalog.IsWithin(permissions, fromAssetsOf);
            var byPeople = fromPeopleWithAccess != Permission.None
                && RoleCatalog.IsWithin(permissions, fromPeopleWithAccess);
            if (check != byModel || check != byAssetsOf || check != byPeople)
            {
                Assert.Fail($"{context}: person {person} on asset {asset} as {role}: check {check}, "
                    + $"model {byModel}, AssetsOf {byAssetsOf}, PeopleWithAccess {byPeople}");
            }
        }
    }

    private static void VerifyAssetsOf(long person, IReadOnlyList<AssetAccess> actual,
        Dictionary<(long, long), List<AccessPath>> paths, NaiveModel model, string context)
    {
        var expected = Scenario.AllAssets
            .Where(a => paths[(person, a)].Count > 0)
            .Select(a => new AssetAccess(a, model.Assets[a].Owner, model.Assets[a].Type, Union(paths[(person, a)]),
                paths[(person, a)]))
            .ToList();

        var same = expected.Count == actual.Count && expected.Zip(actual).All(x =>
            x.First.AssetId == x.Second.AssetId && x.First.OwnerId == x.Second.OwnerId && x.First.Type == x.Second.Type
            && x.First.Permissions == x.Second.Permissions && x.First.Paths.SequenceEqual(x.Second.Paths));
        if (!same)
        {
            Differ(Render.Of(expected), Render.Of(actual), $"{context}: AssetsOf({person})");
        }
    }

    private static void VerifyPeopleWithAccess(long asset, IReadOnlyList<PersonAccess> actual,
        Dictionary<(long, long), List<AccessPath>> paths, string context)
    {
        var expected = Scenario.AllPeople
            .Where(p => paths[(p, asset)].Count > 0)
            .Select(p => new PersonAccess(p, Union(paths[(p, asset)]), paths[(p, asset)]))
            .ToList();

        var same = expected.Count == actual.Count && expected.Zip(actual).All(x =>
            x.First.PersonId == x.Second.PersonId && x.First.Permissions == x.Second.Permissions
            && x.First.Paths.SequenceEqual(x.Second.Paths));
        if (!same)
        {
            Differ(Render.Of(expected), Render.Of(actual), $"{context}: PeopleWithAccess({asset})");
        }
    }

    private static (AssetRole, Permission)[] RolesOf(AssetType type) =>
        RoleCatalog.Roles.Where(r => r.AssetType == type).Select(r => (r.Role, r.Permissions)).ToArray();

    private static Permission Union(List<AccessPath> paths) =>
        paths.Aggregate(Permission.None, (all, p) => all | p.Granted);

    private static void Differ(List<string> expected, List<string> actual, string what) =>
        Assert.Fail($"{what}:\n expected {string.Join("; ", expected)}\n index    {string.Join("; ", actual)}");
}
