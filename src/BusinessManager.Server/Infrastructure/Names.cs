using BusinessManager.Core.Access;
using BusinessManager.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Infrastructure;

/// <summary>A business or a person as shown to people: always the name with its id.</summary>
public sealed record NamedRef(long Id, string Name);

/// <summary>A person as shown to people who may see them: id, name and e-mail.</summary>
public sealed record PersonRef(long Id, string Name, string Email);

/// <summary>Looks up display names: businesses from the index, people in one query per response.</summary>
public sealed class Names(IDbContextFactory<BmDb> dbs, AccessIndex index)
{
    public NamedRef Business(long id) => new(id, index.BusinessName(id) ?? "");

    public async Task<Dictionary<long, PersonRef>> PeopleAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.People.AsNoTracking().Where(p => wanted.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new PersonRef(p.Id, p.Name, p.Email), ct);
    }

    public static PersonRef Person(Dictionary<long, PersonRef> people, long id) =>
        people.TryGetValue(id, out var person) ? person : new PersonRef(id, "", "");
}
