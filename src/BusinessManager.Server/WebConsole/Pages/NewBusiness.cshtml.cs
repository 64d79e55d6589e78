using BusinessManager.Server.Businesses;
using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages;

public sealed class NewBusinessModel : ConsolePage
{
    [BindProperty(Name = "name")]
    public string Name { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var created = await Api.PostAsync<WriteResponse<BusinessResponse>>("/api/v1/businesses",
            new CreateBusinessRequest(Name));
        if (!created.IsOk)
        {
            Show(created.Problem!, "create");
            return Page();
        }

        var business = created.Value!.Result;

        return Done($"Created {business.Name} (id {business.Id}). Send this id to partners who want to work with you.",
            $"/b/{business.Id}");
    }
}
