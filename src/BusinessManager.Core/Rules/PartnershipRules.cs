using BusinessManager.Core.Access;
using BusinessManager.Core.Errors;

namespace BusinessManager.Core.Rules;

public enum PartnershipStatus
{
    Pending = 1,
    Active = 2,
    Declined = 3,
    Expired = 4,
    Cancelled = 5,
    Ended = 6,
}

/// <summary>A partnership request as stored. Expiry is derived from the clock, not written by a timer.</summary>
public sealed record PartnershipState(long Id, long RequesterId, long TargetId, PartnershipStatus Status,
    DateTimeOffset ExpiresAt)
{
    public PartnershipStatus StatusAt(DateTimeOffset now) =>
        Status == PartnershipStatus.Pending && now >= ExpiresAt ? PartnershipStatus.Expired : Status;

    public bool Involves(long businessId) => RequesterId == businessId || TargetId == businessId;

    public long OtherThan(long businessId) => RequesterId == businessId ? TargetId : RequesterId;
}

/// <summary>Rule 2: partnerships need both sides; either side may cancel a request or end a partnership.</summary>
public static class PartnershipRules
{
    public static Error? Request(AccessIndex index, long actorId, long requesterId, long targetId,
        IEnumerable<PartnershipState> openBetween, DateTimeOffset now)
    {
        if (Guard.Admin(index, actorId, requesterId) is { } denied)
        {
            return denied;
        }

        if (requesterId == targetId)
        {
            return Errors.Errors.PartnershipWithSelf();
        }

        if (!index.BusinessExists(targetId))
        {
            return Errors.Errors.BusinessNotFound();
        }

        var open = openBetween.Any(p => p.StatusAt(now) is PartnershipStatus.Pending or PartnershipStatus.Active);
        return open || index.ArePartners(requesterId, targetId) ? Errors.Errors.PartnershipExists() : null;
    }

    public static Result<List<Change>> Accept(AccessIndex index, long actorId, long businessId,
        PartnershipState partnership, DateTimeOffset now)
    {
        if (Answerable(index, actorId, businessId, partnership, now) is { } refused)
        {
            return refused;
        }

        return new List<Change> { new PartnershipActivated(partnership.RequesterId, partnership.TargetId) };
    }

    /// <summary>Declining is the target's answer; it changes no access.</summary>
    public static Error? Decline(AccessIndex index, long actorId, long businessId, PartnershipState partnership,
        DateTimeOffset now) => Answerable(index, actorId, businessId, partnership, now);

    /// <summary>Either side may cancel a pending request.</summary>
    public static Error? Cancel(AccessIndex index, long actorId, long businessId, PartnershipState partnership,
        DateTimeOffset now)
    {
        if (Visible(index, actorId, businessId, partnership) is { } denied)
        {
            return denied;
        }

        return partnership.StatusAt(now) switch
        {
            PartnershipStatus.Pending => null,
            PartnershipStatus.Expired => Errors.Errors.PartnershipExpired(),
            _ => Errors.Errors.PartnershipNotPending(),
        };
    }

    /// <summary>Ending cuts every share between the two, both directions, and every assignment made through them.</summary>
    public static Result<List<Change>> End(AccessIndex index, long actorId, long businessId,
        PartnershipState partnership)
    {
        if (Visible(index, actorId, businessId, partnership) is { } denied)
        {
            return denied;
        }

        if (partnership.Status != PartnershipStatus.Active)
        {
            return Errors.Errors.PartnershipNotActive();
        }

        return Cascade.EndPartnership(index, partnership.RequesterId, partnership.TargetId);
    }

    private static Error? Answerable(AccessIndex index, long actorId, long businessId, PartnershipState partnership,
        DateTimeOffset now)
    {
        if (Visible(index, actorId, businessId, partnership) is { } denied)
        {
            return denied;
        }

        if (partnership.TargetId != businessId)
        {
            return Errors.Errors.NotRequestTarget();
        }

        return partnership.StatusAt(now) switch
        {
            PartnershipStatus.Pending => null,
            PartnershipStatus.Expired => Errors.Errors.PartnershipExpired(),
            _ => Errors.Errors.PartnershipNotPending(),
        };
    }

    private static Error? Visible(AccessIndex index, long actorId, long businessId, PartnershipState partnership)
    {
        if (!partnership.Involves(businessId) || index.RoleOf(actorId, businessId) is null)
        {
            return index.RoleOf(actorId, businessId) is null
                ? Errors.Errors.BusinessNotFound()
                : Errors.Errors.PartnershipNotFound();
        }

        return Guard.Admin(index, actorId, businessId);
    }
}
