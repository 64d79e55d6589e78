using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;
using BusinessManager.Core.Rules;

namespace BusinessManager.Core.Tests.Access.Property;

/// <summary>
/// Runs generated steps over a small universe (5 businesses, 30 people, 40 assets). Most steps go through the
/// Core rules with an actor picked from the business (usually an admin, sometimes not, sometimes an outsider),
/// so refusals happen too; the raw steps write changes directly, as another process or an operator command
/// would, but only ones the store could hold. Every applied revision goes to the index and to the naive model.
/// </summary>
public sealed class Scenario
{
    public const int BusinessCount = 5;
    public const int PeopleCount = 30;
    public const int AssetCount = 40;

    public static readonly long[] AllPeople = Enumerable.Range(0, PeopleCount).Select(i => 101L + i).ToArray();

    public static readonly long[] AllAssets = Enumerable.Range(0, AssetCount).Select(i => 1001L + i).ToArray();

    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private string? _refusal;

    public AccessIndex Index { get; } = new();

    public NaiveModel Model { get; } = new();

    public long Revision { get; private set; }

    /// <summary>How each step ended, by kind: "ok", the refusal's code, or "skipped" (nothing to do).</summary>
    public Dictionary<string, int> Outcomes { get; } = [];

    /// <summary>Runs one step; returns the changes it committed, or null when it was skipped or refused.</summary>
    public List<Change>? Run(Op op)
    {
        _refusal = null;
        var changes = op.Kind switch
        {
            OpKind.CreateBusiness => CreateBusiness(op),
            OpKind.AddMember => AddMember(op),
            OpKind.ChangeRole => InBusiness(op.X, b => Allowed(MemberRules.ChangeRole(Index, Actor(b, op.W), b,
                Pick(Members(b), op.Y), (BusinessRole)(1 + (op.Z % 3))))),
            OpKind.RemoveMember => InBusiness(op.X, b => RemoveMember(b, op)),
            OpKind.DeletePerson => Allowed(MemberRules.DeletePerson(Index, 101 + (op.Y % PeopleCount))),
            OpKind.CreateAsset => CreateAsset(op),
            OpKind.RenameAsset => OnAsset(op.X, a => [new AssetRenamed(a, $"Asset {a} v{op.Y}")]),
            OpKind.ActivatePartnership => ActivatePartnership(op),
            OpKind.EndPartnership => EndPartnership(op),
            OpKind.Share => Share(op),
            OpKind.ChangeCeiling => OnShare(op.X, (a, p) => Allowed(ShareRules.ChangeCeiling(Index,
                Actor(Owner(a), op.W), Owner(a), a, p, RoleFor(a, op.Z)))),
            OpKind.EndShare => OnShare(op.X, (a, p) => Allowed(ShareRules.End(Index, Actor(Owner(a), op.W), Owner(a),
                a, p))),
            OpKind.Assign => OnAsset(op.X, a => Assign(a, op)),
            OpKind.Unassign => OnAssignment(op.X, k => Unassign(k, op)),
            OpKind.RawAssign => OnAsset(op.X, a => RawAssign(a, op)),
            OpKind.RawUnassign => OnAssignment(op.X, k => [new AssignmentRemoved(k.Person, k.Asset, k.By)]),
            OpKind.Archive => OnAsset(op.X, a => Allowed(AssetRules.Archive(Index, Actor(Owner(a), op.W), Owner(a),
                a))),
            OpKind.ChangeOwner => OnAsset(op.X, a => ChangeOwner(a, op)),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };

        var outcome = $"{op.Kind}:{_refusal ?? (changes is { Count: > 0 } ? "ok" : "skipped")}";
        Outcomes[outcome] = Outcomes.GetValueOrDefault(outcome) + 1;
        if (changes is null || changes.Count == 0)
        {
            return null;
        }

        Index.Apply(++Revision, changes);
        changes.ForEach(Model.Apply);

        return changes;
    }

    private List<Change>? CreateBusiness(Op op)
    {
        // The business named by X, or else the first one not yet created: every creation step creates one.
        var business = Enumerable.Range(0, BusinessCount).Select(i => 1L + ((op.X + i) % BusinessCount))
            .FirstOrDefault(b => !Model.Businesses.ContainsKey(b));
        if (business == 0)
        {
            return null;
        }

        return [new BusinessCreated(business, $"Business {business}"),
            new MemberSet(business, 101 + (op.Y % PeopleCount), BusinessRole.Admin)];
    }

