using BusinessManager.Server.Data;
using Microsoft.AspNetCore.Identity;

namespace BusinessManager.Server.People;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2 with a per-password salt).</summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<PersonRow> _hasher = new();

    public string Hash(PersonRow person, string password) => _hasher.HashPassword(person, password);

    public bool Verify(PersonRow person, string password) =>
        _hasher.VerifyHashedPassword(person, person.PasswordHash, password) != PasswordVerificationResult.Failed;
}
