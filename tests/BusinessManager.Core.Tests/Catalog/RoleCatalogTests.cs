using BusinessManager.Core.Catalog;

namespace BusinessManager.Core.Tests.Catalog;

public sealed class RoleCatalogTests
{
    public static TheoryData<AssetRole, string[]> RolePermissions => new()
    {
        { AssetRole.Viewer, ["reports.view"] },
        { AssetRole.CreativeManager, ["reports.view", "creatives.edit"] },
        { AssetRole.CampaignManager, ["reports.view", "creatives.edit", "campaigns.edit"] },
        {
            AssetRole.AccountManager,
            ["reports.view", "creatives.edit", "campaigns.edit", "account.edit", "account.users.manage"]
        },
        {
            AssetRole.AccountBillingAdmin,
            ["reports.view", "creatives.edit", "campaigns.edit", "account.edit", "account.users.manage",
                "billing.manage"]
        },
        {
            AssetRole.Administrator,
            ["page.edit", "page.admins.manage", "posts.publish", "content.curate", "analytics.view",
                "sponsored_content.post", "lead_forms.manage", "landing_pages.manage"]
        },
        {
            AssetRole.ContentAdministrator,
            ["page.edit", "posts.publish", "analytics.view", "sponsored_content.post"]
        },
        { AssetRole.Curator, ["content.curate", "analytics.view"] },
        { AssetRole.Analyst, ["analytics.view"] },
        { AssetRole.DirectSponsoredContentPoster, ["analytics.view", "sponsored_content.post"] },
        { AssetRole.LeadGenFormsManager, ["analytics.view", "lead_forms.manage"] },
        { AssetRole.LandingPagesManager, ["analytics.view", "landing_pages.manage"] },
    };

    public static TheoryData<AssetRole, AssetRole> Chains => new()
    {
        { AssetRole.Viewer, AssetRole.CreativeManager },
        { AssetRole.CreativeManager, AssetRole.CampaignManager },
        { AssetRole.CampaignManager, AssetRole.AccountManager },
        { AssetRole.AccountManager, AssetRole.AccountBillingAdmin },
        { AssetRole.Analyst, AssetRole.DirectSponsoredContentPoster },
        { AssetRole.DirectSponsoredContentPoster, AssetRole.ContentAdministrator },
        { AssetRole.ContentAdministrator, AssetRole.Administrator },
    };

    public static TheoryData<AssetRole, AssetRole> Unrelated => new()
    {
        { AssetRole.Curator, AssetRole.DirectSponsoredContentPoster },
        { AssetRole.Curator, AssetRole.LeadGenFormsManager },
        { AssetRole.Curator, AssetRole.LandingPagesManager },
        { AssetRole.DirectSponsoredContentPoster, AssetRole.LeadGenFormsManager },
        { AssetRole.DirectSponsoredContentPoster, AssetRole.LandingPagesManager },
        { AssetRole.LeadGenFormsManager, AssetRole.LandingPagesManager },
        { AssetRole.Curator, AssetRole.ContentAdministrator },
        { AssetRole.LeadGenFormsManager, AssetRole.ContentAdministrator },
    };

    public static TheoryData<AssetRole> RoleNames => new(Enum.GetValues<AssetRole>());

    [Theory]
    [MemberData(nameof(RolePermissions))]
    public void PermissionsOf_EachRole_MatchesTheProductCatalog(AssetRole role, string[] expected)
    {
        var permissions = RoleCatalog.PermissionsOf(role);

        Assert.Equal(expected.Order(), RoleCatalog.NamesOf(permissions).Order());
    }

    [Fact]
    public void Roles_EveryRole_IsListedOnceAndDefined()
    {
        var roles = RoleCatalog.Roles.Select(r => r.Role).ToList();

        Assert.Equal(Enum.GetValues<AssetRole>().Order(), roles.Order());
        Assert.All(roles, r => Assert.True(RoleCatalog.IsDefined(r)));
    }

    [Fact]
    public void Roles_EveryRole_HoldsOnlyPermissionsOfItsAssetType()
    {
        var roles = RoleCatalog.Roles;

        Assert.All(roles, r => Assert.True(RoleCatalog.IsWithin(r.Permissions, RoleCatalog.AllFor(r.AssetType))));
        Assert.All(roles, r => Assert.NotEqual(Permission.None, r.Permissions));
    }

