using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using PracticeSuite.Modules.Clients.Contracts;
using PracticeSuite.Modules.Scheduling.Application;
using PracticeSuite.SharedKernel.Errors;

namespace PracticeSuite.Modules.Scheduling.Pages;

/// <summary>
/// The base of the module's pages: an appointment or client the caller may not see is a plain 404, as in the API; a
/// refused command becomes messages on the page (a field's beside it, the rest at the top), never an error page.
/// </summary>
[SchedulingRecordAccess]
public abstract class SchedulingPageModel : PageModel
{
    /// <summary>Who the caller is, for what a page offers (the module's services stay internal, so pages take it here).</summary>
    private protected AppointmentAccess Access => HttpContext.RequestServices.GetRequiredService<AppointmentAccess>();

    public bool IsFrontDesk => Access.IsFrontDesk;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is NotFoundException && !executed.ExceptionHandled)
        {
            executed.ExceptionHandled = true;
            executed.Result = NotFound();
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/>; a refusal is put in the model state (field messages under <paramref name="prefix"/>,
    /// or all of them on <paramref name="errorsNextTo"/> when given) and the default is returned.
    /// </summary>
    private protected async Task<(bool Done, TResult? Result)> TryAsync<TResult>(IMediator mediator, IRequest<TResult> request, CancellationToken cancellationToken, string prefix = "Input.", string? errorsNextTo = null)
    {
        try
        {
            return (true, await mediator.Send(request, cancellationToken));
        }
        catch (RequestValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(errorsNextTo ?? (field.Length == 0 ? "" : prefix + field), message);
                }
            }
        }
        catch (BusinessRuleException rule)
        {
            ModelState.AddModelError(errorsNextTo ?? "", rule.Message);
        }

        return (false, default);
    }

    /// <summary>The messages recorded against one key, for a section that shows its errors next to its buttons.</summary>
    public IReadOnlyList<string> ErrorsFor(string key) =>
        ModelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
}

/// <summary>
/// On a page addressed by <c>{appointmentId}</c> or <c>{clientId}</c>, answers 404 before anything else runs — before
/// the antiforgery check and model binding — when the caller may not see that record, so a form post learns nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
internal sealed class SchedulingRecordAccessAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    // Antiforgery validation is an authorization filter of order 1000; this runs ahead of it.
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var values = context.RouteData.Values;
        var services = context.HttpContext.RequestServices;
        var cancellationToken = context.HttpContext.RequestAborted;
        try
        {
            if (values.TryGetValue("appointmentId", out var appointment) && Guid.TryParse(appointment?.ToString(), out var appointmentId))
            {
                await services.GetRequiredService<AppointmentAccess>().EnsureVisibleAsync(appointmentId, cancellationToken);
            }

            if (values.TryGetValue("clientId", out var client) && Guid.TryParse(client?.ToString(), out var clientId))
            {
                // The Clients module decides who sees a client: its access check answers "not found" for anyone else.
                _ = await services.GetRequiredService<IMediator>().Send(new GetClientSummary(clientId), cancellationToken);
            }
        }
        catch (NotFoundException)
        {
            context.Result = new NotFoundResult();
        }
    }
}
