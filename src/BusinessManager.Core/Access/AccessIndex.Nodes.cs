using BusinessManager.Core.Catalog;

namespace BusinessManager.Core.Access;

/// <summary>The index's per-person, per-business and per-asset records.</summary>
public sealed partial class AccessIndex
{
    private sealed class PersonNode(long id)
    {
        public long Id { get; } = id;

        // People belong to a handful of businesses; a tiny array beats a dictionary here.
        public (int Business, BusinessRole Role)[] Memberships { get; private set; } = [];

        public int FirstAssignment { get; set; } = None;

        public BusinessRole? RoleIn(int business)
        {
            foreach (var (b, role) in Memberships)
            {
                if (b == business)
                {
                    return role;
                }
            }

            return null;
        }

        public void SetMembership(int business, BusinessRole role)
        {
            RemoveMembership(business);
            Memberships = [.. Memberships, (business, role)];
        }

        public void RemoveMembership(int business) =>
            Memberships = Memberships.Where(m => m.Business != business).ToArray();
    }

    private sealed class BusinessNode(long id)
    {
        public long Id { get; } = id;

        public string Name { get; set; } = "";

        public Dictionary<int, BusinessRole> Members { get; } = [];

        public HashSet<int> OwnedAssets { get; } = [];

        public HashSet<int> SharedIn { get; } = [];

        public HashSet<int> Partners { get; } = [];
    }

    private sealed class AssetNode(long id, int owner, AssetType type, string name)
    {
        public long Id { get; } = id;

        public int Owner { get; set; } = owner;

        public AssetType Type { get; } = type;

        public string Name { get; set; } = name;

        public List<ShareEntry> Shares { get; } = [];

        public int FirstAssignment { get; set; } = None;

        public Permission CeilingFor(int partner)
        {
            foreach (var share in Shares)
            {
                if (share.Partner == partner)
                {
                    return share.CeilingPermissions;
                }
            }

            return Permission.None;
        }
    }

    private readonly record struct ShareEntry(int Partner, AssetRole Ceiling, Permission CeilingPermissions);
}
