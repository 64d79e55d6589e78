using System.Text.Json;
using BusinessManager.Server.Audit;

namespace BusinessManager.Server.WebConsole;

/// <summary>
/// Audit events in words: each kind as a phrase, and the details (before → after) as a sentence, with wire names
/// of roles turned into words and businesses named from the event's own references.
/// </summary>
public static class AuditWords
{
    /// <summary>Every kind a business's log can hold, in the order the filter offers them.</summary>
    public static readonly IReadOnlyList<(string Kind, string Words)> Kinds =
    [
        ("business_created", "Business created"),
        ("business_renamed", "Business renamed"),
        ("business.deleted", "Business deleted"),
        ("invitation.created", "Invitation sent"),
        ("invitation.revoked", "Invitation revoked"),
        ("invitation.accepted", "Invitation accepted"),
        ("invitation.declined", "Invitation declined"),
        ("member_set", "Member added or business role changed"),
        ("member_removed", "Member removed"),
        ("asset_created", "Asset created"),
        ("asset_renamed", "Asset renamed"),
        ("asset_removed", "Asset archived"),
        ("asset_owner_changed", "Asset owner changed"),
        ("partnership.requested", "Partnership requested"),
        ("partnership.active", "Partnership request accepted"),
        ("partnership.declined", "Partnership request declined"),
        ("partnership.cancelled", "Partnership request cancelled"),
        ("partnership.ended", "Partnership ended by an admin"),
        ("partnership_activated", "Partnership active"),
        ("partnership_ended", "Partnership ended"),
        ("share_set", "Asset shared or ceiling changed"),
        ("share_ended", "Share ended"),
        ("share.ceiling_effect", "Ceiling change moved a person's role"),
        ("assignment_set", "Role given"),
        ("assignment_removed", "Role removed"),
        ("transfer.opened", "Transfer opened"),
        ("transfer.confirmed", "Transfer confirmed"),
        ("transfer.completed", "Transfer completed"),
        ("transfer.rejected", "Transfer rejected"),
        ("transfer.cancelled", "Transfer cancelled"),
        ("request.refused", "Request refused"),
    ];

    private static readonly Dictionary<string, string> KindWords = Kinds.ToDictionary(k => k.Kind, k => k.Words);

    public static string Kind(string kind) =>
        KindWords.TryGetValue(kind, out var words) ? words : Words(kind.Replace('.', '_'));

    /// <summary>"CAMPAIGN_MANAGER" → "Campaign manager", as <see cref="Labels"/> does for typed values.</summary>
    public static string Words(string wire)
    {
        var words = wire.Replace('_', ' ').ToLowerInvariant();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The transfer an event is about, to link to it.</summary>
    public static long? TransferId(AuditEventResponse e) =>
        e.Kind.StartsWith("transfer.", StringComparison.Ordinal) && Number(e.Details, "id") is { } id ? id : null;

    /// <summary>The asset an event names in its details (created or renamed), to name it when it is gone.</summary>
    public static (long Id, string Name)? NamedAsset(AuditEventResponse e) =>
        e.Details.ValueKind == JsonValueKind.Object && e.Details.TryGetProperty("after", out var after)
            && Number(after, "assetId") is { } id && Text(after, "name") is { } name
            ? (id, name)
            : null;

    public static string Details(AuditEventResponse e)
    {
        var d = e.Details;
        if (d.ValueKind != JsonValueKind.Object)
        {
            return "";
        }

        if (d.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.Object)
        {
            return Change(e, d.TryGetProperty("before", out var before) ? before : default, after);
        }

        return e.Kind switch
        {
            "share.ceiling_effect" => $"Assigned {Role(Text(d, "assignedRole"))}; can now do {Roles(d, "before")} → "
                + Roles(d, "after"),
            "request.refused" => $"Refused: {Words(Text(d, "code") ?? "error").ToLowerInvariant()}, "
                + $"{Text(d, "method")} {Text(d, "route")}"
                + (Number(d, "personId") is { } p ? $" (person id {p})" : ""),
            _ when e.Kind.StartsWith("transfer.", StringComparison.Ordinal) => Transfer(d),
            _ when e.Kind.StartsWith("partnership.", StringComparison.Ordinal) => $"Partnership id {Number(d, "id")}",
            _ when e.Kind.StartsWith("invitation.", StringComparison.Ordinal) =>
                $"Invitation id {Number(d, "id")}" + (Text(d, "role") is { } role ? $" as {Words(role)}" : ""),
            _ => Fields(d),
        };
    }

    private static string Change(AuditEventResponse e, JsonElement before, JsonElement after) => e.Kind switch
    {
        "business_created" => $"Name: — → {Text(after, "name")}",
        "business_renamed" => $"Name: {Value(before)} → {Text(after, "name")}",
        "member_set" => $"Business role: {Was(before, "none")} → {Role(Text(after, "role"))}",
        "member_removed" => $"Business role: {Was(before, "none")} → removed",
        "asset_created" => $"Created: {Role(Text(after, "type"))} {Text(after, "name")}",
        "asset_renamed" => $"Name: {Value(before)} → {Text(after, "name")}",
        "asset_removed" => "Active → archived",
        "asset_owner_changed" => $"Owner: {Business(e, Number(before))} → {Business(e, Number(after, "ownerId"))}",
        "partnership_activated" => "Partnership: pending → active",
        "partnership_ended" => "Partnership: active → ended",
        "share_set" => $"Ceiling: {Was(before, "not shared")} → {Role(Text(after, "ceiling"))}",
        "share_ended" => $"Ceiling: {Was(before, "not shared")} → not shared",
        "assignment_set" => $"Role: {Was(before, "none")} → {Role(Text(after, "role"))}",
        "assignment_removed" => $"Role: {Was(before, "none")} → none",
        _ => Fields(after),
    };

    private static string Transfer(JsonElement d)
    {
        var text = $"Transfer id {Number(d, "id")}";
        if (Text(d, "keepShareCeiling") is { } keep)
        {
            text += $"; the old owner keeps a share up to {Words(keep)}";
        }

        return Text(d, "side") switch
        {
            "from" => text + "; confirmed for the giving side (the owner)",
            "to" => text + "; confirmed for the receiving side",
            _ => text,
        };
    }

    private static string Business(AuditEventResponse e, long? id) => id switch
    {
        null => "—",
        _ when e.Business?.Id == id => $"{e.Business.Name} (id {id})",
        _ when e.OtherBusiness?.Id == id => $"{e.OtherBusiness.Name} (id {id})",
        _ => $"business id {id}",
    };

    private static string Role(string? wire) => wire is null ? "none" : Words(wire);

    private static string Roles(JsonElement d, string name) =>
        d.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
            ? string.Join(" + ", list.EnumerateArray().Select(r => Words(r.GetString() ?? "")))
            : "nothing";

    /// <summary>The value before the change: a name as it was, or "—" when there was none.</summary>
    private static string Value(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : "—";

    /// <summary>A role or ceiling before the change, in words, or what having none means here.</summary>
    private static string Was(JsonElement value, string none) =>
        value.ValueKind == JsonValueKind.String ? Words(value.GetString()!) : none;

    private static string Fields(JsonElement d) => string.Join("; ", d.EnumerateObject()
        .Where(p => p.Name != "kind")
        .Select(p => $"{Words(JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name))}: "
            + (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())));

    private static string? Text(JsonElement d, string name) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;

    private static long? Number(JsonElement d, string name) =>
        d.ValueKind == JsonValueKind.Object && d.TryGetProperty(name, out var v) ? Number(v) : null;

    private static long? Number(JsonElement v) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
}
