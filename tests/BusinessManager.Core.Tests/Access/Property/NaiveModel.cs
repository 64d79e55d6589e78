using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;

namespace BusinessManager.Core.Tests.Access.Property;

/// <summary>
/// The facts as plain collections, and rule 5 evaluated from scratch on every question: no slots, no linked
/// lists, nothing cached. It follows PRODUCT.md literally, including the conditions the index leaves to the
/// change log (a path counts only while the person is a member of the business that made it, and a share counts
/// only while the partnership it lives in is active), so a missing cascade shows up as a disagreement.
/// </summary>
public sealed class NaiveModel
{
    public Dictionary<long, string> Businesses { get; } = [];

    /// <summary>How many changes were applied; lets a caller vary what it samples from one step to the next.</summary>
    public long ChangeCount { get; private set; }

    public Dictionary<(long Business, long Person), BusinessRole> Members { get; } = [];

    public Dictionary<long, (long Owner, AssetType Type, string Name)> Assets { get; } = [];

    /// <summary>Every asset id ever created, archived or not: ids are never reused.</summary>
    public HashSet<long> UsedAssetIds { get; } = [];

    public HashSet<(long Low, long High)> Partnerships { get; } = [];

    public Dictionary<(long Asset, long Partner), AssetRole> Shares { get; } = [];

    public Dictionary<(long Person, long Asset, long By), AssetRole> Assignments { get; } = [];

    public static (long, long) Pair(long first, long second) => first < second ? (first, second) : (second, first);

    public bool ArePartners(long first, long second) => Partnerships.Contains(Pair(first, second));

    public bool IsMember(long business, long person) => Members.ContainsKey((business, person));

    public bool IsAdmin(long business, long person) =>
        Members.TryGetValue((business, person), out var role) && role == BusinessRole.Admin;

    public void Apply(Change change)
    {
        ChangeCount++;
        switch (change)
        {
            case BusinessCreated c:
                Businesses[c.BusinessId] = c.Name;
                break;
            case BusinessRenamed c:
                Businesses[c.BusinessId] = c.Name;
                break;
            case MemberSet c:
                Members[(c.BusinessId, c.PersonId)] = c.Role;
                break;
            case MemberRemoved c:
                Members.Remove((c.BusinessId, c.PersonId));
                break;
            case AssetCreated c:
                Assets[c.AssetId] = (c.OwnerId, c.Type, c.Name);
                UsedAssetIds.Add(c.AssetId);
                break;
            case AssetRenamed c when Assets.TryGetValue(c.AssetId, out var renamed):
                Assets[c.AssetId] = renamed with { Name = c.Name };
                break;
            case AssetRemoved c:
                Assets.Remove(c.AssetId);
                RemoveWhere(Shares, k => k.Asset == c.AssetId);
                RemoveWhere(Assignments, k => k.Asset == c.AssetId);
                break;
            case AssetOwnerChanged c when Assets.TryGetValue(c.AssetId, out var moved):
                Assets[c.AssetId] = moved with { Owner = c.OwnerId };
                break;
            case PartnershipActivated c:
                Partnerships.Add(Pair(c.FirstBusinessId, c.SecondBusinessId));
                break;
            case PartnershipEnded c:
                Partnerships.Remove(Pair(c.FirstBusinessId, c.SecondBusinessId));
                break;
            case ShareSet c when Assets.ContainsKey(c.AssetId):
                Shares[(c.AssetId, c.PartnerId)] = c.Ceiling;
                break;
            case ShareEnded c:
                Shares.Remove((c.AssetId, c.PartnerId));
                break;
            case AssignmentSet c when Assets.ContainsKey(c.AssetId):
                Assignments[(c.PersonId, c.AssetId, c.ByBusinessId)] = c.Role;
                break;
            case AssignmentRemoved c:
                Assignments.Remove((c.PersonId, c.AssetId, c.ByBusinessId));
                break;
        }
    }

