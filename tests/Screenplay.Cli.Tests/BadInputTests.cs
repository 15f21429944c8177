namespace Screenplay.Cli.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string> Commands => new()
    {
        { "parse", "--json" },
        { "fdx", "--output=out.fdx" },
        { "fountain", "--output=out.fountain" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_missing_file_is_one_line_on_stderr_and_exit_code_2(string command, string option)
    {
        var missing = _folder.File("missing.fountain");

        var run = CliRun.Of(command, missing, option);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"screenplay: {missing}: no such file.\n", run.Error);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("fdx")]
    public void Binary_and_non_UTF8_files_are_refused_not_guessed_at(string command)
    {
        var binary = _folder.File("image.fountain", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);
        var latin1 = _folder.File("latin1.fountain", [0x43, 0x41, 0x46, 0xC9, 0x0A]);

        var binaryRun = CliRun.Of(command, binary);
        var latin1Run = CliRun.Of(command, latin1);

        Assert.Equal((2, $"screenplay: {binary}: not a text file (it contains binary data).\n"), (binaryRun.ExitCode, binaryRun.Error));
        Assert.Equal((2, $"screenplay: {latin1}: not UTF-8 text; save it as UTF-8 and try again.\n"), (latin1Run.ExitCode, latin1Run.Error));
    }

    [Fact]
    public void A_folder_given_as_input_is_reported_as_unreadable()
    {
        var run = CliRun.Of("fountain", _folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"screenplay: {_folder.Path}: cannot be read", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("<FinalDraft><Content><Paragraph Type=\"Action\">", "Not a valid FDX file: malformed XML")]
    [InlineData("Title: Not XML\n\nINT. HOUSE - DAY\n", "Not a valid FDX file: malformed XML")]
    [InlineData("<Document/>", "Not a Final Draft file")]
    public void A_malformed_FDX_is_one_line_on_stderr_exit_code_2_and_writes_nothing(string content, string expected)
    {
        var input = _folder.File("broken.fdx", content);
        var output = _folder.File("out.fountain");

        var run = CliRun.Of("fountain", input, "-o", output);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"screenplay: {input}: {expected}", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(output));
        Assert.Equal(["broken.fdx"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_output_in_a_folder_that_does_not_exist_is_exit_code_2()
    {
        var input = _folder.File("script.fdx", "<FinalDraft><Content/></FinalDraft>");
        var output = Path.Combine(_folder.Path, "no", "such", "folder", "out.fountain");

        var run = CliRun.Of("fountain", input, "-o", output);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"screenplay: {output}: cannot be written", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_usage_is_exit_code_1_not_2()
    {
        var run = CliRun.Of("parse");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("Required argument missing for command: 'parse'", run.Error, StringComparison.Ordinal);
    }
}
