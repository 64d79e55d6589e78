using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C42's random fixture, built through the API from a seeded <see cref="Random"/>, with a model of every grant
/// the test made so that rule 5 can be computed without asking the server. Choices never depend on the ids the
/// server hands out, so one seed always builds the same fixture.
/// </summary>
public sealed class C42RandomFixture
{
    private const int Businesses = 5;
    private const int OtherPeople = 25;
    private const int AssetCount = 40;

    private readonly Dictionary<long, Dictionary<long, string>> _members = [];
    private readonly Dictionary<(long Person, long Asset, long By), string> _grants = [];
    private readonly List<(long First, long Second, long Id)> _partnerships = [];

    private C42RandomFixture()
    {
    }

    public List<Actor> People { get; } = [];

    public List<long> Orgs { get; } = [];

    public Dictionary<long, Actor> AdminOf { get; } = [];

    public List<long> AssetIds { get; } = [];

    public Dictionary<long, (long Owner, string Type)> Assets { get; } = [];

    public Dictionary<(long Asset, long Partner), string> Shares { get; } = [];

    /// <summary>Role name to its asset type and permission names, as the catalog lists them.</summary>
    public Dictionary<string, (string Type, HashSet<string> Permissions)> Roles { get; } = [];

    public Dictionary<string, List<string>> PermissionsByType { get; } = [];

    public static async Task<C42RandomFixture> BuildAsync(HttpClient http, Random random)
    {
        var fixture = new C42RandomFixture();
        await fixture.ReadCatalog(http);
        await fixture.AddPeopleAndBusinesses(http, random);
        await fixture.AddAssetsPartnershipsAndShares(random);
        await fixture.AddGrants(random);
        await fixture.ChangeThings(random);

        return fixture;
    }

    /// <summary>Rule 5 from the model: owner admin, owner assignments, partner assignments under ceilings.</summary>
    public HashSet<string> Expected(long person, long asset)
    {
        var (owner, type) = Assets[asset];
        var result = new HashSet<string>();
        if (_members[owner].TryGetValue(person, out var role) && role == "ADMIN")
        {
            result.UnionWith(PermissionsByType[type]);
        }

        foreach (var ((_, _, by), granted) in _grants.Where(g => g.Key.Person == person && g.Key.Asset == asset))
        {
            if (by == owner && _members[owner].ContainsKey(person))
            {
                result.UnionWith(Roles[granted].Permissions);
            }
            else if (by != owner && Shares.TryGetValue((asset, by), out var ceiling)
                && _members[by].ContainsKey(person))
            {
                result.UnionWith(Roles[granted].Permissions.Intersect(Roles[ceiling].Permissions));
            }
        }

        return result;
    }

    private async Task ReadCatalog(HttpClient http)
    {
        var roles = (await Harness.Api.Send(http, HttpMethod.Get, "/api/v1/catalog/roles", null)).Ok().Body;
        foreach (var role in roles.EnumerateArray())
        {
            var type = role.GetProperty("assetType").GetString()!;
            Roles[role.GetProperty("role").GetString()!] =
                (type, role.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToHashSet());
        }

        var permissions = (await Harness.Api.Send(http, HttpMethod.Get, "/api/v1/catalog/permissions", null)).Ok()
            .Body;
        foreach (var permission in permissions.EnumerateArray())
        {
            var type = permission.GetProperty("assetType").GetString()!;
            if (!PermissionsByType.TryGetValue(type, out var list))
            {
                PermissionsByType[type] = list = [];
            }

            list.Add(permission.GetProperty("name").GetString()!);
        }
    }

    private async Task AddPeopleAndBusinesses(HttpClient http, Random random)
    {
        for (var i = 0; i < Businesses; i++)
        {
            var admin = await Harness.Api.SignUpAsync(http, $"admin{i}@org{i}.example", $"Admin {i}");
            var org = await admin.CreateBusiness($"Org {i}");
            People.Add(admin);
            Orgs.Add(org);
            AdminOf[org] = admin;
            _members[org] = new Dictionary<long, string> { [admin.Id] = "ADMIN" };
        }

        for (var j = 0; j < OtherPeople; j++)
        {
            var person = await Harness.Api.SignUpAsync(http, $"p{j}@people.example", $"Person {j}");
            People.Add(person);
            foreach (var org in Pick(random, Orgs, random.Next(1, 3)))
            {
                var roll = random.Next(20);
                var role = roll < 14 ? "EMPLOYEE" : roll < 17 ? "CONTRACTOR" : "ADMIN";
                await AdminOf[org].AddMember(org, person, role);
                _members[org][person.Id] = role;
            }
        }
    }

