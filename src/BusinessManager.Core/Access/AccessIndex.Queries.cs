using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
            return Effective(personId, assetId);
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

            // Each reached asset keyed by its id, with either one of the person's assignments on it or, for an
            // asset reached as an admin of its owner, the complement of its slot. Sorting groups each asset's
            // paths together in id order, so no pair lookup and no final sort are needed.
            using var reach = new Reach();
            var node = _persons[person];
            foreach (var (business, role) in node.Memberships)
            {
                if (role == BusinessRole.Admin)
                {
                    foreach (var a in _businesses[business].OwnedAssets)
                    {
                        reach.Add(_assets[a]!.Id, ~a);
                    }
                }
            }

            for (var i = node.FirstAssignment; i != None; i = _assignments[i].NextOnPerson)
            {
                reach.Add(_assets[_assignments[i].Asset]!.Id, i);
            }

            var result = new List<AssetAccess>(reach.Count);
            var shared = new SharedPaths();
            foreach (var run in reach.Groups())
            {
                var group = run.Span;
                var first = group[0];
                var asset = _assets[first >= 0 ? _assignments[first].Asset : ~first]!;
                var paths = PathsOf(person, asset, group, shared);
                var permissions = Union(paths);
                if (permissions != Permission.None)
                {
                    result.Add(new AssetAccess(asset.Id, _businesses[asset.Owner].Id, asset.Type, permissions, paths));
                }
            }

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
            if (!TryAsset(assetId, out _, out var asset))
            {
                return [];
            }

            // Keyed by person id, like AssetsOf: an assignment on the asset, or the complement of an owner
            // admin's slot.
            using var reach = new Reach();
            foreach (var (member, role) in _businesses[asset.Owner].Members)
            {
                if (role == BusinessRole.Admin)
                {
                    reach.Add(_persons[member].Id, ~member);
                }
            }

            for (var i = asset.FirstAssignment; i != None; i = _assignments[i].NextOnAsset)
            {
                reach.Add(_persons[_assignments[i].Person].Id, i);
            }

            var result = new List<PersonAccess>(reach.Count);
            var shared = new SharedPaths();
            foreach (var run in reach.Groups())
            {
                var group = run.Span;
                var first = group[0];
                var person = first >= 0 ? _assignments[first].Person : ~first;
                var paths = PathsOf(person, asset, group, shared);
                var permissions = Union(paths);
                if (permissions != Permission.None)
                {
                    result.Add(new PersonAccess(_persons[person].Id, permissions, paths));
                }
            }

            return result;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Rule 5 for one (person, asset). The pair, person and asset probes do not depend on each other, so the
    /// pair's is started first and all three cache misses are in flight at once.
    /// </summary>
    private Permission Effective(long personId, long assetId)
    {
        var pairs = _pairs;
        var pair = PairHome(personId, assetId, pairs.Length);
        var candidate = pairs[pair];
        if (!_personSlots.TryGetValue(personId, out var person, out var adminOf)
            || !_assetSlots.TryGetValue(assetId, out var asset, out var assetFacts))
        {
            return Permission.None;
        }

        if (IsAdmin(person, adminOf, OwnerOf(assetFacts)))
        {
            return AllFor(assetFacts);
        }

        while (candidate.Head != None)
        {
            if (candidate.Person == person && candidate.Asset == asset)
            {
                return PairPermissions(pair);
            }

            pair = Next(pair, pairs.Length);
            candidate = pairs[pair];
        }

        return Permission.None;
    }

    private IReadOnlyList<AccessPath> PathsOf(int person, int a, AssetNode asset)
    {
        var pair = FindPair(_persons[person].Id, asset.Id, person, a);
        if (pair == None)
        {
            return PathsOf(person, asset, [], shared: null);
        }

        Span<int> assignments = stackalloc int[8];
        var count = 0;
        for (var slot = _pairs[pair].Head; slot != None; slot = _assignments[slot].NextOnPair)
        {
            if (count == assignments.Length)
            {
                var larger = new int[count * 2];
                assignments.CopyTo(larger);
                assignments = larger;
            }

            assignments[count++] = slot;
        }

        return PathsOf(person, asset, assignments[..count], shared: null);
    }

    /// <summary>
    /// The paths of one (person, asset): the owner-admin path, then one per assignment slot given (negative
    /// entries are ignored), owner first, then partners by business id. A single path comes from
    /// <paramref name="shared"/> when one is given.
    /// </summary>
    private IReadOnlyList<AccessPath> PathsOf(int person, AssetNode asset, ReadOnlySpan<int> assignments,
        SharedPaths? shared)
    {
        Span<PathKey> keys = stackalloc PathKey[4];
        var count = 0;
        var owner = _businesses[asset.Owner].Id;
        if (_persons[person].RoleIn(asset.Owner) == BusinessRole.Admin)
        {
            keys[count++] = new PathKey(PathKind.OwnerAdmin, owner, null, null, RoleCatalog.AllFor(asset.Type));
        }

        foreach (var slot in assignments)
        {
            if (slot < 0)
            {
                continue;
            }

            if (count == keys.Length)
            {
                var larger = new PathKey[count * 2];
                keys.CopyTo(larger);
                keys = larger;
            }

            keys[count++] = KeyOf(in _assignments[slot], asset, owner);
        }

        if (count == 1 && shared is not null)
        {
            return shared.Of(keys[0]);
        }

        var paths = new AccessPath[count];
        for (var i = 0; i < count; i++)
        {
            paths[i] = keys[i].ToPath();
        }

        // Owner first, then partners; stable so that answers compare equal across rebuilds.
        if (paths.Length > 1)
        {
            Array.Sort(paths, static (x, y) =>
                x.Kind != y.Kind ? x.Kind.CompareTo(y.Kind) : x.BusinessId.CompareTo(y.BusinessId));
        }

        return paths;
    }

    private PathKey KeyOf(in Assignment assignment, AssetNode asset, long owner)
    {
        var granted = RoleCatalog.PermissionsOf(assignment.Role);
        if (assignment.Business == asset.Owner)
        {
            return new PathKey(PathKind.OwnerAssignment, owner, assignment.Role, null, granted);
        }

        var share = ShareOf(asset, assignment.Business);
        return new PathKey(PathKind.PartnerAssignment, _businesses[assignment.Business].Id, assignment.Role,
            share.CeilingPermissions == Permission.None ? null : share.Ceiling, granted & share.CeilingPermissions);
    }

    private static ShareEntry ShareOf(AssetNode asset, int partner)
    {
        foreach (var share in asset.Shares)
        {
            if (share.Partner == partner)
            {
                return share;
            }
        }

        return default;
    }

    private static Permission Union(IReadOnlyList<AccessPath> paths)
    {
        var permissions = Permission.None;
        for (var i = 0; i < paths.Count; i++)
        {
            permissions |= paths[i].Granted;
        }

        return permissions;
    }

    /// <summary>The fields of an <see cref="AccessPath"/>, built on the stack until a path is really needed.</summary>
    private readonly record struct PathKey(PathKind Kind, long BusinessId, AssetRole? Role, AssetRole? Ceiling,
        Permission Granted)
    {
        public AccessPath ToPath() => new(Kind, BusinessId, Role, Ceiling, Granted);
    }

    /// <summary>
    /// Single-path lists for one AssetsOf or PeopleWithAccess answer. Most entries have exactly one path and
    /// few distinct ones (the same partner, role and ceiling on every shared asset), so equal lists are one
    /// immutable list: a 2,000-asset answer allocates a third less, and collections mid-query come rarer.
    /// </summary>
    private sealed class SharedPaths
    {
        private readonly Dictionary<PathKey, IReadOnlyList<AccessPath>> _lists = [];

        public IReadOnlyList<AccessPath> Of(PathKey key)
        {
            ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_lists, key, out var exists);
            if (!exists)
            {
                list = ImmutableArray.Create(key.ToPath());
            }

            return list!;
        }
    }

    /// <summary>
    /// (id, item) pairs in pooled arrays, sorted by id and handed out as runs of items that share an id.
    /// AssetsOf and PeopleWithAccess use it to group a person's or an asset's assignments without a hash set.
    /// </summary>
    private sealed class Reach : IDisposable
    {
        private long[] _ids = ArrayPool<long>.Shared.Rent(64);
        private int[] _items = ArrayPool<int>.Shared.Rent(64);
        private int _count;

        /// <summary>How many items were added: at least the number of groups, so a capacity for the result.</summary>
        public int Count => _count;

        public void Add(long id, int item)
        {
            if (_count == _ids.Length)
            {
                Grow();
            }

            _ids[_count] = id;
            _items[_count] = item;
            _count++;
        }

        public IEnumerable<ReadOnlyMemory<int>> Groups()
        {
            Array.Sort(_ids, _items, 0, _count);
            for (var start = 0; start < _count;)
            {
                var end = start + 1;
                while (end < _count && _ids[end] == _ids[start])
                {
                    end++;
                }

                yield return _items.AsMemory(start, end - start);
                start = end;
            }
        }

        public void Dispose()
        {
            ArrayPool<long>.Shared.Return(_ids);
            ArrayPool<int>.Shared.Return(_items);
        }

        private void Grow()
        {
            var ids = ArrayPool<long>.Shared.Rent(_count * 2);
            var items = ArrayPool<int>.Shared.Rent(_count * 2);
            Array.Copy(_ids, ids, _count);
            Array.Copy(_items, items, _count);
            Dispose();
            _ids = ids;
            _items = items;
        }
    }
}
