namespace BusinessManager.Server.WebConsole;

/// <summary>
/// The confirmation step of every ending (member, asset, share, partnership, transfer): the API's dry-run answer
/// in words, and a form that posts the real request to <see cref="Action"/> with <see cref="Fields"/>.
/// Rendered by the shared partial <c>_Preview</c>; <see cref="Aside"/> names a partial (given
/// <see cref="AsideModel"/>) shown after what ends and before the confirm button, such as access that stays.
/// </summary>
public sealed record PreviewModel(string Title, IReadOnlyList<ChangeLine> Lines, string Action,
    IReadOnlyList<(string Name, string Value)> Fields, string ConfirmLabel, string CancelHref,
    string? Aside = null, object? AsideModel = null);
