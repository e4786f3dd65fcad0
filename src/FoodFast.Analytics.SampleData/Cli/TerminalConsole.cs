using Spectre.Console;

namespace FoodFast.Analytics.SampleData.Cli;

/// <summary>
/// The console for progress and the summary. Spectre detects colour support from TERM alone, so output
/// piped to a file or a log would carry escape codes: when standard output is not a terminal, plain text.
/// </summary>
public static class TerminalConsole
{
    public static IAnsiConsole Create(TextWriter output, bool redirected) => redirected
        ? AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        })
        : AnsiConsole.Console;
}
