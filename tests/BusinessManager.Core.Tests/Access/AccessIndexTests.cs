using System.Text.Json;
using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Tests.Support;
using static BusinessManager.Core.Tests.Support.World;

namespace BusinessManager.Core.Tests.Access;

public sealed class AccessIndexTests
{
    [Fact]
    public void Apply_NewRevision_AdvancesRevision()
    {
        var world = World.Empty();

        var revision = world.Apply(new AssignmentSet(A1, PG1, A, AssetRole.Analyst));

        Assert.Equal(revision, world.Index.Revision);
        Assert.Equal(Permission.AnalyticsView, world.Effective(A1, PG1));
    }

    [Fact]
    public void Apply_RevisionAlreadyApplied_IsIgnored()
    {
        var world = World.Empty();
        var revision = world.Index.Revision;

        world.Index.Apply(revision, [new AssignmentSet(A1, PG1, A, AssetRole.Analyst)]);
        world.Index.Apply(revision - 1, [new MemberRemoved(A, AAdmin)]);

        Assert.Equal(revision, world.Index.Revision);
        Assert.Equal(Permission.None, world.Effective(A1, PG1));
        Assert.Equal(BusinessRole.Admin, world.Index.RoleOf(AAdmin, A));
    }

    [Fact]
    public void Apply_AssignmentSetTwice_ReplacesTheRoleInsteadOfAddingAPath()
    {
        var world = World.Empty().Assign(A1, AA1, A, AssetRole.AccountManager);

        world.Assign(A1, AA1, A, AssetRole.Viewer);

        Assert.Equal(Permission.ReportsView, world.Effective(A1, AA1));
        Assert.Single(world.Index.AssignmentsOnAsset(AA1));
        Assert.Equal(1, world.Index.AssignmentCount);
    }

    [Fact]
    public void C17_Apply_AssignmentRemoved_RemovesOnlyThatAssignment()
    {
        var world = World.Standard()
            .Share(PG1, B, AssetRole.ContentAdministrator)
            .Share(PG2, B, AssetRole.ContentAdministrator)
            .Share(AA1, B, AssetRole.CampaignManager)
            .Assign(B1, PG1, B, AssetRole.Analyst)
            .Assign(B1, PG2, B, AssetRole.Analyst)
            .Assign(B1, AA1, B, AssetRole.Viewer)
            .Assign(B2, PG2, B, AssetRole.Analyst);
        var before = world.AllAnswers();

        world.Apply(new AssignmentRemoved(B1, PG2, B));
        var snapshot = world.Index.Snapshot();
        world.Apply(
            new AssignmentRemoved(B1, AA2, B), new AssignmentRemoved(B1, 999, B), new AssignmentRemoved(B1, PG1, C));

        var expected = new Dictionary<(long, long), Permission>(before) { [(B1, PG2)] = Permission.None };
        Assert.Equal(expected, world.AllAnswers());
        Assert.Equal(snapshot, world.Index.Snapshot());
    }

    [Fact]
    public void C34_Apply_AssetRemovedAndRecreated_StartsWithNoSharesOrAssignments()
    {
        var world = World.Standard()
            .Share(PG2, B, AssetRole.Administrator)
            .Assign(B1, PG2, B, AssetRole.Administrator)
            .Assign(A1, PG2, A, AssetRole.Analyst);

        world.Apply(new AssetRemoved(PG2));
        var removed = world.AllAnswers();
        world.Apply(new AssetCreated(PG2, A, AssetType.Page, "PG2 again"));

        Assert.All(World.People, p => Assert.Equal(Permission.None, removed[(p, PG2)]));
        Assert.Null(world.Index.ShareCeiling(PG2, B));
        Assert.Empty(world.Index.AssignmentsOnAsset(PG2));
        Assert.Empty(world.Index.SharesWith(B));
        Assert.Equal(Permission.None, world.Effective(B1, PG2));
        Assert.Equal(Permission.None, world.Effective(A1, PG2));
        Assert.Equal(RoleCatalog.AllFor(AssetType.Page), world.Effective(AAdmin, PG2));
        Assert.Equal(0, world.Index.AssignmentCount);
    }

