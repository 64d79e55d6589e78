using BusinessManager.Core.Catalog;

namespace BusinessManager.Bench.Data;

public sealed partial class DataGenerator
{
    private static readonly Permission[] AdAccountPermissions = PermissionsFor(AssetType.AdAccount);
    private static readonly Permission[] PagePermissions = PermissionsFor(AssetType.Page);

    /// <summary>
    /// Check questions, about half of them allowed: 20% ask an assigned person about a permission their role
    /// holds (allowed), 20% about any permission of the asset's type (mostly denied), 15% ask an owner's
    /// admin (allowed), 15% ask a partner's unassigned person about a shared asset (denied), 30% ask a
    /// random person about a random asset (denied). Every kind of path and every way to miss is exercised.
    /// </summary>
    private CheckSample[] ChooseChecks()
    {
        var checks = new CheckSample[_options.CheckSamples];
        for (var i = 0; i < checks.Length; i++)
        {
            var roll = _random.NextDouble();
            var (person, asset, held) = roll switch
            {
                < 0.40 => _assignments[_random.Next(_assignments.Count)],
                < 0.55 => OwnerAdminPair(),
                < 0.70 => UnassignedPartnerPair(),
                _ => (_random.Next(_personIds.Count), _random.Next(_assets.Count), default(AssetRole)),
            };
            var permissions = roll < 0.20 ? Bits(RoleCatalog.PermissionsOf(held))
                : _assets[asset].Type == AssetType.Page ? PagePermissions : AdAccountPermissions;
            checks[i] = new CheckSample(_personIds[person], _assets[asset].Id,
                permissions[_random.Next(permissions.Length)]);
        }

        return checks;
    }

    private static Permission[] Bits(Permission permissions) =>
        RoleCatalog.Permissions.Select(p => p.Permission).Where(p => (permissions & p) != 0).ToArray();

    /// <summary>Explain questions: 70% an assigned pair, 15% an owner's admin, 15% a pair with no path.</summary>
    private PersonAsset[] ChoosePairs()
    {
        var pairs = new PersonAsset[_options.QuerySamples];
        for (var i = 0; i < pairs.Length; i++)
        {
            var roll = _random.NextDouble();
            var (person, asset, _) = roll switch
            {
                < 0.70 => _assignments[_random.Next(_assignments.Count)],
                < 0.85 => OwnerAdminPair(),
                _ => (_random.Next(_personIds.Count), _random.Next(_assets.Count), default(AssetRole)),
            };
            pairs[i] = new PersonAsset(_personIds[person], _assets[asset].Id);
        }

        return pairs;
    }

    private long[] ChooseAssets() =>
        Enumerable.Range(0, _options.QuerySamples).Select(_ => _assets[_random.Next(_assets.Count)].Id).ToArray();

    private (int Person, int Asset, AssetRole Role) OwnerAdminPair()
    {
        var asset = _random.Next(_assets.Count);
        var admins = _admins[_assets[asset].Owner];

        return (admins[_random.Next(admins.Count)], asset, default);
    }

    private (int Person, int Asset, AssetRole Role) UnassignedPartnerPair()
    {
        var asset = _random.Next(_assets.Count);
        var shares = _assets[asset].Shares;
        var business = shares.Count == 0 ? _assets[asset].Owner : shares[_random.Next(shares.Count)].Partner;
        var people = _assignable[business];

        return (people[_random.Next(people.Count)], asset, default);
    }

    private static Permission[] PermissionsFor(AssetType type) =>
        RoleCatalog.Permissions.Where(p => p.AssetType == type).Select(p => p.Permission).ToArray();
}
