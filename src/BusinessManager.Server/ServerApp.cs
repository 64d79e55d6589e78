using BusinessManager.Core.Access;
using BusinessManager.Server.Access;
using BusinessManager.Server.Assets;
using BusinessManager.Server.Assignments;
using BusinessManager.Server.Audit;
using BusinessManager.Server.Businesses;
using BusinessManager.Server.Catalog;
using BusinessManager.Server.Data;
using BusinessManager.Server.Infrastructure;
using BusinessManager.Server.Partnerships;
using BusinessManager.Server.People;
using BusinessManager.Server.Shares;
using BusinessManager.Server.Transfers;
using BusinessManager.Server.WebConsole;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;

namespace BusinessManager.Server;

/// <summary>Product settings with their defaults.</summary>
public sealed class ProductOptions
{
    public const string Section = "Product";

    public TimeSpan PartnershipRequestLifetime { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan TransferLifetime { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>Builds the service: the same host serves production, the demo and the tests.</summary>
public static class ServerApp
{
    public const long MaxBodyBytes = 64 * 1024;

    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
        customize?.Invoke(builder);

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var product = builder.Configuration.GetSection(ProductOptions.Section).Get<ProductOptions>() ?? new();
        var dbs = new BmDbFactory(database);
        await dbs.MigrateAsync(CancellationToken.None);
        var index = await IndexSync.BuildAsync(dbs, CancellationToken.None);

        var services = builder.Services;
        services.AddSingleton(database);
        services.AddSingleton(product);
        services.AddSingleton<IDbContextFactory<BmDb>>(dbs);
        services.AddSingleton(index);
        services.AddSingleton<IndexSync>();
        services.AddSingleton<Writer>();
        services.AddSingleton<Names>();
        services.AddSingleton<RefusalAudit>();
        services.AddSingleton<PasswordHashing>();
        services.TryAddTimeProvider();
        services.Configure<JsonOptions>(o => Json.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ExceptionProblems>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // Answers the framework writes itself (no such route, wrong method) get a stable code too.
            if (!context.ProblemDetails.Extensions.ContainsKey("code"))
            {
                context.ProblemDetails.Extensions["code"] = context.ProblemDetails.Status switch
                {
                    404 => "not_found",
                    405 => "method_not_allowed",
                    413 => "body_too_large",
                    415 => "unsupported_media_type",
                    _ => "error",
                };
            }
        });
        services.AddAuthentication(TokenAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenAuthenticationHandler>(
                TokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddConsole(builder.Configuration["Console:KeysPath"] ?? (database.IsPostgres
            ? null
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database.Path))!, "console-keys")));
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Business Manager API";
            doc.Info.Version = "v1";
            doc.Info.Description = "Organizations own ad accounts and pages, give their people roles on them, "
                + "and share chosen assets with partner businesses at a role ceiling.";
            doc.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal API token from POST /api/v1/people/signin.",
            };
            doc.Security =
            [
                new Microsoft.OpenApi.OpenApiSecurityRequirement
                {
                    [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("bearer", doc)] = [],
                },
            ];
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseExceptionHandler();

        // Empty error answers get a body: problem details under /api, a page with words everywhere else.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"),
            console => console.UseStatusCodePagesWithReExecute("/status/{0}"));

        // Routing after the status pages, so that re-executing /status/404 finds its page.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", o => o
            .WithTitle("Business Manager API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapGet("/health", (AccessIndex i) => TypedResults.Ok(new { status = "ok", revision = i.Revision }))
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/v1");
        api.AddEndpointFilter<RefusalAudit>();
        api.MapCatalog();
        api.MapPeople();
        api.MapBusinesses();
        api.MapMembers();
        api.MapInvitations();
        api.MapAssets();
        api.MapAssignments();
        api.MapPartnerships();
        api.MapShares();
        api.MapTransfers();
        api.MapAccess();
        api.MapAudit();
        app.MapConsole();

        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
