using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.Demo;

/// <summary>
/// Sets the stage of PRODUCT.md's reference scenario by calling the running service's own HTTP API, so the demo
/// data passes every rule and lands in the audit log like anything a person would do: FixDex and Flexis Media,
/// their people and their assets, and no partnership yet, so that a newcomer plays the scenario itself (in the
/// web console or with curl, as README shows). Runs once per database.
/// </summary>
public static class DemoData
{
    public const string Password = "demo-password";

    private static readonly (string Email, string Name)[] People =
    [
        ("ava@fixdex.example", "Ava Fixdex-Admin"),
        ("felix@fixdex.example", "Felix Fixdex-Employee"),
        ("mia@flexis.example", "Mia Flexis-Admin"),
        ("leo@flexis.example", "Leo Flexis-Poster"),
        ("nora@flexis.example", "Nora Flexis-Poster"),
        ("sam@support.example", "Sam Support-Agent"),
    ];

    public static async Task LoadAsync(WebApplication app, TextWriter output)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        var dbs = app.Services.GetRequiredService<IDbContextFactory<BmDb>>();
        await using (var db = await dbs.CreateDbContextAsync())
        {
            if (!await db.People.AnyAsync(p => p.Email == People[0].Email))
            {
                using var http = new HttpClient { BaseAddress = new Uri(address) };
                await SeedAsync(http, db);
            }
        }

        await using var read = await dbs.CreateDbContextAsync();
        var businesses = await read.Businesses.AsNoTracking().Where(b => b.Name == "FixDex" || b.Name == "Flexis Media")
            .ToListAsync();
        output.WriteLine();
        output.WriteLine("Demo data loaded: FixDex and Flexis Media, their people and assets, no partnership yet.");
        output.WriteLine($"Web console at {address}/ (sign in below), API reference at {address}/docs");
        foreach (var b in businesses)
        {
            output.WriteLine($"  business {b.Name}: id {b.Id}");
        }

        output.WriteLine($"Sign in at {address}/signin as any demo person, password '{Password}':");
        foreach (var (email, name) in People)
        {
            output.WriteLine($"  {name,-24} {email}");
        }

        output.WriteLine($"API token: curl -s {address}/api/v1/people/signin -H 'Content-Type: application/json' "
            + $"-d '{{\"email\":\"ava@fixdex.example\",\"password\":\"{Password}\"}}'");

        output.WriteLine();
    }

    private static async Task SeedAsync(HttpClient http, BmDb db)
    {
        var tokens = new Dictionary<string, string>();
        foreach (var (email, name) in People)
        {
            var signedUp = await Send(http, null, HttpMethod.Post, "/api/v1/people/signup",
                new { email, name, password = Password });
            tokens[email] = signedUp.GetProperty("result").GetProperty("token").GetString()!;
        }

        var support = await db.People.FirstAsync(p => p.Email == "sam@support.example");
        support.IsSupportAgent = true;
        await db.SaveChangesAsync();

        var ava = tokens["ava@fixdex.example"];
        var mia = tokens["mia@flexis.example"];
        var fixdex = await Create(http, ava, "/api/v1/businesses", new { name = "FixDex" });
        var flexis = await Create(http, mia, "/api/v1/businesses", new { name = "Flexis Media" });
        await Join(http, ava, tokens["felix@fixdex.example"], fixdex, "felix@fixdex.example");
        await Join(http, mia, tokens["leo@flexis.example"], flexis, "leo@flexis.example");
        await Join(http, mia, tokens["nora@flexis.example"], flexis, "nora@flexis.example");

        await Asset(http, ava, fixdex, "PAGE", "FixDex Business Unit 1");
        await Asset(http, ava, fixdex, "PAGE", "FixDex Careers");
        await Asset(http, ava, fixdex, "PAGE", "FixDex Investor Relations");
        await Asset(http, ava, fixdex, "AD_ACCOUNT", "FixDex Brand (in-house)");
        await Asset(http, mia, flexis, "AD_ACCOUNT", "FixDex Business Unit 1 Ads");
        await Asset(http, mia, flexis, "AD_ACCOUNT", "FixDex Business Unit 2 Ads");
    }

    private static async Task Join(HttpClient http, string adminToken, string personToken, long business, string email)
    {
        var invitation = await Create(http, adminToken, $"/api/v1/businesses/{business}/invitations",
            new { email, role = "EMPLOYEE" });
        await Send(http, personToken, HttpMethod.Post, $"/api/v1/me/invitations/{invitation}/accept", null);
    }

    private static Task<long> Asset(HttpClient http, string token, long business, string type, string name) =>
        Create(http, token, $"/api/v1/businesses/{business}/assets", new { type, name });

    private static async Task<long> Create(HttpClient http, string token, string path, object body) =>
        (await Send(http, token, HttpMethod.Post, path, body)).GetProperty("result").GetProperty("id").GetInt64();

    private static async Task<JsonElement> Send(HttpClient http, string? token, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Demo step {method} {path} failed: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
