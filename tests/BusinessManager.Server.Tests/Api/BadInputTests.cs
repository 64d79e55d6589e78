using System.Net;
using BusinessManager.Server.Tests.Harness;

// Not "...Tests.Api": a namespace of that name would hide the harness's Api class from every other test file.
namespace BusinessManager.Server.Tests.HttpApi;

/// <summary>
/// Bad input gets a 400 problem (RFC 9457) with a stable code that names the field, and changes nothing: the
/// revision and the listings read the same before and after.
/// </summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("not json at all")]
    [InlineData("[\"A list\"]")]
    public async Task CreateBusiness_MalformedJson_BadRequestAndNothingCreated(string body)
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await RulesSteps.Raw(world.AAdmin, HttpMethod.Post, "/api/v1/businesses", body);

        AssertProblem(refused, "malformed_json", field: null);
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task CreateBusiness_JsonCutOffInAField_BadRequestNamingThatField()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await RulesSteps.Raw(world.AAdmin, HttpMethod.Post, "/api/v1/businesses", "{\"name\": ");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("name", refused.Body.GetProperty("field").GetString());
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task CreateAsset_FieldOfWrongType_BadRequestNamingField()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await RulesSteps.Raw(world.AAdmin, HttpMethod.Post, AssetsOfA(world),
            "{\"type\": \"PAGE\", \"name\": 42}");

        AssertProblem(refused, "invalid_field", "name");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Share_ObjectWhereNumberExpected_BadRequestNamingField()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await RulesSteps.Raw(world.AAdmin, HttpMethod.Post, $"/api/v1/businesses/{world.A}/shares",
            $"{{\"assetId\": {world.AA1}, \"partnerId\": {{\"id\": {world.B}}}, \"ceiling\": \"VIEWER\"}}");

        AssertProblem(refused, "invalid_field", "partnerId");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task CreateAsset_UnknownField_BadRequestNamingField()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await RulesSteps.Raw(world.AAdmin, HttpMethod.Post, AssetsOfA(world),
            "{\"type\": \"PAGE\", \"name\": \"PG9\", \"ownerId\": 1}");

        AssertProblem(refused, "unknown_field", "ownerId");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task CreateAsset_MissingRequiredField_BadRequestNamingField()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await RulesSteps.Raw(world.AAdmin, HttpMethod.Post, AssetsOfA(world), "{\"type\": \"PAGE\"}");

        AssertProblem(refused, "missing_field", "name");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task CreateAsset_NullForRequiredField_BadRequestNamingField()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await RulesSteps.Raw(world.AAdmin, HttpMethod.Post, AssetsOfA(world),
            "{\"type\": \"PAGE\", \"name\": null}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("name", refused.Body.GetProperty("field").GetString());
        Assert.Equal(before, await Snapshot(world));
    }

    [Theory]
    [InlineData("{\"type\": \"BILLBOARD\", \"name\": \"X\"}", "type")]
    [InlineData("{\"type\": 1, \"name\": \"X\"}", "type")]
    public async Task CreateAsset_UnknownEnumValue_BadRequestNamingField(string body, string field)
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await RulesSteps.Raw(world.AAdmin, HttpMethod.Post, AssetsOfA(world), body);

        AssertProblem(refused, "invalid_field", field);
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Assign_UnknownRole_BadRequestNamingRoleAndNothingAssigned()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await world.AAdmin.Assign(world.A, world.AA1, world.A1, "SUPREME_LEADER");

        AssertProblem(refused, "invalid_field", "role");
        Assert.Equal(before, await Snapshot(world));
    }

    [Theory]
    [InlineData("/api/v1/businesses/abc", "businessId")]
    [InlineData("/api/v1/businesses/12.5/assets", "businessId")]
    [InlineData("/api/v1/businesses/{A}/assets/xyz", "assetId")]
    [InlineData("/api/v1/businesses/{A}/partnerships/1e3", "partnershipId")]
    public async Task Get_NonNumericIdInPath_BadRequestNamingParameter(string template, string field)
    {
        await using var world = await World.CreateAsync();

        var refused = await world.AAdmin.Get(template.Replace("{A}", world.A.ToString(), StringComparison.Ordinal));

        AssertProblem(refused, "invalid_parameter", field);
    }

    [Fact]
    public async Task Delete_NonNumericIdInPath_BadRequestAndNothingRemoved()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await world.AAdmin.Delete($"/api/v1/businesses/{world.A}/members/a1");

        AssertProblem(refused, "invalid_parameter", "personId");
        Assert.Equal(before, await Snapshot(world));
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("two@@brand.com")]
    [InlineData("no-dot@localhost")]
    [InlineData("spaces in@brand.com")]
    [InlineData("Jane <jane@brand.com>")]
    [InlineData("")]
    public async Task SignUp_BadEmail_BadRequestNamingEmailAndNoAccount(string email)
    {
        await using var world = await World.CreateAsync();
        var before = await RulesSteps.Revision(world);

        var refused = await Harness.Api.Send(world.Http, HttpMethod.Post, "/api/v1/people/signup",
            new { email, name = "Jane", password = "correct horse battery" });

        AssertProblem(refused, "invalid_field", "email");
        Assert.Equal(before, await RulesSteps.Revision(world));
    }

    [Fact]
    public async Task Invite_BadEmail_BadRequestAndNoInvitation()
    {
        await using var world = await World.CreateAsync();
        var invitations = $"/api/v1/businesses/{world.A}/invitations";
        var before = await RulesSteps.Snapshot(world, (world.AAdmin, invitations));

        var refused = await world.AAdmin.Post(invitations, new { email = "not-an-address", role = "EMPLOYEE" });

        AssertProblem(refused, "invalid_field", "email");
        Assert.Equal(before, await RulesSteps.Snapshot(world, (world.AAdmin, invitations)));
    }

    [Fact]
    public async Task Names_TooLong_BadRequestAndNothingRenamedOrCreated()
    {
        await using var world = await World.CreateAsync();
        var tooLong = new string('x', 201);
        var before = await Snapshot(world);

        var business = await world.AAdmin.Post("/api/v1/businesses", new { name = tooLong });
        var asset = await world.AAdmin.Post(AssetsOfA(world), new { type = "PAGE", name = tooLong });
        var rename = await world.AAdmin.Patch($"/api/v1/businesses/{world.A}", new { name = tooLong });
        var person = await Harness.Api.Send(world.Http, HttpMethod.Post, "/api/v1/people/signup",
            new { email = "long@brand.com", name = tooLong, password = "correct horse battery" });

        AssertProblem(business, "invalid_field", "name");
        AssertProblem(asset, "invalid_field", "name");
        AssertProblem(rename, "invalid_field", "name");
        AssertProblem(person, "invalid_field", "name");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task Names_AtTheLimit_Accepted()
    {
        await using var world = await World.CreateAsync();

        var asset = await world.AAdmin.Post(AssetsOfA(world), new { type = "PAGE", name = new string('y', 200) });

        Assert.Equal(HttpStatusCode.Created, asset.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tab\there")]
    public async Task CreateBusiness_BlankOrControlCharacterName_BadRequest(string name)
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await world.AAdmin.Post("/api/v1/businesses", new { name });

        AssertProblem(refused, "invalid_field", "name");
        Assert.Equal(before, await Snapshot(world));
    }

    [Fact]
    public async Task CreateAsset_BodyOver64KiB_PayloadTooLargeAndNothingCreated()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await world.AAdmin.Post(AssetsOfA(world), new { type = "PAGE", name = new string('z', 70_000) });

        refused.Refused(HttpStatusCode.RequestEntityTooLarge, "body_too_large");
        Assert.Equal(before, await Snapshot(world));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("limit=-5")]
    public async Task List_LimitOutOfRange_BadRequestNamingLimit(string query)
    {
        await using var world = await World.CreateAsync();
        var paths = new[]
        {
            $"/api/v1/businesses/{world.A}/members",
            $"/api/v1/businesses/{world.A}/assets",
            $"/api/v1/businesses/{world.A}/partnerships",
            $"/api/v1/businesses/{world.A}/audit",
            "/api/v1/me/assets",
        };

        foreach (var path in paths)
        {
            AssertProblem(await world.AAdmin.Get($"{path}?{query}"), "invalid_field", "limit");
        }
    }

    [Fact]
    public async Task List_LimitNotANumber_BadRequestNamingLimit()
    {
        await using var world = await World.CreateAsync();

        var refused = await world.AAdmin.Get($"/api/v1/businesses/{world.A}/members?limit=ten");

        AssertProblem(refused, "invalid_parameter", "limit");
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("AAAA")]
    [InlineData("%25%25%25")]
    public async Task List_ForgedCursor_BadRequestNamingCursor(string cursor)
    {
        await using var world = await World.CreateAsync();
        var paths = new[]
        {
            $"/api/v1/businesses/{world.A}/members",
            $"/api/v1/businesses/{world.A}/assets",
            $"/api/v1/businesses/{world.A}/audit",
            "/api/v1/me/assets",
        };

        foreach (var path in paths)
        {
            AssertProblem(await world.AAdmin.Get($"{path}?cursor={cursor}"), "invalid_field", "cursor");
        }
    }

    [Fact]
    public async Task List_IssuedCursor_NextPageFollowsWithoutRepeats()
    {
        await using var world = await World.CreateAsync();
        var members = $"/api/v1/businesses/{world.B}/members";

        var first = (await world.BAdmin.Get($"{members}?limit=2")).Ok();
        var cursor = first.Body.GetProperty("nextCursor").GetString();
        var second = (await world.BAdmin.Get($"{members}?limit=2&cursor={cursor}")).Ok();

        var ids = first.Items().Concat(second.Items()).Select(m => m.GetProperty("person").GetProperty("id").GetInt64())
            .ToList();
        Assert.Equal(4, ids.Distinct().Count());
        Assert.Equal(4, first.Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Update_BodyIdDiffersFromPath_BadRequestAndNothingRenamed()
    {
        await using var world = await World.CreateAsync();
        var before = await Snapshot(world);

        var refused = await world.AAdmin.Patch($"{AssetsOfA(world)}/{world.AA1}", new { name = "AA9", id = world.AA2 });

        AssertProblem(refused, "id_mismatch", "id");
        Assert.Equal(before, await Snapshot(world));
    }

    private static void AssertProblem(ApiResponse response, string code, string? field)
    {
        Assert.True(response.Status == HttpStatusCode.BadRequest && response.Code == code,
            $"Expected 400 {code}, got {(int)response.Status}: {response.Text}");
        Assert.Equal(400, response.Body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(response.Body.GetProperty("title").GetString()));
        if (field is null)
        {
            return;
        }

        Assert.True(response.Body.TryGetProperty("field", out var named), $"no field named in {response.Text}");
        Assert.Equal(field, named.GetString());
    }

    private static string AssetsOfA(World world) => $"/api/v1/businesses/{world.A}/assets";

    private static Task<string> Snapshot(World world) => RulesSteps.Snapshot(world,
        (world.AAdmin, "/api/v1/businesses"),
        (world.AAdmin, $"/api/v1/businesses/{world.A}"),
        (world.AAdmin, $"/api/v1/businesses/{world.A}/assets"),
        (world.AAdmin, $"/api/v1/businesses/{world.A}/shares"),
        (world.AAdmin, $"/api/v1/businesses/{world.A}/members"),
        (world.AAdmin, RulesSteps.AssignmentsPath(world.A, world.AA1)));
}
