namespace BusinessManager.Core.Catalog;

public enum AssetType
{
    AdAccount = 1,
    Page = 2,
}
