namespace PracticeSuite.Platform.Web;

internal static class WebPaths
{
    /// <summary>JSON APIs live under /api (and the OpenAPI document); everything else is a page.</summary>
    public static bool IsApi(HttpRequest request) => IsApi(request.Path);

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ||
        path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
