using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BusinessManager.Server.Tests.Harness;

// Not "...Tests.Api": a namespace of that name would hide the harness's Api class from every other test file.
namespace BusinessManager.Server.Tests.HttpApi;

/// <summary>
/// Without a token, or with a bad one, every protected endpoint answers 401 and does nothing. A person lists their
/// own API tokens (never the secrets) and revokes one; it stops working on the very next request, on every
/// server node, while their other tokens keep working.
/// </summary>
public sealed class AuthenticationTests
{
    private const string Password = "correct horse battery";

    [Theory]
    [InlineData("GET", "/api/v1/me")]
    [InlineData("GET", "/api/v1/me/tokens")]
    [InlineData("GET", "/api/v1/businesses")]
    [InlineData("POST", "/api/v1/businesses")]
    [InlineData("GET", "/api/v1/me/assets")]
    [InlineData("GET", "/api/v1/support/transfers")]
    public async Task ProtectedEndpoint_NoToken_UnauthorizedProblem(string method, string path)
    {
        await using var world = await World.CreateAsync();
        var before = await RulesSteps.Revision(world);

        var refused = await Harness.Api.Send(world.Http, new HttpMethod(method), path,
            method == "POST" ? new { name = "Anonymous" } : null);

        refused.Refused(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(before, await RulesSteps.Revision(world));
    }

    [Theory]
    [InlineData("Bearer bm_not-a-real-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic YS1hZG1pbjpwYXNzd29yZA==")]
    [InlineData("bm_token-without-scheme")]
    public async Task ProtectedEndpoint_BadToken_Unauthorized(string header)
    {
        await using var world = await World.CreateAsync();
        var before = await RulesSteps.Revision(world);

        var refused = await SendWithHeader(world.Http, HttpMethod.Post, "/api/v1/businesses", header);

        refused.Refused(HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal(before, await RulesSteps.Revision(world));
        Assert.Single((await world.AAdmin.Get("/api/v1/businesses")).Ok().Body.EnumerateArray());
    }

    [Fact]
    public async Task ProtectedEndpoint_TamperedToken_Unauthorized()
    {
        await using var world = await World.CreateAsync();
        var token = world.AAdmin.Token;
        var tampered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        var refused = await Harness.Api.Send(world.Http, HttpMethod.Get, "/api/v1/me", null, tampered);

        refused.Refused(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task ListTokens_SeveralSignIns_ListsOwnTokensWithoutSecrets()
    {
        await using var world = await World.CreateAsync();
        var laptop = await SignIn(world, world.A1.Email, "laptop");
        var phone = await SignIn(world, world.A1.Email, "phone");

        var listed = (await Harness.Api.Send(world.Http, HttpMethod.Get, "/api/v1/me/tokens", null, phone.Token)).Ok();

        var tokens = listed.Body.EnumerateArray().ToList();
        Assert.Equal(3, tokens.Count);
        Assert.Equal(new[] { "laptop", "phone", "sign-up" },
            tokens.Select(t => t.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        var current = tokens.Single(t => t.GetProperty("current").GetBoolean());
        Assert.Equal(phone.TokenId, current.GetProperty("id").GetInt64());
        Assert.Equal(laptop.Token[..7], tokens.Single(t => t.GetProperty("id").GetInt64() == laptop.TokenId)
            .GetProperty("prefix").GetString());
        foreach (var secret in new[] { laptop.Token, phone.Token, world.A1.Token })
        {
            Assert.DoesNotContain(secret, listed.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(world.AAdmin.Token[..7], listed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeToken_OtherOwnToken_StopsWorkingAtOnceOnEveryNode()
    {
        await using var world = await World.CreateAsync();
        await using var peer = await world.Server.StartPeerAsync();
        using var peerHttp = peer.NewClient();
        var laptop = await SignIn(world, world.A1.Email, "laptop");
        (await Harness.Api.Send(peerHttp, HttpMethod.Get, "/api/v1/me", null, laptop.Token)).Ok();

        var revoked = await world.A1.Delete($"/api/v1/me/tokens/{laptop.TokenId}");

        revoked.Ok();
        (await Harness.Api.Send(world.Http, HttpMethod.Get, "/api/v1/me", null, laptop.Token))
            .Refused(HttpStatusCode.Unauthorized, "unauthenticated");
        (await Harness.Api.Send(peerHttp, HttpMethod.Get, "/api/v1/me", null, laptop.Token))
            .Refused(HttpStatusCode.Unauthorized, "unauthenticated");
        (await world.A1.Get("/api/v1/me")).Ok();
        var remaining = (await world.A1.Get("/api/v1/me/tokens")).Ok().Body.EnumerateArray();
        Assert.DoesNotContain(remaining, t => t.GetProperty("id").GetInt64() == laptop.TokenId);
    }

    [Fact]
    public async Task RevokeToken_CurrentToken_NextRequestUnauthorized()
    {
        await using var world = await World.CreateAsync();
        var laptop = await SignIn(world, world.A1.Email, "laptop");

        var revoked = await Harness.Api.Send(world.Http, HttpMethod.Delete, $"/api/v1/me/tokens/{laptop.TokenId}",
            null, laptop.Token);

        revoked.Ok();
        (await Harness.Api.Send(world.Http, HttpMethod.Get, "/api/v1/me/tokens", null, laptop.Token))
            .Refused(HttpStatusCode.Unauthorized, "unauthenticated");
    }

    [Fact]
    public async Task RevokeToken_SomeoneElsesOrAlreadyRevoked_NotFoundAndTokenUnaffected()
    {
        await using var world = await World.CreateAsync();
        var laptop = await SignIn(world, world.A1.Email, "laptop");
        var phone = await SignIn(world, world.A2.Email, "phone");
        (await world.A2.Delete($"/api/v1/me/tokens/{phone.TokenId}")).Ok();
        var before = await RulesSteps.Revision(world);

        var someoneElses = await world.A2.Delete($"/api/v1/me/tokens/{laptop.TokenId}");
        var again = await world.A2.Delete($"/api/v1/me/tokens/{phone.TokenId}");

        someoneElses.Refused(HttpStatusCode.NotFound, "token_not_found");
        again.Refused(HttpStatusCode.NotFound, "token_not_found");
        Assert.Equal(before, await RulesSteps.Revision(world));
        (await Harness.Api.Send(world.Http, HttpMethod.Get, "/api/v1/me", null, laptop.Token)).Ok();
    }

    private static async Task<(string Token, long TokenId)> SignIn(World world, string email, string tokenName)
    {
        var signedIn = (await Harness.Api.Send(world.Http, HttpMethod.Post, "/api/v1/people/signin",
            new { email, password = Password, tokenName })).Ok();
        return (signedIn.Result.GetProperty("token").GetString()!, signedIn.Result.GetProperty("tokenId").GetInt64());
    }

    private static async Task<ApiResponse> SendWithHeader(HttpClient http, HttpMethod method, string path,
        string header)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", header);
        request.Content = new StringContent("{\"name\":\"Sneaky\"}", new MediaTypeHeaderValue("application/json"));
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();

        return new ApiResponse(response.StatusCode, json, text);
    }
}
