using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Platform.Web;

/// <summary>
/// On pages, a rejected request is not an error page: its field errors go into ModelState (keyed
/// <c>Input.&lt;Field&gt;</c>, the convention for a page's bound input), rule violations into the summary,
/// and the page is shown again with what the user typed.
/// </summary>
internal sealed class ValidationPageFilter : IAsyncPageFilter
{
    public const string InputPrefix = "Input";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled || context.HandlerInstance is not PageModel page)
        {
            return;
        }

        switch (executed.Exception)
        {
            case RequestValidationException validation:
                foreach (var (field, messages) in validation.Errors)
                {
                    foreach (var message in messages)
                    {
                        page.ModelState.AddModelError(string.IsNullOrEmpty(field) ? string.Empty : $"{InputPrefix}.{field}", message);
                    }
                }

                break;
            case BusinessRuleException rule:
                page.ModelState.AddModelError(string.Empty, rule.Message);
                break;
            default:
                return;
        }

        executed.ExceptionHandled = true;
        executed.Result = page.Page();
    }
}
