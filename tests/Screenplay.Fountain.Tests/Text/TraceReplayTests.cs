using Screenplay.Traces;

namespace Screenplay.Fountain.Tests.Text;

public sealed class TraceReplayTests
{
    [Fact]
    public void Replaying_the_automerge_paper_trace_through_change_sets_ends_exactly_at_its_final_text()
    {
        var trace = EditingTrace.Load("automerge-paper");
        Assert.Equal(259_778, trace.Transactions.Count);

        string result = trace.ReplayThroughChangeSets();

        Assert.Equal(trace.EndContent.Length, result.Length);
        Assert.Equal(trace.EndContent, result);
    }
}
