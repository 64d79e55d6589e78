using BusinessManager.Core.Catalog;

namespace BusinessManager.Core.Access;

/// <summary>Plain reads of the facts the rules need: who is a member, who owns what, what is shared.</summary>
public sealed partial class AccessIndex
{
    public bool BusinessExists(long businessId) => Read(() => _businessSlots.ContainsKey(businessId));

    public string? BusinessName(long businessId) =>
        Read(() => _businessSlots.TryGetValue(businessId, out var slot) ? _businesses[slot].Name : null);

    public BusinessRole? RoleOf(long personId, long businessId) => Read(() =>
        _personSlots.TryGetValue(personId, out var person) && _businessSlots.TryGetValue(businessId, out var business)
            ? _persons[person].RoleIn(business)
            : null);

    public int AdminCount(long businessId) => Read(() =>
        _businessSlots.TryGetValue(businessId, out var slot)
            ? _businesses[slot].Members.Values.Count(r => r == BusinessRole.Admin)
            : 0);

    public IReadOnlyList<MemberView> MembersOf(long businessId) => Read(() =>
        _businessSlots.TryGetValue(businessId, out var slot)
            ? _businesses[slot].Members.Select(m => new MemberView(businessId, _persons[m.Key].Id, m.Value))
                .OrderBy(m => m.PersonId).ToList()
            : new List<MemberView>());

    public IReadOnlyList<MemberView> MembershipsOf(long personId) => Read(() =>
        _personSlots.TryGetValue(personId, out var slot)
            ? _persons[slot].Memberships.Select(m => new MemberView(_businesses[m.Business].Id, personId, m.Role))
                .OrderBy(m => m.BusinessId).ToList()
            : new List<MemberView>());

    public AssetView? Asset(long assetId) => Read(() => TryAsset(assetId, out _, out var a) ? ViewOf(a) : null);

    public IReadOnlyList<AssetView> AssetsOwnedBy(long businessId) => Read(() =>
        _businessSlots.TryGetValue(businessId, out var slot)
            ? _businesses[slot].OwnedAssets.Select(a => ViewOf(_assets[a]!)).OrderBy(a => a.AssetId).ToList()
            : new List<AssetView>());

    public bool ArePartners(long first, long second) => Read(() =>
        _businessSlots.TryGetValue(first, out var a) && _businessSlots.TryGetValue(second, out var b)
        && _businesses[a].Partners.Contains(b));

    public IReadOnlyList<long> PartnersOf(long businessId) => Read(() =>
        _businessSlots.TryGetValue(businessId, out var slot)
            ? _businesses[slot].Partners.Select(p => _businesses[p].Id).Order().ToList()
            : new List<long>());

    public AssetRole? ShareCeiling(long assetId, long partnerId) => Read(() =>
    {
        if (!TryAsset(assetId, out _, out var asset) || !_businessSlots.TryGetValue(partnerId, out var partner))
        {
            return (AssetRole?)null;
        }

        var share = asset.Shares.Find(s => s.Partner == partner);
        return share.CeilingPermissions == Permission.None ? null : share.Ceiling;
    });

    public IReadOnlyList<ShareView> SharesOf(long assetId) => Read(() =>
        TryAsset(assetId, out _, out var asset)
            ? asset.Shares.Select(s => new ShareView(asset.Id, _businesses[asset.Owner].Id, _businesses[s.Partner].Id,
                s.Ceiling)).OrderBy(s => s.PartnerId).ToList()
            : new List<ShareView>());

    /// <summary>Shares in which this business is the partner ("shared with us").</summary>
    public IReadOnlyList<ShareView> SharesWith(long partnerId) => Read(() =>
        _businessSlots.TryGetValue(partnerId, out var slot)
            ? _businesses[slot].SharedIn.Select(a => _assets[a]!)
                .Select(a => new ShareView(a.Id, _businesses[a.Owner].Id, partnerId,
                    a.Shares.Find(s => s.Partner == slot).Ceiling))
                .OrderBy(s => s.AssetId).ToList()
            : new List<ShareView>());

