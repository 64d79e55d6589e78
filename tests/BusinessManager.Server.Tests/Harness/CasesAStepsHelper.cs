using System.Text.Json;

namespace BusinessManager.Server.Tests.Harness;

/// <summary>Small read helpers for the case tests: role lists, assignment rows, audit events, support agents.</summary>
public static class CasesAStepsHelper
{
    /// <summary>The strings of a JSON array property, e.g. "effectiveRoles".</summary>
    public static List<string> Strings(this JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>The person id of a row that carries a "person" reference.</summary>
    public static long PersonId(this JsonElement row) => row.GetProperty("person").GetProperty("id").GetInt64();

    /// <summary>The asset id of a row that carries an "asset" reference.</summary>
    public static long AssetId(this JsonElement row) => row.GetProperty("asset").GetProperty("id").GetInt64();

    /// <summary>The roles the business has given its members on the asset (GET .../assignments).</summary>
    public static async Task<List<JsonElement>> Assignments(this Actor actor, long business, long asset) =>
        (await actor.Get($"/api/v1/businesses/{business}/assets/{asset}/assignments")).Ok()
            .Body.EnumerateArray().ToList();

    /// <summary>Audit events the business's admin sees (first page, newest first), with an optional query.</summary>
    public static async Task<List<JsonElement>> AuditEvents(this Actor admin, long business, string query = "") =>
        (await admin.Get($"/api/v1/businesses/{business}/audit?limit=200{query}")).Ok().Items().ToList();

    /// <summary>The kinds of the changes a write answered with.</summary>
    public static List<string> ChangeKinds(this ApiResponse write) =>
        write.Body.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString()!).ToList();

    /// <summary>Signs a person up, makes them a support agent (operator command), signs them in again.</summary>
    public static async Task<Actor> SupportAgentAsync(World world, string email)
    {
        await world.Person(email);
        await OperatorProcess.RunAsync(world.Server, "support", "grant", email);
        return await Api.SignInAsync(world.Http, email);
    }

    /// <summary>The person's own revision-stamped view of who they are; its revision moves on every commit.</summary>
    public static async Task<long> CurrentRevision(this Actor actor) =>
        (await actor.Get("/api/v1/me")).Ok().Body.GetProperty("revision").GetInt64();
}
