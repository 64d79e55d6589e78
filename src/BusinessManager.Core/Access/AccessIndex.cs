using BusinessManager.Core.Catalog;

namespace BusinessManager.Core.Access;

/// <summary>
/// The in-memory access index: every fact that decides who may act on which asset, laid out so that a
/// check is three independent hash probes whose cache misses overlap. It is derived: built from the store
/// at start-up and advanced only by <see cref="Apply"/> in revision order, so it can be thrown away and
/// rebuilt. Readers may run concurrently with each other; an apply takes the write lock.
/// </summary>
public sealed partial class AccessIndex
{
    private const int None = -1;

    // In the person table, the business a person administers when there is exactly one; with several the
    // check asks the person's node (rare: most people administer one business or none).
    private const int ManyAdmin = -2;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);

    // People and assets map id -> slot through IdTables, which carry beside the slot what a check needs so
    // that it never reads a node: the business a person administers, an asset's owner and type.
    private readonly IdTable _personSlots = new();
    private readonly Dictionary<long, int> _businessSlots = [];
    private readonly IdTable _assetSlots = new();
    private readonly List<PersonNode> _persons = [];
    private readonly List<BusinessNode> _businesses = [];
    private readonly List<AssetNode?> _assets = [];

    // Assignments live in one struct array, threaded onto three lists: per (asset, person) pair, per person
    // and per asset. Removal is O(1); freed slots are reused. The pair table (AccessIndex.Assignments.cs)
    // holds each pair's list head and what its assignments grant, so a check reads no assignment.
    private Assignment[] _assignments = new Assignment[1024];
    private int _assignmentHighWater;
    private int _freeAssignment = None;
    private int _assignmentCount;

    public long Revision { get; private set; }

    public int AssignmentCount => _assignmentCount;

    /// <summary>Applies one committed revision's changes. Revisions must arrive in order, each once.</summary>
    public void Apply(long revision, IReadOnlyList<Change> changes)
    {
        _lock.EnterWriteLock();
        try
        {
            if (revision <= Revision)
            {
                return;
            }

            foreach (var change in changes)
            {
                ApplyOne(change);
            }

            Revision = revision;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Builds an index from a snapshot of current facts (as changes) at a known revision.</summary>
    public static AccessIndex Build(long revision, IEnumerable<Change> facts)
    {
        var index = new AccessIndex();
        if (facts is IReadOnlyCollection<Change> collection)
        {
            index.Reserve(collection);
        }

        var run = new List<AssignmentSet>();
        foreach (var fact in facts)
        {
            if (fact is AssignmentSet assignment)
            {
                run.Add(assignment);
                continue;
            }

            index.ApplyByPerson(run);
            index.ApplyOne(fact);
        }

        index.ApplyByPerson(run);
        index.Revision = revision;

        return index;
    }

    // A run of consecutive assignments is applied person by person, so that each person's assignments take
    // neighbouring slots and AssetsOf walks memory in order instead of missing the cache at every step.
    // Facts of one person keep their order, so a repeated fact still ends as it would have; facts of
    // different people commute.
    private void ApplyByPerson(List<AssignmentSet> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        var people = new long[run.Count];
        var positions = new int[run.Count];
        for (var i = 0; i < run.Count; i++)
        {
            people[i] = run[i].PersonId;
            positions[i] = i;
        }

        Array.Sort(people, positions);
        for (var start = 0; start < run.Count;)
        {
            var end = start + 1;
            while (end < run.Count && people[end] == people[start])
            {
                end++;
            }

            Array.Sort(positions, start, end - start);
            for (var i = start; i < end; i++)
            {
                SetAssignment(run[positions[i]]);
            }

            start = end;
        }

        run.Clear();
    }

    // Sizing the tables up front spares a million inserts their rehashing and array doubling. It takes a
    // second pass over the facts, so it is done only for a collection, never for a one-shot sequence.
    private void Reserve(IReadOnlyCollection<Change> facts)
    {
        int people = 0, assets = 0, assignments = 0;
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case MemberSet:
                    people++;
                    break;
                case AssetCreated:
                    assets++;
                    break;
                case AssignmentSet:
                    assignments++;
                    break;
            }
        }

        _personSlots.EnsureCapacity(people);
        _assetSlots.EnsureCapacity(assets);
        ReserveAssignments(assignments);
    }

    private void ApplyOne(Change change)
    {
        switch (change)
        {
            case BusinessCreated c:
                BusinessSlot(c.BusinessId).Name = c.Name;
                break;
            case BusinessRenamed c:
                BusinessSlot(c.BusinessId).Name = c.Name;
                break;
            case MemberSet c:
                SetMember(c);
                break;
            case MemberRemoved c:
                RemoveMember(c);
                break;
            case AssetCreated c:
                AddAsset(c);
                break;
            case AssetRenamed c:
                if (TryAsset(c.AssetId, out _, out var renamed))
                {
                    renamed.Name = c.Name;
                }

                break;
            case AssetRemoved c:
                RemoveAsset(c.AssetId);
                break;
            case AssetOwnerChanged c:
                ChangeOwner(c);
                break;
            case PartnershipActivated c:
                BusinessSlot(c.FirstBusinessId).Partners.Add(SlotOfBusiness(c.SecondBusinessId));
                BusinessSlot(c.SecondBusinessId).Partners.Add(SlotOfBusiness(c.FirstBusinessId));
                break;
            case PartnershipEnded c:
                BusinessSlot(c.FirstBusinessId).Partners.Remove(SlotOfBusiness(c.SecondBusinessId));
                BusinessSlot(c.SecondBusinessId).Partners.Remove(SlotOfBusiness(c.FirstBusinessId));
                break;
            case ShareSet c:
                SetShare(c);
                break;
            case ShareEnded c:
                EndShare(c);
                break;
            case AssignmentSet c:
                SetAssignment(c);
                break;
            case AssignmentRemoved c:
                RemoveAssignment(c.PersonId, c.AssetId, c.ByBusinessId);
                break;
            default:
                throw new ArgumentException($"Unknown change {change.GetType().Name}", nameof(change));
        }
    }

    private void SetMember(MemberSet c)
    {
        var business = SlotOfBusiness(c.BusinessId);
        var person = PersonSlot(c.PersonId);
        _businesses[business].Members[person] = c.Role;
        _persons[person].SetMembership(business, c.Role);
        RefreshAdminOf(person);
    }

    private void RemoveMember(MemberRemoved c)
    {
        if (!_businessSlots.TryGetValue(c.BusinessId, out var business)
            || !_personSlots.TryGetValue(c.PersonId, out var person))
        {
            return;
        }

        _businesses[business].Members.Remove(person);
        _persons[person].RemoveMembership(business);
        RefreshAdminOf(person);
    }

    private void RefreshAdminOf(int person)
    {
        var node = _persons[person];
        var adminOf = None;
        foreach (var (business, role) in node.Memberships)
        {
            if (role == BusinessRole.Admin)
            {
                adminOf = adminOf == None ? business : ManyAdmin;
            }
        }

        _personSlots.SetExtra(node.Id, adminOf);
    }

    private bool IsAdmin(int person, int adminOf, int business) =>
        adminOf == business || (adminOf == ManyAdmin && _persons[person].RoleIn(business) == BusinessRole.Admin);

    // An asset's entry in the asset table carries its owner's slot and whether it is a page.
    private static int AssetFacts(int owner, AssetType type) => (owner << 1) | (type == AssetType.Page ? 1 : 0);

    private static int OwnerOf(int assetFacts) => assetFacts >> 1;

    private static Permission AllFor(int assetFacts) =>
        RoleCatalog.AllFor((assetFacts & 1) != 0 ? AssetType.Page : AssetType.AdAccount);

    private void AddAsset(AssetCreated c)
    {
        var owner = SlotOfBusiness(c.OwnerId);
        var slot = _assets.Count;
        _assetSlots.Add(c.AssetId, slot, AssetFacts(owner, c.Type));
        _assets.Add(new AssetNode(c.AssetId, owner, c.Type, c.Name));
        _businesses[owner].OwnedAssets.Add(slot);
    }

    private void RemoveAsset(long assetId)
    {
        if (!TryAsset(assetId, out var slot, out var asset))
        {
            return;
        }

        for (var i = asset.FirstAssignment; i != None;)
        {
            var next = _assignments[i].NextOnAsset;
            FreeAssignment(i);
            i = next;
        }

        foreach (var share in asset.Shares)
        {
            _businesses[share.Partner].SharedIn.Remove(slot);
        }

        _businesses[asset.Owner].OwnedAssets.Remove(slot);
        _assetSlots.Remove(assetId);
        _assets[slot] = null;
    }

    private void ChangeOwner(AssetOwnerChanged c)
    {
        if (!TryAsset(c.AssetId, out var slot, out var asset))
        {
            return;
        }

        _businesses[asset.Owner].OwnedAssets.Remove(slot);
        asset.Owner = SlotOfBusiness(c.OwnerId);
        _businesses[asset.Owner].OwnedAssets.Add(slot);
        _assetSlots.SetExtra(c.AssetId, AssetFacts(asset.Owner, asset.Type));

        // Assignments by the new owner stop being capped by a ceiling, and the old owner's start to be.
        RefreshPairs(slot, None);
    }

    private void SetShare(ShareSet c)
    {
        if (!TryAsset(c.AssetId, out var slot, out var asset))
        {
            return;
        }

        var partner = SlotOfBusiness(c.PartnerId);
        var ceiling = RoleCatalog.PermissionsOf(c.Ceiling);
        for (var i = 0; i < asset.Shares.Count; i++)
        {
            if (asset.Shares[i].Partner == partner)
            {
                asset.Shares[i] = new ShareEntry(partner, c.Ceiling, ceiling);
                RefreshPairs(slot, partner);
                return;
            }
        }

        asset.Shares.Add(new ShareEntry(partner, c.Ceiling, ceiling));
        _businesses[partner].SharedIn.Add(slot);
        RefreshPairs(slot, partner);
    }

    private void EndShare(ShareEnded c)
    {
        if (!TryAsset(c.AssetId, out var slot, out var asset)
            || !_businessSlots.TryGetValue(c.PartnerId, out var partner))
        {
            return;
        }

        asset.Shares.RemoveAll(s => s.Partner == partner);
        _businesses[partner].SharedIn.Remove(slot);
        RefreshPairs(slot, partner);
    }

    private BusinessNode BusinessSlot(long businessId) => _businesses[SlotOfBusiness(businessId)];

    private int SlotOfBusiness(long businessId)
    {
        if (!_businessSlots.TryGetValue(businessId, out var slot))
        {
            slot = _businesses.Count;
            _businessSlots.Add(businessId, slot);
            _businesses.Add(new BusinessNode(businessId));
        }

        return slot;
    }

    private int PersonSlot(long personId)
    {
        if (!_personSlots.TryGetValue(personId, out var slot))
        {
            slot = _persons.Count;
            _personSlots.Add(personId, slot, None);
            _persons.Add(new PersonNode(personId));
        }

        return slot;
    }

    private bool TryAsset(long assetId, out int slot, out AssetNode asset)
    {
        if (_assetSlots.TryGetValue(assetId, out slot) && _assets[slot] is { } node)
        {
            asset = node;
            return true;
        }

        asset = null!;
        return false;
    }
}
