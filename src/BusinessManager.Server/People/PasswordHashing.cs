using BusinessManager.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BusinessManager.Server.People;

/// <summary>
/// ASP.NET Core Identity's password hasher (PBKDF2 with a per-password salt). The iteration count is a setting
/// (Security:PasswordHashIterations, default 100,000) so that test suites that sign up thousands of people can
/// lower it; a stored hash records its own count, so changing it never invalidates existing passwords.
/// </summary>
public sealed class PasswordHashing(IConfiguration configuration)
{
    private readonly PasswordHasher<PersonRow> _hasher = new(Options.Create(new PasswordHasherOptions
    {
        IterationCount = configuration.GetValue("Security:PasswordHashIterations", 100_000),
    }));

    public string Hash(PersonRow person, string password) => _hasher.HashPassword(person, password);

    public bool Verify(PersonRow person, string password) =>
        _hasher.VerifyHashedPassword(person, person.PasswordHash, password) != PasswordVerificationResult.Failed;
}
