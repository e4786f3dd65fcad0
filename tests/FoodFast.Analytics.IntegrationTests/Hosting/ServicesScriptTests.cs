using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FoodFast.Analytics.IntegrationTests.Infrastructure;

namespace FoodFast.Analytics.IntegrationTests.Hosting;

/// <summary>
/// scripts/services.sh as the README tells people to use it: servers started under one data folder (the test
/// suite's) are stopped by naming only their ports.
/// </summary>
public sealed class ServicesScriptTests
{
    [Fact]
    public async Task Stop_with_only_the_ports_stops_servers_started_under_another_data_folder()
    {
        var dataDir = Path.Combine(RepoPaths.Root, ".local", "services-test-" + Guid.NewGuid().ToString("N")[..8]);
        var (pgPort, redisPort) = (FreePort(), FreePort());
        var ports = new Dictionary<string, string> { ["FF_PG_PORT"] = $"{pgPort}", ["FF_REDIS_PORT"] = $"{redisPort}" };
        try
        {
            var started = await RunAsync("start", new(ports) { ["FF_DATA_DIR"] = dataDir, ["FF_PG_FSYNC"] = "off" });
            Assert.True(Listening(pgPort) && Listening(redisPort), started);

            var stopped = await RunAsync("stop", ports);

            Assert.Contains($"postgres on port {pgPort} stopped", stopped, StringComparison.Ordinal);
            Assert.Contains($"redis on port {redisPort} stopped", stopped, StringComparison.Ordinal);
            Assert.False(Listening(pgPort) || Listening(redisPort), stopped);
            var again = await RunAsync("stop", ports);
            Assert.Contains($"postgres: nothing runs on port {pgPort}", again, StringComparison.Ordinal);
            Assert.Contains($"redis: nothing runs on port {redisPort}", again, StringComparison.Ordinal);
        }
        finally
        {
            await RunAsync("stop", new(ports) { ["FF_DATA_DIR"] = dataDir });
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task<string> RunAsync(string command, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "services.sh"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "FF_DATA_DIR", "FF_PG_PORT", "FF_REDIS_PORT" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return await output + await errors;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
