namespace BusinessManager.Server.WebConsole;

/// <summary>
/// The confirmation step of every ending (member, asset, share, partnership, transfer): the API's dry-run answer
/// in words, and a form that posts the real request to <see cref="Action"/> with <see cref="Fields"/>.
/// Rendered by the shared partial <c>_Preview</c>.
/// </summary>
public sealed record PreviewModel(string Title, IReadOnlyList<ChangeLine> Lines, string Action,
    IReadOnlyList<(string Name, string Value)> Fields, string ConfirmLabel, string CancelHref);
