using BusinessManager.Server.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace BusinessManager.Server.WebConsole;

/// <summary>
/// <c>&lt;field-error key="invite.email" /&gt;</c>: the API's refusal for that field (or, with the form's name
/// alone, for the whole form), in words, announced to screen readers. Renders nothing when all is well.
/// The element's id is <c>err-</c> plus the key, for <c>aria-describedby</c>.
/// </summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public string Key { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.ModelState.TryGetValue(Key, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        FieldErrors.MarkShown(ViewContext.HttpContext, Key);

        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field-error");
        output.Attributes.SetAttribute("id", FieldErrors.Id(Key));
        output.Attributes.SetAttribute("role", "alert");
        output.Content.SetContent(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
    }
}

/// <summary>
/// <c>&lt;named value="@business" /&gt;</c> or <c>&lt;named person="@person" /&gt;</c>: a business or a person as
/// the console always shows them, the name together with its id (and a person's e-mail), so two look-alike
/// names can never be confused.
/// </summary>
[HtmlTargetElement("named", TagStructure = TagStructure.WithoutEndTag)]
public sealed class NamedTagHelper : TagHelper
{
    public NamedRef? Value { get; set; }

    public PersonRef? Person { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "named");
        var (name, id, email) = Person is { } p ? (p.Name, p.Id, p.Email) : (Value?.Name ?? "", Value?.Id ?? 0, null);
        output.Content.AppendHtml("<span class=\"name\">").Append(name).AppendHtml("</span> ");
        if (email is { Length: > 0 })
        {
            output.Content.AppendHtml("<span class=\"email\">").Append(email).AppendHtml("</span> ");
        }

        output.Content.AppendHtml("<span class=\"id\">id ").Append(id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AppendHtml("</span>");
    }
}

public static class FieldErrors
{
    private static readonly object ShownKey = new();

    public static string Id(string key) => "err-" + key.Replace('.', '-');

    public static void MarkShown(HttpContext http, string key)
    {
        if (http.Items[ShownKey] is not HashSet<string> shown)
        {
            http.Items[ShownKey] = shown = [];
        }

        shown.Add(key);
    }

    /// <summary>
    /// Refusals the page had no place for: typically a form that is no longer drawn because the person's role
    /// changed in the meantime (demoted in another tab, by another admin, by an operator). The layout shows them
    /// at the top, so a refusal is never lost.
    /// </summary>
    public static IReadOnlyList<string> Unshown(HttpContext http, ModelStateDictionary state)
    {
        var shown = http.Items[ShownKey] as HashSet<string> ?? [];

        return state.Where(e => e.Value is { Errors.Count: > 0 } && !shown.Contains(e.Key))
            .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).Distinct().ToList();
    }
}

/// <summary>
/// <c>error-key="invite.email"</c> on an input or select: when the API refused that field, the control is marked
/// invalid and described by the message, so a screen reader reads the reason with the field.
/// </summary>
[HtmlTargetElement("input", Attributes = "error-key")]
[HtmlTargetElement("select", Attributes = "error-key")]
public sealed class ErrorKeyTagHelper : TagHelper
{
    public string ErrorKey { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (ViewContext.ModelState.TryGetValue(ErrorKey, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            output.Attributes.SetAttribute("aria-describedby", FieldErrors.Id(ErrorKey));
        }
    }
}
