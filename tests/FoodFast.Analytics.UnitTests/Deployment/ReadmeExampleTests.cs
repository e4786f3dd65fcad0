using System.Text.RegularExpressions;
using FoodFast.Analytics.SampleData.Generation;

namespace FoodFast.Analytics.UnitTests.Deployment;

/// <summary>
/// The README's API examples run as written against <c>./scripts/start.sh --sample</c>: each sends the key start.sh
/// prints as <c>export FOODFAST_API_KEY=...</c>, and names only shops the sample data has.
/// </summary>
public sealed partial class ReadmeExampleTests
{
    private static readonly string Readme = RepoFile.Read("README.md");

    [Fact]
    public void Every_api_example_sends_the_key_start_sh_prints()
    {
        var examples = Curl().Matches(Readme).Select(m => m.Value).Where(c => c.Contains("/api/v1/", StringComparison.Ordinal)).ToList();

        Assert.True(examples.Count >= 8, $"{examples.Count} examples");
        Assert.All(examples, example => Assert.Contains("-H \"X-Api-Key: $FOODFAST_API_KEY\"", example, StringComparison.Ordinal));
        Assert.Contains("export FOODFAST_API_KEY=", RepoFile.Read("scripts/start.sh"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shop_an_example_names_is_a_sample_shop()
    {
        var named = ShopId().Matches(Readme).Select(m => m.Groups[1].Value).Distinct().ToList();
        var sample = Shops.All.Take(new GeneratorSettings().Shops).Select(s => s.ShopId).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, shop => Assert.Contains(shop, sample));
    }

    // A curl command with its continuation lines (a JSON body may follow on the next lines).
    [GeneratedRegex(@"^curl [^\n]*", RegexOptions.Multiline)]
    private static partial Regex Curl();

    [GeneratedRegex(@"""?shopId""?\s*[=:]\s*""?([A-Za-z0-9._-]+)")]
    private static partial Regex ShopId();
}
