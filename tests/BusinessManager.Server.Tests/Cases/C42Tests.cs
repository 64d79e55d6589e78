using System.Net;
using System.Text.Json;
using BusinessManager.Server.Tests.Harness;
using static BusinessManager.Server.Tests.Harness.CasesCStepsHelper;

namespace BusinessManager.Server.Tests.Cases;

/// <summary>
/// C42. On a random fixture built from a fixed seed (5 businesses, 40 assets, random partnerships, shares and
/// ceilings, 30 people with owner and partner grants, then ceilings changed, shares and a partnership ended and
/// members removed), every list agrees with the single checks: each person's "my assets" (paged, and filtered by
/// type) per asset and per role, and each asset's access list per person. The single checks themselves are held
/// to rule 5, computed independently from the operations the test performed.
/// </summary>
public sealed class C42Tests
{
    private const int Seed = 20261201;

    [Fact]
    public async Task C42_RandomFixture_ListsEqualSingleChecksForEveryPersonRoleAndAsset()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var random = new Random(Seed);
        var fixture = await C42RandomFixture.BuildAsync(http, random);
        var mismatches = new List<string>();
        var checks = new Dictionary<(long Person, long Asset), Access>();

        foreach (var person in fixture.People)
        {
            foreach (var asset in fixture.AssetIds)
            {
                var permissions = fixture.PermissionsByType[fixture.Assets[asset].Type];
                var permission = permissions[random.Next(permissions.Count)];
                var answer = await person.Get($"/api/v1/access/check?personId={person.Id}&assetId={asset}"
                    + $"&permission={permission}");

                // Asking about an asset you cannot act on answers 404, so that ids cannot be probed.
                if (answer.Status == HttpStatusCode.NotFound)
                {
                    answer.Refused(HttpStatusCode.NotFound, "asset_not_found");
                    checks[(person.Id, asset)] = Access.Nothing;
                    continue;
                }

                var check = answer.Ok().Body;
                var access = Access.Of(check);
                checks[(person.Id, asset)] = access;
                if (check.GetProperty("allowed").GetBoolean() != access.Permissions.Contains(permission))
                {
                    mismatches.Add($"check of {permission} for {person.Email} on {asset} disagrees with its own set");
                }
            }
        }

        foreach (var person in fixture.People)
        {
            await CompareMyAssets(fixture, person, checks, mismatches);
        }

        foreach (var asset in fixture.AssetIds)
        {
            await CompareAccessList(fixture, asset, checks, mismatches);
        }

