using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusinessManager.Server.WebConsole.Pages;

/// <summary>What an empty error answer shows in the browser. A business, asset or partner the signed-in person may
/// not see is "not found", exactly like one that does not exist.</summary>
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => (Title, Explanation) = code switch
    {
        404 => ("Not found", "There is nothing here, or it is not shared with you. Check the address, or pick a "
            + "business from the switcher."),
        400 => ("That request was not understood", "Go back and try again."),
        _ => ("Something went wrong", $"The server answered {code}. Try again; if it keeps happening, tell your operator."),
    };
}
