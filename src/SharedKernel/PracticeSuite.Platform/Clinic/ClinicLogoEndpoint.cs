using PracticeSuite.SharedKernel.Hosting.Platform;

namespace PracticeSuite.Platform.Clinic;

/// <summary>
/// Serves the clinic's logo. Pages ask for it with its version (<see cref="ClinicIdentity.LogoUrl"/>), an address
/// that changes with every upload, so browsers may keep that answer for a year; any other address must be checked
/// again, so a replaced logo is never shown stale.
/// </summary>
internal static class ClinicLogoEndpoint
{
    public static async Task<IResult> ServeAsync(int? v, IClinicIdentity clinic, HttpContext http, CancellationToken cancellationToken)
    {
        if ((await clinic.GetAsync(cancellationToken)).Logo is not { } logo)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = v == logo.Version ? "public, max-age=31536000, immutable" : "no-cache";
        return Results.File(logo.Content, logo.ContentType);
    }
}
