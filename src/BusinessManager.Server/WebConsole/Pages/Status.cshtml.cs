using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusinessManager.Server.WebConsole.Pages;

/// <summary>What an empty error answer shows in the browser. A business, asset or partner the signed-in person may
/// not see is "not found", exactly like one that does not exist. A refused form post is re-executed here as a post,
/// without a valid antiforgery token (that may be why it was refused), so this page answers posts too.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnPost(int code) => OnGet(code);

    public void OnGet(int code) => (Title, Explanation) = code switch
    {
        404 => ("Not found", "There is nothing here, or it is not shared with you. Check the address, or pick a "
            + "business from the switcher."),
        400 => ("That form could not be accepted", "It may have expired, for instance after you signed out or in "
            + "again in another tab. Nothing was changed: go back, reload the page and try again."),
        413 => ("That was too much", "The form held more text than the server accepts. Nothing was changed: go back "
            + "and shorten it."),
        _ => ("Something went wrong", $"The server answered {code}. Try again; if it keeps happening, tell your operator."),
    };
}