    private List<Change>? AddMember(Op op) => InBusiness(op.X, b =>
    {
        var person = 101L + (op.Y % PeopleCount);
        return Model.IsMember(b, person) ? null : [new MemberSet(b, person, (BusinessRole)(1 + (op.Z % 3)))];
    });

    private List<Change>? RemoveMember(long business, Op op)
    {
        var target = Pick(Members(business), op.Y);
        var actor = op.W % 5 == 0 ? target : Actor(business, op.W);

        return Allowed(MemberRules.Remove(Index, actor, business, target));
    }

    private List<Change>? CreateAsset(Op op)
    {
        var asset = 1001L + (op.X % AssetCount);
        if (Model.UsedAssetIds.Contains(asset))
        {
            return null;
        }

        var type = op.Z % 2 == 0 ? AssetType.AdAccount : AssetType.Page;
        return InBusiness(op.Y, b => [new AssetCreated(asset, b, type, $"Asset {asset}")]);
    }

    private List<Change>? ActivatePartnership(Op op)
    {
        var businesses = Businesses();
        if (businesses.Count < 2)
        {
            return null;
        }

        var requester = Pick(businesses, op.X);
        var target = Pick(businesses, op.Y);
        if (PartnershipRules.Request(Index, Actor(requester, op.W), requester, target, [], Now) is { } refused)
        {
            _refusal = refused.Code;
            return null;
        }

        var pending = new PartnershipState(1, requester, target, PartnershipStatus.Pending, Now.AddDays(30));
        return Allowed(PartnershipRules.Accept(Index, Actor(target, op.Z), target, pending, Now));
    }

    private List<Change>? EndPartnership(Op op)
    {
        var pairs = Model.Partnerships.Order().ToList();
        if (pairs.Count == 0)
        {
            return null;
        }

        var (low, high) = Pick(pairs, op.X);
        var side = op.Y % 2 == 0 ? low : high;
        var active = new PartnershipState(1, low, high, PartnershipStatus.Active, Now);

        return Allowed(PartnershipRules.End(Index, Actor(side, op.W), side, active));
    }

    private List<Change>? Share(Op op)
    {
        // Usually an asset whose owner has a partner to share with; one time in four any asset and any business.
        var assets = Model.Assets.Keys.Order().ToList();
        var shareable = assets.Where(a => Businesses().Any(b => Model.ArePartners(Owner(a), b))).ToList();
        if (assets.Count == 0)
        {
            return null;
        }

        var asset = op.Y % 4 != 0 && shareable.Count > 0 ? Pick(shareable, op.X) : Pick(assets, op.X);
        var owner = Owner(asset);
        var partners = Businesses().Where(b => Model.ArePartners(owner, b)).ToList();
        var partner = op.Y % 4 == 0 || partners.Count == 0 ? Pick(Businesses(), op.Y) : Pick(partners, op.Y);

        // Now and then a partner tries to re-share what it was given; the rules must refuse it.
        var sharedWith = Model.Shares.Keys.Where(k => k.Asset == asset).Select(k => k.Partner).Order().ToList();
        var acting = op.W % 11 == 0 && sharedWith.Count > 0 ? Pick(sharedWith, op.W) : owner;

        return Allowed(ShareRules.Share(Index, Actor(acting, op.W), acting, asset, partner, RoleFor(asset, op.Z)));
    }

    private List<Change>? Assign(long asset, Op op)
    {
        var business = Pick(AssigningBusinesses(asset), op.W);
        var actor = op.W % 3 == 1 && UsersManagers(business, asset) is { Count: > 0 } managers
            ? Pick(managers, op.W / 3)
            : Actor(business, op.W / 3);
        var person = op.Y % 6 == 0 ? 101 + (op.Y % PeopleCount) : Pick(Members(business), op.Y);
        var role = RoleFor(asset, op.Z);
        var result = AssignmentRules.Assign(Index, actor, business, asset, person, role);
        if (result.IsOk)
        {
            RuleChecks.AssignWasAllowed(Model, actor, business, asset, person, role);
        }

        return Allowed(result);
    }

    private List<Change>? Unassign((long Person, long Asset, long By) assignment, Op op)
    {
        var actor = op.W % 3 == 1 && UsersManagers(assignment.By, assignment.Asset) is { Count: > 0 } managers
            ? Pick(managers, op.W / 3)
            : Actor(assignment.By, op.W);
        var result = AssignmentRules.Unassign(Index, actor, assignment.By, assignment.Asset, assignment.Person);
        if (result.IsOk)
        {
            RuleChecks.UnassignWasAllowed(Model, actor, assignment);
        }

        return Allowed(result);
    }

