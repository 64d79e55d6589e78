using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Rules;
using BusinessManager.Core.Tests.Support;
using static BusinessManager.Core.Tests.Support.World;

namespace BusinessManager.Core.Tests.Rules;

/// <summary>
/// Rule 6: endings cascade, are spelled out change by change, and after they are applied no check anywhere still
/// allows what ended.
/// </summary>
public sealed class CascadeTests
{
    [Fact]
    public void C15_EndPartnership_AppliedAsOneRevision_DeniesTheNextCheckOnEveryPath()
    {
        var world = World.Standard()
            .Share(AA1, B, AssetRole.CampaignManager)
            .Share(BA1, A, AssetRole.Viewer)
            .Assign(B1, AA1, B, AssetRole.CampaignManager)
            .Assign(A1, BA1, A, AssetRole.Viewer);
        var warm = Enumerable.Range(0, 20).All(_ => world.Index.Check(B1, AA1, Permission.ReportsView));

        var changes = Cascade.EndPartnership(world.Index, A, B);
        var revision = world.Apply([.. changes]);

        Assert.True(warm);
        Assert.Equal(revision, world.Index.Revision);
        Assert.False(world.Index.Check(B1, AA1, Permission.ReportsView));
        Assert.False(world.Index.Check(B1, AA1, Permission.CampaignsEdit));
        Assert.False(world.Index.Check(A1, BA1, Permission.ReportsView));
        Assert.Empty(world.Index.AssetsOf(B1));
        Assert.Empty(world.Index.AssetsOf(A1));
        Assert.Empty(world.Index.SharesWith(B));
        Assert.Empty(world.Index.SharesWith(A));
    }

    [Fact]
    public void EndPartnership_BothDirections_EndsOnlySharesBetweenTheTwo()
    {
        var world = World.Standard()
            .Partner(A, C)
            .Partner(B, C)
            .Share(PG1, B, AssetRole.Analyst)
            .Share(PG1, C, AssetRole.Analyst)
            .Share(PGB, A, AssetRole.Analyst)
            .Share(PGB, C, AssetRole.Analyst);

        var changes = Cascade.EndPartnership(world.Index, B, A);

        Assert.Equal([(PG1, B), (PGB, A)], changes.OfType<ShareEnded>().Select(s => (s.AssetId, s.PartnerId)).Order());
        Assert.Equal(new PartnershipEnded(B, A), changes[^1]);
    }

    [Fact]
    public void EndShare_WithAssignments_RemovesThemBeforeTheShare()
    {
        var world = World.Standard()
            .Share(PG1, B, AssetRole.Analyst)
            .Assign(B1, PG1, B, AssetRole.Analyst)
            .Assign(A1, PG1, A, AssetRole.Analyst);

        var changes = Cascade.EndShare(world.Index, PG1, B);

        Assert.Equal([new AssignmentRemoved(B1, PG1, B), new ShareEnded(PG1, B)], changes);
    }

    [Fact]
    public void RemoveMember_OnlyTheAssignmentsThatBusinessMade()
    {
        var world = World.Standard()
            .Member(A, M, BusinessRole.Employee)
            .Member(B, M, BusinessRole.Employee)
            .Share(PG1, B, AssetRole.Analyst)
            .Assign(M, PG1, A, AssetRole.Curator)
            .Assign(M, PG1, B, AssetRole.Analyst);

        var changes = Cascade.RemoveMember(world.Index, B, M);

        Assert.Equal([new AssignmentRemoved(M, PG1, B), new MemberRemoved(B, M)], changes);
    }

    [Fact]
    public void RemoveAsset_WithSharesAndAssignments_EndsAllOfThem()
    {
        var world = World.Standard()
            .Share(AA1, B, AssetRole.Viewer)
            .Assign(B1, AA1, B, AssetRole.Viewer)
            .Assign(A1, AA1, A, AssetRole.Viewer);

        var changes = Cascade.RemoveAsset(world.Index, AA1);

        Assert.Equal(
            [new AssignmentRemoved(A1, AA1, A), new AssignmentRemoved(B1, AA1, B), new ShareEnded(AA1, B),
                new AssetRemoved(AA1)],
            changes);
    }
}
