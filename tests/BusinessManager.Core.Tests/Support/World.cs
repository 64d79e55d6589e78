using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;

namespace BusinessManager.Core.Tests.Support;

/// <summary>
/// The standard fixture of the cases document, built by applying changes to a fresh access index. Each test
/// gets its own world, so no test sees another's state.
/// </summary>
public sealed class World
{
    public const long A = 1;
    public const long B = 2;
    public const long C = 3;
    public const long D = 4;

    public const long AAdmin = 11;
    public const long A1 = 12;
    public const long A2 = 13;
    public const long BAdmin = 21;
    public const long B1 = 22;
    public const long B2 = 23;
    public const long BMgr = 24;
    public const long CAdmin = 31;
    public const long C1 = 32;
    public const long DAdmin = 41;

    /// <summary>A person who belongs to several businesses; tests give them their memberships.</summary>
    public const long M = 50;

    public const long AA1 = 101;
    public const long AA2 = 102;
    public const long PG1 = 103;
    public const long PG2 = 104;
    public const long BA1 = 201;
    public const long PGB = 202;
    public const long CA1 = 301;

    public static readonly long[] People = [AAdmin, A1, A2, BAdmin, B1, B2, BMgr, CAdmin, C1, DAdmin, M];

    public static readonly long[] Assets = [AA1, AA2, PG1, PG2, BA1, PGB, CA1];

    private long _revision;

    public AccessIndex Index { get; } = new();

    public long Revision => _revision;

    /// <summary>Businesses A, B, C, D with their people and assets; no partnerships, shares or assignments.</summary>
    public static World Empty()
    {
        var world = new World();
        world.Apply(
            new BusinessCreated(A, "Brand A"),
            new BusinessCreated(B, "Agency B"),
            new BusinessCreated(C, "Agency C"),
            new BusinessCreated(D, "Unrelated D"),
            new MemberSet(A, AAdmin, BusinessRole.Admin),
            new MemberSet(A, A1, BusinessRole.Employee),
            new MemberSet(A, A2, BusinessRole.Employee),
            new MemberSet(B, BAdmin, BusinessRole.Admin),
            new MemberSet(B, B1, BusinessRole.Employee),
            new MemberSet(B, B2, BusinessRole.Employee),
            new MemberSet(B, BMgr, BusinessRole.Employee),
            new MemberSet(C, CAdmin, BusinessRole.Admin),
            new MemberSet(C, C1, BusinessRole.Contractor),
            new MemberSet(D, DAdmin, BusinessRole.Admin),
            new AssetCreated(AA1, A, AssetType.AdAccount, "AA1"),
            new AssetCreated(AA2, A, AssetType.AdAccount, "AA2"),
            new AssetCreated(PG1, A, AssetType.Page, "PG1"),
            new AssetCreated(PG2, A, AssetType.Page, "PG2"),
            new AssetCreated(BA1, B, AssetType.AdAccount, "BA1"),
            new AssetCreated(PGB, B, AssetType.Page, "PGB"),
            new AssetCreated(CA1, C, AssetType.AdAccount, "CA1"));

        return world;
    }

    /// <summary>The empty world plus an active partnership between A and B.</summary>
    public static World Standard() => Empty().Partner(A, B);

    public long Apply(params Change[] changes)
    {
        Index.Apply(++_revision, changes);
        return _revision;
    }

    /// <summary>Asserts that a rule allowed the write, applies its changes as one revision and returns them.</summary>
    public List<Change> Commit(Result<List<Change>> result)
    {
        Assert.True(result.IsOk, $"refused: {result.Error?.Code}");
        Apply([.. result.Value!]);

        return result.Value!;
    }

    public World Partner(long first, long second)
    {
        Apply(new PartnershipActivated(first, second));
        return this;
    }

    public World Share(long assetId, long partnerId, AssetRole ceiling)
    {
        Apply(new ShareSet(assetId, partnerId, ceiling));
        return this;
    }

    public World Member(long businessId, long personId, BusinessRole role)
    {
        Apply(new MemberSet(businessId, personId, role));
        return this;
    }

    public World Assign(long personId, long assetId, long byBusinessId, AssetRole role)
    {
        Apply(new AssignmentSet(personId, assetId, byBusinessId, role));
        return this;
    }

    public Permission Effective(long personId, long assetId) => Index.EffectivePermissions(personId, assetId);

    /// <summary>Every (person, asset) answer of the fixture, to show that a change touched nothing else.</summary>
    public Dictionary<(long Person, long Asset), Permission> AllAnswers() =>
        People.SelectMany(p => Assets.Select(a => (p, a))).ToDictionary(k => k, k => Effective(k.p, k.a));
}
