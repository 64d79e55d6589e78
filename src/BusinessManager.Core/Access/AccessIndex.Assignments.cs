using BusinessManager.Core.Catalog;

namespace BusinessManager.Core.Access;

public sealed partial class AccessIndex
{
    // A pair entry caches the union of what its assignments grant as a uint; a permission set that does not
    // fit (the catalog would have to pass 32 permissions) is marked and computed on each read instead.
    private const uint Uncached = uint.MaxValue;

    // The pair table: one 16-byte entry per (person, asset) pair that has assignments, open addressing with
    // linear probing. It is keyed by slots but hashed by ids, so a check can start its probe before it knows
    // the slots, and its cache miss overlaps those of the person and asset tables.
    private PairEntry[] _pairs = NewPairs(16);
    private int _pairCount;

    private void SetAssignment(AssignmentSet c)
    {
        if (!TryAsset(c.AssetId, out var asset, out var assetNode))
        {
            return;
        }

        var person = PersonSlot(c.PersonId);
        var business = SlotOfBusiness(c.ByBusinessId);
        var pair = FindPair(c.PersonId, c.AssetId, person, asset);
        var existing = pair == None ? None : FindOnPair(_pairs[pair].Head, business);
        if (existing != None)
        {
            _assignments[existing].Role = c.Role;
            RefreshPair(pair);
            return;
        }

        var slot = AllocateAssignment();
        ref var a = ref _assignments[slot];
        a = new Assignment { Person = person, Asset = asset, Business = business, Role = c.Role };

        if (pair == None)
        {
            a.NextOnPair = None;
            pair = AddPair(c.PersonId, c.AssetId, person, asset, slot);
        }
        else
        {
            a.NextOnPair = _pairs[pair].Head;
            _pairs[pair].Head = slot;
        }

        var personNode = _persons[person];
        a.NextOnPerson = personNode.FirstAssignment;
        a.PrevOnPerson = None;
        if (a.NextOnPerson != None)
        {
            _assignments[a.NextOnPerson].PrevOnPerson = slot;
        }

        personNode.FirstAssignment = slot;

        a.NextOnAsset = assetNode.FirstAssignment;
        a.PrevOnAsset = None;
        if (a.NextOnAsset != None)
        {
            _assignments[a.NextOnAsset].PrevOnAsset = slot;
        }

        assetNode.FirstAssignment = slot;
        _assignmentCount++;
        RefreshPair(pair);
    }

    private void RemoveAssignment(long personId, long assetId, long byBusinessId)
    {
        if (!_assetSlots.TryGetValue(assetId, out var asset)
            || !_personSlots.TryGetValue(personId, out var person)
            || !_businessSlots.TryGetValue(byBusinessId, out var business))
        {
            return;
        }

        var slot = FindAssignment(asset, person, business);
        if (slot != None)
        {
            FreeAssignment(slot);
        }
    }

    private int FindAssignment(int asset, int person, int business)
    {
        var pair = FindPair(person, asset);
        return pair == None ? None : FindOnPair(_pairs[pair].Head, business);
    }

    private int FindOnPair(int head, int business)
    {
        for (var slot = head; slot != None; slot = _assignments[slot].NextOnPair)
        {
            if (_assignments[slot].Business == business)
            {
                return slot;
            }
        }

        return None;
    }

    private void ReserveAssignments(int count)
    {
        if (count > _assignments.Length)
        {
            Array.Resize(ref _assignments, count);
        }

        if ((long)count * 10 > (long)_pairs.Length * 7)
        {
            ResizePairs(count / 7 * 10 + 16);
        }
    }

    private int AllocateAssignment()
    {
        if (_freeAssignment != None)
        {
            var reused = _freeAssignment;
            _freeAssignment = _assignments[reused].NextOnPair;
            return reused;
        }

        if (_assignmentHighWater == _assignments.Length)
        {
            Array.Resize(ref _assignments, _assignments.Length * 2);
        }

        return _assignmentHighWater++;
    }

    private void FreeAssignment(int slot)
    {
        ref var a = ref _assignments[slot];
        UnlinkFromPair(slot, a.Asset, a.Person);

        if (a.PrevOnPerson != None)
        {
            _assignments[a.PrevOnPerson].NextOnPerson = a.NextOnPerson;
        }
        else
        {
            _persons[a.Person].FirstAssignment = a.NextOnPerson;
        }

        if (a.NextOnPerson != None)
        {
            _assignments[a.NextOnPerson].PrevOnPerson = a.PrevOnPerson;
        }

        if (a.PrevOnAsset != None)
        {
            _assignments[a.PrevOnAsset].NextOnAsset = a.NextOnAsset;
        }
        else if (_assets[a.Asset] is { } asset)
        {
            asset.FirstAssignment = a.NextOnAsset;
        }

        if (a.NextOnAsset != None)
        {
            _assignments[a.NextOnAsset].PrevOnAsset = a.PrevOnAsset;
        }

        a = new Assignment { Person = None, NextOnPair = _freeAssignment };
        _freeAssignment = slot;
        _assignmentCount--;
    }

    private void UnlinkFromPair(int slot, int asset, int person)
    {
        var pair = FindPair(person, asset);
        ref var entry = ref _pairs[pair];
        if (entry.Head == slot)
        {
            entry.Head = _assignments[slot].NextOnPair;
            if (entry.Head == None)
            {
                RemovePairAt(pair);
                return;
            }
        }
        else
        {
            for (var i = entry.Head; i != None; i = _assignments[i].NextOnPair)
            {
                if (_assignments[i].NextOnPair == slot)
                {
                    _assignments[i].NextOnPair = _assignments[slot].NextOnPair;
                    break;
                }
            }
        }

        RefreshPair(pair);
    }

