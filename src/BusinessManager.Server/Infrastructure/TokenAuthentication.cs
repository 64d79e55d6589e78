using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using BusinessManager.Server.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BusinessManager.Server.Infrastructure;

/// <summary>
/// Personal API tokens. A token is looked up by its hash on every request, together with its person, so a
/// revoked token or a deleted account stops working on the very next request; nothing about the person's
/// memberships or roles is baked into the token, so those are always read live from the access index.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<BmDb> dbs,
    IndexSync sync)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string SupportClaim = "bm:support";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = Tokens.Hash(header["Bearer ".Length..].Trim());
        await using var db = await dbs.CreateDbContextAsync(Context.RequestAborted);
        var found = await db.Tokens.AsNoTracking()
            .Where(t => t.Hash == hash && t.RevokedAt == null)
            .Join(db.People.Where(p => p.DeletedAt == null), t => t.PersonId, p => p.Id,
                (t, p) => new { p.Id, p.IsSupportAgent, TokenId = t.Id })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }

        // Before anything is decided for this request, make the index as new as the change log.
        await sync.EnsureFreshAsync(Context.RequestAborted);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.Id.ToString()),
            new("bm:token", found.TokenId.ToString()),
        };
        if (found.IsSupportAgent)
        {
            claims.Add(new Claim(SupportClaim, "true"));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var error = new Core.Errors.Error("unauthenticated", Core.Errors.ErrorKind.Unauthenticated,
            "Sign in and send your API token as 'Authorization: Bearer <token>'.");
        await Response.WriteAsJsonAsync(Problems.Details(error), Json.Options, "application/problem+json");
    }
}

public static class Tokens
{
    public static string NewSecret() => "bm_" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

public static class CallerExtensions
{
    public static long PersonId(this ClaimsPrincipal user) =>
        long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public static long TokenId(this ClaimsPrincipal user) => long.Parse(user.FindFirstValue("bm:token")!);

    public static bool IsSupportAgent(this ClaimsPrincipal user) => user.HasClaim(TokenAuthenticationHandler.SupportClaim, "true");
}
