using FoodFast.Analytics.Api.Hosting;

namespace FoodFast.Analytics.UnitTests.Hosting;

public sealed class EnvironmentAliasesTests
{
    [Fact]
    public void Elasticsearch_url_selects_the_elasticsearch_backend()
    {
        var env = new Dictionary<string, string?> { ["ELASTICSEARCH_URL"] = "http://es:9200" };

        var values = EnvironmentAliases.Read(name => env.GetValueOrDefault(name));

        Assert.Equal("Elasticsearch", values["Storage:Backend"]);
        Assert.Equal("http://es:9200", values["Storage:Elasticsearch:Urls"]);
    }

    [Fact]
    public void Port_binds_loopback_on_that_port()
    {
        var values = EnvironmentAliases.Read(name => name == "PORT" ? "8099" : null);

        Assert.Equal("http://127.0.0.1:8099", values["Urls"]);
    }

    [Fact]
    public void Weather_and_openai_variables_configure_recommendations()
    {
        var env = new Dictionary<string, string?>
        {
            ["WEATHER_API_KEY"] = "w-key", ["OPENAI_API_KEY"] = "sk-key", ["OPENAI_BASE_URL"] = "http://llm:8000/v1", ["OPENAI_MODEL"] = "local-model",
        };

        var values = EnvironmentAliases.Read(name => env.GetValueOrDefault(name));

        Assert.Equal(("w-key", "sk-key", "http://llm:8000/v1", "local-model"), (values["Recommendations:Weather:ApiKey"], values["Recommendations:Ai:ApiKey"],
            values["Recommendations:Ai:BaseUrl"], values["Recommendations:Ai:Model"]));
    }

    [Fact]
    public void Nothing_set_maps_nothing()
    {
        Assert.Empty(EnvironmentAliases.Read(_ => null));
    }
}
