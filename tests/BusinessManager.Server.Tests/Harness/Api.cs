using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace BusinessManager.Server.Tests.Harness;

/// <summary>An HTTP answer: status and parsed JSON body.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonElement Body, string Text)
{
    /// <summary>The problem's stable code, or null when the answer is not a problem.</summary>
    public string? Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("code", out var c)
        ? c.GetString()
        : null;

    public JsonElement Result => Body.GetProperty("result");

    public long Revision => Body.GetProperty("revision").GetInt64();

    public long Id => Result.GetProperty("id").GetInt64();

    public ApiResponse Ok()
    {
        Assert.True((int)Status is >= 200 and < 300, $"Expected success, got {(int)Status}: {Text}");
        return this;
    }

    public ApiResponse Refused(HttpStatusCode status, string code)
    {
        Assert.True(Status == status && Code == code, $"Expected {(int)status} {code}, got {(int)Status}: {Text}");
        return this;
    }
}

/// <summary>A signed-in person talking to the API with their bearer token.</summary>
public sealed class Actor(HttpClient http, string token, long personId, string email)
{
    public long Id { get; } = personId;

    public string Email { get; } = email;

    public string Token { get; } = token;

    public HttpClient Http { get; } = http;

    public Task<ApiResponse> Get(string path) => Send(HttpMethod.Get, path, null);

    public Task<ApiResponse> Post(string path, object? body = null) => Send(HttpMethod.Post, path, body);

    public Task<ApiResponse> Put(string path, object? body) => Send(HttpMethod.Put, path, body);

    public Task<ApiResponse> Patch(string path, object? body) => Send(HttpMethod.Patch, path, body);

    public Task<ApiResponse> Delete(string path) => Send(HttpMethod.Delete, path, null);

    public Task<ApiResponse> Send(HttpMethod method, string path, object? body) =>
        Api.Send(Http, method, path, body, Token);

    public Actor Via(HttpClient other) => new(other, Token, Id, Email);
}

public static class Api
{
    public static async Task<ApiResponse> Send(HttpClient http, HttpMethod method, string path, object? body,
        string? token = null, string? rawJson = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (rawJson is not null)
        {
            request.Content = new StringContent(rawJson, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = string.IsNullOrWhiteSpace(text) ? default : JsonDocument.Parse(text).RootElement.Clone();

        return new ApiResponse(response.StatusCode, json, text);
    }

    public static async Task<Actor> SignUpAsync(HttpClient http, string email, string name = "Someone",
        string password = "correct horse battery")
    {
        var signedUp = (await Send(http, HttpMethod.Post, "/api/v1/people/signup", new { email, name, password })).Ok();
        return new Actor(http, signedUp.Result.GetProperty("token").GetString()!,
            signedUp.Result.GetProperty("person").GetProperty("id").GetInt64(), email);
    }

    public static async Task<Actor> SignInAsync(HttpClient http, string email, string password = "correct horse battery")
    {
        var signedIn = (await Send(http, HttpMethod.Post, "/api/v1/people/signin", new { email, password })).Ok();
        return new Actor(http, signedIn.Result.GetProperty("token").GetString()!,
            signedIn.Result.GetProperty("person").GetProperty("id").GetInt64(), email);
    }

    public static IEnumerable<JsonElement> Items(this ApiResponse response) =>
        response.Body.GetProperty("items").EnumerateArray();
}
