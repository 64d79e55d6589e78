using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages;

/// <summary>The start page sends a member to a business: the one chosen in the switcher, else their first.</summary>
public sealed class IndexModel : ConsolePage
{
    public IActionResult OnGet(long? to)
    {
        var memberships = Context.Me.Memberships;
        var target = memberships.FirstOrDefault(m => m.Business.Id == to) ?? memberships.FirstOrDefault();

        return target is null ? Page() : Redirect($"/b/{target.Business.Id}");
    }
}
