using System.Collections.Frozen;

namespace BusinessManager.Core.Catalog;

public sealed record RoleDefinition(AssetRole Role, AssetType AssetType, Permission Permissions, string Description);

public sealed record PermissionDefinition(Permission Permission, string Name, AssetType AssetType, string Description);

/// <summary>
/// The role and permission catalog as data. Everything that asks "what does this role allow" or
/// "is this role within that ceiling" reads it from here; the API lists it as it is.
/// </summary>
public static class RoleCatalog
{
    private const Permission ViewerSet = Permission.ReportsView;
    private const Permission CreativeSet = ViewerSet | Permission.CreativesEdit;
    private const Permission CampaignSet = CreativeSet | Permission.CampaignsEdit;
    private const Permission AccountManagerSet = CampaignSet | Permission.AccountEdit | Permission.AccountUsersManage;
    private const Permission AnalystSet = Permission.AnalyticsView;
    private const Permission PosterSet = AnalystSet | Permission.SponsoredContentPost;
    private const Permission ContentAdminSet = PosterSet | Permission.PageEdit | Permission.PostsPublish;

    public static readonly IReadOnlyList<PermissionDefinition> Permissions =
    [
        new(Permission.ReportsView, "reports.view", AssetType.AdAccount, "View reports and read-only account views"),
        new(Permission.CreativesEdit, "creatives.edit", AssetType.AdAccount, "Create and edit creatives"),
        new(Permission.CampaignsEdit, "campaigns.edit", AssetType.AdAccount, "Create and edit campaigns"),
        new(Permission.AccountEdit, "account.edit", AssetType.AdAccount, "Edit account settings"),
        new(Permission.AccountUsersManage, "account.users.manage", AssetType.AdAccount, "Manage the account's users"),
        new(Permission.BillingManage, "billing.manage", AssetType.AdAccount, "Manage billing"),
        new(Permission.PageEdit, "page.edit", AssetType.Page, "Edit page details"),
        new(Permission.PageAdminsManage, "page.admins.manage", AssetType.Page, "Manage the page's admins"),
        new(Permission.PostsPublish, "posts.publish", AssetType.Page, "Publish posts"),
        new(Permission.ContentCurate, "content.curate", AssetType.Page, "Recommend content"),
        new(Permission.AnalyticsView, "analytics.view", AssetType.Page, "View analytics"),
        new(Permission.SponsoredContentPost, "sponsored_content.post", AssetType.Page, "Post sponsored content"),
        new(Permission.LeadFormsManage, "lead_forms.manage", AssetType.Page, "Manage lead forms and leads"),
        new(Permission.LandingPagesManage, "landing_pages.manage", AssetType.Page, "Manage landing pages"),
    ];

    public static readonly IReadOnlyList<RoleDefinition> Roles =
    [
        new(AssetRole.AccountManager, AssetType.AdAccount, AccountManagerSet,
            "Everything a campaign manager can do, plus account settings and the account's users"),
        new(AssetRole.CampaignManager, AssetType.AdAccount, CampaignSet, "Campaigns and creatives"),
        new(AssetRole.CreativeManager, AssetType.AdAccount, CreativeSet, "Creatives"),
        new(AssetRole.Viewer, AssetType.AdAccount, ViewerSet, "Reports and read-only views"),
        new(AssetRole.AccountBillingAdmin, AssetType.AdAccount, AccountManagerSet | Permission.BillingManage,
            "An account manager who also manages billing (it includes ACCOUNT_MANAGER, so it is never held alone)"),
        new(AssetRole.Administrator, AssetType.Page, AllPagePermissions(),
            "Super admin: everything on the page, including its admins"),
        new(AssetRole.ContentAdministrator, AssetType.Page, ContentAdminSet,
            "Page details, posts, sponsored posts, analytics"),
        new(AssetRole.Curator, AssetType.Page, AnalystSet | Permission.ContentCurate, "Recommend content, analytics"),
        new(AssetRole.Analyst, AssetType.Page, AnalystSet, "Analytics"),
        new(AssetRole.DirectSponsoredContentPoster, AssetType.Page, PosterSet, "Sponsored posts, analytics"),
        new(AssetRole.LeadGenFormsManager, AssetType.Page, AnalystSet | Permission.LeadFormsManage,
            "Lead forms and leads, analytics"),
        new(AssetRole.LandingPagesManager, AssetType.Page, AnalystSet | Permission.LandingPagesManage,
            "Landing pages, analytics"),
    ];

