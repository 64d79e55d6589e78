using BusinessManager.Core.Catalog;
using BusinessManager.Core.Errors;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace BusinessManager.Server.People;

public sealed record SignUpRequest(string Email, string Name, string Password);

public sealed record SignInRequest(string Email, string Password, string? TokenName = null);

public sealed record PersonResponse(long Id, string Email, string Name, bool IsSupportAgent);

/// <summary>The token is shown here once; only its hash is stored.</summary>
public sealed record TokenIssued(long TokenId, string Token, PersonResponse Person);

public sealed record TokenResponse(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, bool Current);

public sealed record MembershipResponse(NamedRef Business, BusinessRole Role);

public sealed record MeResponse(PersonResponse Person, IReadOnlyList<MembershipResponse> Memberships, long Revision);

public static class PeopleEndpoints
{
    public const int MinPasswordLength = 8;

    public static void MapPeople(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");
        people.MapPost("/signup", SignUp).WithName("SignUp").WithSummary("Create an account");
        people.MapPost("/signin", SignIn).WithName("SignIn").WithSummary("Sign in and get a personal API token");

        var me = api.MapGroup("/me").WithTags("People").RequireAuthorization();
        me.MapGet("", Me).WithName("GetMe").WithSummary("Who am I: my account and live memberships");
        me.MapDelete("", DeleteMe).WithName("DeleteMe")
            .WithSummary("Delete my account (refused while I am the last admin of a business)");
        me.MapGet("/tokens", ListTokens).WithName("ListTokens").WithSummary("My API tokens");
        me.MapDelete("/tokens/{tokenId}", RevokeToken).WithName("RevokeToken").WithSummary("Revoke one of my tokens");
    }

    private static async Task<Results<Created<WriteResponse<TokenIssued>>, ProblemHttpResult>> SignUp(
        SignUpRequest request, Writer writer, PasswordHashing hashing, CancellationToken ct)
    {
        if ((Validate.Email(request.Email, "email", out var email) ?? Validate.Name(request.Name)
            ?? PasswordError(request.Password)) is { } invalid)
        {
            return Problems.From(invalid);
        }

        var written = await writer.WriteAsync<TokenIssued>(async scope =>
        {
            if (await scope.Db.People.AnyAsync(p => p.Email == email, ct))
            {
                return Errors.EmailTaken();
            }

            var person = new PersonRow
            {
                Id = Ids.NewId(),
                Email = email,
                Name = request.Name.Trim(),
                PasswordHash = "",
                CreatedAt = scope.Now,
            };
            person.PasswordHash = hashing.Hash(person, request.Password);
            scope.Db.People.Add(person);
            scope.Audit(person.Id, "person.signed_up", new { person.Id }, personId: person.Id);

            return Issue(scope, person, "sign-up");
        }, ct: ct);

        return WriteResults.Created(written, _ => "/api/v1/me");
    }

