using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static FoodFast.Analytics.UnitTests.Deployment.ComposeFile;

namespace FoodFast.Analytics.UnitTests.Deployment;

public sealed partial class ComposeFileTests
{
    private static readonly string Text = RepoFile.Read("docker-compose.yml");
    private static readonly ComposeFile Compose = Load(Text);
    private static readonly string[] OneShots = ["elasticsearch-setup", "kibana-setup"];

    // ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}; "$${...}" is escaped for the container's shell.
    [GeneratedRegex(@"(?<!\$)\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-?])(?<value>[^}]*))?\}")]
    private static partial Regex Variable();

    [Fact]
    public void The_stack_has_every_service_each_with_an_image_or_a_build()
    {
        Assert.Equal(["api", "elasticsearch", "elasticsearch-setup", "kibana", "kibana-setup", "postgres", "redis"], Compose.Services.Keys.Order(StringComparer.Ordinal));
        Assert.All(Compose.Services, s => Assert.True(Child(s.Value, "image") is not null || Child(s.Value, "build") is not null, $"{s.Key} has neither image nor build"));
        Assert.Equal("Dockerfile", Scalar(((YamlMappingNode)Compose.Services["api"]["build"])["dockerfile"]));
        Assert.StartsWith("docker.elastic.co/elasticsearch/elasticsearch:${ELASTIC_VERSION", Scalar(Compose.Services["elasticsearch"]["image"]), StringComparison.Ordinal);
        Assert.StartsWith("docker.elastic.co/kibana/kibana:${ELASTIC_VERSION", Scalar(Compose.Services["kibana"]["image"]), StringComparison.Ordinal);
        Assert.Equal(("postgres:16", "redis:7"), (Scalar(Compose.Services["postgres"]["image"]), Scalar(Compose.Services["redis"]["image"])));
    }

    [Fact]
    public void Every_long_running_service_has_a_health_check_and_the_one_shots_do_not_restart()
    {
        foreach (var (name, service) in Compose.Services)
        {
            if (OneShots.Contains(name))
            {
                Assert.Equal("no", Scalar(service["restart"]));
                Assert.Null(Child(service, "healthcheck"));
                continue;
            }
            var check = Assert.IsType<YamlMappingNode>(Child(service, "healthcheck"), exactMatch: false);
            var test = Strings(check["test"]);
            Assert.True(test.Count >= 2 && test[0] is "CMD" or "CMD-SHELL", $"{name}: healthcheck test must be CMD or CMD-SHELL with a command");
        }
    }

    [Fact]
    public void Dependencies_wait_for_health_or_completion_so_up_comes_up_in_order()
    {
        foreach (var (name, service) in Compose.Services)
        {
            if (Child(service, "depends_on") is { } deps)
            {
                Assert.IsType<YamlMappingNode>(deps, exactMatch: false);
            }
            foreach (var (dependency, (condition, _)) in DependsOn(service))
            {
                Assert.True(Compose.Services.ContainsKey(dependency), $"{name} depends on unknown {dependency}");
                var expected = OneShots.Contains(dependency) ? "service_completed_successfully" : "service_healthy";
                Assert.Equal(expected, condition);
            }
        }
        Assert.Equal(
            ["elasticsearch", "postgres", "redis"],
            DependsOn(Compose.Services["api"]).Keys.Order(StringComparer.Ordinal));
        Assert.False(DependsOn(Compose.Services["api"])["elasticsearch"].Required, "the cloud profile runs the api without elasticsearch");
        Assert.Equal(["api", "kibana"], DependsOn(Compose.Services["kibana-setup"]).Keys.Order(StringComparer.Ordinal));
        Assert.Contains("elasticsearch-setup", DependsOn(Compose.Services["kibana"]).Keys);
    }

