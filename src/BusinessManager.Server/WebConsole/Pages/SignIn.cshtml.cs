using System.Security.Claims;
using BusinessManager.Server.Infrastructure;
using BusinessManager.Server.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusinessManager.Server.WebConsole.Pages;

/// <summary>
/// Signs in through the API (POST /api/v1/people/signin): the personal token it issues is kept only inside the
/// encrypted, HTTP-only cookie, and every later page calls the API with it.
/// </summary>
public sealed class SignInModel(ConsoleApi api) : PageModel
{
    [BindProperty(Name = "email")]
    public string Email { get; set; } = "";

    [BindProperty(Name = "password")]
    public string Password { get; set; } = "";

    public bool Ended { get; private set; }

    public IActionResult OnGet(bool ended = false)
    {
        Ended = ended;
        return User.Identity?.IsAuthenticated == true && !ended ? Redirect("/") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        var issued = await api.PostAsync<WriteResponse<TokenIssued>>("/api/v1/people/signin",
            new SignInRequest(Email, Password, "web console"));
        if (!issued.IsOk)
        {
            ModelState.AddModelError(issued.Problem!.Field is { } f ? $"signin.{f}" : "signin", issued.Problem.Message);
            return Page();
        }

        await SignInAsync(HttpContext, issued.Value!.Result);

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    /// <summary>Starts a console session for a token the API issued (sign-in and sign-up both end here).</summary>
    public static Task SignInAsync(HttpContext http, TokenIssued issued)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, issued.Person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, issued.Person.Name),
            new(ConsoleApi.TokenClaim, issued.Token),
            new(ConsoleApi.TokenIdClaim, issued.TokenId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };

        return http.SignInAsync(ConsoleSetup.Scheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, ConsoleSetup.Scheme)));
    }
}
