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
        try
        {
            await app.RunAsync();
            return 0;
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
