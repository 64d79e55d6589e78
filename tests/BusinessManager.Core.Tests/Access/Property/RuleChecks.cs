using BusinessManager.Core.Catalog;

namespace BusinessManager.Core.Tests.Access.Property;

/// <summary>
/// What rules 3 and 4 promise about every assignment the rules allowed, checked against the naive model as it
/// stood before the write: own members only, within the ceiling, and never more than the actor holds.
/// </summary>
public static class RuleChecks
{
    public static void AssignWasAllowed(NaiveModel model, long actor, long business, long asset, long person,
        AssetRole role)
    {
        var (owner, type, _) = model.Assets[asset];
        var what = $"{actor} as {business} assigned {person} {role} on {asset} (owner {owner})";

        Assert.True(RoleCatalog.AppliesTo(role, type), $"{what}: wrong asset type");
        Assert.True(model.IsMember(business, person), $"{what}: not a member of the assigning business");
        if (business != owner)
        {
            Assert.True(model.ArePartners(owner, business), $"{what}: no active partnership");
            Assert.True(model.Shares.TryGetValue((asset, business), out var ceiling), $"{what}: no share");
            Assert.True(RoleCatalog.IsWithin(role, ceiling), $"{what}: outside the ceiling {ceiling}");
        }

        WithinActor(model, actor, business, asset, RoleCatalog.PermissionsOf(role), what);
        if (model.Assignments.TryGetValue((person, asset, business), out var replaced))
        {
            WithinActor(model, actor, business, asset, RoleCatalog.PermissionsOf(replaced),
                $"{what}, replacing {replaced}");
        }
    }

    public static void UnassignWasAllowed(NaiveModel model, long actor, (long Person, long Asset, long By) assignment)
    {
        var role = model.Assignments[assignment];
        var what = $"{actor} as {assignment.By} removed {assignment.Person}'s {role} on {assignment.Asset}";

        WithinActor(model, actor, assignment.By, assignment.Asset, RoleCatalog.PermissionsOf(role), what);
    }

    /// <summary>An admin of the business may; others must manage the asset's users and hold all they touch.</summary>
    private static void WithinActor(NaiveModel model, long actor, long business, long asset, Permission touched,
        string what)
    {
        Assert.True(model.IsMember(business, actor), $"{what}: the actor is not a member");
        if (model.IsAdmin(business, actor))
        {
            return;
        }

        var held = model.Effective(actor, asset);
        var manage = RoleCatalog.UsersManageFor(model.Assets[asset].Type);
        Assert.True((held & manage) != 0, $"{what}: the actor does not manage the asset's users");
        Assert.True(RoleCatalog.IsWithin(touched, held), $"{what}: beyond the actor's own permissions {held}");
    }
}
