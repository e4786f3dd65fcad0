using System.ComponentModel.DataAnnotations;
using FoodFast.Analytics.Core.Caching;

namespace FoodFast.Analytics.UnitTests.Queries;

public sealed class CacheOptionsTests
{
    [Fact]
    public void The_near_cache_defaults_to_5_seconds_and_64_megabytes()
    {
        var options = new CacheOptions();

        Assert.Equal((5, 64), (options.NearTtlSeconds, options.NearSizeMegabytes));
        Assert.Empty(Problems(options));
    }

    [Fact]
    public void Near_cache_settings_out_of_range_are_refused_naming_the_setting()
    {
        Assert.Equal(["Cache:NearTtlSeconds must be between 0 and 3600", "Cache:NearSizeMegabytes must be between 1 and 4096"],
            Problems(new CacheOptions { NearTtlSeconds = 3601, NearSizeMegabytes = 0 }));
        Assert.Empty(Problems(new CacheOptions { NearTtlSeconds = 0 }));
    }

    private static List<string?> Problems(CacheOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage).ToList();
    }
}
