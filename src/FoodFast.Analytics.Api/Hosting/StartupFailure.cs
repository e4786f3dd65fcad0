using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Hosting;

/// <summary>Start-up failures a user can fix become one readable line and exit code 1, not a stack trace.</summary>
internal static partial class StartupFailure
{
    public static async Task<int> RunAsync(WebApplication app)
    {
        var urls = app.Configuration["Urls"] ?? "http://127.0.0.1:8080";
        if (TakenPort(urls) is { } taken)
        {
            // Checked before the host starts its background services, so nothing else runs or logs on the way out.
            return Fail($"cannot listen on {taken}: the port is already in use (is the service already running? set PORT to use another port)");
        }
        var storage = app.Services.GetRequiredService<StorageBootstrapper>();
        try
        {
            await app.RunAsync();
            return storage.Refusal is { } refusal ? Fail(refusal) : 0;
        }
        catch (OperationCanceledException) when (storage.Refusal is { } refusal)
        {
            // The store refused while the host was still starting: stopping it cancels the rest of start-up.
            return Fail(refusal);
        }
        catch (OptionsValidationException ex)
        {
            return Fail($"invalid configuration: {string.Join("; ", ex.Failures.Select(Readable))}");
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            return Fail($"cannot listen on {urls}: the port is already in use (is the service already running? set PORT to use another port)");
        }
    }

    /// <summary>The first configured URL whose port another program already listens on, if any.</summary>
    private static string? TakenPort(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Port == 0)
            {
                continue;
            }
            var address = uri.Host == "localhost" ? System.Net.IPAddress.Loopback
                : System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : System.Net.IPAddress.Any;
            try
            {
                var listener = new System.Net.Sockets.TcpListener(address, uri.Port);
                listener.Start();
                listener.Stop();
            }
            catch (System.Net.Sockets.SocketException ex) when (ex.SocketErrorCode == System.Net.Sockets.SocketError.AddressAlreadyInUse)
            {
                return url;
            }
        }
        return null;
    }

    /// <summary>Data-annotation failures wrap our message in boilerplate; keep only the message, which names the setting.</summary>
    private static string Readable(string failure) =>
        DataAnnotationMessage().Match(failure) is { Success: true } match ? match.Groups[1].Value : failure;

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"FoodFast Analytics did not start: {message}");
        // Background services that began before the failure (the Quartz scheduler's threads among them) would
        // otherwise keep the process alive: a start-up that failed ends the process here.
        Environment.Exit(1);
        return 1;
    }

    [GeneratedRegex("with the error: '(.+)'\\.?$")]
    private static partial Regex DataAnnotationMessage();
}
