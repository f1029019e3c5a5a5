using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Modules.Clients.Application;
using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Modules.Clients.Pages;

/// <summary>
/// The base of the module's pages: a record the caller may not see (or that does not exist) is a plain 404
/// page, exactly as in the API, so a page never reveals that someone else's record exists.
/// </summary>
[ClientRecordAccess]
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

/// <summary>
/// On a page addressed by <c>{clientId}</c>, answers 404 before anything else runs — before the antiforgery
/// check and model binding — when the caller may not see that client, so a form post learns nothing either.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ClientRecordAccessAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string RouteValue = "clientId";

    // Antiforgery validation is an authorization filter of order 1000; this runs ahead of it.
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (context.RouteData.Values.TryGetValue(RouteValue, out var value) && Guid.TryParse(value?.ToString(), out var clientId))
        {
            var access = context.HttpContext.RequestServices.GetRequiredService<ClientAccess>();
            try
            {
                await access.EnsureVisibleAsync(clientId, context.HttpContext.RequestAborted);
            }
            catch (NotFoundException)
            {
                context.Result = new NotFoundResult();
            }
        }
    }
}
