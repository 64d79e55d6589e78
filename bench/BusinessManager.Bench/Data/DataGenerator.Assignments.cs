using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;

namespace BusinessManager.Bench.Data;

public sealed partial class DataGenerator
{
    // Weights out of 100: most people view or run campaigns; few manage the account or the page.
    private static readonly (AssetRole Role, int Weight)[] AdAccountRoles =
    [
        (AssetRole.Viewer, 40), (AssetRole.CreativeManager, 20), (AssetRole.CampaignManager, 30),
        (AssetRole.AccountManager, 10),
    ];

    private static readonly (AssetRole Role, int Weight)[] PageRoles =
    [
        (AssetRole.Analyst, 30), (AssetRole.DirectSponsoredContentPoster, 20), (AssetRole.ContentAdministrator, 15),
        (AssetRole.Curator, 10), (AssetRole.LeadGenFormsManager, 10), (AssetRole.LandingPagesManager, 10),
        (AssetRole.Administrator, 5),
    ];

    private static readonly (AssetRole Role, int Weight)[] AdAccountCeilings =
    [
        (AssetRole.CampaignManager, 40), (AssetRole.AccountManager, 20), (AssetRole.CreativeManager, 20),
        (AssetRole.Viewer, 20),
    ];

    private static readonly (AssetRole Role, int Weight)[] PageCeilings =
    [
        (AssetRole.DirectSponsoredContentPoster, 40), (AssetRole.ContentAdministrator, 25), (AssetRole.Analyst, 15),
        (AssetRole.Administrator, 10), (AssetRole.LeadGenFormsManager, 10),
    ];

    // Every generated assignment, for choosing benchmark questions.
    private readonly List<(int Person, int Asset, AssetRole Role)> _assignments = [];

    /// <summary>
    /// Plans how many people each business assigns on each asset (its owner, and each partner it is shared
    /// with), moves those quotas until they add up to exactly the target, then picks distinct people.
    /// </summary>
    private (int Owner, int Partner) CreateAssignments()
    {
        var pools = PlanPools();
        var star = ChooseStarPools(pools);
        FitQuotas(pools, _options.Assignments - _options.StarAssets);

        int owner = 0, partner = 0;
        var chosen = new List<int>(32);
        for (var p = 0; p < pools.Count; p++)
        {
            var pool = pools[p];
            if (star.Contains(p))
            {
                AddAssignment(_star, pool);
            }

            chosen.Clear();
            var candidates = _assignable[pool.Business];
            while (chosen.Count < pool.Quota)
            {
                var person = candidates[_random.Next(candidates.Count)];
                if (!chosen.Contains(person))
                {
                    chosen.Add(person);
                    AddAssignment(person, pool);
                }
            }

            var made = pool.Quota + (star.Contains(p) ? 1 : 0);
            if (pool.Ceiling is null)
            {
                owner += made;
            }
            else
            {
                partner += made;
            }
        }

        return (owner, partner);
    }

    private List<Pool> PlanPools()
    {
        var pools = new List<Pool>(_assets.Count * 2);
        for (var a = 0; a < _assets.Count; a++)
        {
            var asset = _assets[a];
            var ownerQuota = IsAgency(asset.Owner) ? _random.Next(2, 7) : _random.Next(2, 9);
            pools.Add(NewPool(a, asset.Owner, null, ownerQuota));
            foreach (var (partner, ceiling) in asset.Shares)
            {
                pools.Add(NewPool(a, partner, ceiling, IsAgency(partner) ? _random.Next(3, 11) : _random.Next(1, 4)));
            }
        }

        return pools;
    }

    private HashSet<int> ChooseStarPools(List<Pool> pools)
    {
        var flagship = Enumerable.Range(0, pools.Count)
            .Where(p => pools[p].Business == 0 && pools[p].Ceiling is not null)
            .ToArray();
        if (flagship.Length < _options.StarAssets)
        {
            throw new InvalidOperationException(
                $"The flagship agency has {flagship.Length} shared assets, fewer than {_options.StarAssets}.");
        }

        _random.Shuffle(flagship);
        return [.. flagship.Take(_options.StarAssets)];
    }

    private void FitQuotas(List<Pool> pools, int target)
    {
        long total = pools.Sum(p => p.Quota);
        while (total < target)
        {
            var p = _random.Next(pools.Count);
            if (pools[p].Quota < pools[p].Capacity)
            {
                pools[p] = pools[p] with { Quota = pools[p].Quota + 1 };
                total++;
            }
        }

        while (total > target)
        {
            var p = _random.Next(pools.Count);
            if (pools[p].Quota > 1)
            {
                pools[p] = pools[p] with { Quota = pools[p].Quota - 1 };
                total--;
            }
        }
    }

    private Pool NewPool(int asset, int business, AssetRole? ceiling, int quota) =>
        new(asset, business, ceiling, Math.Min(quota, _assignable[business].Count), _assignable[business].Count);

    private void AddAssignment(int person, Pool pool)
    {
        var asset = _assets[pool.Asset];
        var roles = asset.Type == AssetType.Page ? PageRoles : AdAccountRoles;
        var role = Pick(roles);
        while (pool.Ceiling is { } ceiling && !RoleCatalog.IsWithin(role, ceiling))
        {
            role = Pick(roles);
        }

        _assignments.Add((person, pool.Asset, role));
        _facts.Add(new AssignmentSet(_personIds[person], asset.Id, _businessIds[pool.Business], role));
    }

    private AssetRole Pick((AssetRole Role, int Weight)[] weights)
    {
        var roll = _random.Next(100);
        foreach (var (role, weight) in weights)
        {
            if (roll < weight)
            {
                return role;
            }

            roll -= weight;
        }

        return weights[^1].Role;
    }

    /// <summary>How many of a business's people get a role on one asset; no ceiling means the owner's.</summary>
    private readonly record struct Pool(int Asset, int Business, AssetRole? Ceiling, int Quota, int Capacity);
}
