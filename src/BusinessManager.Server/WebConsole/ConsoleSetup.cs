using System.Reflection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.FileProviders;

namespace BusinessManager.Server.WebConsole;

/// <summary>
/// The web console: server-rendered Razor Pages on the API's own host. People sign in with a cookie (antiforgery
/// on every form); the API keeps accepting only bearer tokens, so the cookie can never be used to call the API
/// from another site.
/// </summary>
public static class ConsoleSetup
{
    public const string Scheme = "Console";
    public const string Policy = "Console";

    public static void AddConsole(this IServiceCollection services, string? keysFolder)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/WebConsole/Pages";
            o.Conventions.AuthorizeFolder("/", Policy);
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/SignUp");
            o.Conventions.AllowAnonymousToPage("/Status");
        }).AddApplicationPart(typeof(ConsoleSetup).Assembly);

        services.AddAuthentication().AddCookie(Scheme, o =>
        {
            o.Cookie.Name = "bm_console";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/signin";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
        });
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()));

        // Sign-in cookies stay valid across restarts: the keys that encrypt them live beside the SQLite file, or
        // in Console:KeysPath (several PostgreSQL-backed processes must share one folder), or in the
        // platform's default folder for the user.
        var dataProtection = services.AddDataProtection().SetApplicationName("BusinessManager");
        if (keysFolder is not null)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        }

        services.AddHttpContextAccessor();
        services.AddSingleton<ApiAddress>();
        services.AddSingleton<ChangeSummary>();
        services.AddHttpClient<ConsoleApi>();
    }

    public static void MapConsole(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(),
                "BusinessManager.Server.WebConsole.Assets"),
            RequestPath = "/assets",
        });
        app.MapRazorPages();
    }
}
