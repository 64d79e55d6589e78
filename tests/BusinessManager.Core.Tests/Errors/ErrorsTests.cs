using System.Reflection;
using System.Text.RegularExpressions;
using BusinessManager.Core.Errors;

namespace BusinessManager.Core.Tests.Errors;

public sealed partial class ErrorsTests
{
    [Fact]
    public void Factories_EveryError_HasAUniqueSnakeCaseCodeAndAMessage()
    {
        var errors = AllErrors();

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Matches(SnakeCase(), e.Code));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Equal(errors.Count, errors.Select(e => e.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("not_business_admin", ErrorKind.Forbidden)]
    [InlineData("not_asset_owner", ErrorKind.Forbidden)]
    [InlineData("role_outside_ceiling", ErrorKind.Forbidden)]
    [InlineData("role_exceeds_own_permissions", ErrorKind.Forbidden)]
    [InlineData("not_allowed_to_assign", ErrorKind.Forbidden)]
    [InlineData("asset_not_found", ErrorKind.NotFound)]
    [InlineData("business_not_found", ErrorKind.NotFound)]
    [InlineData("last_admin", ErrorKind.Conflict)]
    [InlineData("partnership_not_active", ErrorKind.Conflict)]
    [InlineData("share_exists", ErrorKind.Conflict)]
    [InlineData("role_not_for_asset_type", ErrorKind.Invalid)]
    [InlineData("bad_credentials", ErrorKind.Unauthenticated)]
    public void Factories_Code_MapsToItsKind(string code, ErrorKind kind)
    {
        var error = AllErrors().Single(e => e.Code == code);

        Assert.Equal(kind, error.Kind);
    }

    [Fact]
    public void Result_FromError_IsNotOkAndCarriesIt()
    {
        Result<int> result = BusinessManager.Core.Errors.Errors.LastAdmin();

        Assert.False(result.IsOk);
        Assert.Equal("last_admin", result.Error!.Code);
    }

    [Fact]
    public void Result_FromValue_IsOk()
    {
        Result<int> result = 7;

        Assert.True(result.IsOk);
        Assert.Equal(7, result.Value);
        Assert.Null(result.Error);
    }

    private static List<Error> AllErrors() =>
        typeof(BusinessManager.Core.Errors.Errors).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(Error) && m.GetParameters().Length == 0)
            .Select(m => (Error)m.Invoke(null, null)!)
            .ToList();

    [GeneratedRegex("^[a-z]+(_[a-z]+)*$")]
    private static partial Regex SnakeCase();
}
