using System.Net;
using Xunit;

namespace PracticeSuite.Scheduling.Tests;

/// <summary>A date at the end of the calendar (typed or tampered with) is a clear 400, never a server error.</summary>
public sealed class CalendarQueryTests(SchedulingHost host) : IClassFixture<SchedulingHost>
{
    [Theory]
    [InlineData("/api/scheduling/schedule?from=9999-12-31&days=1")]
    [InlineData("/api/scheduling/schedule?from=0001-01-01&days=14")]
    [InlineData("/api/scheduling/free-slots?serviceId={service}&from=9999-12-28&days=7")]
    public async Task A_date_outside_this_century_and_the_next_is_refused_with_the_reason(string url)
    {
        var response = await host.Reception().GetAsync(url.Replace("{service}", (await host.Nmt60Async()).ToString(), StringComparison.Ordinal));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Give a date between the years 2000 and 2200.", body);
    }
}