    /// <summary>Rule 5 path by path: owner admin, owner assignment, partner assignment via an active share.</summary>
    public List<AccessPath> Paths(long person, long asset)
    {
        var paths = new List<AccessPath>();
        if (!Assets.TryGetValue(asset, out var a))
        {
            return paths;
        }

        if (IsAdmin(a.Owner, person))
        {
            paths.Add(new AccessPath(PathKind.OwnerAdmin, a.Owner, null, null, Everything(a.Type)));
        }

        if (IsMember(a.Owner, person) && Assignments.TryGetValue((person, asset, a.Owner), out var own))
        {
            paths.Add(new AccessPath(PathKind.OwnerAssignment, a.Owner, own, null, RoleCatalog.PermissionsOf(own)));
        }

        var partnerPaths = new List<AccessPath>();
        foreach (var partner in Businesses.Keys)
        {
            if (partner != a.Owner && IsMember(partner, person) && ArePartners(a.Owner, partner)
                && Shares.TryGetValue((asset, partner), out var ceiling)
                && Assignments.TryGetValue((person, asset, partner), out var role))
            {
                var granted = RoleCatalog.PermissionsOf(role) & RoleCatalog.PermissionsOf(ceiling);
                partnerPaths.Add(new AccessPath(PathKind.PartnerAssignment, partner, role, ceiling, granted));
            }
        }

        paths.AddRange(partnerPaths.OrderBy(p => p.BusinessId));
        return paths;
    }

    public Permission Effective(long person, long asset) =>
        Paths(person, asset).Aggregate(Permission.None, (all, path) => all | path.Granted);

    /// <summary>The owner's admins hold every permission of the asset's type: the union of that type's roles.</summary>
    public static Permission Everything(AssetType type) =>
        RoleCatalog.Roles.Where(r => r.AssetType == type).Aggregate(Permission.None, (all, r) => all | r.Permissions);

    /// <summary>The facts in the canonical order the index's snapshot promises.</summary>
    public List<Change> Facts()
    {
        var facts = new List<Change>();
        facts.AddRange(Businesses.OrderBy(b => b.Key).Select(b => new BusinessCreated(b.Key, b.Value)));
        foreach (var business in Businesses.Keys.Order())
        {
            facts.AddRange(Members.Where(m => m.Key.Business == business).OrderBy(m => m.Key.Person)
                .Select(m => new MemberSet(business, m.Key.Person, m.Value)));
            facts.AddRange(Partnerships.Where(p => p.Low == business).Select(p => p.High).Order()
                .Select(high => new PartnershipActivated(business, high)));
        }

        facts.AddRange(Assets.OrderBy(a => a.Key).Select(a => new AssetCreated(a.Key, a.Value.Owner, a.Value.Type,
            a.Value.Name)));
        facts.AddRange(Shares.OrderBy(s => s.Key.Asset).ThenBy(s => s.Key.Partner)
            .Select(s => new ShareSet(s.Key.Asset, s.Key.Partner, s.Value)));
        facts.AddRange(Assignments.OrderBy(a => a.Key.Asset).ThenBy(a => a.Key.Person).ThenBy(a => a.Key.By)
            .Select(a => new AssignmentSet(a.Key.Person, a.Key.Asset, a.Key.By, a.Value)));

        return facts;
    }

    /// <summary>
    /// What the cascades of rule 6 must leave behind: no assignment for a non-member or outside a share, no
    /// share outside an active partnership, and no business without an admin. Returns the first breach.
    /// </summary>
    public string? BrokenInvariant()
    {
        foreach (var ((person, asset, by), _) in Assignments)
        {
            var owner = Assets[asset].Owner;
            if (!IsMember(by, person))
            {
                return $"assignment ({person}, {asset}) by {by} outlived the membership";
            }

            if (by != owner && !Shares.ContainsKey((asset, by)))
            {
                return $"assignment ({person}, {asset}) by {by} outlived the share";
            }
        }

        foreach (var ((asset, partner), _) in Shares)
        {
            var owner = Assets[asset].Owner;
            if (partner == owner || !ArePartners(owner, partner))
            {
                return $"share of {asset} with {partner} outlived the partnership with owner {owner}";
            }
        }

        var orphan = Businesses.Keys.FirstOrDefault(b => !Members.Any(m => m.Key.Business == b
            && m.Value == BusinessRole.Admin));
        return orphan == 0 ? null : $"business {orphan} has no admin";
    }

    private static void RemoveWhere<TKey, TValue>(Dictionary<TKey, TValue> facts, Func<TKey, bool> match)
        where TKey : notnull
    {
        foreach (var key in facts.Keys.Where(match).ToList())
        {
            facts.Remove(key);
        }
    }
}
