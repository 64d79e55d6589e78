namespace BusinessManager.Core.Errors;

/// <summary>
/// Every refusal the product gives, by stable code. Codes never change once published; messages may.
/// </summary>
public static class Errors
{
    public static Error BusinessNotFound() => new("business_not_found", ErrorKind.NotFound, "No such business.");

    public static Error AssetNotFound() => new("asset_not_found", ErrorKind.NotFound, "No such asset.");

    public static Error PersonNotFound() => new("person_not_found", ErrorKind.NotFound, "No such person.");

    public static Error MemberNotFound() =>
        new("member_not_found", ErrorKind.NotFound, "That person is not a member of this business.");

    public static Error ShareNotFound() => new("share_not_found", ErrorKind.NotFound, "No such share.");

    public static Error AssignmentNotFound() =>
        new("assignment_not_found", ErrorKind.NotFound, "That person holds no role on this asset from this business.");

    public static Error PartnershipNotFound() =>
        new("partnership_not_found", ErrorKind.NotFound, "No such partnership.");

    public static Error TransferNotFound() => new("transfer_not_found", ErrorKind.NotFound, "No such transfer.");

    public static Error InvitationNotFound() =>
        new("invitation_not_found", ErrorKind.NotFound, "No such invitation.");

    public static Error NotBusinessAdmin() =>
        new("not_business_admin", ErrorKind.Forbidden, "Only an admin of this business may do this.");

    public static Error NotAssetOwner() =>
        new("not_asset_owner", ErrorKind.Forbidden,
            "Only the business that owns this asset may do this; partners cannot share, archive or manage it.");

    public static Error NotAllowedToAssign() =>
        new("not_allowed_to_assign", ErrorKind.Forbidden,
            "Assigning roles on this asset needs a business admin or a role that manages the asset's users.");

    public static Error RoleOutsideCeiling() =>
        new("role_outside_ceiling", ErrorKind.Forbidden,
            "That role is not within the ceiling the owner set for your business on this asset.");

    public static Error RoleExceedsOwnPermissions() =>
        new("role_exceeds_own_permissions", ErrorKind.Forbidden,
            "You cannot grant or remove a role that is beyond your own permissions on this asset.");

    public static Error NotAMember() =>
        new("not_a_member", ErrorKind.Conflict, "Roles can be given only to members of the assigning business.");

    public static Error RoleNotForAssetType() =>
        new("role_not_for_asset_type", ErrorKind.Invalid, "That role does not apply to this type of asset.", "role");

    public static Error LastAdmin() =>
        new("last_admin", ErrorKind.Conflict, "A business must keep at least one admin: add another admin first.");

    public static Error PartnershipNotActive() =>
        new("partnership_not_active", ErrorKind.Conflict, "There is no active partnership with that business.");

    public static Error PartnershipWithSelf() =>
        new("partnership_with_self", ErrorKind.Invalid, "A business cannot partner with itself.", "businessId");

    public static Error PartnershipExists() =>
        new("partnership_exists", ErrorKind.Conflict,
            "A pending or active partnership between these businesses already exists.");

    public static Error PartnershipNotPending() =>
        new("partnership_not_pending", ErrorKind.Conflict, "This partnership request is no longer pending.");

    public static Error PartnershipExpired() =>
        new("partnership_expired", ErrorKind.Conflict, "This partnership request has expired; send a new one.");

    public static Error NotRequestTarget() =>
        new("not_request_target", ErrorKind.Forbidden, "Only the business that received a request may answer it.");

    public static Error ShareExists() =>
        new("share_exists", ErrorKind.Conflict,
            "This asset is already shared with that partner; change the ceiling instead.");

    public static Error AssetArchived() => new("asset_archived", ErrorKind.Conflict, "This asset is archived.");

    public static Error AlreadyAMember() =>
        new("already_a_member", ErrorKind.Conflict, "That person is already a member of this business.");

    public static Error InvitationAlreadyPending() =>
        new("invitation_already_pending", ErrorKind.Conflict, "That address already has a pending invitation.");

    public static Error InvitationRevoked() =>
        new("invitation_revoked", ErrorKind.Conflict, "This invitation was revoked.");

    public static Error InvitationAlreadyUsed() =>
        new("invitation_already_used", ErrorKind.Conflict, "This invitation was already answered.");

    public static Error InvitationExpired() =>
        new("invitation_expired", ErrorKind.Conflict, "This invitation has expired; ask for a new one.");

    public static Error TransferAlreadyOpen() =>
        new("transfer_already_open", ErrorKind.Conflict, "This asset already has an open ownership transfer.");

    public static Error TransferToOwner() =>
        new("transfer_to_owner", ErrorKind.Invalid, "The asset already belongs to that business.", "toBusinessId");

    public static Error TransferNotOpen() =>
        new("transfer_not_open", ErrorKind.Conflict, "This transfer is no longer open.");

    public static Error TransferExpired() =>
        new("transfer_expired", ErrorKind.Conflict, "This transfer has expired; open a new one.");

    public static Error TransferNotConfirmed() =>
        new("transfer_not_confirmed", ErrorKind.Conflict,
            "A transfer can be completed only after an admin of each business has confirmed it.");

    public static Error OwnershipChanged() =>
        new("ownership_changed", ErrorKind.Conflict,
            "The asset's owner changed since this transfer was opened; it can no longer be completed.");

    public static Error NotSupportAgent() =>
        new("not_support_agent", ErrorKind.Forbidden, "Only a support agent may complete or reject transfers.");

    public static Error EmailTaken() =>
        new("email_taken", ErrorKind.Conflict, "An account with that e-mail already exists; sign in instead.", "email");

    public static Error BadCredentials() =>
        new("bad_credentials", ErrorKind.Unauthenticated, "The e-mail or password is wrong.");

    public static Error Invalid(string field, string message) => new("invalid_field", ErrorKind.Invalid, message, field);
}
