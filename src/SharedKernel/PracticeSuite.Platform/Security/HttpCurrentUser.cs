using System.Security.Claims;
using PracticeSuite.SharedKernel.Hosting.Platform;
using PracticeSuite.SharedKernel.Identity;

namespace PracticeSuite.Platform.Security;

/// <summary>The current user, read from the request's signed-in principal; the system inside <see cref="SystemPrincipal.Enter"/>; otherwise nobody.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public bool IsSystem => SystemPrincipal.IsActive && !IsAuthenticated;

    public string? UserId => IsAuthenticated ? Principal!.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public PracticeRole? Role =>
        IsAuthenticated && Enum.TryParse<PracticeRole>(Principal!.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    public Guid? ClientId => GuidClaim(PracticeClaims.ClientId);

    public Guid? TherapistId => GuidClaim(PracticeClaims.TherapistId);

    public string? IpAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    private Guid? GuidClaim(string type) =>
        IsAuthenticated && Guid.TryParse(Principal!.FindFirstValue(type), out var id) ? id : null;
}
