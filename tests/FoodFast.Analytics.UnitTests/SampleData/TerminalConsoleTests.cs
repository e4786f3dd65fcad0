using FoodFast.Analytics.SampleData.Cli;
using Spectre.Console;

namespace FoodFast.Analytics.UnitTests.SampleData;

public sealed class TerminalConsoleTests
{
    [Fact]
    public void Output_that_is_not_a_terminal_gets_plain_text_even_when_TERM_names_a_colour_terminal()
    {
        var previous = Environment.GetEnvironmentVariable("TERM");
        Environment.SetEnvironmentVariable("TERM", "xterm-256color");
        try
        {
            var output = new StringWriter();
            var console = TerminalConsole.Create(output, redirected: true);
            console.Markup("[bold red]1,234[/] items/s");
            console.Write(new Table().AddColumn("shop").AddRow("shop-de-berlin"));

            Assert.DoesNotContain('\u001b', output.ToString());
            Assert.StartsWith("1,234 items/s", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("shop-de-berlin", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TERM", previous);
        }
    }
}
