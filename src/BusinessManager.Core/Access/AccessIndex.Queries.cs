using BusinessManager.Core.Catalog;

namespace BusinessManager.Core.Access;

public sealed partial class AccessIndex
{
    /// <summary>May the person do this on the asset? Allocation-free; the hot path of every request.</summary>
    public bool Check(long personId, long assetId, Permission permission) =>
        permission != Permission.None && (EffectivePermissions(personId, assetId) & permission) == permission;

    /// <summary>The union of what every path gives the person on the asset (rule 5).</summary>
    public Permission EffectivePermissions(long personId, long assetId)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_personSlots.TryGetValue(personId, out var person) || !TryAsset(assetId, out var a, out var asset))
            {
                return Permission.None;
            }

            return Effective(person, a, asset);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Every path by which the person reaches the asset, with what each grants.</summary>
    public IReadOnlyList<AccessPath> Explain(long personId, long assetId)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_personSlots.TryGetValue(personId, out var person) || !TryAsset(assetId, out var a, out var asset))
            {
                return [];
            }

            return PathsOf(person, a, asset);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Every asset the person can act on, with effective permissions and paths, ordered by asset id.</summary>
    public IReadOnlyList<AssetAccess> AssetsOf(long personId)
    {
        _lock.EnterReadLock();
        try
        {
            if (!_personSlots.TryGetValue(personId, out var person))
            {
                return [];
            }

            var reached = new HashSet<int>();
            var node = _persons[person];
            foreach (var (business, role) in node.Memberships)
            {
                if (role == BusinessRole.Admin)
                {
                    reached.UnionWith(_businesses[business].OwnedAssets);
                }
            }

            for (var i = node.FirstAssignment; i != None; i = _assignments[i].NextOnPerson)
            {
                reached.Add(_assignments[i].Asset);
            }

            var result = new List<AssetAccess>(reached.Count);
            foreach (var a in reached)
            {
                var asset = _assets[a]!;
                var paths = PathsOf(person, a, asset);
                var permissions = Union(paths);
                if (permissions != Permission.None)
                {
                    result.Add(new AssetAccess(asset.Id, _businesses[asset.Owner].Id, asset.Type, permissions, paths));
                }
            }

            result.Sort((x, y) => x.AssetId.CompareTo(y.AssetId));
            return result;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Everyone who can act on the asset, with effective permissions and paths, ordered by person id.</summary>
    public IReadOnlyList<PersonAccess> PeopleWithAccess(long assetId)
    {
        _lock.EnterReadLock();
        try
        {
            if (!TryAsset(assetId, out var a, out var asset))
            {
                return [];
            }

            var reached = new HashSet<int>();
            foreach (var (member, role) in _businesses[asset.Owner].Members)
            {
                if (role == BusinessRole.Admin)
                {
                    reached.Add(member);
                }
            }

            for (var i = asset.FirstAssignment; i != None; i = _assignments[i].NextOnAsset)
            {
                reached.Add(_assignments[i].Person);
            }

            var result = new List<PersonAccess>(reached.Count);
            foreach (var person in reached)
            {
                var paths = PathsOf(person, a, asset);
                var permissions = Union(paths);
                if (permissions != Permission.None)
                {
                    result.Add(new PersonAccess(_persons[person].Id, permissions, paths));
                }
            }

            result.Sort((x, y) => x.PersonId.CompareTo(y.PersonId));
            return result;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private Permission Effective(int person, int a, AssetNode asset)
    {
        if (_persons[person].RoleIn(asset.Owner) == BusinessRole.Admin)
        {
            return RoleCatalog.AllFor(asset.Type);
        }

        var permissions = Permission.None;
        if (_pairHeads.TryGetValue(PairKey(a, person), out var slot))
        {
            for (; slot != None; slot = _assignments[slot].NextOnPair)
            {
                ref readonly var assignment = ref _assignments[slot];
                var granted = RoleCatalog.PermissionsOf(assignment.Role);
                permissions |= assignment.Business == asset.Owner ? granted : granted & asset.CeilingFor(assignment.Business);
            }
        }

        return permissions;
    }

    private List<AccessPath> PathsOf(int person, int a, AssetNode asset)
    {
        var paths = new List<AccessPath>(2);
        var owner = _businesses[asset.Owner].Id;
        if (_persons[person].RoleIn(asset.Owner) == BusinessRole.Admin)
        {
            paths.Add(new AccessPath(PathKind.OwnerAdmin, owner, null, null, RoleCatalog.AllFor(asset.Type)));
        }

        if (_pairHeads.TryGetValue(PairKey(a, person), out var slot))
        {
            for (; slot != None; slot = _assignments[slot].NextOnPair)
            {
                ref readonly var assignment = ref _assignments[slot];
                var granted = RoleCatalog.PermissionsOf(assignment.Role);
                if (assignment.Business == asset.Owner)
                {
                    paths.Add(new AccessPath(PathKind.OwnerAssignment, owner, assignment.Role, null, granted));
                    continue;
                }

                var partner = assignment.Business;
                var share = asset.Shares.Find(s => s.Partner == partner);
                paths.Add(new AccessPath(PathKind.PartnerAssignment, _businesses[partner].Id,
                    assignment.Role, share.CeilingPermissions == Permission.None ? null : share.Ceiling,
                    granted & share.CeilingPermissions));
            }
        }

        // Owner first, then partners; stable so that answers compare equal across rebuilds.
        paths.Sort((x, y) => x.Kind != y.Kind ? x.Kind.CompareTo(y.Kind) : x.BusinessId.CompareTo(y.BusinessId));
        return paths;
    }

    private static Permission Union(List<AccessPath> paths)
    {
        var permissions = Permission.None;
        foreach (var path in paths)
        {
            permissions |= path.Granted;
        }

        return permissions;
    }
}
