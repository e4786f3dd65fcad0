namespace FoodFast.Analytics.Api.Hosting;

/// <summary>
/// Short environment variables users and docker compose set (<c>PORT</c>, <c>ELASTICSEARCH_URL</c>, ...),
/// mapped onto configuration keys. The long form (<c>Storage__Backend</c>) always works too and wins.
/// </summary>
internal static class EnvironmentAliases
{
    public static IReadOnlyDictionary<string, string?> Read(Func<string, string?> env)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (env("PORT") is { Length: > 0 } port)
        {
            values["Urls"] = $"http://127.0.0.1:{port}";
        }
        if (env("ELASTICSEARCH_URL") is { Length: > 0 } esUrl)
        {
            values["Storage:Backend"] = "Elasticsearch";
            values["Storage:Elasticsearch:Urls"] = esUrl;
        }
        if (env("ADMIN_API_KEY") is { Length: > 0 } adminKey)
        {
            values["Security:AdminApiKey"] = adminKey;
        }
        foreach (var (variable, key) in new[]
        {
            ("WEATHER_API_KEY", "Recommendations:Weather:ApiKey"), ("OPENAI_API_KEY", "Recommendations:Ai:ApiKey"),
            ("OPENAI_BASE_URL", "Recommendations:Ai:BaseUrl"), ("OPENAI_MODEL", "Recommendations:Ai:Model"),
        })
        {
            if (env(variable) is { Length: > 0 } value)
            {
                values[key] = value;
            }
        }
        return values;
    }

    public static void AddTo(IConfigurationManager configuration)
    {
        // Inserted before the environment-variable source, so Storage__Backend etc. still override.
        var aliases = Read(Environment.GetEnvironmentVariable);
        if (aliases.Count == 0)
        {
            return;
        }
        var sources = configuration.Sources;
        var envIndex = sources.ToList().FindLastIndex(s => s is Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource);
        var source = new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = aliases };
        if (envIndex < 0)
        {
            sources.Add(source);
        }
        else
        {
            sources.Insert(envIndex, source);
        }
    }
}
