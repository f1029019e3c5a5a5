using System.Net;
using PracticeSuite.Platform.Tests;
using PracticeSuite.SharedKernel.Identity;
using Xunit;

namespace PracticeSuite.Security.Tests;

/// <summary>
/// ASP.NET Core's own API document and Scalar's browser for it are staff only outside Development (issue 16, defect 13,
/// part). Moved from the Platform tests' ApiDocumentTests, whose tests of what the document lists and how the browser
/// is served stay there.
/// </summary>
public sealed class ApiDocumentAccessTests(SignedInHostFixture host) : IClassFixture<SignedInHostFixture>
{
    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/openapi/")]
    public async Task Outside_development_the_api_document_is_for_staff_only(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Factory.CreateClient().GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        var client = host.Factory.CreateClient().As(PracticeRole.Client, "user-client", clientId: Guid.NewGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
    }
}
