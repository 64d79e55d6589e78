using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Rules;
using BusinessManager.Core.Tests.Support;
using static BusinessManager.Core.Tests.Support.World;

namespace BusinessManager.Core.Tests.Rules;

/// <summary>Rule 6: archiving an asset ends its shares and assignments at once.</summary>
public sealed class AssetRulesTests
{
    [Fact]
    public void Archive_ByOwnerAdmin_EndsSharesAndAssignmentsAndRemovesTheAsset()
    {
        var world = World.Standard()
            .Partner(A, C)
            .Share(PG1, B, AssetRole.Administrator)
            .Share(PG1, C, AssetRole.Analyst)
            .Assign(B1, PG1, B, AssetRole.Administrator)
            .Assign(C1, PG1, C, AssetRole.Analyst)
            .Assign(A1, PG1, A, AssetRole.Curator)
            .Assign(A1, PG2, A, AssetRole.Curator);
        var before = world.AllAnswers();

        var changes = world.Commit(AssetRules.Archive(world.Index, AAdmin, A, PG1));

        Assert.Equal(new AssetRemoved(PG1), changes[^1]);
        Assert.Equal(3, changes.OfType<AssignmentRemoved>().Count());
        Assert.Equal([B, C], changes.OfType<ShareEnded>().Select(s => s.PartnerId).Order());
        Assert.Null(world.Index.Asset(PG1));
        Assert.All(World.People, p => Assert.Equal(Permission.None, world.Effective(p, PG1)));
        Assert.Empty(world.Index.SharesWith(B));
        Assert.Empty(world.Index.PeopleWithAccess(PG1));
        Assert.Equal(before.Where(kv => kv.Key.Asset != PG1), world.AllAnswers().Where(kv => kv.Key.Asset != PG1));
    }

    [Fact]
    public void Archive_ByEmployeeWithAccess_ReturnsNotBusinessAdmin()
    {
        var world = World.Standard().Assign(A1, PG1, A, AssetRole.Administrator);

        var result = AssetRules.Archive(world.Index, A1, A, PG1);

        ResultAssert.Refused(result, "not_business_admin");
    }

    [Fact]
    public void Archive_ByOutsider_ReturnsBusinessNotFound()
    {
        var world = World.Standard();

        var result = AssetRules.Archive(world.Index, DAdmin, A, PG1);

        ResultAssert.Refused(result, "business_not_found");
    }

    [Fact]
    public void Archive_PartnerAdminOnSharedAsset_ReturnsNotAssetOwner()
    {
        var world = World.Standard().Share(PG1, B, AssetRole.Administrator);

        var result = AssetRules.Archive(world.Index, BAdmin, B, PG1);

        ResultAssert.Refused(result, "not_asset_owner");
        Assert.NotNull(world.Index.Asset(PG1));
    }
}