    private static async Task<Results<Ok<WriteResponse<TokenIssued>>, ProblemHttpResult>> SignIn(
        SignInRequest request, Writer writer, PasswordHashing hashing, CancellationToken ct)
    {
        var email = Emails.Normalize(request.Email);
        var written = await writer.WriteAsync<TokenIssued>(async scope =>
        {
            var person = email is null
                ? null
                : await scope.Db.People.FirstOrDefaultAsync(p => p.Email == email && p.DeletedAt == null, ct);
            if (person is null || !hashing.Verify(person, request.Password))
            {
                return Errors.BadCredentials();
            }

            return Issue(scope, person, request.TokenName ?? "sign-in");
        }, ct: ct);

        return WriteResults.Ok(written);
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Me(
        HttpContext http, IDbContextFactory<BmDb> dbs, Core.Access.AccessIndex index, Names names, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var person = await db.People.AsNoTracking().FirstAsync(p => p.Id == http.User.PersonId(), ct);
        var memberships = index.MembershipsOf(person.Id)
            .Select(m => new MembershipResponse(names.Business(m.BusinessId), m.Role))
            .ToList();

        return TypedResults.Ok(new MeResponse(ToResponse(person), memberships, index.Revision));
    }

    private static async Task<Results<Ok<WriteResponse<PersonResponse>>, ProblemHttpResult>> DeleteMe(
        HttpContext http, Writer writer, CancellationToken ct, bool dryRun = false)
    {
        var me = http.User.PersonId();
        var written = await writer.WriteAsync<PersonResponse>(async scope =>
        {
            if (scope.Decide(me, MemberRules.DeletePerson(scope.Index, me)) is { IsOk: false } refused)
            {
                return refused.Error!;
            }

            var person = await scope.Db.People.FirstAsync(p => p.Id == me, ct);
            var response = ToResponse(person);

            // The row stays so that audit events keep pointing at it; the e-mail is freed, so a new account
            // with the same address is a different person with a different id and no grants.
            person.Email = $"deleted-{person.Id}@deleted.invalid";
            person.Name = "Deleted person";
            person.PasswordHash = "";
            person.IsSupportAgent = false;
            person.DeletedAt = scope.Now;
            await scope.Db.Tokens.Where(t => t.PersonId == me && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, scope.Now), ct);
            await scope.Db.Invitations.Where(i => i.Email == response.Email && i.Status == InvitationStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Revoked), ct);
            scope.Audit(me, "person.deleted", new { person.Id }, personId: me);

            return response;
        }, dryRun, ct);

        return WriteResults.Ok(written);
    }

    private static async Task<Ok<List<TokenResponse>>> ListTokens(HttpContext http, IDbContextFactory<BmDb> dbs,
        CancellationToken ct)
    {
        var me = http.User.PersonId();
        var current = http.User.TokenId();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tokens = await db.Tokens.AsNoTracking().Where(t => t.PersonId == me && t.RevokedAt == null)
            .OrderBy(t => t.Id).ToListAsync(ct);

        return TypedResults.Ok(tokens.Select(t => new TokenResponse(t.Id, t.Name, t.Prefix, t.CreatedAt, t.Id == current))
            .ToList());
    }

    private static async Task<Results<Ok<WriteResponse<long>>, ProblemHttpResult>> RevokeToken(long tokenId,
        HttpContext http, Writer writer, CancellationToken ct)
    {
        var me = http.User.PersonId();
        var written = await writer.WriteAsync<long>(async scope =>
        {
            var token = await scope.Db.Tokens.FirstOrDefaultAsync(
                t => t.Id == tokenId && t.PersonId == me && t.RevokedAt == null, ct);
            if (token is null)
            {
                return new Error("token_not_found", ErrorKind.NotFound, "No such token.");
            }

            token.RevokedAt = scope.Now;
            scope.Audit(me, "token.revoked", new { token.Id, token.Prefix }, personId: me);
            return token.Id;
        }, ct: ct);

        return WriteResults.Ok(written);
    }

    private static TokenIssued Issue(WriteScope scope, PersonRow person, string name)
    {
        var secret = Tokens.NewSecret();
        var token = new TokenRow
        {
            Id = Ids.NewId(),
            PersonId = person.Id,
            Name = name.Length > 100 ? name[..100] : name,
            Hash = Tokens.Hash(secret),
            Prefix = secret[..7],
            CreatedAt = scope.Now,
        };
        scope.Db.Tokens.Add(token);
        scope.Audit(person.Id, "token.issued", new { token.Id, token.Prefix }, personId: person.Id);

        return new TokenIssued(token.Id, secret, ToResponse(person));
    }

    private static Error? PasswordError(string? password) =>
        password is null || password.Length < MinPasswordLength || password.Length > 256
            ? Errors.Invalid("password", $"'password' must be {MinPasswordLength} to 256 characters.")
            : null;

    public static PersonResponse ToResponse(PersonRow p) => new(p.Id, p.Email, p.Name, p.IsSupportAgent);
}
