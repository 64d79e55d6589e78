namespace BusinessManager.Core.Catalog;

/// <summary>A member's role inside one business.</summary>
public enum BusinessRole : byte
{
    Admin = 1,
    Employee = 2,
    Contractor = 3,
}
