namespace BusinessManager.Server.WebConsole;

/// <summary>
/// The confirmation step of every ending (member, asset, share, partnership, transfer): the API's dry-run answer
/// in words, and a form that posts the real request to <see cref="Action"/> with <see cref="Fields"/>.
/// Rendered by the shared partial <c>_Preview</c>; <see cref="Aside"/> names a partial (given
/// <see cref="AsideModel"/>) shown after what ends and before the confirm button, such as access that stays.
/// </summary>
public sealed record PreviewModel(string Title, IReadOnlyList<ChangeLine> Lines, string Action,
    IReadOnlyList<(string Name, string Value)> Fields, string ConfirmLabel, string CancelHref,
    string? Aside = null, object? AsideModel = null)
{
    /// <summary>
    /// A fingerprint of exactly what the preview said would end. The confirm form carries it back; the page runs
    /// the dry run again and writes only if it still ends the same things, so a confirmation never ends more (or
    /// other) than the person saw.
    /// </summary>
    public string Seen => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Lines.Select(l => l.Text)))))[..16];
}
