using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PracticeSuite.Modules.Scheduling.Features.Therapists;

namespace PracticeSuite.Modules.Scheduling.Pages.Therapists;

/// <summary>
/// A therapist's photo, for the public booking page and the staff pages: open to anyone, like the photo on a clinic's
/// website. Its address carries a version (<see cref="TherapistPhotoPaths"/>), so it may be cached for a day.
/// </summary>
[AllowAnonymous]
public sealed class PhotoModel(IMediator mediator) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid therapistId, CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetTherapistPhoto(therapistId), cancellationToken) is not { } photo)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=86400";
        return File(photo.Bytes, photo.ContentType);
    }

    /// <summary>A photo is only read here; it is changed on the therapist's profile page.</summary>
    public IActionResult OnPost() => StatusCode(StatusCodes.Status405MethodNotAllowed);
}
