using YamlDotNet.RepresentationModel;
using static FoodFast.Analytics.UnitTests.Deployment.ComposeFile;

namespace FoodFast.Analytics.UnitTests.Deployment;

/// <summary>
/// One pinned Elasticsearch and Kibana version (ELASTIC_VERSION in .env.example) for the compose stack, Elastic Cloud
/// and the workflow that runs the live suite; Elasticsearch 9 only.
/// </summary>
public sealed class StackVersionTests
{
    private static readonly string Pinned = RepoFile.EnvFile(".env.example")["ELASTIC_VERSION"];
    private static readonly YamlMappingNode Workflow = Load(RepoFile.Read(".github/workflows/elasticsearch.yml")).Root;
    private static readonly string[] StackFiles = ["docker-compose.yml", ".env.example", ".env.cloud", ".github/workflows/elasticsearch.yml"];

    [Fact]
    public void The_pin_is_an_exact_9_x_release_at_least_the_clients_minor()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+$", Pinned);
        // Elastic.Clients.Elasticsearch 9.5.x talks to servers of its own minor or newer.
        Assert.True(Version.Parse(Pinned) >= new Version(9, 5, 0) && Version.Parse(Pinned).Major == 9, $"ELASTIC_VERSION {Pinned} is not 9.5 or a later 9.x");
        Assert.Equal(Pinned, RepoFile.EnvFile(".env.cloud")["ELASTIC_VERSION"]);
    }

    [Fact]
    public void Every_elastic_image_of_the_compose_stack_uses_the_pinned_version()
    {
        var services = Load(RepoFile.Read("docker-compose.yml")).Services;
        var expected = new Dictionary<string, string>
        {
            ["elasticsearch"] = "docker.elastic.co/elasticsearch/elasticsearch",
            ["elasticsearch-setup"] = "docker.elastic.co/elasticsearch/elasticsearch",
            ["kibana"] = "docker.elastic.co/kibana/kibana",
            ["kibana-setup"] = "docker.elastic.co/kibana/kibana",
        };

        Assert.All(expected, e => Assert.Equal($"{e.Value}:${{ELASTIC_VERSION:-{Pinned}}}", Scalar(services[e.Key]["image"])));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal),
            services.Where(s => Scalar(Child(s.Value, "image") ?? new YamlScalarNode("")).StartsWith("docker.elastic.co/", StringComparison.Ordinal)).Select(s => s.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_workflow_runs_the_live_suite_on_a_single_node_of_the_pinned_version_and_fails_on_a_skipped_test()
    {
        var job = (YamlMappingNode)((YamlMappingNode)Workflow["jobs"])["test"];
        var service = (YamlMappingNode)((YamlMappingNode)job["services"])["elasticsearch"];
        var serviceEnv = Map(service["env"]);
        var jobEnv = Map(job["env"]);
        var runs = ((YamlSequenceNode)job["steps"]).Children.Select(s => Child((YamlMappingNode)s, "run") is { } run ? Scalar(run) : "").ToList();

        Assert.Equal($"docker.elastic.co/elasticsearch/elasticsearch:{Pinned}", Scalar(service["image"]));
        Assert.Equal(("single-node", "false"), (serviceEnv["discovery.type"], serviceEnv["xpack.security.enabled"]));
        Assert.Equal(("http://localhost:9200", Pinned), (jobEnv["ELASTICSEARCH_URL"], jobEnv["ELASTIC_VERSION"]));
        Assert.Contains(runs, r => r.Contains("version.number", StringComparison.Ordinal) && r.Contains("$ELASTIC_VERSION", StringComparison.Ordinal));
        var live = Assert.Single(runs, r => r.Contains("--filter \"FullyQualifiedName~FoodFast.Analytics.IntegrationTests.Elasticsearch\"", StringComparison.Ordinal));
        Assert.Contains("./scripts/test.sh", live, StringComparison.Ordinal);
        Assert.Contains("0 failed, 0 skipped$' live.log", live, StringComparison.Ordinal);
        Assert.Single(runs, r => r.Contains("--filter \"FullyQualifiedName!~FoodFast.Analytics.IntegrationTests.Elasticsearch\"", StringComparison.Ordinal));
    }

    [Fact]
    public void No_stack_file_mentions_OpenSearch()
    {
        Assert.All(StackFiles, f => Assert.DoesNotContain("opensearch", RepoFile.Read(f), StringComparison.OrdinalIgnoreCase));
    }
}
