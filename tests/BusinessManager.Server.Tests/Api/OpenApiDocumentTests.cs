using System.Net;
using System.Text.Json;
using BusinessManager.Server.Tests.Harness;

// Not "...Tests.Api": a namespace of that name would hide the harness's Api class from every other test file.
namespace BusinessManager.Server.Tests.HttpApi;

/// <summary>The OpenAPI document is served at /openapi/v1.json with the main operations, and /docs answers.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task OpenApiDocument_Served_ListsTheMainOperations()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();

        using var response = await http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("Business Manager API", root.GetProperty("info").GetProperty("title").GetString());
        var operations = root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Value.ValueKind == JsonValueKind.Object
                    && op.Value.TryGetProperty("operationId", out _))
                .Select(op => (Path: path.Name, Method: op.Name, Id: op.Value.GetProperty("operationId").GetString())))
            .ToList();
        var expected = new[]
        {
            ("/api/v1/people/signup", "post", "SignUp"),
            ("/api/v1/people/signin", "post", "SignIn"),
            ("/api/v1/me/tokens", "get", "ListTokens"),
            ("/api/v1/businesses", "post", "CreateBusiness"),
            ("/api/v1/businesses/{businessId}/invitations", "post", "InviteMember"),
            ("/api/v1/businesses/{businessId}/members/{personId}", "delete", "RemoveMember"),
            ("/api/v1/businesses/{businessId}/assets", "post", "CreateAsset"),
            ("/api/v1/businesses/{businessId}/assets/{assetId}/access", "get", "GetAssetAccess"),
            ("/api/v1/businesses/{businessId}/assets/{assetId}/assignments/{personId}", "put", "Assign"),
            ("/api/v1/businesses/{businessId}/partnerships", "post", "RequestPartnership"),
            ("/api/v1/businesses/{businessId}/partnerships/{partnershipId}/accept", "post", "AcceptPartnership"),
            ("/api/v1/businesses/{businessId}/partnerships/{partnershipId}/end", "post", "EndPartnership"),
            ("/api/v1/businesses/{businessId}/shares", "post", "ShareAsset"),
            ("/api/v1/businesses/{businessId}/shares/{assetId}/{partnerId}", "patch", "ChangeCeiling"),
            ("/api/v1/businesses/{businessId}/shared-with-us", "get", "ListSharedWithUs"),
            ("/api/v1/businesses/{businessId}/transfers", "post", "OpenTransfer"),
            ("/api/v1/support/transfers/{transferId}/complete", "post", "CompleteTransfer"),
            ("/api/v1/access/check", "get", "CheckAccess"),
            ("/api/v1/me/assets", "get", "ListMyAssets"),
            ("/api/v1/businesses/{businessId}/audit", "get", "ListAuditEvents"),
            ("/api/v1/catalog/roles", "get", "ListRoles"),
        };
        foreach (var operation in expected)
        {
            Assert.Contains(operation, operations);
        }
    }

    [Fact]
    public async Task OpenApiDocument_ProtectedOperation_DocumentsItsSummary()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();

        var document = await Harness.Api.Send(http, HttpMethod.Get, "/openapi/v1.json", null);

        var share = document.Body.GetProperty("paths").GetProperty("/api/v1/businesses/{businessId}/shares")
            .GetProperty("post");
        Assert.False(string.IsNullOrWhiteSpace(share.GetProperty("summary").GetString()));
        Assert.True(share.TryGetProperty("requestBody", out _));
    }

    [Fact]
    public async Task Docs_Served_AnswersHtml()
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();

        using var response = await http.GetAsync(new Uri("/docs", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