    // Indexed by the role's byte value so the check path reads an array, not a dictionary.
    private static readonly Permission[] PermissionsByRole = BuildPermissionTable();

    private static readonly FrozenDictionary<string, Permission> PermissionsByName =
        Permissions.ToFrozenDictionary(p => p.Name, p => p.Permission, StringComparer.Ordinal);

    private static readonly FrozenDictionary<AssetRole, RoleDefinition> Definitions =
        Roles.ToFrozenDictionary(r => r.Role);

    public static Permission PermissionsOf(AssetRole role) => PermissionsByRole[(byte)role];

    public static RoleDefinition Definition(AssetRole role) => Definitions[role];

    public static bool IsDefined(AssetRole role) => Definitions.ContainsKey(role);

    public static bool AppliesTo(AssetRole role, AssetType type) =>
        Definitions.TryGetValue(role, out var definition) && definition.AssetType == type;

    /// <summary>Role X is within ceiling C when X's permissions are a subset of C's.</summary>
    public static bool IsWithin(AssetRole role, AssetRole ceiling) => IsWithin(PermissionsOf(role), PermissionsOf(ceiling));

    public static bool IsWithin(Permission permissions, Permission ceiling) => (permissions & ~ceiling) == 0;

    /// <summary>Every permission of an asset type: what the owner's admins hold.</summary>
    public static Permission AllFor(AssetType type) => type == AssetType.Page ? AllPagePermissions() : AllAdAccountPermissions();

    /// <summary>The permission that lets a person manage other people's roles on an asset of this type.</summary>
    public static Permission UsersManageFor(AssetType type) =>
        type == AssetType.Page ? Permission.PageAdminsManage : Permission.AccountUsersManage;

    public static bool TryParsePermission(string name, out Permission permission) =>
        PermissionsByName.TryGetValue(name, out permission);

    public static IReadOnlyList<string> NamesOf(Permission permissions) =>
        Permissions.Where(p => (permissions & p.Permission) != 0).Select(p => p.Name).ToList();

    /// <summary>
    /// The catalog roles that best describe a permission set: those within it that no other role within it
    /// contains. Usually one; a union of paths can yield two (e.g. CURATOR and LEAD_GEN_FORMS_MANAGER).
    /// </summary>
    public static IReadOnlyList<AssetRole> RolesDescribing(Permission permissions, AssetType type)
    {
        var within = Roles.Where(r => r.AssetType == type && IsWithin(r.Permissions, permissions)).ToList();

        return within
            .Where(r => !within.Any(o => o.Role != r.Role && o.Permissions != r.Permissions
                && IsWithin(r.Permissions, o.Permissions)))
            .Where(r => r.Role != AssetRole.AccountManager || !within.Any(o => o.Role == AssetRole.AccountBillingAdmin))
            .Select(r => r.Role)
            .ToList();
    }

    private static Permission AllPagePermissions() =>
        Permission.PageEdit | Permission.PageAdminsManage | Permission.PostsPublish | Permission.ContentCurate
        | Permission.AnalyticsView | Permission.SponsoredContentPost | Permission.LeadFormsManage
        | Permission.LandingPagesManage;

    private static Permission AllAdAccountPermissions() => AccountManagerSet | Permission.BillingManage;

    private static Permission[] BuildPermissionTable()
    {
        var table = new Permission[256];
        foreach (var role in Roles)
        {
            table[(byte)role.Role] = role.Permissions;
        }

        return table;
    }
}
