using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using PracticeSuite.Host.Web;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>
/// <c>asp-append-version</c> gives a static file's address a version that changes whenever the file does, so browsers
/// never keep a stale style sheet after an upgrade.
/// </summary>
public sealed class FileVersionTests : IDisposable
{
    private readonly string _webRoot = Directory.CreateTempSubdirectory("practicesuite-webroot-").FullName;
    private readonly ModifiedTimeFileVersionProvider _versions;

    public FileVersionTests()
    {
        Directory.CreateDirectory(Path.Combine(_webRoot, "css"));
        _versions = new ModifiedTimeFileVersionProvider(new WebRootOnly(new PhysicalFileProvider(_webRoot)));
    }

    public void Dispose() => Directory.Delete(_webRoot, recursive: true);

    [Fact]
    public void A_file_gets_a_version_that_changes_when_the_file_is_rewritten()
    {
        var file = WriteFile("css/site.css", "body { color: black; }", new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc));
        var first = _versions.AddFileVersionToPath(PathString.Empty, "/css/site.css");
        Assert.StartsWith("/css/site.css?v=", first, StringComparison.Ordinal);
        Assert.Equal(first, _versions.AddFileVersionToPath(PathString.Empty, "/css/site.css")); // stable while unchanged

        File.WriteAllText(file, "body { color: navy; }");
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 11, 27, 8, 0, 0, DateTimeKind.Utc));
        var second = _versions.AddFileVersionToPath(PathString.Empty, "/css/site.css");
        Assert.StartsWith("/css/site.css?v=", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void A_rewrite_that_keeps_the_time_but_not_the_length_still_changes_the_version()
    {
        var written = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        WriteFile("css/site.css", "a{}", written);
        var first = _versions.AddFileVersionToPath(PathString.Empty, "/css/site.css");
        WriteFile("css/site.css", "a{color:red}", written);
        Assert.NotEqual(first, _versions.AddFileVersionToPath(PathString.Empty, "/css/site.css"));
    }

    [Fact]
    public void The_query_and_fragment_are_kept_and_the_path_base_is_looked_through()
    {
        WriteFile("css/site.css", "a{}", DateTime.UtcNow);
        var plain = _versions.AddFileVersionToPath(PathString.Empty, "/css/site.css");
        var version = plain["/css/site.css?v=".Length..];

        Assert.Equal($"/css/site.css?media=print&v={version}#top", _versions.AddFileVersionToPath(PathString.Empty, "/css/site.css?media=print#top"));
        Assert.Equal($"/clinic/css/site.css?v={version}", _versions.AddFileVersionToPath(new PathString("/clinic"), "/clinic/css/site.css"));
    }

    [Theory]
    [InlineData("/css/missing.css")]
    [InlineData("https://cdn.example.org/css/site.css")]
    [InlineData("//cdn.example.org/css/site.css")]
    public void A_missing_or_foreign_file_is_left_as_it_is(string path)
    {
        WriteFile("css/site.css", "a{}", DateTime.UtcNow);
        Assert.Equal(path, _versions.AddFileVersionToPath(PathString.Empty, path));
    }

    private string WriteFile(string relativePath, string content, DateTime writtenUtc)
    {
        var path = Path.Combine(_webRoot, relativePath);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, writtenUtc);
        return path;
    }

    private sealed class WebRootOnly(IFileProvider webRoot) : IWebHostEnvironment
    {
        public IFileProvider WebRootFileProvider { get; set; } = webRoot;
        public string WebRootPath { get; set; } = "";
        public string ApplicationName { get; set; } = "PracticeSuite.Host";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public string EnvironmentName { get; set; } = "Testing";
    }
}
