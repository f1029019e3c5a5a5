using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.WebUtilities;

namespace PracticeSuite.Host.Web;

/// <summary>
/// What <c>asp-append-version</c> appends to a static file's address so that browsers fetch it again after it
/// changed: the file's last write time and length, instead of ASP.NET Core's SHA-256 of its content. A deployment
/// rewrites the files it changes, so the two change with the content; reading them costs one file-system lookup
/// and no cryptography, which the host would otherwise load to render its first page (ADR 0010).
/// </summary>
public sealed class ModifiedTimeFileVersionProvider(IWebHostEnvironment environment) : IFileVersionProvider
{
    private const string VersionKey = "v";

    public string AddFileVersionToPath(PathString requestPathBase, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains("://", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal))
        {
            return path; // another site's file: not ours to version
        }

        var filePath = path;
        var queryStart = filePath.IndexOfAny(['?', '#']);
        if (queryStart >= 0)
        {
            filePath = filePath[..queryStart];
        }

        if (requestPathBase.HasValue && filePath.StartsWith(requestPathBase.Value!, StringComparison.OrdinalIgnoreCase))
        {
            filePath = filePath[requestPathBase.Value!.Length..];
        }

        var file = environment.WebRootFileProvider.GetFileInfo(filePath);
        return file.Exists
            ? QueryHelpers.AddQueryString(path, VersionKey, $"{file.LastModified.UtcTicks:x}-{file.Length:x}")
            : path;
    }
}
