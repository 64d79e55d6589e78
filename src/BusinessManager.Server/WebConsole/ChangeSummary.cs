using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Server.Infrastructure;

namespace BusinessManager.Server.WebConsole;

/// <summary>One line of "what ends" (or what starts), with every business, asset and person named and numbered.</summary>
public sealed record ChangeLine(string Kind, string Text);

/// <summary>
/// Puts a write's <c>changes</c> (ids only, as the API answers them) into words for a preview or a result. The
/// ids come from the API's answer to this very caller, so naming them shows nothing the caller could not already
/// open; names are read from the index and the people table, never decided here.
/// </summary>
public sealed class ChangeSummary(AccessIndex index, Names names)
{
    public async Task<IReadOnlyList<ChangeLine>> DescribeAsync(IReadOnlyList<Change> changes, CancellationToken ct)
    {
        var people = await names.PeopleAsync(changes.Select(PersonOf).OfType<long>(), ct);

        return changes.Select(change => Describe(change, people)).OfType<ChangeLine>().ToList();
    }

    /// <summary>Roles that stay as they are through a change (a transfer's carried-over assignments).</summary>
    public async Task<IReadOnlyList<ChangeLine>> DescribeKeptAsync(IReadOnlyList<AssignmentView> kept,
        CancellationToken ct)
    {
        var people = await names.PeopleAsync(kept.Select(a => a.PersonId), ct);

        return kept.Select(a => new ChangeLine("assignment", $"{Person(people, a.PersonId)} keeps "
            + $"{Labels.Of(a.Role)} on {Asset(a.AssetId)}, given by {Business(a.ByBusinessId)}.")).ToList();
    }

    private ChangeLine? Describe(Change change, Dictionary<long, PersonRef> people) => change switch
    {
        PartnershipEnded c => new("partnership", $"The partnership between {Business(c.FirstBusinessId)} and "
            + $"{Business(c.SecondBusinessId)} ends."),
        ShareEnded c => new("share", $"The {Asset(c.AssetId)} is no longer shared with {Business(c.PartnerId)}."),
        ShareSet c => new("share", $"The {Asset(c.AssetId)} is shared with {Business(c.PartnerId)} up to "
            + $"{Labels.Of(c.Ceiling)}."),
        AssignmentRemoved c => new("assignment", $"{Person(people, c.PersonId)} loses "
            + $"{RoleOf(c.PersonId, c.AssetId, c.ByBusinessId)} on {Asset(c.AssetId)}, given by {Business(c.ByBusinessId)}."),
        AssignmentSet c => new("assignment", $"{Person(people, c.PersonId)} gets {Labels.Of(c.Role)} on "
            + $"{Asset(c.AssetId)}, given by {Business(c.ByBusinessId)}."),
        MemberRemoved c => new("member", $"{Person(people, c.PersonId)} leaves {Business(c.BusinessId)}."),
        MemberSet c => new("member", $"{Person(people, c.PersonId)} becomes {Labels.Of(c.Role)} of "
            + $"{Business(c.BusinessId)}."),
        AssetRemoved c => new("asset", $"The {Asset(c.AssetId)} is archived."),
        AssetOwnerChanged c => new("asset", $"The {Asset(c.AssetId)} becomes owned by {Business(c.OwnerId)}."),
        _ => null,
    };

    private static long? PersonOf(Change change) => change switch
    {
        AssignmentRemoved c => c.PersonId,
        AssignmentSet c => c.PersonId,
        MemberRemoved c => c.PersonId,
        MemberSet c => c.PersonId,
        _ => null,
    };

    private string RoleOf(long personId, long assetId, long byBusinessId) =>
        index.AssignmentRole(personId, assetId, byBusinessId) is { } role ? Labels.Of(role) : "a role";

    private string Business(long id) => $"{index.BusinessName(id)} (id {id})";

    private string Asset(long id) => index.Asset(id) is { } asset
        ? Labels.Asset(asset.Type, asset.Name, id)
        : $"asset {id}";

    private static string Person(Dictionary<long, PersonRef> people, long id) =>
        Names.Person(people, id) is { Name.Length: > 0 } p ? $"{p.Name} ({p.Email}, id {id})" : $"person {id}";
}
