using System.Security.Claims;
using BusinessManager.Server.Businesses;
using BusinessManager.Server.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BusinessManager.Server.WebConsole;

/// <summary>What the layout needs on every signed-in page: who I am and, inside a business, which one.</summary>
public sealed record ConsoleContext(MeResponse Me, BusinessResponse? Business)
{
    public bool IsAdmin => Business?.MyRole == Core.Catalog.BusinessRole.Admin;
}

/// <summary>
/// A signed-in console page. Loads the caller (GET /api/v1/me) before any handler runs; when the API no longer
/// accepts the session's token (revoked, signed out elsewhere, account deleted) the cookie is dropped and the
/// person is sent to sign in again.
/// </summary>
public abstract class ConsolePage : PageModel
{
    private ConsoleApi? _api;

    public ConsoleContext Context { get; private set; } = null!;

    /// <summary>One line of news after a redirect ("Invitation sent to …"), shown once.</summary>
    [TempData]
    public string? Flash { get; set; }

    public long MeId => long.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    protected ConsoleApi Api => _api ??= HttpContext.RequestServices.GetRequiredService<ConsoleApi>();

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next)
    {
        try
        {
            var me = await Api.GetAsync<MeResponse>("/api/v1/me");
            var business = await LoadBusinessAsync();
            if (business is { IsOk: false })
            {
                context.Result = NotFound();
                return;
            }

            Context = new ConsoleContext(me.Value!, business?.Value);
            HttpContext.Items[typeof(ConsoleContext)] = Context;
            var executed = await next();
            if (executed.Exception is SessionEndedException)
            {
                executed.ExceptionHandled = true;
                executed.Result = await EndSessionAsync();
            }
        }
        catch (SessionEndedException)
        {
            context.Result = await EndSessionAsync();
        }
    }

    /// <summary>Pages inside a business load it here; a business the caller is not in answers 404.</summary>
    protected virtual Task<ApiResult<BusinessResponse>?> LoadBusinessAsync() =>
        Task.FromResult<ApiResult<BusinessResponse>?>(null);

    /// <summary>Shows an API refusal next to the field it names (prefixed by the form), or above the form.</summary>
    protected void Show(ApiProblem problem, string form = "")
    {
        var key = problem.Field is { } field ? $"{form}.{field}" : form;
        ModelState.AddModelError(key, problem.Message);
    }

    /// <summary>The fingerprint of the preview a confirm form was posted from (see <see cref="PreviewModel.Seen"/>).
    /// </summary>
    [BindProperty(Name = "seen")]
    public string? Seen { get; set; }

    /// <summary>
    /// True when what a confirmation would end is no longer what its preview showed (someone changed something in
    /// between): the fresh preview is shown with a notice instead of writing.
    /// </summary>
    protected bool ChangedSincePreview(PreviewModel? fresh)
    {
        if (Seen is null || fresh is null || fresh.Seen == Seen)
        {
            return false;
        }

        ModelState.AddModelError("preview", "This changed since you looked: below is what it ends now. Nothing was "
            + "done yet; confirm again if that is still what you want.");
        return true;
    }

    /// <summary>Post, redirect, get: after a change the page is loaded afresh, so a reload never repeats it.</summary>
    protected RedirectResult Done(string message, string? to = null)
    {
        Flash = message;
        return Redirect(to ?? Request.Path + Request.QueryString);
    }

    private async Task<IActionResult> EndSessionAsync()
    {
        await HttpContext.SignOutAsync(ConsoleSetup.Scheme);
        return Redirect("/signin?ended=true");
    }
}

/// <summary>A page inside one business: <c>/b/{businessId}/…</c>.</summary>
public abstract class BusinessPage : ConsolePage
{
    [FromRoute]
    public long BusinessId { get; set; }

    public BusinessResponse Business => Context.Business!;

    public string Base => $"/b/{BusinessId}";

    protected string ApiBase => $"/api/v1/businesses/{BusinessId}";

    protected override async Task<ApiResult<BusinessResponse>?> LoadBusinessAsync() =>
        await Api.GetAsync<BusinessResponse>(ApiBase);

    /// <summary>
    /// Shows a refusal by the admin form or row it came from; for someone who is no longer an admin (changed in
    /// another tab) those are not drawn, so it shows at <paramref name="aboveList"/> instead.
    /// </summary>
    protected void ShowWhereSeen(ApiProblem problem, string form, string aboveList)
    {
        if (Context.IsAdmin)
        {
            Show(problem, form);
            return;
        }

        ModelState.AddModelError(aboveList, problem.Message);
    }
}
