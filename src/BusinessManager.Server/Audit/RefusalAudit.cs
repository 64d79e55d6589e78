using System.Text.Json;
using BusinessManager.Core.Access;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Audit;

/// <summary>
/// Records every refused write (403, 404 or 409 to a signed-in caller) as an audit event of the business
/// named in the route, so that a security reviewer sees attempts as well as changes. The refused write itself
/// rolled back; this event is written on its own and changes nothing else. Malformed input (400) is not
/// recorded: it never reached a rule. Neither are refused dry runs: they attempted nothing.
/// </summary>
public sealed class RefusalAudit(IDbContextFactory<BmDb> dbs, AccessIndex index, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || IsDryRun(http) || http.User.Identity?.IsAuthenticated != true
            || Unwrap(result) is not ProblemHttpResult { StatusCode: 403 or 404 or 409 } problem)
        {
            return result;
        }

        await using var db = await dbs.CreateDbContextAsync(http.RequestAborted);
        var business = RouteId(http, "businessId");
        long? other = null;
        var asset = RouteId(http, "assetId");

        // Support's routes name a transfer, not a business: the refusal belongs to both sides of it.
        if (business is null && RouteId(http, "transferId") is { } transferId
            && await db.Transfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == transferId, http.RequestAborted)
                is { } transfer)
        {
            (business, other, asset) = (transfer.FromId, transfer.ToId, transfer.AssetId);
        }

        if (business is null || !index.BusinessExists(business.Value))
        {
            return result;
        }

        db.Audit.Add(new AuditRow
        {
            Revision = index.Revision,
            At = time.GetUtcNow(),
            ActorId = http.User.PersonId(),
            Kind = "request.refused",
            BusinessId = business,
            OtherBusinessId = other,
            AssetId = asset,

            // The person named in the route stays a bare id in the details: linking it as the event's person
            // would show that person's name and e-mail to whoever can read this business's audit log, which
            // turns any refused request into a directory lookup.
            Details = JsonSerializer.Serialize(new
            {
                code = problem.ProblemDetails.Extensions.TryGetValue("code", out var code) ? code : null,
                method = http.Request.Method,
                route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText,
                personId = RouteId(http, "personId"),
            }, Json.Options),
        });
        await db.SaveChangesAsync(http.RequestAborted);

        return result;
    }

    /// <summary>A preview asks "what would happen?" and writes nothing; its refusal says why it would not
    /// happen, and the console asks it every time a confirmation step opens. Only real attempts are recorded.</summary>
    private static bool IsDryRun(HttpContext http) =>
        bool.TryParse(http.Request.Query["dryRun"], out var dryRun) && dryRun;

    private static object? Unwrap(object? result) => result is INestedHttpResult nested ? nested.Result : result;

    private static long? RouteId(HttpContext http, string name) =>
        http.Request.RouteValues.TryGetValue(name, out var value) && long.TryParse(value?.ToString(), out var id)
            ? id
            : null;
}
