using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;

namespace BusinessManager.Bench.Data;

/// <summary>
/// Generates a deterministic data set from a seed: the same options give the same facts, in the same
/// order, on every run. Businesses 0..Agencies-1 are agencies (400 people each); the rest are clients
/// (6-24 people). Every client works with one or two agencies, agency 0 (the flagship) with about 6% of
/// them; one in ten clients also partners with another client. Each agency runs an ad account for each
/// client and shares it back at VIEWER; clients share most of their assets with their agencies at a
/// ceiling. Owners assign their own people; partners assign theirs within the ceiling.
/// </summary>
public sealed partial class DataGenerator
{
    private const int AgencyPeople = 400;
    private const int AgencyAdmins = 6;

    private readonly GeneratorOptions _options;
    private readonly Random _random;
    private readonly List<Change> _facts = [];
    private readonly List<long> _personIds = [];
    private readonly HashSet<long> _usedIds = [];
    private readonly HashSet<long> _memberships = [];
    private readonly HashSet<long> _partnerships = [];
    private readonly List<AssetDraft> _assets = [];
    private readonly long[] _businessIds;
    private readonly List<int>[] _admins;
    private readonly List<int>[] _assignable;
    private readonly List<int>[] _partnersOf;
    private int _star = -1;
    private int _shareCount;

    private DataGenerator(GeneratorOptions options)
    {
        _options = options;
        _random = new Random(options.Seed);
        _businessIds = new long[options.Businesses];
        _admins = NewLists(options.Businesses);
        _assignable = NewLists(options.Businesses);
        _partnersOf = NewLists(options.Businesses);
    }

    public static BenchDataSet Generate(GeneratorOptions? options = null) =>
        new DataGenerator(options ?? GeneratorOptions.Default).Run();

    private BenchDataSet Run()
    {
        CreateBusinesses();
        CreateMembers();
        CreatePartnerships();
        CreateAssets();
        CreateShares();
        var (ownerAssignments, partnerAssignments) = CreateAssignments();

        var counts = new DataSetCounts(_options.Businesses, _options.Agencies, _personIds.Count, _memberships.Count,
            _partnerships.Count, _assets.Count, _shareCount, ownerAssignments, partnerAssignments);

        return new BenchDataSet(_facts, counts, _personIds[_star], ChooseChecks(), ChoosePairs(), ChooseAssets());
    }

    private bool IsAgency(int business) => business < _options.Agencies;

    private void CreateBusinesses()
    {
        for (var b = 0; b < _options.Businesses; b++)
        {
            // Business ids are 9-10 random digits, as the product promises.
            _businessIds[b] = NewId(100_000_000, 10_000_000_000);
            var name = IsAgency(b) ? $"Agency {b:D3}" : $"Client {b:D5}";
            _facts.Add(new BusinessCreated(_businessIds[b], name));
        }
    }

    private void CreateMembers()
    {
        for (var b = 0; b < _options.Businesses; b++)
        {
            var agency = IsAgency(b);
            var people = agency ? AgencyPeople : _random.Next(6, 25);
            var admins = agency ? AgencyAdmins : _random.NextDouble() < 0.3 ? 2 : 1;
            for (var k = 0; k < people; k++)
            {
                var role = k < admins ? BusinessRole.Admin
                    : _random.NextDouble() < (agency ? 0.7 : 0.85) ? BusinessRole.Employee : BusinessRole.Contractor;
                AddMember(b, NewPerson(), role);
            }
        }

        // The star is a flagship-agency employee who only ever gets access through shares; keeping them out
        // of the assignable pool means they hold exactly StarAssets assets.
        _star = _assignable[0][0];
        _assignable[0].RemoveAt(0);

        // A few people freelance for a second business as contractors.
        var freelancers = _personIds.Count * 3 / 100;
        for (var i = 0; i < freelancers; i++)
        {
            var person = _random.Next(_personIds.Count);
            if (person != _star)
            {
                AddMember(_random.Next(_options.Agencies, _options.Businesses), person, BusinessRole.Contractor);
            }
        }
    }

