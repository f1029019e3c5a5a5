using System.Diagnostics;
using PracticeSuite.SharedKernel.Hosting.Diagnostics;
using Xunit;

namespace PracticeSuite.Platform.Tests;

/// <summary>Work taken up later continues the trace stored with it, and leaves the caller's activity as it was.</summary>
public sealed class TraceContextTests
{
    private const string StoredTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    [Fact]
    public void Continuing_a_stored_traceparent_runs_in_its_trace_and_restores_the_caller()
    {
        using var outer = TraceContext.Continue("outer", null);
        var outerTrace = TraceContext.TraceId;

        using (TraceContext.Continue("handler", StoredTrace))
        {
            Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", TraceContext.TraceId);
            Assert.Equal("00f067aa0ba902b7", Activity.Current!.ParentSpanId.ToHexString());
            Assert.StartsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-", TraceContext.TraceParent);
        }

        Assert.Equal(outerTrace, TraceContext.TraceId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("corr-event-7")] // an id from before trace context: not a traceparent
    public void Without_a_stored_traceparent_the_work_starts_a_trace_of_its_own(string? stored)
    {
        using var outer = TraceContext.Continue("outer", StoredTrace);

        using (TraceContext.Continue("job", stored))
        {
            Assert.NotNull(TraceContext.TraceId);
            Assert.NotEqual("4bf92f3577b34da6a3ce929d0e0e4736", TraceContext.TraceId);
            Assert.Equal(default, Activity.Current!.ParentSpanId);
        }

        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", TraceContext.TraceId);
    }

    [Fact]
    public void The_trace_id_is_read_back_from_a_stored_traceparent_for_the_operators_page()
    {
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", TraceContext.TraceIdOf(StoredTrace));
        Assert.Null(TraceContext.TraceIdOf("corr-event-7"));
        Assert.Null(TraceContext.TraceIdOf(null));
    }
}