    [Fact]
    public void Apply_AssetOwnerChanged_MovesOwnerAdminPath()
    {
        var world = World.Standard();

        world.Apply(new AssetOwnerChanged(BA1, A));

        Assert.Equal(RoleCatalog.AllFor(AssetType.AdAccount), world.Effective(AAdmin, BA1));
        Assert.Equal(Permission.None, world.Effective(BAdmin, BA1));
        Assert.Contains(world.Index.AssetsOwnedBy(A), a => a.AssetId == BA1);
        Assert.DoesNotContain(world.Index.AssetsOwnedBy(B), a => a.AssetId == BA1);
    }

    [Fact]
    public void C44_Explain_TwoPaths_ListsBothWithWhatEachGrants()
    {
        var world = World.Standard()
            .Member(A, M, BusinessRole.Employee)
            .Member(B, M, BusinessRole.Employee)
            .Assign(M, PG1, A, AssetRole.Analyst)
            .Share(PG1, B, AssetRole.DirectSponsoredContentPoster)
            .Assign(M, PG1, B, AssetRole.ContentAdministrator);

        var paths = world.Index.Explain(M, PG1);

        Assert.Equal(
            [
                new AccessPath(PathKind.OwnerAssignment, A, AssetRole.Analyst, null, Permission.AnalyticsView),
                new AccessPath(PathKind.PartnerAssignment, B, AssetRole.ContentAdministrator,
                    AssetRole.DirectSponsoredContentPoster,
                    RoleCatalog.PermissionsOf(AssetRole.DirectSponsoredContentPoster)),
            ],
            paths);
    }

    [Fact]
    public void Explain_OwnerAdmin_ListsOwnerAdminPathFirst()
    {
        var world = World.Empty().Assign(AAdmin, AA1, A, AssetRole.Viewer);

        var paths = world.Index.Explain(AAdmin, AA1);

        Assert.Equal(
            [
                new AccessPath(PathKind.OwnerAdmin, A, null, null, RoleCatalog.AllFor(AssetType.AdAccount)),
                new AccessPath(PathKind.OwnerAssignment, A, AssetRole.Viewer, null, Permission.ReportsView),
            ],
            paths);
    }

    [Fact]
    public void Explain_NoAccess_IsEmpty()
    {
        var world = World.Standard();

        var paths = world.Index.Explain(B1, PG1);

        Assert.Empty(paths);
    }