    [Fact]
    public void Every_variable_used_is_defined_in_env_example_with_the_same_default()
    {
        var example = RepoFile.EnvFile(".env.example");
        var used = Variable().Matches(Text).ToList();

        Assert.True(used.Count > 20);
        Assert.All(used, m =>
        {
            var name = m.Groups["name"].Value;
            Assert.True(example.ContainsKey(name), $"${{{name}}} is used in docker-compose.yml but not defined in .env.example");
            if (m.Groups["op"].Value is "-" or ":-" && m.Groups["value"].Value is var inline)
            {
                Assert.True(example[name] == inline, $"{name}: compose default '{inline}' differs from .env.example '{example[name]}'");
            }
        });
        Assert.Equal("local", example["COMPOSE_PROFILES"]);
    }

    [Fact]
    public void The_cloud_profile_runs_only_postgres_redis_and_the_api_against_elastic_cloud()
    {
        var always = Compose.Services.Where(s => Child(s.Value, "profiles") is null).Select(s => s.Key).Order(StringComparer.Ordinal);
        var cloud = RepoFile.EnvFile(".env.cloud");

        Assert.Equal(["api", "postgres", "redis"], always);
        Assert.All(Compose.Services.Where(s => Child(s.Value, "profiles") is not null), s => Assert.Equal(["local"], Strings(s.Value["profiles"])));
        Assert.Equal("cloud", cloud["COMPOSE_PROFILES"]);
        // The API's Elasticsearch options accept exactly one of Urls/CloudId and never a password with an API key.
        Assert.Equal(("", "", ""), (cloud["STACK_ELASTICSEARCH_URL"], cloud["ELASTIC_USERNAME"], cloud["ELASTIC_PASSWORD"]));
        Assert.NotEmpty(cloud["Storage__Elasticsearch__CloudId"]);
        Assert.NotEmpty(cloud["Storage__Elasticsearch__ApiKey"]);
        var api = Environment(Compose.Services["api"]);
        Assert.Equal("${STACK_ELASTICSEARCH_URL-http://elasticsearch:9200}", api["ELASTICSEARCH_URL"]);
        Assert.Equal("${Storage__Elasticsearch__CloudId:-}", api["Storage__Elasticsearch__CloudId"]);
        Assert.Equal("redis:6379", api["Redis__Configuration"]);
        Assert.StartsWith("Host=postgres;Port=5432;", api["Postgres__ConnectionString"], StringComparison.Ordinal);
        Assert.Contains("ADMIN_API_KEY", api.Keys);
    }

    [Fact]
    public void Data_lives_in_named_volumes_and_host_ports_come_from_env()
    {
        var declared = ((YamlMappingNode)Compose.Root["volumes"]).Children.Keys.Select(Scalar).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, service) in Compose.Services)
        {
            foreach (var volume in Strings(Child(service, "volumes")))
            {
                var source = volume.Split(':')[0];
                Assert.True(source.StartsWith("./", StringComparison.Ordinal) || declared.Contains(source), $"{name}: volume '{source}' is not declared");
            }
            foreach (var port in Strings(Child(service, "ports")))
            {
                Assert.Matches(@"^127\.0\.0\.1:\$\{[A-Z_]+:-\d+\}:\d+$", port);
            }
        }
        Assert.Equal(["apidata", "esdata", "kibanadata", "pgdata", "redisdata"], declared.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Elasticsearch_is_single_node_heap_limited_and_its_security_is_set_from_env()
    {
        var es = Environment(Compose.Services["elasticsearch"]);

        Assert.Equal("single-node", es["discovery.type"]);
        Assert.Equal("${ES_SECURITY_ENABLED:-false}", es["xpack.security.enabled"]);
        Assert.Equal("-Xms${ES_HEAP:-1g} -Xmx${ES_HEAP:-1g}", es["ES_JAVA_OPTS"]);
        Assert.Equal("${ES_MEM_LIMIT:-2g}", Scalar(Compose.Services["elasticsearch"]["mem_limit"]));
        Assert.True(File.Exists(RepoFile.PathOf("scripts/elasticsearch-setup.sh")));
        Assert.Equal(["bash", "/foodfast/scripts/kibana-import.sh"], Strings(Compose.Services["kibana-setup"]["entrypoint"]));
    }

    private static Dictionary<string, string> Environment(YamlMappingNode service) => Map(service["environment"]);
}
