using System.Globalization;
using BusinessManager.Core.Rules;
using BusinessManager.Server.Infrastructure;
using BusinessManager.Server.Partnerships;
using Microsoft.AspNetCore.Mvc;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>
/// Partnerships of one business: ask another business by its id, answer or withdraw pending requests, and the
/// active and past partners. Admins act; other members see the same lists without the buttons.
/// </summary>
public sealed class PartnersModel : BusinessPage
{
    [BindProperty(Name = "partnerId")]
    public string? PartnerId { get; set; }

    public IReadOnlyList<PartnershipResponse> Incoming { get; private set; } = [];

    public IReadOnlyList<PartnershipResponse> Outgoing { get; private set; } = [];

    public IReadOnlyList<PartnershipResponse> Active { get; private set; } = [];

    public IReadOnlyList<PartnershipResponse> Past { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRequestAsync()
    {
        // People read ids out loud and paste them with spaces; anything but digits cannot be an id at all.
        var digits = (PartnerId ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var partnerId))
        {
            ModelState.AddModelError("request.partnerId",
                "Enter the other business's id, 9 or 10 digits, as they sent it to you.");
            await LoadAsync();
            return Page();
        }

        var sent = await Api.PostAsync<WriteResponse<PartnershipResponse>>($"{ApiBase}/partnerships",
            new RequestPartnershipRequest(partnerId));
        if (!sent.IsOk)
        {
            // Every refusal here is about the id typed (unknown, our own, already partners): show it by the field.
            Show(sent.Problem! with { Field = "partnerId" }, "request");
            await LoadAsync();
            return Page();
        }

        var request = sent.Value!.Result;

        return Done($"Partnership request sent to {request.Partner.Name} (id {request.Partner.Id}). It waits for "
            + $"their admin until {Labels.When(request.ExpiresAt)}.");
    }

    public Task<IActionResult> OnPostAcceptAsync(long id) => AnswerAsync(id, "accept",
        p => $"You are now partners with {p.Partner.Name} (id {p.Partner.Id}).");

    public Task<IActionResult> OnPostDeclineAsync(long id) => AnswerAsync(id, "decline",
        p => $"You declined the partnership request from {p.Partner.Name} (id {p.Partner.Id}).");

    public Task<IActionResult> OnPostCancelAsync(long id) => AnswerAsync(id, "cancel",
        p => $"You cancelled the partnership request to {p.Partner.Name} (id {p.Partner.Id}).");

    private async Task<IActionResult> AnswerAsync(long id, string action, Func<PartnershipResponse, string> done)
    {
        var answered = await Api.PostAsync<WriteResponse<PartnershipResponse>>(
            $"{ApiBase}/partnerships/{id}/{action}");
        if (!answered.IsOk)
        {
            Show(answered.Problem!, action == "cancel" ? "outgoing" : "incoming");
            await LoadAsync();
            return Page();
        }

        return Done(done(answered.Value!.Result), $"{Base}/partners");
    }

    private async Task LoadAsync()
    {
        var all = (await Api.GetAllAsync<PartnershipResponse>($"{ApiBase}/partnerships")).Value ?? [];
        var pending = all.Where(p => p.Status == PartnershipStatus.Pending).ToList();
        Incoming = pending.Where(p => p.Direction == "incoming").ToList();
        Outgoing = pending.Where(p => p.Direction == "outgoing").ToList();
        Active = all.Where(p => p.Status == PartnershipStatus.Active).OrderBy(p => p.Partner.Name).ToList();
        Past = all.Where(p => p.Status is not (PartnershipStatus.Pending or PartnershipStatus.Active))
            .OrderByDescending(Closed).ToList();
    }

    /// <summary>When a past partnership stopped: its closing, or for an unanswered request its expiry.</summary>
    public static DateTimeOffset Closed(PartnershipResponse p) => p.ClosedAt ?? p.ExpiresAt;
}
