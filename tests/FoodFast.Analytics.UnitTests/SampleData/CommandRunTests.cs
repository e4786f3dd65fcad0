using FoodFast.Analytics.SampleData.Cli;
using Spectre.Console;

namespace FoodFast.Analytics.UnitTests.SampleData;

/// <summary>The whole command, as a user runs it: options parsed, data generated, summary printed, exit code.</summary>
public sealed class CommandRunTests
{
    private static readonly string[] SmallRun = ["--days", "2", "--orders-per-day", "10", "--events-per-order", "5", "--until", "2026-11-20T18:30:00Z"];

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var console = TerminalConsole.Create(output, redirected: true);
        console.Profile.Width = 200;
        var exitCode = await SampleDataCommand.Build(console).Parse([.. SmallRun, .. args]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task A_file_run_writes_both_files_prints_the_summary_per_shop_and_exits_0()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ff-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output) = await RunAsync("--target", "file", "--out", folder);

            Assert.Equal(0, exitCode);
            var orders = SampleRun.Read<Core.Orders.Order>(Path.Combine(folder, "orders.ndjson"));
            var events = SampleRun.Read<Core.Events.ActivityEvent>(Path.Combine(folder, "events.ndjson"));
            var created = orders.Count(o => o.Status == Core.Orders.OrderStatus.Created);
            Assert.Matches($@"│ total\s+│\s+{created:N0} │\s+{orders.Count:N0} │\s+{events.Count:N0} │", output);
            Assert.Contains($"{orders.Count + events.Count:N0} items in", output, StringComparison.Ordinal);
            Assert.Contains("items/s", output, StringComparison.Ordinal);
            // Not a terminal: progress as plain lines, the last one when all is written.
            Assert.Matches(@"orders 100%, events 100%: [\d,]+ items/s, done", output);
            foreach (var shop in new[] { "shop-de-berlin", "shop-fr-paris", "shop-uk-london" })
            {
                Assert.Matches($@"│ {shop} +│ +\d+ │ +\d+ │ +[\d,]+ │ +[\d,]+\.\d\d (EUR|GBP) │", output);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_api_run_with_rejected_items_prints_their_problems_and_exits_1()
    {
        const string rejection = """{"accepted":0,"rejected":1,"errors":[{"index":0,"problems":[{"field":"currency","message":"must be an ISO 4217 code"}]}]}""";
        // The first batch of orders is rejected, whether or not a batch of events went out before it.
        var first = 0;
        await using var server = new RecordingServer(r =>
            r.Path == "/api/v1/orders/batch" && Interlocked.Increment(ref first) == 1 ? new Reply(202, rejection) : Reply.AcceptAll(r));

        var (exitCode, output) = await RunAsync("--url", server.BaseUrl.ToString(), "--api-key", "ff_cli_key");

        Assert.Equal(1, exitCode);
        Assert.Contains("rejected orders #1: currency: must be an ISO 4217 code", output, StringComparison.Ordinal);
        Assert.Contains("1 items were rejected by the service", output, StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Equal("ff_cli_key", r.ApiKey));
    }
}
