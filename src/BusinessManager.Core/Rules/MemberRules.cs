using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;

namespace BusinessManager.Core.Rules;

public static class MemberRules
{
    public static Result<List<Change>> ChangeRole(AccessIndex index, long actorId, long businessId, long personId,
        BusinessRole role)
    {
        if (Guard.Admin(index, actorId, businessId) is { } denied)
        {
            return denied;
        }

        var current = index.RoleOf(personId, businessId);
        if (current is null)
        {
            return Errors.Errors.MemberNotFound();
        }

        if (current == BusinessRole.Admin && role != BusinessRole.Admin && index.AdminCount(businessId) == 1)
        {
            return Errors.Errors.LastAdmin();
        }

        return new List<Change> { new MemberSet(businessId, personId, role) };
    }

    /// <summary>An admin removes a member, or a member leaves. Either way the business keeps an admin and every
    /// assignment the business made for the person ends with the membership.</summary>
    public static Result<List<Change>> Remove(AccessIndex index, long actorId, long businessId, long personId)
    {
        if (actorId != personId && Guard.Admin(index, actorId, businessId) is { } denied)
        {
            return denied;
        }

        var current = index.RoleOf(personId, businessId);
        if (current is null)
        {
            return Errors.Errors.MemberNotFound();
        }

        if (current == BusinessRole.Admin && index.AdminCount(businessId) == 1)
        {
            return Errors.Errors.LastAdmin();
        }

        return Cascade.RemoveMember(index, businessId, personId);
    }

    /// <summary>Deleting a person's account: refused while they are the last admin anywhere.</summary>
    public static Result<List<Change>> DeletePerson(AccessIndex index, long personId)
    {
        var memberships = index.MembershipsOf(personId);
        if (memberships.Any(m => m.Role == BusinessRole.Admin && index.AdminCount(m.BusinessId) == 1))
        {
            return Errors.Errors.LastAdmin();
        }

        return memberships.SelectMany(m => Cascade.RemoveMember(index, m.BusinessId, personId)).ToList();
    }
}
