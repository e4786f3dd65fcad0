using System.Diagnostics;

namespace FoodFast.Analytics.IntegrationTests.Infrastructure;

/// <summary>
/// A Postgres or Redis server of a test's own (via scripts/services.sh, in a temporary folder on a free port),
/// so a test can stop and restart it: the way to make a dependency really unavailable.
/// </summary>
public class PrivateServer(string service) : IAsyncDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"ff-{service}-{Guid.NewGuid():N}");

    public int Port { get; } = ServiceProcess.FreePort();

    public Task StartAsync() => ServicesAsync("start");

    public Task StopAsync() => ServicesAsync("stop");

    private async Task ServicesAsync(string verb)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "services.sh"), verb, service])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var port = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["FF_DATA_DIR"] = _dataDir;
        info.Environment["FF_PG_PORT"] = port;
        info.Environment["FF_REDIS_PORT"] = port;
        info.Environment["FF_PG_FSYNC"] = "off";
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"services.sh {verb} {service} failed:\n{output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_dataDir, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class PrivatePostgres() : PrivateServer("postgres")
{
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=foodfast;Username=postgres;Timeout=3";
}

public sealed class PrivateRedis() : PrivateServer("redis")
{
    public string Configuration => $"127.0.0.1:{Port}";
}
