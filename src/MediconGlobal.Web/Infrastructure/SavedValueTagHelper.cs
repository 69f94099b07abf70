using MediconGlobal.Web.Resources;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace MediconGlobal.Web.Infrastructure;

/// <summary>
/// <c>&lt;saved-value for="Input.Name" /&gt;</c> (or <c>name="Input.MarketIds"</c>): after an edit conflict, the other
/// person's saved value of that field, under it; nothing otherwise. See <see cref="EditConflicts.ShowConflictAsync"/>.
/// </summary>
[HtmlTargetElement("saved-value", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SavedValueTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression? For { get; set; }

    public string? Name { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = For?.Name ?? Name ?? "";
        if (ViewContext.ViewData[EditConflict.ViewDataKey] is not EditConflict conflict || !conflict.Theirs.TryGetValue(field, out var value))
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "conflict-value");
        output.Attributes.SetAttribute("id", TagBuilder.CreateSanitizedId(field, "_") + "-saved");
        output.Content.AppendHtml("<strong>");
        output.Content.Append(t["Their saved value:"]);
        output.Content.AppendHtml("</strong> ");
        output.Content.Append(value);
    }
}
