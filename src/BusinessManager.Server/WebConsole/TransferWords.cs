using BusinessManager.Core.Rules;
using BusinessManager.Server.Assets;
using BusinessManager.Server.Transfers;

namespace BusinessManager.Server.WebConsole;

/// <summary>
/// A transfer's live preview in words, as the API showed it to this viewer: what ends, whose roles carry over, and
/// whether the old owner keeps a share. <see cref="Partial"/> is true when the API showed only the viewer's side.
/// </summary>
public sealed record TransferPreviewModel(TransferResponse Transfer, IReadOnlyList<ChangeLine> Ends,
    IReadOnlyList<ChangeLine> CarriedOver, bool Partial);

/// <summary>Transfers as the console words them: assets with type and id, statuses and confirmations.</summary>
public static class TransferWords
{
    /// <summary>The preview in words, or null when the API gave none (the transfer is closed).</summary>
    public static async Task<TransferPreviewModel?> PreviewAsync(ChangeSummary summary, TransferResponse transfer,
        bool partial, CancellationToken ct)
    {
        if (transfer.Preview is not { } preview)
        {
            return null;
        }

        var ends = await summary.DescribeAsync(preview.Ends, ct);
        var kept = await summary.DescribeKeptAsync(preview.CarriedOver, ct);

        return new TransferPreviewModel(transfer, ends, kept, partial);
    }

    public static string Status(TransferResponse t) => t.Status switch
    {
        TransferStatus.Open when t.ConfirmedByFrom && t.ConfirmedByTo =>
            "Open: both sides confirmed, waiting for support",
        TransferStatus.Open => "Open: waiting for confirmation",
        TransferStatus.Completed => "Completed",
        TransferStatus.Rejected => "Rejected by support",
        TransferStatus.Cancelled => "Cancelled",
        TransferStatus.Expired => "Expired",
        _ => Labels.Of(t.Status),
    };

    /// <summary>When it closed, expired, or will expire.</summary>
    public static string When(TransferResponse t) => t switch
    {
        { ClosedAt: { } closed } => "Closed " + Labels.When(closed),
        { Status: TransferStatus.Expired } => "Expired " + Labels.When(t.ExpiresAt),
        _ => "Expires " + Labels.When(t.ExpiresAt),
    };

    public static string Confirmed(bool confirmed) => confirmed ? "confirmed" : "not confirmed yet";
}
