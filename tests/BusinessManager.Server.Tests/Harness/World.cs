using System.Net;

namespace BusinessManager.Server.Tests.Harness;

/// <summary>
/// The standard fixture of CASES.md, built through the HTTP API on a fresh server: businesses A (brand), B
/// (agency, partner of A), C (second agency), D (unrelated); their people; A's AA1, AA2, PG1, PG2 and B's
/// BA1, PGB. Nothing is shared until a test shares it.
/// </summary>
public sealed class World : IAsyncDisposable
{
    private World(BmServer server, HttpClient http)
    {
        Server = server;
        Http = http;
    }

    public BmServer Server { get; }

    public HttpClient Http { get; }

    public long A { get; private set; }

    public long B { get; private set; }

    public long C { get; private set; }

    public long D { get; private set; }

    public Actor AAdmin { get; private set; } = null!;

    public Actor A1 { get; private set; } = null!;

    public Actor A2 { get; private set; } = null!;

    public Actor BAdmin { get; private set; } = null!;

    public Actor B1 { get; private set; } = null!;

    public Actor B2 { get; private set; } = null!;

    /// <summary>An EMPLOYEE of B who will hold, where a ceiling allows, the role that manages an asset's users.</summary>
    public Actor BMgr { get; private set; } = null!;

    public Actor CAdmin { get; private set; } = null!;

    public Actor C1 { get; private set; } = null!;

    public Actor DAdmin { get; private set; } = null!;

    public long AA1 { get; private set; }

    public long AA2 { get; private set; }

    public long PG1 { get; private set; }

    public long PG2 { get; private set; }

    public long BA1 { get; private set; }

    public long PGB { get; private set; }

    public long PartnershipAB { get; private set; }

    public static async Task<World> CreateAsync(StoreKind store = StoreKind.Sqlite, bool partnerAB = true)
    {
        var server = await BmServer.StartAsync(store);
        var world = new World(server, server.NewClient());
        await world.BuildAsync(partnerAB);
        return world;
    }

    private async Task BuildAsync(bool partnerAB)
    {
        AAdmin = await Person("a-admin@brand.com");
        A1 = await Person("a1@brand.com");
        A2 = await Person("a2@brand.com");
        BAdmin = await Person("b-admin@agency.com");
        B1 = await Person("b1@agency.com");
        B2 = await Person("b2@agency.com");
        BMgr = await Person("b-mgr@agency.com");
        CAdmin = await Person("c-admin@second.com");
        C1 = await Person("c1@second.com");
        DAdmin = await Person("d-admin@unrelated.com");

        A = await AAdmin.CreateBusiness("A Brand");
        B = await BAdmin.CreateBusiness("B Agency");
        C = await CAdmin.CreateBusiness("C Agency");
        D = await DAdmin.CreateBusiness("D Unrelated");
        await AAdmin.AddMember(A, A1);
        await AAdmin.AddMember(A, A2);
        await BAdmin.AddMember(B, B1);
        await BAdmin.AddMember(B, B2);
        await BAdmin.AddMember(B, BMgr);
        await CAdmin.AddMember(C, C1);

        AA1 = await AAdmin.CreateAsset(A, "AD_ACCOUNT", "AA1");
        AA2 = await AAdmin.CreateAsset(A, "AD_ACCOUNT", "AA2");
        PG1 = await AAdmin.CreateAsset(A, "PAGE", "PG1");
        PG2 = await AAdmin.CreateAsset(A, "PAGE", "PG2");
        BA1 = await BAdmin.CreateAsset(B, "AD_ACCOUNT", "BA1");
        PGB = await BAdmin.CreateAsset(B, "PAGE", "PGB");
        if (partnerAB)
        {
            PartnershipAB = await AAdmin.Partner(A, BAdmin, B);
        }
    }

    public Task<Actor> Person(string email) => Api.SignUpAsync(Http, email, email.Split('@')[0]);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>The product's operations as one-line steps, each asserting it succeeded.</summary>
public static class Steps
{
    public static async Task<long> CreateBusiness(this Actor admin, string name) =>
        (await admin.Post("/api/v1/businesses", new { name })).Ok().Id;