        Assert.Empty(mismatches);
        AssertFixtureCoversEveryPath(checks);
    }

    private static async Task CompareMyAssets(C42RandomFixture fixture, Actor person,
        Dictionary<(long Person, long Asset), Access> checks, List<string> mismatches)
    {
        var listed = (await AllPagesOf(person, "/api/v1/me/assets", limit: 7))
            .ToDictionary(i => IdOf(i, "asset"), Access.Of);
        foreach (var asset in fixture.AssetIds)
        {
            var check = checks[(person.Id, asset)];
            var expected = fixture.Expected(person.Id, asset);
            if (!check.Permissions.SetEquals(expected))
            {
                mismatches.Add($"check for {person.Email} on {asset}: [{string.Join(',', check.Permissions.Order())}]"
                    + $", rule 5 says [{string.Join(',', expected.Order())}]");
            }

            var inList = listed.TryGetValue(asset, out var item);
            if (inList != check.Permissions.Count > 0 || (inList && !item!.SameAs(check)))
            {
                mismatches.Add($"my assets of {person.Email} on {asset}: {item?.Describe() ?? "absent"}, "
                    + $"check: {check.Describe()}");
            }
        }

        foreach (var role in fixture.Roles.Keys)
        {
            var fromList = listed.Where(l => l.Value.Roles.Contains(role)).Select(l => l.Key).ToHashSet();
            var fromChecks = fixture.AssetIds.Where(a => checks[(person.Id, a)].Roles.Contains(role)).ToHashSet();
            if (!fromList.SetEquals(fromChecks))
            {
                mismatches.Add($"assets where {person.Email} is {role}: list and checks differ");
            }
        }

        foreach (var type in fixture.PermissionsByType.Keys)
        {
            var filtered = (await AllPagesOf(person, $"/api/v1/me/assets?type={type}", limit: 5))
                .Select(i => IdOf(i, "asset")).ToHashSet();
            var fromChecks = fixture.AssetIds.Where(a => fixture.Assets[a].Type == type
                && checks[(person.Id, a)].Permissions.Count > 0).ToHashSet();
            if (!filtered.SetEquals(fromChecks))
            {
                mismatches.Add($"my {type} assets of {person.Email}: list and checks differ");
            }
        }
    }

    private static async Task CompareAccessList(C42RandomFixture fixture, long asset,
        Dictionary<(long Person, long Asset), Access> checks, List<string> mismatches)
    {
        var owner = fixture.Assets[asset].Owner;
        var body = (await fixture.AdminOf[owner].Get($"/api/v1/businesses/{owner}/assets/{asset}/access")).Ok().Body;
        var listed = body.GetProperty("people").EnumerateArray().ToDictionary(p => IdOf(p, "person"), Access.Of);
        foreach (var person in fixture.People)
        {
            var check = checks[(person.Id, asset)];
            var inList = listed.TryGetValue(person.Id, out var row);
            if (inList != check.Permissions.Count > 0 || (inList && !row!.SameAs(check)))
            {
                mismatches.Add($"access list of {asset} for {person.Email}: {row?.Describe() ?? "absent"}, "
                    + $"check: {check.Describe()}");
            }
        }

        var partners = body.GetProperty("partners").EnumerateArray()
            .Select(p => (IdOf(p, "partner"), p.GetProperty("ceiling").GetString()!)).ToHashSet();
        var shares = fixture.Shares.Where(s => s.Key.Asset == asset).Select(s => (s.Key.Partner, s.Value)).ToHashSet();
        if (!partners.SetEquals(shares))
        {
            mismatches.Add($"partners listed for {asset} differ from the shares made");
        }

        if (listed.Keys.Except(fixture.People.Select(p => p.Id)).Any())
        {
            mismatches.Add($"access list of {asset} names someone outside the fixture");
        }
    }

    /// <summary>The comparison means something only if the fixture reaches assets through every kind of path.</summary>
    private static void AssertFixtureCoversEveryPath(Dictionary<(long Person, long Asset), Access> checks)
    {
        var paths = checks.Values.SelectMany(c => c.Paths).ToList();
        Assert.Contains(paths, p => p.StartsWith("OWNER_ADMIN|", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("OWNER_ASSIGNMENT|", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("PARTNER_ASSIGNMENT|", StringComparison.Ordinal));
        Assert.Contains(checks.Values, c => c.Paths.Count > 1);
        Assert.Contains(checks.Values, c => c.Capped);
        Assert.InRange(checks.Values.Count(c => c.Permissions.Count > 0), 60, checks.Count - 100);
    }

    /// <summary>What one answer says about one person on one asset: permissions, describing roles, paths.</summary>
    private sealed record Access(HashSet<string> Permissions, HashSet<string> Roles, List<string> Paths, bool Capped)
    {
        public static Access Nothing { get; } = new([], [], [], false);

        public static Access Of(JsonElement row)
        {
            var paths = row.GetProperty("paths").EnumerateArray().ToList();
            return new Access(StringsOf(row, "permissions").Concat(StringsOf(row, "effectivePermissions")).ToHashSet(),
                StringsOf(row, "effectiveRoles").ToHashSet(),
                paths.Select(p => string.Join('|', p.GetProperty("kind").GetString(), IdOf(p, "business"),
                    p.TryGetProperty("role", out var r) ? r.GetString() : "", p.TryGetProperty("ceiling", out var c)
                        ? c.GetString() : "", string.Join(',', StringsOf(p, "permissions").Order()))).Order().ToList(),
                paths.Any(p => p.TryGetProperty("ceiling", out _)
                    && StringsOf(p, "effectiveRoles").FirstOrDefault() != p.GetProperty("role").GetString()));
        }

        public bool SameAs(Access other) => Permissions.SetEquals(other.Permissions) && Roles.SetEquals(other.Roles)
            && Paths.SequenceEqual(other.Paths);

        public string Describe() => $"[{string.Join(',', Permissions.Order())}] as [{string.Join(',', Roles.Order())}]"
            + $" via {string.Join("; ", Paths)}";
    }
}
