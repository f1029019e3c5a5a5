using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace PracticeSuite.SharedKernel.Hosting.Web;

/// <summary>
/// <c>&lt;error-summary /&gt;</c> at the top of a form: when a post was refused, "There is a problem" and every message,
/// each linking to the field it is about (the id <c>asp-for</c> gives that field), so a keyboard or screen-reader user
/// goes straight to it; a message about the whole form is listed without a link. Nothing is written when all is well.
/// The layout's script moves the focus to it.
/// </summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var errors = ViewContext.ModelState
            .SelectMany(entry => entry.Value!.Errors.Select(error => (Field: entry.Key, error.ErrorMessage)))
            .Where(error => !string.IsNullOrWhiteSpace(error.ErrorMessage))
            .Distinct()
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Attributes.SetAttribute("tabindex", "-1");
        output.Attributes.SetAttribute("aria-labelledby", "error-summary-title");
        var list = new TagBuilder("ul");
        foreach (var (field, message) in errors)
        {
            var item = new TagBuilder("li");
            if (field.Length == 0)
            {
                item.InnerHtml.Append(message);
            }
            else
            {
                var link = new TagBuilder("a");
                link.Attributes["href"] = "#" + TagBuilder.CreateSanitizedId(field, "_");
                link.InnerHtml.Append(message);
                item.InnerHtml.AppendHtml(link);
            }

            list.InnerHtml.AppendHtml(item);
        }

        output.Content.AppendHtml("<h2 id=\"error-summary-title\">There is a problem</h2>");
        output.Content.AppendHtml(list);
    }
}
