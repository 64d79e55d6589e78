using System.Net;
using BusinessManager.Server.Tests.Harness;

namespace BusinessManager.Server.Tests.Contract;

/// <summary>Names other businesses will read cannot hide characters that make one name pass for another.</summary>
public sealed class NameValidationTests
{
    [Theory]
    [InlineData("Northwind \u202EycnegA")]
    [InlineData("\u200B")]
    [InlineData("North\u200Bwind")]
    public async Task CreateBusiness_NameWithInvisibleCharacters_RefusedNamingTheField(string name)
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var person = await Api.SignUpAsync(http, "someone@brand.com");

        var created = await person.Post("/api/v1/businesses", new { name });
        var mine = (await person.Get("/api/v1/businesses")).Ok();

        created.Refused(HttpStatusCode.BadRequest, "invalid_field");
        Assert.Equal("name", created.Body.GetProperty("field").GetString());
        Assert.Empty(mine.Body.EnumerateArray());
    }

    [Theory]
    [InlineData("evil\u202Egro.example@x.example")]
    [InlineData("a\u200Bva@fixdex.example")]
    public async Task InviteAndSignUp_EmailWithInvisibleCharacters_RefusedNamingTheField(string email)
    {
        await using var server = await BmServer.StartAsync();
        using var http = server.NewClient();
        var admin = await Api.SignUpAsync(http, "admin@brand.com");
        var business = await admin.CreateBusiness("Brand");

        var invited = await admin.Post($"/api/v1/businesses/{business}/invitations", new { email, role = "EMPLOYEE" });
        var signedUp = await Api.Send(http, HttpMethod.Post, "/api/v1/people/signup",
            new { email, name = "Eve", password = "correct horse battery" });

        invited.Refused(HttpStatusCode.BadRequest, "invalid_field");
        Assert.Equal("email", invited.Body.GetProperty("field").GetString());
        signedUp.Refused(HttpStatusCode.BadRequest, "invalid_field");
        Assert.Empty((await admin.Get($"/api/v1/businesses/{business}/invitations")).Ok().Body.EnumerateArray());
    }
}