    private List<Change>? RawAssign(long asset, Op op)
    {
        var business = Pick(AssigningBusinesses(asset), op.W);
        var person = Pick(Members(business), op.Y);
        var roles = RolesOf(Model.Assets[asset].Type);

        // The role may exceed the ceiling: a write that skipped the rule is still capped by rule 5.
        return [new AssignmentSet(person, asset, business, Pick(roles, op.Z))];
    }

    private List<Change>? ChangeOwner(long asset, Op op)
    {
        var from = Owner(asset);
        var to = Pick(Businesses(), op.Y);
        if (to == from)
        {
            return null;
        }

        var roles = RolesOf(Model.Assets[asset].Type);
        AssetRole? keep = op.Z % 3 == 0 && Model.ArePartners(from, to) ? Pick(roles, op.Z / 3) : null;
        var transfer = new TransferState(1, asset, from, to, TransferStatus.Open, true, true, keep, Now.AddDays(1));

        var result = TransferRules.Complete(Index, transfer, Now);
        _refusal = result.Error?.Code;
        return result.IsOk ? result.Value!.Changes : null;
    }

    /// <summary>Usually an admin of the business, sometimes any member, now and then someone from outside.</summary>
    private long Actor(long business, int n)
    {
        if (n % 16 == 15)
        {
            return 101 + (n / 16 % PeopleCount);
        }

        var members = Members(business);
        var admins = members.Where(p => Model.IsAdmin(business, p)).ToList();
        return n % 4 != 0 && admins.Count > 0 ? Pick(admins, n / 4) : Pick(members, n / 4);
    }

    /// <summary>Members who are not admins but manage the asset's users: rule 4's second kind of assigner.</summary>
    private List<long> UsersManagers(long business, long asset)
    {
        var manage = RoleCatalog.UsersManageFor(Model.Assets[asset].Type);
        return Members(business).Where(p => !Model.IsAdmin(business, p) && (Model.Effective(p, asset) & manage) != 0)
            .ToList();
    }

    /// <summary>The owner and every business the asset is shared with: who may assign on it.</summary>
    private List<long> AssigningBusinesses(long asset) =>
        [Owner(asset), .. Model.Shares.Keys.Where(k => k.Asset == asset).Select(k => k.Partner).Order()];

    /// <summary>Mostly a role of the asset's type; one time in ten a role of the other type, to be refused.</summary>
    private AssetRole RoleFor(long asset, int n)
    {
        var type = Model.Assets[asset].Type;
        var other = type == AssetType.Page ? AssetType.AdAccount : AssetType.Page;
        return n % 10 == 9 ? Pick(RolesOf(other), n / 10) : Pick(RolesOf(type), n);
    }

    private static List<AssetRole> RolesOf(AssetType type) =>
        RoleCatalog.Roles.Where(r => r.AssetType == type).Select(r => r.Role).ToList();

    private long Owner(long asset) => Model.Assets[asset].Owner;

    private List<long> Businesses() => Model.Businesses.Keys.Order().ToList();

    private List<long> Members(long business) =>
        Model.Members.Keys.Where(k => k.Business == business).Select(k => k.Person).Order().ToList();

    private List<Change>? InBusiness(int n, Func<long, List<Change>?> step) =>
        Model.Businesses.Count == 0 ? null : step(Pick(Businesses(), n));

    private List<Change>? OnAsset(int n, Func<long, List<Change>?> step) =>
        Model.Assets.Count == 0 ? null : step(Pick(Model.Assets.Keys.Order().ToList(), n));

    private List<Change>? OnShare(int n, Func<long, long, List<Change>?> step)
    {
        var shares = Model.Shares.Keys.Order().ToList();
        return shares.Count == 0 ? null : step(Pick(shares, n).Asset, Pick(shares, n).Partner);
    }

    private List<Change>? OnAssignment(int n, Func<(long Person, long Asset, long By), List<Change>?> step)
    {
        var assignments = Model.Assignments.Keys.Order().ToList();
        return assignments.Count == 0 ? null : step(Pick(assignments, n));
    }

    private List<Change>? Allowed(Result<List<Change>> result)
    {
        _refusal = result.Error?.Code;
        return result.IsOk ? result.Value : null;
    }

    private static T Pick<T>(List<T> items, int n) => items[n % items.Count];
}