    public static async Task AddMember(this Actor admin, long business, Actor person, string role = "EMPLOYEE")
    {
        var invitation = (await admin.Post($"/api/v1/businesses/{business}/invitations",
            new { email = person.Email, role })).Ok().Id;
        (await person.Post($"/api/v1/me/invitations/{invitation}/accept")).Ok();
    }

    public static async Task<long> CreateAsset(this Actor admin, long business, string type, string name) =>
        (await admin.Post($"/api/v1/businesses/{business}/assets", new { type, name })).Ok().Id;

    public static async Task<long> Partner(this Actor requester, long from, Actor target, long to)
    {
        var id = (await requester.Post($"/api/v1/businesses/{from}/partnerships", new { partnerId = to })).Ok().Id;
        (await target.Post($"/api/v1/businesses/{to}/partnerships/{id}/accept")).Ok();
        return id;
    }

    public static Task<ApiResponse> Share(this Actor admin, long owner, long asset, long partner, string ceiling) =>
        admin.Post($"/api/v1/businesses/{owner}/shares", new { assetId = asset, partnerId = partner, ceiling });

    public static Task<ApiResponse> ChangeCeiling(this Actor admin, long owner, long asset, long partner,
        string ceiling, bool dryRun = false) =>
        admin.Patch($"/api/v1/businesses/{owner}/shares/{asset}/{partner}{(dryRun ? "?dryRun=true" : "")}",
            new { ceiling });

    public static Task<ApiResponse> Unshare(this Actor admin, long owner, long asset, long partner) =>
        admin.Delete($"/api/v1/businesses/{owner}/shares/{asset}/{partner}");

    public static Task<ApiResponse> Assign(this Actor actor, long business, long asset, Actor person, string role) =>
        actor.Put($"/api/v1/businesses/{business}/assets/{asset}/assignments/{person.Id}", new { role });

    public static Task<ApiResponse> Unassign(this Actor actor, long business, long asset, long personId) =>
        actor.Delete($"/api/v1/businesses/{business}/assets/{asset}/assignments/{personId}");

    public static Task<ApiResponse> EndPartnership(this Actor admin, long business, long partnership,
        bool dryRun = false) =>
        admin.Post($"/api/v1/businesses/{business}/partnerships/{partnership}/end{(dryRun ? "?dryRun=true" : "")}");

    public static Task<ApiResponse> RemoveMember(this Actor admin, long business, long personId) =>
        admin.Delete($"/api/v1/businesses/{business}/members/{personId}");

    /// <summary>The person asks about their own access to the asset.</summary>
    public static Task<ApiResponse> Check(this Actor person, long asset, string? permission = null) =>
        person.Get($"/api/v1/access/check?personId={person.Id}&assetId={asset}"
            + (permission is null ? "" : $"&permission={permission}"));

    public static async Task<bool> Can(this Actor person, long asset, string permission)
    {
        var check = await person.Check(asset, permission);
        if (check.Status == HttpStatusCode.NotFound)
        {
            return false;
        }

        return check.Ok().Body.GetProperty("allowed").GetBoolean();
    }

    public static async Task<List<string>> EffectiveRoles(this Actor person, long asset)
    {
        var check = await person.Check(asset);
        return check.Status == HttpStatusCode.NotFound
            ? []
            : check.Ok().Body.GetProperty("effectiveRoles").EnumerateArray().Select(r => r.GetString()!).ToList();
    }

    /// <summary>All of "my assets", following cursors.</summary>
    public static async Task<List<long>> MyAssetIds(this Actor person, string query = "")
    {
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = (await person.Get($"/api/v1/me/assets?limit=200{query}"
                + (cursor is null ? "" : $"&cursor={cursor}"))).Ok();
            ids.AddRange(page.Items().Select(i => i.GetProperty("asset").GetProperty("id").GetInt64()));
            cursor = page.Body.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        return ids;
    }
}