    [Fact]
    public void C14_AssetsOf_PersonWithOwnerAndPartnerPaths_ListsExactlyTheReachableAssets()
    {
        var world = World.Standard()
            .Member(A, B1, BusinessRole.Employee)
            .Share(PG1, B, AssetRole.DirectSponsoredContentPoster)
            .Share(PG2, B, AssetRole.DirectSponsoredContentPoster)
            .Assign(B1, PG1, B, AssetRole.DirectSponsoredContentPoster)
            .Assign(B1, AA2, A, AssetRole.Viewer);

        var assets = world.Index.AssetsOf(B1);

        Assert.Equal([AA2, PG1], assets.Select(a => a.AssetId));
        Assert.All(assets, a => Assert.Equal(A, a.OwnerId));
        Assert.Equal(PathKind.OwnerAssignment, assets[0].Paths.Single().Kind);
        Assert.Equal(B, assets[1].Paths.Single().BusinessId);
        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.DirectSponsoredContentPoster), assets[1].Permissions);
        Assert.Equal([PG1, PG2], world.Index.SharesWith(B).Select(s => s.AssetId));
    }

    [Fact]
    public void AssetsOf_Admin_ListsEveryOwnedAssetWithEveryPermission()
    {
        var world = World.Empty();

        var assets = world.Index.AssetsOf(AAdmin);

        Assert.Equal([AA1, AA2, PG1, PG2], assets.Select(a => a.AssetId));
        Assert.All(assets, a => Assert.Equal(RoleCatalog.AllFor(a.Type), a.Permissions));
    }

    [Fact]
    public void AssetsOf_AssignmentThatGrantsNothing_IsLeftOut()
    {
        var world = World.Standard().Assign(B1, PG1, B, AssetRole.Analyst);

        var assets = world.Index.AssetsOf(B1);

        Assert.Empty(assets);
    }

    [Fact]
    public void PeopleWithAccess_OwnerAdminsAndAssignees_ListedByPersonWithTheirPaths()
    {
        var world = World.Standard()
            .Member(A, A2, BusinessRole.Admin)
            .Share(PG1, B, AssetRole.Analyst)
            .Assign(A1, PG1, A, AssetRole.Curator)
            .Assign(B1, PG1, B, AssetRole.ContentAdministrator)
            .Assign(B2, PG2, B, AssetRole.Analyst);

        var people = world.Index.PeopleWithAccess(PG1);

        Assert.Equal([AAdmin, A1, A2, B1], people.Select(p => p.PersonId));
        Assert.Equal(Permission.AnalyticsView, people.Single(p => p.PersonId == B1).Permissions);
        Assert.Equal(AssetRole.Analyst, people.Single(p => p.PersonId == B1).Paths.Single().Ceiling);
    }

    [Fact]
    public void PeopleWithAccess_UnknownAsset_IsEmpty()
    {
        var world = World.Empty();

        var people = world.Index.PeopleWithAccess(999);

        Assert.Empty(people);
    }

    [Fact]
    public void Build_FromSnapshot_AnswersAsTheIncrementalIndexAndHasAnEqualSnapshot()
    {
        var world = World.Standard()
            .Partner(A, C)
            .Share(PG1, B, AssetRole.ContentAdministrator)
            .Share(PG1, C, AssetRole.Analyst)
            .Share(BA1, A, AssetRole.Viewer)
            .Assign(B1, PG1, B, AssetRole.DirectSponsoredContentPoster)
            .Assign(C1, PG1, C, AssetRole.Analyst)
            .Assign(A1, BA1, A, AssetRole.Viewer)
            .Assign(A2, AA1, A, AssetRole.AccountManager);
        world.Apply(new AssetRemoved(PG2), new MemberRemoved(B, B2), new BusinessRenamed(D, "D renamed"));

        var rebuilt = AccessIndex.Build(world.Revision, world.Index.Snapshot());

        Assert.Equal(world.Revision, rebuilt.Revision);
        Assert.Equal(world.Index.Snapshot(), rebuilt.Snapshot());
        Assert.All(World.People,
            p => Assert.Equal(Render.Of(world.Index.AssetsOf(p)), Render.Of(rebuilt.AssetsOf(p))));
        Assert.All(World.Assets,
            a => Assert.Equal(Render.Of(world.Index.PeopleWithAccess(a)), Render.Of(rebuilt.PeopleWithAccess(a))));
        Assert.Equal("D renamed", rebuilt.BusinessName(D));
    }

    [Fact]
    public void Snapshot_SameFactsInAnotherOrder_IsEqualAndCanonical()
    {
        Change[] facts =
        [
            new BusinessCreated(A, "A"), new BusinessCreated(B, "B"),
            new MemberSet(A, AAdmin, BusinessRole.Admin), new MemberSet(A, A1, BusinessRole.Employee),
            new PartnershipActivated(A, B),
            new MemberSet(B, B1, BusinessRole.Employee),
            new AssetCreated(PG1, A, AssetType.Page, "PG1"), new AssetCreated(PG2, A, AssetType.Page, "PG2"),
            new ShareSet(PG1, B, AssetRole.Curator), new ShareSet(PG2, B, AssetRole.Analyst),
            new AssignmentSet(A1, PG1, A, AssetRole.Analyst), new AssignmentSet(B1, PG2, B, AssetRole.Analyst),
        ];
        Change[] shuffled =
        [
            new BusinessCreated(B, "B"), new MemberSet(B, B1, BusinessRole.Employee), new BusinessCreated(A, "A"),
            new PartnershipActivated(B, A), new AssetCreated(PG2, A, AssetType.Page, "PG2"),
            new ShareSet(PG2, B, AssetRole.Analyst), new AssignmentSet(B1, PG2, B, AssetRole.Analyst),
            new MemberSet(A, A1, BusinessRole.Employee), new AssetCreated(PG1, A, AssetType.Page, "PG1"),
            new AssignmentSet(A1, PG1, A, AssetRole.Analyst), new ShareSet(PG1, B, AssetRole.Curator),
            new MemberSet(A, AAdmin, BusinessRole.Admin),
        ];

        var canonical = AccessIndex.Build(1, facts).Snapshot();
        var fromShuffled = AccessIndex.Build(1, shuffled).Snapshot();

        Assert.Equal(facts, canonical);
        Assert.Equal(canonical, fromShuffled);
    }

    [Fact]
    public void Queries_StandardWorldWithShares_AnswerTheFacts()
    {
        var world = World.Standard()
            .Partner(A, C)
            .Share(PG1, B, AssetRole.Analyst)
            .Share(PG1, C, AssetRole.Curator)
            .Share(AA1, B, AssetRole.Viewer);

        Assert.Equal([B, C], world.Index.PartnersOf(A));
        Assert.True(world.Index.ArePartners(B, A));
        Assert.False(world.Index.ArePartners(B, C));
        Assert.Equal(AssetRole.Curator, world.Index.ShareCeiling(PG1, C));
        Assert.Null(world.Index.ShareCeiling(PG2, B));
        Assert.Equal([B, C], world.Index.SharesOf(PG1).Select(s => s.PartnerId));
        Assert.Equal([(AA1, B), (PG1, B), (PG1, C)], world.Index.SharesBy(A).Select(s => (s.AssetId, s.PartnerId)));
        Assert.Equal([AA1, PG1], world.Index.SharesWith(B).Select(s => s.AssetId));
        Assert.Equal(1, world.Index.AdminCount(A));
        Assert.Equal([AAdmin, A1, A2], world.Index.MembersOf(A).Select(m => m.PersonId));
        Assert.Equal("Brand A", world.Index.BusinessName(A));
        Assert.False(world.Index.BusinessExists(999));
    }

    [Fact]
    public void Apply_MemberRemoved_KeepsTheOtherMembership()
    {
        var world = World.Standard().Member(A, M, BusinessRole.Contractor).Member(B, M, BusinessRole.Employee);

        world.Apply(new MemberRemoved(A, M));

        Assert.Null(world.Index.RoleOf(M, A));
        Assert.Equal(BusinessRole.Employee, world.Index.RoleOf(M, B));
        Assert.Equal([new MemberView(B, M, BusinessRole.Employee)], world.Index.MembershipsOf(M));
    }

    [Fact]
    public void Change_SerializedAsJson_RoundTripsWithItsKind()
    {
        Change[] changes =
        [
            new BusinessCreated(A, "Brand A"), new MemberSet(A, A1, BusinessRole.Contractor),
            new AssetCreated(PG1, A, AssetType.Page, "PG1"), new ShareSet(PG1, B, AssetRole.Curator),
            new AssignmentSet(B1, PG1, B, AssetRole.Analyst), new AssignmentRemoved(B1, PG1, B),
            new PartnershipEnded(A, B), new AssetOwnerChanged(PG1, B),
        ];

        var json = JsonSerializer.Serialize(changes);
        var back = JsonSerializer.Deserialize<Change[]>(json);

        Assert.Equal(changes, back);
        Assert.Contains("\"kind\":\"share_set\"", json, StringComparison.Ordinal);
    }
}
