namespace Screenplay.Web.Tests.Editor;

/// <summary>
/// The editor's JS tests (classifier, writer's keys, autocomplete, own-only undo, the sync client against an
/// in-memory hub) run under node's built-in test runner, so `dotnet test` covers them.
/// </summary>
public sealed class EditorJsTests
{
    [Fact]
    public async Task Editor_js_tests_pass_under_node_test()
    {
        var result = await Node.RunAsync(EditorPaths.EditorProject, null, "--test", "--test-reporter=tap", "test/");

        Assert.True(result.ExitCode == 0, $"node --test failed ({result.ExitCode}):\n{result.Output}\n{result.Error}");
        var summary = result.Output.Split('\n').Select(l => l.Trim()).ToList();
        var passed = summary.Single(l => l.StartsWith("# pass ", StringComparison.Ordinal));
        Assert.True(int.Parse(passed["# pass ".Length..]) >= 40, $"too few JS tests ran: {passed}");
        Assert.Contains("# fail 0", summary);
    }
}
