using System.Diagnostics;
using System.Text.RegularExpressions;
using FoodFast.Analytics.UnitTests.SampleData;

namespace FoodFast.Analytics.UnitTests.Deployment;

public sealed class DockerfileTests
{
    // Instructions with their continuation lines joined, comments dropped.
    private static readonly List<(string Keyword, string Args)> Instructions = Regex
        .Replace(RepoFile.Read("Dockerfile"), @"\\\n", " ")
        .Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split(' ', 2))
        .Select(parts => (parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : ""))
        .ToList();

    private static List<string> Args(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Args).ToList();

    [Fact]
    public void It_builds_with_the_dotnet_10_sdk_and_runs_the_dotnet_10_aspnet_runtime()
    {
        Assert.Equal(
            ["node:20-bookworm-slim AS app", "mcr.microsoft.com/dotnet/sdk:10.0 AS build", "mcr.microsoft.com/dotnet/aspnet:10.0 AS aspnet", "debian:bookworm-slim AS runtime"],
            Args("FROM"));
        Assert.Contains("--from=aspnet /usr/share/dotnet /usr/share/dotnet", Args("COPY"));
        Assert.Contains("--from=build /app ./", Args("COPY"));
        // The app at /app is built from its lock file and copied where the service's build picks it up.
        Assert.Contains("npm ci --no-audit --no-fund", Args("RUN"));
        Assert.Contains("--from=app /app-src/dist src/FoodFast.Analytics.App/dist", Args("COPY"));
        Assert.Contains(Args("RUN"), run => run.Contains("dotnet publish src/FoodFast.Analytics.Api/FoodFast.Analytics.Api.csproj -c Release", StringComparison.Ordinal));
        Assert.Equal("""["dotnet", "FoodFast.Analytics.Api.dll"]""", Assert.Single(Args("ENTRYPOINT")));
    }

    [Fact]
    public void It_switches_to_a_non_root_user_before_the_entrypoint()
    {
        var user = Instructions.FindLastIndex(i => i.Keyword == "USER");
        var entrypoint = Instructions.FindIndex(i => i.Keyword == "ENTRYPOINT");

        Assert.InRange(user, Instructions.FindLastIndex(i => i.Keyword == "FROM"), entrypoint);
        Assert.Equal("10001:10001", Instructions[user].Args);
        Assert.Contains(Args("RUN"), run => run.Contains("useradd --system --uid 10001", StringComparison.Ordinal));
    }

    [Fact]
    public void It_listens_on_every_interface_on_8080_and_checks_liveness_with_a_script_in_the_image()
    {
        var env = string.Join(' ', Args("ENV"));

        Assert.Contains("Urls=http://0.0.0.0:8080", env, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS=http://0.0.0.0:8080", env, StringComparison.Ordinal);
        Assert.Equal("8080", Assert.Single(Args("EXPOSE")));
        Assert.Contains("scripts/docker-healthcheck.sh /usr/local/bin/foodfast-healthcheck", Args("COPY"));
        Assert.EndsWith("""CMD ["foodfast-healthcheck", "/health/live"]""", Assert.Single(Args("HEALTHCHECK")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_has_chromium_and_fonts_for_pdf_reports()
    {
        var install = Assert.Single(Args("RUN"), run => run.Contains("apt-get install", StringComparison.Ordinal));

        Assert.All(new[] { "chromium", "fonts-dejavu-core", "fonts-noto-cjk", "libicu72" }, package => Assert.Matches($@"\s{package}\s", install + " "));
    }

    [Fact]
    public void Build_output_secrets_and_local_data_stay_out_of_the_build_context()
    {
        var ignored = RepoFile.Read(".dockerignore").Split('\n').Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(new HashSet<string>(["**/bin/", "**/obj/", ".local/", ".env", ".git"], StringComparer.Ordinal), ignored);
    }

    [Theory]
    [InlineData(200, 0)]
    [InlineData(503, 1)]
    public async Task The_health_check_script_passes_only_on_200(int status, int exitCode)
    {
        await using var server = new RecordingServer(_ => new Reply(status, "{}"));
        var start = new ProcessStartInfo("bash", [RepoFile.PathOf("scripts/docker-healthcheck.sh"), "/health/live"])
        {
            Environment = { ["HEALTHCHECK_PORT"] = server.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(exitCode, process.ExitCode);
        Assert.Equal(exitCode == 0 ? "" : "GET /health/live answered 503\n", error);
        Assert.Equal(("GET", "/health/live"), (Assert.Single(server.Requests).Method, server.Requests.Single().Path));
    }
}
