namespace BusinessManager.Core.Catalog;

/// <summary>
/// Fine-grained permissions on one asset. A role is a set of these; effective permissions are the union
/// over every path. Kept as bits so that a check is a mask test.
/// </summary>
[Flags]
public enum Permission : ulong
{
    None = 0,
    ReportsView = 1 << 0,
    CreativesEdit = 1 << 1,
    CampaignsEdit = 1 << 2,
    AccountEdit = 1 << 3,
    AccountUsersManage = 1 << 4,
    BillingManage = 1 << 5,
    PageEdit = 1 << 6,
    PageAdminsManage = 1 << 7,
    PostsPublish = 1 << 8,
    ContentCurate = 1 << 9,
    AnalyticsView = 1 << 10,
    SponsoredContentPost = 1 << 11,
    LeadFormsManage = 1 << 12,
    LandingPagesManage = 1 << 13,
}
