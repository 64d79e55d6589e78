using BusinessManager.Server.Infrastructure;
using BusinessManager.Server.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusinessManager.Server.WebConsole.Pages;

/// <summary>Creates the account through the API and signs the new person straight in.</summary>
public sealed class SignUpModel(ConsoleApi api) : PageModel
{
    [BindProperty(Name = "name")]
    public string Name { get; set; } = "";

    [BindProperty(Name = "email")]
    public string Email { get; set; } = "";

    [BindProperty(Name = "password")]
    public string Password { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var issued = await api.PostAsync<WriteResponse<TokenIssued>>("/api/v1/people/signup",
            new SignUpRequest(Email, Name, Password));
        if (!issued.IsOk)
        {
            ModelState.AddModelError(issued.Problem!.Field is { } f ? $"signup.{f}" : "signup", issued.Problem.Message);
            return Page();
        }

        await SignInModel.SignInAsync(HttpContext, issued.Value!.Result);

        return Redirect("/");
    }
}