    /// <summary>Shares of this business's own assets ("shared by us").</summary>
    public IReadOnlyList<ShareView> SharesBy(long ownerId) => Read(() =>
        _businessSlots.TryGetValue(ownerId, out var slot)
            ? _businesses[slot].OwnedAssets.Select(a => _assets[a]!)
                .SelectMany(a => a.Shares.Select(s => new ShareView(a.Id, ownerId, _businesses[s.Partner].Id, s.Ceiling)))
                .OrderBy(s => s.AssetId).ThenBy(s => s.PartnerId).ToList()
            : new List<ShareView>());

    public AssetRole? AssignmentRole(long personId, long assetId, long byBusinessId) => Read(() =>
    {
        if (!_assetSlots.TryGetValue(assetId, out var asset) || !_personSlots.TryGetValue(personId, out var person)
            || !_businessSlots.TryGetValue(byBusinessId, out var business))
        {
            return (AssetRole?)null;
        }

        var slot = FindAssignment(asset, person, business);
        return slot == None ? null : _assignments[slot].Role;
    });

    public IReadOnlyList<AssignmentView> AssignmentsOnAsset(long assetId) => Read(() =>
    {
        var result = new List<AssignmentView>();
        if (TryAsset(assetId, out _, out var asset))
        {
            for (var i = asset.FirstAssignment; i != None; i = _assignments[i].NextOnAsset)
            {
                result.Add(ViewOf(in _assignments[i]));
            }
        }

        return Ordered(result);
    });

    public IReadOnlyList<AssignmentView> AssignmentsOfPerson(long personId) => Read(() =>
    {
        var result = new List<AssignmentView>();
        if (_personSlots.TryGetValue(personId, out var person))
        {
            for (var i = _persons[person].FirstAssignment; i != None; i = _assignments[i].NextOnPerson)
            {
                result.Add(ViewOf(in _assignments[i]));
            }
        }

        return Ordered(result);
    });

    /// <summary>
    /// Every current fact as a canonical, ordered list of changes. Building a fresh index from it gives the
    /// same answers; two indexes are equal when their snapshots are.
    /// </summary>
    public IReadOnlyList<Change> Snapshot() => Read(() =>
    {
        var facts = new List<Change>();
        foreach (var business in _businesses.OrderBy(b => b.Id))
        {
            facts.Add(new BusinessCreated(business.Id, business.Name));
        }

        foreach (var business in _businesses.OrderBy(b => b.Id))
        {
            facts.AddRange(business.Members.Select(m => new MemberSet(business.Id, _persons[m.Key].Id, m.Value))
                .OrderBy(m => m.PersonId));
            facts.AddRange(business.Partners.Select(p => _businesses[p].Id).Where(p => p > business.Id).Order()
                .Select(p => new PartnershipActivated(business.Id, p)));
        }

        var assets = _assets.OfType<AssetNode>().OrderBy(a => a.Id).ToList();
        facts.AddRange(assets.Select(a => new AssetCreated(a.Id, _businesses[a.Owner].Id, a.Type, a.Name)));
        facts.AddRange(assets.SelectMany(a => a.Shares.Select(s => new ShareSet(a.Id, _businesses[s.Partner].Id, s.Ceiling))
            .OrderBy(s => s.PartnerId)));
        facts.AddRange(assets.SelectMany(a => AssignmentsOnAsset(a.Id))
            .Select(v => new AssignmentSet(v.PersonId, v.AssetId, v.ByBusinessId, v.Role)));

        return (IReadOnlyList<Change>)facts;
    });

    private static List<AssignmentView> Ordered(List<AssignmentView> views) =>
        views.OrderBy(v => v.AssetId).ThenBy(v => v.PersonId).ThenBy(v => v.ByBusinessId).ToList();

    private AssignmentView ViewOf(in Assignment a) =>
        new(_persons[a.Person].Id, _assets[a.Asset]!.Id, _businesses[a.Business].Id, a.Role);

    private AssetView ViewOf(AssetNode asset) => new(asset.Id, _businesses[asset.Owner].Id, asset.Type, asset.Name);

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }
}
