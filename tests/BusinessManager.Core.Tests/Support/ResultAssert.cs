using BusinessManager.Core.Errors;

namespace BusinessManager.Core.Tests.Support;

/// <summary>Refusals are values with a stable code; these assert the code, which is what clients rely on.</summary>
public static class ResultAssert
{
    public static void Refused<T>(Result<T> result, string code)
    {
        Assert.False(result.IsOk, $"expected {code}, but the rule allowed it");
        Assert.Equal(code, result.Error!.Code);
    }

    public static void Refused(Error? error, string code)
    {
        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
    }
}