    private void CreatePartnerships()
    {
        for (var client = _options.Agencies; client < _options.Businesses; client++)
        {
            var primary = _random.NextDouble() < 0.06 ? 0 : 1 + _random.Next(_options.Agencies - 1);
            AddPartnership(client, primary);
            if (_random.NextDouble() < 0.4)
            {
                AddPartnership(client, _random.Next(_options.Agencies));
            }
        }

        for (var i = 0; i < _options.Businesses / 10; i++)
        {
            AddPartnership(_random.Next(_options.Agencies, _options.Businesses),
                _random.Next(_options.Agencies, _options.Businesses));
        }
    }

    private void CreateAssets()
    {
        for (var agency = 0; agency < _options.Agencies; agency++)
        {
            foreach (var client in _partnersOf[agency])
            {
                AddAsset(agency, AssetType.AdAccount, client);
            }
        }

        var clients = _options.Businesses - _options.Agencies;
        var remaining = _options.Assets - _assets.Count;
        if (remaining < clients)
        {
            throw new InvalidOperationException("Too few assets for one per client.");
        }

        for (var i = 0; i < remaining; i++)
        {
            var owner = i < clients ? _options.Agencies + i : _random.Next(_options.Agencies, _options.Businesses);
            AddAsset(owner, _random.NextDouble() < 0.65 ? AssetType.AdAccount : AssetType.Page, runFor: -1);
        }
    }

    private void CreateShares()
    {
        for (var a = 0; a < _assets.Count; a++)
        {
            var asset = _assets[a];
            if (asset.RunFor >= 0)
            {
                AddShare(asset, asset.RunFor, AssetRole.Viewer);
                continue;
            }

            foreach (var partner in _partnersOf[asset.Owner])
            {
                if (_random.NextDouble() < (IsAgency(partner) ? 0.7 : 0.1))
                {
                    AddShare(asset, partner, Pick(asset.Type == AssetType.Page ? PageCeilings : AdAccountCeilings));
                }
            }
        }
    }

    private void AddMember(int business, int person, BusinessRole role)
    {
        if (!_memberships.Add(((long)business << 32) | (uint)person))
        {
            return;
        }

        (role == BusinessRole.Admin ? _admins : _assignable)[business].Add(person);
        _facts.Add(new MemberSet(_businessIds[business], _personIds[person], role));
    }

    private void AddPartnership(int first, int second)
    {
        var key = ((long)Math.Min(first, second) << 32) | (uint)Math.Max(first, second);
        if (first == second || !_partnerships.Add(key))
        {
            return;
        }

        _partnersOf[first].Add(second);
        _partnersOf[second].Add(first);
        _facts.Add(new PartnershipActivated(_businessIds[first], _businessIds[second]));
    }

    private void AddAsset(int owner, AssetType type, int runFor)
    {
        var id = NewId(100_000_000, 10_000_000_000);
        var name = type == AssetType.Page ? $"Page {_assets.Count}" : $"Ad account {_assets.Count}";
        _assets.Add(new AssetDraft(id, owner, type, runFor));
        _facts.Add(new AssetCreated(id, _businessIds[owner], type, name));
    }

    private void AddShare(AssetDraft asset, int partner, AssetRole ceiling)
    {
        asset.Shares.Add((partner, ceiling));
        _shareCount++;
        _facts.Add(new ShareSet(asset.Id, _businessIds[partner], ceiling));
    }

    private int NewPerson()
    {
        _personIds.Add(NewId(100_000_000_000, 1_000_000_000_000));
        return _personIds.Count - 1;
    }

    private long NewId(long min, long max)
    {
        long id;
        do
        {
            id = _random.NextInt64(min, max);
        }
        while (!_usedIds.Add(id));

        return id;
    }

    private static List<int>[] NewLists(int count) => Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();

    /// <summary>An asset being generated; RunFor is the client an agency runs this ad account for, or -1.</summary>
    private sealed record AssetDraft(long Id, int Owner, AssetType Type, int RunFor)
    {
        public List<(int Partner, AssetRole Ceiling)> Shares { get; } = [];
    }
}
