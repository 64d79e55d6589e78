using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace BusinessManager.Server.Tests.Harness;

/// <summary>
/// One headless Debian Chromium for the whole test run, driven by Playwright; each person in a test gets a
/// browser context of their own (own cookies), like separate browsers. Playwright's own browser download is not
/// used: the tests need the system's /usr/bin/chromium (.ci/run installs the package).
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync);

    public static Task<IBrowser> BrowserAsync() => Shared.Value;

    private static async Task<IBrowser> LaunchAsync()
    {
        if (!File.Exists(Path))
        {
            throw new InvalidOperationException($"{Path} is missing: install Debian's chromium package (.ci/run does).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Path,
            Headless = true,

            // No sandbox as root in CI; no GPU; and no background connections, which this closed network refuses.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().GetAwaiter().GetResult();
            playwright.Dispose();
        };

        return browser;
    }
}

/// <summary>A person at a browser: their own context (cookies) and one tab on the console of a test server.</summary>
public sealed class ConsoleUser : IAsyncDisposable
{
    public const string Password = "correct horse battery";

    public static readonly ViewportSize Laptop = new() { Width = 1280, Height = 800 };

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private ConsoleUser(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<ConsoleUser> OpenAsync(BmServer server, ViewportSize? viewport = null)
    {
        var browser = await Chromium.BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Address.ToString(),
            ViewportSize = viewport ?? Laptop,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();

        return new ConsoleUser(context, page);
    }

    /// <summary>Signs up through the console's own form and lands on the start page.</summary>
    public async Task SignUpAsync(string email, string name)
    {
        await Page.GotoAsync("/signup");
        await Page.GetByLabel("Your name").FillAsync(name);
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/signup", StringComparison.Ordinal));
    }

    public async Task SignInAsync(string email, string password = Password)
    {
        await Page.GotoAsync("/signin");
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
    }

    public Task<IResponse?> GotoAsync(string path) => Page.GotoAsync(path);

    /// <summary>The main region's text, for asserting what this person sees.</summary>
    public Task<string> MainTextAsync() => Page.Locator("main").InnerTextAsync();

    /// <summary>Runs axe-core on the page as it is now and fails on any serious or critical violation.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(bad.Count == 0, $"axe found on {Page.Url}:\n" + string.Join("\n", bad));
    }

    /// <summary>With BM_UPDATE_SCREENSHOTS=1, saves the page to docs/screenshots/NAME.png in the repository.</summary>
    public async Task ScreenshotAsync(string name)
    {
        if (Environment.GetEnvironmentVariable("BM_UPDATE_SCREENSHOTS") != "1")
        {
            return;
        }

        await Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = System.IO.Path.Combine(Repository.Root, "docs", "screenshots", name + ".png"),
            FullPage = true,
        });
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

public static class Repository
{
    /// <summary>The folder holding BusinessManager.slnx, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BusinessManager.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BusinessManager.slnx not found above " + AppContext.BaseDirectory);
    }
}
