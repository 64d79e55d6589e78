using BusinessManager.Core.Access;
using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Operator;

/// <summary>
/// Operator commands of the server executable. They open the same database, catch up with the change log and
/// write through the same <see cref="Writer"/>, so running servers see their effect on the next request and
/// every change is audited (with no acting person: the operator).
/// <code>
///   BusinessManager.Server support grant EMAIL     make a person a support agent
///   BusinessManager.Server support revoke EMAIL    take it away
///   BusinessManager.Server member set-role BUSINESS_ID EMAIL ADMIN|EMPLOYEE|CONTRACTOR
/// </code>
/// Configuration (Database:Provider, Database:Path, ...) comes from the same places as the server's.
/// </summary>
public static class OperatorCommands
{
    /// <summary>Operator actions are recorded with no acting person; their audit kind says what was done.</summary>
    private static readonly long? Operator = null;

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "support" or "member";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var builder = WebApplication.CreateBuilder(args.Skip(options.Length).ToArray());
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var dbs = new BmDbFactory(database);
        await dbs.MigrateAsync(CancellationToken.None);
        var index = await IndexSync.BuildAsync(dbs, CancellationToken.None);
        var writer = new Writer(dbs, index, new IndexSync(dbs, index), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Writer>.Instance);

        var result = options switch
        {
            ["support", "grant" or "revoke", var email] => await SetSupportAsync(writer, email, options[1] == "grant"),
            ["member", "set-role", var business, var email, var role] =>
                await SetRoleAsync(writer, business, email, role),
            _ => Errors.Invalid("command", Usage),
        };

        if (!result.IsOk)
        {
            await Console.Error.WriteLineAsync($"refused: {result.Error!.Code}: {result.Error.Message}");
            return 1;
        }

        Console.WriteLine($"done at revision {result.Value}");
        return 0;
    }

    private const string Usage = "usage: support grant|revoke EMAIL | member set-role BUSINESS_ID EMAIL ROLE";

    private static async Task<Result<long>> SetSupportAsync(Writer writer, string email, bool grant)
    {
        var normalized = Emails.Normalize(email);
        var written = await writer.WriteAsync<long>(async scope =>
        {
            var person = await scope.Db.People.FirstOrDefaultAsync(p => p.Email == normalized && p.DeletedAt == null);
            if (person is null)
            {
                return Errors.PersonNotFound();
            }

            person.IsSupportAgent = grant;
            scope.Audit(Operator, grant ? "support.granted" : "support.revoked", new { person.Id }, personId: person.Id);
            return person.Id;
        });

        return written.IsOk ? written.Value!.Revision : written.Error!;
    }

    private static async Task<Result<long>> SetRoleAsync(Writer writer, string business, string email, string role)
    {
        if (!long.TryParse(business, out var businessId))
        {
            return Errors.Invalid("businessId", "BUSINESS_ID must be a number.");
        }

        if (!Enum.TryParse<BusinessRole>(role.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            || !Enum.IsDefined(parsed))
        {
            return Errors.Invalid("role", "ROLE must be ADMIN, EMPLOYEE or CONTRACTOR.");
        }

        var normalized = Emails.Normalize(email);
        var written = await writer.WriteAsync<long>(async scope =>
        {
            var person = await scope.Db.People.FirstOrDefaultAsync(p => p.Email == normalized && p.DeletedAt == null);
            if (person is null)
            {
                return Errors.PersonNotFound();
            }

            var admin = scope.Index.MembersOf(businessId).FirstOrDefault(m => m.Role == BusinessRole.Admin);
            if (admin is null)
            {
                return Errors.BusinessNotFound();
            }

            // The operator acts with an admin's authority but the same rule: the last admin stays protected.
            var decided = scope.Decide(Operator, MemberRules.ChangeRole(scope.Index, admin.PersonId, businessId,
                person.Id, parsed));
            return decided.IsOk ? person.Id : decided.Error!;
        });

        return written.IsOk ? written.Value!.Revision : written.Error!;
    }
}
