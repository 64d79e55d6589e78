using BusinessManager.Core.Rules;
using BusinessManager.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Partnerships;

/// <summary>
/// When each partnership became active. The partnership row keeps only when it was requested and closed, so the
/// moment of acceptance is read from the append-only audit log, where accepting records "partnership.active"
/// between the two businesses. Two businesses have at most one open partnership at a time, so the first
/// acceptance between them after a request was sent is that request's.
/// </summary>
public sealed class Acceptances
{
    private readonly List<AuditRow> _events;

    private Acceptances(List<AuditRow> events) => _events = events;

    public static async Task<Acceptances> OfAsync(BmDb db, long businessId, CancellationToken ct)
    {
        // Filtering on the time happens in memory: SQLite cannot compare DateTimeOffset values in a query.
        var events = await db.Audit.AsNoTracking()
            .Where(e => e.Kind == "partnership.active"
                && (e.BusinessId == businessId || e.OtherBusinessId == businessId))
            .OrderBy(e => e.Id)
            .ToListAsync(ct);

        return new Acceptances(events);
    }

    public DateTimeOffset? Of(PartnershipRow row)
    {
        if (row.Status is not (PartnershipStatus.Active or PartnershipStatus.Ended))
        {
            return null;
        }

        return _events.FirstOrDefault(e => e.At >= row.RequestedAt
            && ((e.BusinessId == row.RequesterId && e.OtherBusinessId == row.TargetId)
                || (e.BusinessId == row.TargetId && e.OtherBusinessId == row.RequesterId)))?.At;
    }
}
