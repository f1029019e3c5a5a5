using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Modules.Clients.Pages;

/// <summary>
/// The base of the module's pages: a record the caller may not see (or that does not exist) is a plain 404
/// page, exactly as in the API, so a page never reveals that someone else's record exists.
/// </summary>
public abstract class ClientsPageModel : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is NotFoundException && !executed.ExceptionHandled)
        {
            executed.ExceptionHandled = true;
            executed.Result = NotFound();
        }
    }
}