    /// <summary>Recomputes what the pairs on an asset grant, for one business's assignments or (None) all.</summary>
    private void RefreshPairs(int asset, int business)
    {
        for (var i = _assets[asset]!.FirstAssignment; i != None; i = _assignments[i].NextOnAsset)
        {
            if (business == None || _assignments[i].Business == business)
            {
                RefreshPair(FindPair(_assignments[i].Person, asset));
            }
        }
    }

    private void RefreshPair(int pair)
    {
        ref var entry = ref _pairs[pair];
        var granted = Granted(entry);
        entry.Permissions = (ulong)granted < Uncached ? (uint)granted : Uncached;
    }

    private Permission PairPermissions(int pair)
    {
        var cached = _pairs[pair].Permissions;
        return cached != Uncached ? (Permission)cached : Granted(_pairs[pair]);
    }

    /// <summary>What a pair's assignments grant (rule 5 without the owner-admin path).</summary>
    private Permission Granted(in PairEntry entry)
    {
        var asset = _assets[entry.Asset]!;
        var permissions = Permission.None;
        for (var slot = entry.Head; slot != None; slot = _assignments[slot].NextOnPair)
        {
            ref readonly var assignment = ref _assignments[slot];
            var granted = RoleCatalog.PermissionsOf(assignment.Role);
            permissions |= assignment.Business == asset.Owner
                ? granted
                : granted & asset.CeilingFor(assignment.Business);
        }

        return permissions;
    }

    private int FindPair(int person, int asset) => FindPair(_persons[person].Id, _assets[asset]!.Id, person, asset);

    private int FindPair(long personId, long assetId, int person, int asset)
    {
        var pairs = _pairs;
        for (var i = PairHome(personId, assetId, pairs.Length); ; i = Next(i, pairs.Length))
        {
            ref readonly var entry = ref pairs[i];
            if (entry.Head == None)
            {
                return None;
            }

            if (entry.Person == person && entry.Asset == asset)
            {
                return i;
            }
        }
    }

    private int AddPair(long personId, long assetId, int person, int asset, int head)
    {
        if ((long)(_pairCount + 1) * 10 > (long)_pairs.Length * 7)
        {
            ResizePairs(_pairs.Length * 2);
        }

        _pairCount++;
        return PlacePair(_pairs, personId, assetId, new PairEntry { Person = person, Asset = asset, Head = head });
    }

    private static int PlacePair(PairEntry[] pairs, long personId, long assetId, PairEntry entry)
    {
        var i = PairHome(personId, assetId, pairs.Length);
        while (pairs[i].Head != None)
        {
            i = Next(i, pairs.Length);
        }

        pairs[i] = entry;
        return i;
    }

    // Deletion shifts later entries of the cluster back into the hole, so lookups never meet a tombstone.
    private void RemovePairAt(int hole)
    {
        var pairs = _pairs;
        for (var i = Next(hole, pairs.Length); pairs[i].Head != None; i = Next(i, pairs.Length))
        {
            var home = PairHome(_persons[pairs[i].Person].Id, _assets[pairs[i].Asset]!.Id, pairs.Length);
            if (!CyclicallyWithin(home, hole, i))
            {
                pairs[hole] = pairs[i];
                hole = i;
            }
        }

        pairs[hole] = new PairEntry { Head = None };
        _pairCount--;
    }

    private void ResizePairs(int capacity)
    {
        var old = _pairs;
        _pairs = NewPairs(capacity);
        foreach (var entry in old)
        {
            if (entry.Head != None)
            {
                PlacePair(_pairs, _persons[entry.Person].Id, _assets[entry.Asset]!.Id, entry);
            }
        }
    }

    private static PairEntry[] NewPairs(int capacity)
    {
        var pairs = new PairEntry[capacity];
        Array.Fill(pairs, new PairEntry { Head = None });
        return pairs;
    }

    private static int PairHome(long personId, long assetId, int length) =>
        Reduce(Spread(((ulong)personId * 0x9E3779B97F4A7C15UL) + (ulong)assetId), length);

    // Fibonacci hashing: the high bits of id × 2^64/φ are well mixed even for sequential ids.
    private static uint Spread(ulong x) => (uint)(((x ^ (x >> 29)) * 0x9E3779B97F4A7C15UL) >> 32);

    // Maps a 32-bit hash onto [0, length) with a multiply instead of a division, so any length will do.
    private static int Reduce(uint hash, int length) => (int)(((ulong)hash * (uint)length) >> 32);

    private static int Next(int i, int length) => i + 1 == length ? 0 : i + 1;

    private static bool CyclicallyWithin(int x, int after, int upTo) =>
        after <= upTo ? x > after && x <= upTo : x > after || x <= upTo;

    private struct PairEntry
    {
        public int Person;
        public int Asset;

        /// <summary>First assignment on the pair; <see cref="None"/> marks an empty entry.</summary>
        public int Head;

        public uint Permissions;
    }

    private struct Assignment
    {
        public int Person;
        public int Asset;
        public int Business;
        public int NextOnPair;
        public int NextOnPerson;
        public int PrevOnPerson;
        public int NextOnAsset;
        public int PrevOnAsset;
        public AssetRole Role;
    }
}
