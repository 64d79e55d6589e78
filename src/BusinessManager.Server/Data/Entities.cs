using BusinessManager.Core.Catalog;
using BusinessManager.Core.Rules;

namespace BusinessManager.Server.Data;

// Table rows. Everything that decides access is also a Change in the change log; these rows are the
// truth the index is rebuilt from.

public sealed class PersonRow
{
    public long Id { get; set; }

    /// <summary>Normalised (trimmed, lower-cased) so that matching ignores case everywhere.</summary>
    public required string Email { get; set; }

    public required string Name { get; set; }

    public required string PasswordHash { get; set; }

    public bool IsSupportAgent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}

public sealed class TokenRow
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    public required string Name { get; set; }

    /// <summary>SHA-256 of the token; the token itself is shown once and never stored.</summary>
    public required string Hash { get; set; }

    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class BusinessRow
{
    public long Id { get; set; }

    public required string Name { get; set; }

    public long CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}

public sealed class MemberRow
{
    public long BusinessId { get; set; }

    public long PersonId { get; set; }

    public BusinessRole Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}

public enum InvitationStatus
{
    Pending = 1,
    Accepted = 2,
    Declined = 3,
    Revoked = 4,
}

public sealed class InvitationRow
{
    public long Id { get; set; }

    public long BusinessId { get; set; }

    public required string Email { get; set; }

    public BusinessRole Role { get; set; }

    public InvitationStatus Status { get; set; }

    public long InvitedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}

public enum AssetStatus
{
    Active = 1,
    Archived = 2,
}

public sealed class AssetRow
{
    public long Id { get; set; }

    public long OwnerId { get; set; }

    public AssetType Type { get; set; }

    public required string Name { get; set; }

    public AssetStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class PartnershipRow
{
    public long Id { get; set; }

    public long RequesterId { get; set; }

    public long TargetId { get; set; }

    public PartnershipStatus Status { get; set; }

    public long RequestedBy { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the target accepted: since when the two are partners. Null until then (and for partnerships
    /// accepted before this was recorded).</summary>
    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public PartnershipState ToState() => new(Id, RequesterId, TargetId, Status, ExpiresAt);
}

public sealed class ShareRow
{
    public long AssetId { get; set; }

    public long PartnerId { get; set; }

    public AssetRole Ceiling { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class AssignmentRow
{
    public long PersonId { get; set; }

    public long AssetId { get; set; }

    public long ByBusinessId { get; set; }

    public AssetRole Role { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class TransferRow
{
    public long Id { get; set; }

    public long AssetId { get; set; }

    public long FromId { get; set; }

    public long ToId { get; set; }

    public TransferStatus Status { get; set; }

    public bool ConfirmedByFrom { get; set; }

    public bool ConfirmedByTo { get; set; }

    public AssetRole? KeepShareCeiling { get; set; }

    public long OpenedBy { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public long? ClosedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public TransferState ToState() =>
        new(Id, AssetId, FromId, ToId, Status, ConfirmedByFrom, ConfirmedByTo, KeepShareCeiling, ExpiresAt);
}

/// <summary>One committed write: its revision and the access changes it made, in order.</summary>
public sealed class ChangeLogRow
{
    public long Revision { get; set; }

    public required string Changes { get; set; }

    public DateTimeOffset At { get; set; }
}

public sealed class AuditRow
{
    public long Id { get; set; }

    public long Revision { get; set; }

    public DateTimeOffset At { get; set; }

    public long? ActorId { get; set; }

    public required string Kind { get; set; }

    public long? BusinessId { get; set; }

    public long? OtherBusinessId { get; set; }

    public long? AssetId { get; set; }

    public long? PersonId { get; set; }

    /// <summary>JSON: before and after, or the operation's parameters.</summary>
    public required string Details { get; set; }
}
