using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages;

/// <summary>Revokes the session's API token, then drops the cookie: a copied cookie is useless afterwards.</summary>
public sealed class SignOutModel : ConsolePage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.FindFirst(ConsoleApi.TokenIdClaim)?.Value is { } tokenId)
        {
            await Api.DeleteAsync<object>($"/api/v1/me/tokens/{tokenId}");
        }

        await HttpContext.SignOutAsync(ConsoleSetup.Scheme);

        return Redirect("/signin");
    }
}
