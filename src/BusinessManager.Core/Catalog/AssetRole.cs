namespace BusinessManager.Core.Catalog;

/// <summary>Asset roles, named as in LinkedIn's Marketing API (serialized in SCREAMING_SNAKE_CASE).</summary>
public enum AssetRole : byte
{
    AccountManager = 1,
    CampaignManager = 2,
    CreativeManager = 3,
    Viewer = 4,
    AccountBillingAdmin = 5,
    Administrator = 20,
    ContentAdministrator = 21,
    Curator = 22,
    Analyst = 23,
    DirectSponsoredContentPoster = 24,
    LeadGenFormsManager = 25,
    LandingPagesManager = 26,
}