    [Fact]
    public void Permissions_EveryFlag_HasOneUniqueName()
    {
        var flags = Enum.GetValues<Permission>().Where(p => p != Permission.None).ToList();

        Assert.Equal(flags.Order(), RoleCatalog.Permissions.Select(p => p.Permission).Order());
        Assert.Equal(RoleCatalog.Permissions.Count, RoleCatalog.Permissions.Select(p => p.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public void IsWithin_LowerRoleOfChain_IsWithinHigherButNotTheReverse(AssetRole lower, AssetRole higher)
    {
        var up = RoleCatalog.IsWithin(lower, higher);
        var down = RoleCatalog.IsWithin(higher, lower);

        Assert.True(up);
        Assert.False(down);
    }

    [Fact]
    public void IsWithin_AnalystAndContentAdministrator_AreWithinAdministratorTransitively()
    {
        var analyst = RoleCatalog.IsWithin(AssetRole.Analyst, AssetRole.Administrator);
        var content = RoleCatalog.IsWithin(AssetRole.ContentAdministrator, AssetRole.Administrator);

        Assert.True(analyst);
        Assert.True(content);
    }

    [Theory]
    [MemberData(nameof(Unrelated))]
    public void IsWithin_CuratorAndPaidMediaRoles_AreNotWithinEachOther(AssetRole first, AssetRole second)
    {
        var forward = RoleCatalog.IsWithin(first, second);
        var backward = RoleCatalog.IsWithin(second, first);

        Assert.False(forward);
        Assert.False(backward);
    }

    [Fact]
    public void IsWithin_EveryPageRole_IsWithinAdministratorAndEveryAdAccountRoleWithinBillingAdmin()
    {
        var roles = RoleCatalog.Roles;

        Assert.All(roles.Where(r => r.AssetType == AssetType.Page),
            r => Assert.True(RoleCatalog.IsWithin(r.Role, AssetRole.Administrator)));
        Assert.All(roles.Where(r => r.AssetType == AssetType.AdAccount),
            r => Assert.True(RoleCatalog.IsWithin(r.Role, AssetRole.AccountBillingAdmin)));
    }

    [Fact]
    public void IsWithin_EveryRole_IsWithinItself()
    {
        var roles = RoleCatalog.Roles;

        Assert.All(roles, r => Assert.True(RoleCatalog.IsWithin(r.Role, r.Role)));
    }

    [Fact]
    public void IsWithin_PermissionSets_IsSubsetTest()
    {
        var subset = RoleCatalog.IsWithin(Permission.ReportsView, Permission.ReportsView | Permission.CreativesEdit);
        var superset = RoleCatalog.IsWithin(Permission.ReportsView | Permission.CreativesEdit, Permission.ReportsView);
        var empty = RoleCatalog.IsWithin(Permission.None, Permission.None);

        Assert.True(subset);
        Assert.False(superset);
        Assert.True(empty);
    }

    [Fact]
    public void AllFor_EachType_EqualsItsTopRoleAndTheUnionOfItsRoles()
    {
        var page = RoleCatalog.AllFor(AssetType.Page);
        var adAccount = RoleCatalog.AllFor(AssetType.AdAccount);

        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.Administrator), page);
        Assert.Equal(RoleCatalog.PermissionsOf(AssetRole.AccountBillingAdmin), adAccount);
        Assert.Equal(UnionOf(AssetType.Page), page);
        Assert.Equal(UnionOf(AssetType.AdAccount), adAccount);
        Assert.Equal(Permission.None, page & adAccount);
    }

    [Fact]
    public void UsersManageFor_EachType_IsHeldByItsManagingRoleOnly()
    {
        var page = RoleCatalog.UsersManageFor(AssetType.Page);
        var adAccount = RoleCatalog.UsersManageFor(AssetType.AdAccount);

        Assert.Equal(Permission.PageAdminsManage, page);
        Assert.Equal(Permission.AccountUsersManage, adAccount);
        Assert.Equal([AssetRole.Administrator], RolesHolding(page));
        Assert.Equal([AssetRole.AccountManager, AssetRole.AccountBillingAdmin], RolesHolding(adAccount));
    }

    [Theory]
    [InlineData(AssetRole.AccountManager, AssetType.AdAccount, true)]
    [InlineData(AssetRole.AccountBillingAdmin, AssetType.AdAccount, true)]
    [InlineData(AssetRole.Viewer, AssetType.AdAccount, true)]
    [InlineData(AssetRole.Viewer, AssetType.Page, false)]
    [InlineData(AssetRole.AccountManager, AssetType.Page, false)]
    [InlineData(AssetRole.Administrator, AssetType.Page, true)]
    [InlineData(AssetRole.LandingPagesManager, AssetType.Page, true)]
    [InlineData(AssetRole.Administrator, AssetType.AdAccount, false)]
    [InlineData(AssetRole.Analyst, AssetType.AdAccount, false)]
    public void AppliesTo_RoleAndType_MatchesTheRolesAssetType(AssetRole role, AssetType type, bool expected)
    {
        var applies = RoleCatalog.AppliesTo(role, type);

        Assert.Equal(expected, applies);
    }

    [Fact]
    public void AppliesTo_UndefinedRole_IsFalseForEveryType()
    {
        var undefined = (AssetRole)99;

        Assert.False(RoleCatalog.IsDefined(undefined));
        Assert.False(RoleCatalog.AppliesTo(undefined, AssetType.Page));
        Assert.False(RoleCatalog.AppliesTo(undefined, AssetType.AdAccount));
    }

    [Fact]
    public void TryParsePermission_EveryCatalogName_RoundTrips()
    {
        var definitions = RoleCatalog.Permissions;

        Assert.All(definitions, d =>
        {
            Assert.True(RoleCatalog.TryParsePermission(d.Name, out var parsed));
            Assert.Equal(d.Permission, parsed);
            Assert.Equal([d.Name], RoleCatalog.NamesOf(parsed));
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("Reports.View")]
    [InlineData("REPORTS_VIEW")]
    [InlineData("reports.view ")]
    [InlineData("reports")]
    [InlineData("billing.view")]
    public void TryParsePermission_UnknownOrMiscasedName_ReturnsFalse(string name)
    {
        var parsed = RoleCatalog.TryParsePermission(name, out var permission);

        Assert.False(parsed);
        Assert.Equal(Permission.None, permission);
    }

    [Fact]
    public void NamesOf_None_IsEmpty()
    {
        var names = RoleCatalog.NamesOf(Permission.None);

        Assert.Empty(names);
    }

    [Theory]
    [MemberData(nameof(RoleNames))]
    public void RolesDescribing_ExactRolePermissions_ReturnsThatRoleOnly(AssetRole role)
    {
        var definition = RoleCatalog.Definition(role);

        var described = RoleCatalog.RolesDescribing(definition.Permissions, definition.AssetType);

        Assert.Equal([role], described);
    }

    [Fact]
    public void RolesDescribing_UnionOfCuratorAndLeadForms_ReturnsBoth()
    {
        var union = RoleCatalog.PermissionsOf(AssetRole.Curator)
            | RoleCatalog.PermissionsOf(AssetRole.LeadGenFormsManager);

        var described = RoleCatalog.RolesDescribing(union, AssetType.Page);

        Assert.Equal([AssetRole.Curator, AssetRole.LeadGenFormsManager], described.Order());
    }

    [Fact]
    public void RolesDescribing_ContentAdministratorCappedByCurator_ReturnsAnalyst()
    {
        var capped = RoleCatalog.PermissionsOf(AssetRole.ContentAdministrator)
            & RoleCatalog.PermissionsOf(AssetRole.Curator);

        var described = RoleCatalog.RolesDescribing(capped, AssetType.Page);

        Assert.Equal([AssetRole.Analyst], described);
    }

    [Fact]
    public void RolesDescribing_SetBetweenTwoRoles_ReturnsTheHighestRoleWithin()
    {
        var between = RoleCatalog.PermissionsOf(AssetRole.CreativeManager) | Permission.AccountEdit;

        var described = RoleCatalog.RolesDescribing(between, AssetType.AdAccount);

        Assert.Equal([AssetRole.CreativeManager], described);
    }

    [Fact]
    public void RolesDescribing_NoneOrOtherTypesPermissions_ReturnsNothing()
    {
        var none = RoleCatalog.RolesDescribing(Permission.None, AssetType.Page);
        var wrongType = RoleCatalog.RolesDescribing(RoleCatalog.AllFor(AssetType.AdAccount), AssetType.Page);

        Assert.Empty(none);
        Assert.Empty(wrongType);
    }

    [Fact]
    public void RolesDescribing_EveryPermissionOfType_ReturnsTheTopRole()
    {
        var page = RoleCatalog.RolesDescribing(RoleCatalog.AllFor(AssetType.Page), AssetType.Page);
        var adAccount = RoleCatalog.RolesDescribing(RoleCatalog.AllFor(AssetType.AdAccount), AssetType.AdAccount);

        Assert.Equal([AssetRole.Administrator], page);
        Assert.Equal([AssetRole.AccountBillingAdmin], adAccount);
    }

    private static Permission UnionOf(AssetType type) =>
        RoleCatalog.Roles.Where(r => r.AssetType == type).Aggregate(Permission.None, (all, r) => all | r.Permissions);

    private static List<AssetRole> RolesHolding(Permission permission) =>
        RoleCatalog.Roles.Where(r => (r.Permissions & permission) != 0).Select(r => r.Role).ToList();
}