    private async Task AddAssetsPartnershipsAndShares(Random random)
    {
        for (var k = 0; k < AssetCount; k++)
        {
            var owner = Orgs[k % Businesses];
            var type = random.Next(2) == 0 ? "PAGE" : "AD_ACCOUNT";
            var asset = await AdminOf[owner].CreateAsset(owner, type, $"asset {k}");
            AssetIds.Add(asset);
            Assets[asset] = (owner, type);
        }

        for (var x = 0; x < Businesses; x++)
        {
            for (var y = x + 1; y < Businesses; y++)
            {
                if (random.NextDouble() < 0.7)
                {
                    var (first, second) = (Orgs[x], Orgs[y]);
                    _partnerships.Add((first, second, await AdminOf[first].Partner(first, AdminOf[second], second)));
                }
            }
        }

        foreach (var asset in AssetIds)
        {
            var owner = Assets[asset].Owner;
            foreach (var partner in Orgs.Where(o => ArePartners(owner, o)).Where(_ => random.NextDouble() < 0.5))
            {
                var ceiling = RandomRole(random, Assets[asset].Type, null);
                (await AdminOf[owner].Share(owner, asset, partner, ceiling)).Ok();
                Shares[(asset, partner)] = ceiling;
            }
        }
    }

    private async Task AddGrants(Random random)
    {
        foreach (var person in People)
        {
            foreach (var org in Orgs.Where(o => _members[o].ContainsKey(person.Id)))
            {
                var visible = AssetIds.Where(a => Assets[a].Owner == org || Shares.ContainsKey((a, org))).ToList();
                foreach (var asset in Pick(random, visible, random.Next(0, 5)))
                {
                    var ceiling = Assets[asset].Owner == org ? null : Shares[(asset, org)];
                    var role = RandomRole(random, Assets[asset].Type, ceiling);
                    (await AdminOf[org].Assign(org, asset, person, role)).Ok();
                    _grants[(person.Id, asset, org)] = role;
                }
            }
        }
    }

    /// <summary>Ceilings raised and lowered, shares ended, one partnership ended, three members removed.</summary>
    private async Task ChangeThings(Random random)
    {
        foreach (var ((asset, partner), _) in Shares.ToList())
        {
            var owner = Assets[asset].Owner;
            var roll = random.NextDouble();
            if (roll < 0.3)
            {
                var ceiling = RandomRole(random, Assets[asset].Type, null);
                (await AdminOf[owner].ChangeCeiling(owner, asset, partner, ceiling)).Ok();
                Shares[(asset, partner)] = ceiling;
            }
            else if (roll < 0.42)
            {
                (await AdminOf[owner].Unshare(owner, asset, partner)).Ok();
                EndShare(asset, partner);
            }
        }

        var ended = _partnerships[random.Next(_partnerships.Count)];
        (await AdminOf[ended.First].EndPartnership(ended.First, ended.Id)).Ok();
        _partnerships.Remove(ended);
        foreach (var share in Shares.Keys.Where(s => (Assets[s.Asset].Owner == ended.First && s.Partner == ended.Second)
                     || (Assets[s.Asset].Owner == ended.Second && s.Partner == ended.First)).ToList())
        {
            EndShare(share.Asset, share.Partner);
        }

        for (var n = 0; n < 3; n++)
        {
            var removable = Orgs.SelectMany(o => _members[o].Keys.Where(p => p != AdminOf[o].Id).Select(p => (o, p)))
                .ToList();
            var (org, person) = removable[random.Next(removable.Count)];
            (await AdminOf[org].RemoveMember(org, person)).Ok();
            _members[org].Remove(person);
            foreach (var grant in _grants.Keys.Where(g => g.Person == person && g.By == org).ToList())
            {
                _grants.Remove(grant);
            }
        }
    }

    private void EndShare(long asset, long partner)
    {
        Shares.Remove((asset, partner));
        foreach (var grant in _grants.Keys.Where(g => g.Asset == asset && g.By == partner).ToList())
        {
            _grants.Remove(grant);
        }
    }

    private bool ArePartners(long a, long b) =>
        _partnerships.Any(p => (p.First == a && p.Second == b) || (p.First == b && p.Second == a));

    /// <summary>A role of the type, within the ceiling when there is one (roles in catalog order).</summary>
    private string RandomRole(Random random, string type, string? ceiling)
    {
        var allowed = Roles.Where(r => r.Value.Type == type
                && (ceiling is null || r.Value.Permissions.IsSubsetOf(Roles[ceiling].Permissions)))
            .Select(r => r.Key).ToList();
        return allowed[random.Next(allowed.Count)];
    }

    private static List<T> Pick<T>(Random random, List<T> from, int count) =>
        from.OrderBy(_ => random.Next()).Take(count).ToList();
}
