using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using BusinessManager.Server.Infrastructure;

namespace BusinessManager.Server.WebConsole;

/// <summary>A refusal from the API, as the console shows it: the message next to the field it names.</summary>
public sealed record ApiProblem(int Status, string Code, string Message, string? Field);

/// <summary>What one API call answered: a value, or a problem.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool IsOk => Problem is null;
}

/// <summary>The API said the console's token no longer works (signed out elsewhere, revoked, account deleted).</summary>
public sealed class SessionEndedException() : Exception("The API no longer accepts this session's token.");

/// <summary>
/// The console's only way to read or change anything: the HTTP API of this same process, called with the
/// signed-in person's own API token (kept inside the encrypted sign-in cookie).
/// </summary>
public sealed class ConsoleApi(HttpClient http, ApiAddress address, IHttpContextAccessor context)
{
    public const string TokenClaim = "bm:api-token";
    public const string TokenIdClaim = "bm:api-token-id";

    /// <summary>Lenient reading: the API omits null fields, which the strict request options would refuse.</summary>
    private static readonly JsonSerializerOptions Reading = CreateReading();

    public static JsonSerializerOptions Options => Reading;

    public Task<ApiResult<T>> GetAsync<T>(string path) => SendAsync<T>(HttpMethod.Get, path, null);

    /// <summary>A whole paged list, following the API's cursors, so a long list is never cut short; or the first
    /// refusal.</summary>
    public async Task<ApiResult<List<T>>> GetAllAsync<T>(string path)
    {
        var items = new List<T>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        string? cursor = null;
        do
        {
            var page = await GetAsync<Page<T>>($"{path}{separator}limit={Paging.MaxLimit}"
                + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            if (!page.IsOk)
            {
                return new ApiResult<List<T>>(null, page.Problem);
            }

            items.AddRange(page.Value!.Items);
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);

        return new ApiResult<List<T>>(items, null);
    }

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body = null) => SendAsync<T>(HttpMethod.Post, path, body);

    public Task<ApiResult<T>> PutAsync<T>(string path, object body) => SendAsync<T>(HttpMethod.Put, path, body);

    public Task<ApiResult<T>> PatchAsync<T>(string path, object body) => SendAsync<T>(HttpMethod.Patch, path, body);

    public Task<ApiResult<T>> DeleteAsync<T>(string path) => SendAsync<T>(HttpMethod.Delete, path, null);

    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(address.Value, path));
        var user = context.HttpContext?.User;
        if (user?.FindFirstValue(TokenClaim) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Reading);
        }

        var ct = context.HttpContext?.RequestAborted ?? CancellationToken.None;
        using var response = await http.SendAsync(request, ct);
        if (response.IsSuccessStatusCode)
        {
            return new ApiResult<T>(await response.Content.ReadFromJsonAsync<T>(Reading, ct), null);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized && user?.Identity?.IsAuthenticated == true)
        {
            throw new SessionEndedException();
        }

        return new ApiResult<T>(default, await ReadProblemAsync(response, ct));
    }

    private static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Reading, ct);
            return new ApiProblem(status, Text(problem, "code") ?? "error",
                Text(problem, "title") ?? "The request was refused.", Text(problem, "field"));
        }
        catch (JsonException)
        {
            return new ApiProblem(status, "error", $"The request was refused ({status}).", null);
        }
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static JsonSerializerOptions CreateReading()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

        return options;
    }
}
