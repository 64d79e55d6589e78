using BusinessManager.Core.Catalog;

namespace BusinessManager.Core.Access;

/// <summary>
/// The in-memory access index: every fact that decides who may act on which asset, laid out so that a
/// check is a handful of array reads and one hash lookup. It is derived: built from the store at start-up
/// and advanced only by <see cref="Apply"/> in revision order, so it can be thrown away and rebuilt.
/// Readers may run concurrently with each other; an apply takes the write lock.
/// </summary>
public sealed partial class AccessIndex
{
    private const int None = -1;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);
    private readonly Dictionary<long, int> _personSlots = [];
    private readonly Dictionary<long, int> _businessSlots = [];
    private readonly Dictionary<long, int> _assetSlots = [];
    private readonly List<PersonNode> _persons = [];
    private readonly List<BusinessNode> _businesses = [];
    private readonly List<AssetNode?> _assets = [];

    // Assignments live in one struct array, threaded onto three lists: per (asset, person) pair, per person
    // and per asset. Removal is O(1); freed slots are reused. This keeps the heap at ~80 bytes an assignment.
    private readonly Dictionary<long, int> _pairHeads = [];
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
        foreach (var fact in facts)
        {
            index.ApplyOne(fact);
        }

        index.Revision = revision;

        return index;
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
        _businesses[business].Members[_personSlots[c.PersonId]] = c.Role;
        person.SetMembership(business, c.Role);
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
    }

    private void AddAsset(AssetCreated c)
    {
        var owner = SlotOfBusiness(c.OwnerId);
        var slot = _assets.Count;
        _assetSlots.Add(c.AssetId, slot);
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
                return;
            }
        }

        asset.Shares.Add(new ShareEntry(partner, c.Ceiling, ceiling));
        _businesses[partner].SharedIn.Add(slot);
    }

    private void EndShare(ShareEnded c)
    {
        if (!TryAsset(c.AssetId, out var slot, out var asset) || !_businessSlots.TryGetValue(c.PartnerId, out var partner))
        {
            return;
        }

        asset.Shares.RemoveAll(s => s.Partner == partner);
        _businesses[partner].SharedIn.Remove(slot);
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

    private PersonNode PersonSlot(long personId)
    {
        if (!_personSlots.TryGetValue(personId, out var slot))
        {
            slot = _persons.Count;
            _personSlots.Add(personId, slot);
            _persons.Add(new PersonNode(personId));
        }

        return _persons[slot];
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

    private sealed class PersonNode(long id)
    {
        public long Id { get; } = id;

        // People belong to a handful of businesses; a tiny array beats a dictionary here.
        public (int Business, BusinessRole Role)[] Memberships { get; private set; } = [];

        public int FirstAssignment { get; set; } = None;

        public BusinessRole? RoleIn(int business)
        {
            foreach (var (b, role) in Memberships)
            {
                if (b == business)
                {
                    return role;
                }
            }

            return null;
        }

        public void SetMembership(int business, BusinessRole role)
        {
            RemoveMembership(business);
            Memberships = [.. Memberships, (business, role)];
        }

        public void RemoveMembership(int business) =>
            Memberships = Memberships.Where(m => m.Business != business).ToArray();
    }

    private sealed class BusinessNode(long id)
    {
        public long Id { get; } = id;

        public string Name { get; set; } = "";

        public Dictionary<int, BusinessRole> Members { get; } = [];

        public HashSet<int> OwnedAssets { get; } = [];

        public HashSet<int> SharedIn { get; } = [];

        public HashSet<int> Partners { get; } = [];
    }

    private sealed class AssetNode(long id, int owner, AssetType type, string name)
    {
        public long Id { get; } = id;

        public int Owner { get; set; } = owner;

        public AssetType Type { get; } = type;

        public string Name { get; set; } = name;

        public List<ShareEntry> Shares { get; } = [];

        public int FirstAssignment { get; set; } = None;

        public Permission CeilingFor(int partner)
        {
            foreach (var share in Shares)
            {
                if (share.Partner == partner)
                {
                    return share.CeilingPermissions;
                }
            }

            return Permission.None;
        }
    }

    private readonly record struct ShareEntry(int Partner, AssetRole Ceiling, Permission CeilingPermissions);
}
