using System.Globalization;

namespace FoodFast.Analytics.UnitTests.Elasticsearch.Support;

/// <summary>
/// Whole answers of the cluster-level APIs, field for field as Elasticsearch 9 sends them (checked against the REST
/// API YAML tests <c>info/10_info.yml</c> and <c>cluster.health/10_basic.yml</c> and the API documentation's examples;
/// docs/elasticsearch.md, "Response fixtures").
/// </summary>
public static class ClusterAnswers
{
    /// <summary><c>GET /</c>.</summary>
    public static string Info(string number = "9.2.0", string lucene = "10.3.1", string minimumWire = "8.19.0", string minimumIndex = "8.0.0") =>
        $$"""{"name":"node-1","cluster_name":"docker-cluster","cluster_uuid":"Xo6MjYq5TbK1Ewvn7z4yZw","version":{"number":"{{number}}","build_flavor":"default","build_type":"docker","build_hash":"25d88452371273dd27356c98598287b669a03eae","build_date":"2025-10-21T10:06:21.288851013Z","build_snapshot":false,"lucene_version":"{{lucene}}","minimum_wire_compatibility_version":"{{minimumWire}}","minimum_index_compatibility_version":"{{minimumIndex}}"},"tagline":"You Know, for Search"}""";

    /// <summary><c>GET /_cluster/health</c> of a one-node cluster.</summary>
    public static string Health(string status, int unassigned = 0)
    {
        var active = 5;
        var percent = (100.0 * active / (active + unassigned)).ToString("R", CultureInfo.InvariantCulture);
        return $$"""{"cluster_name":"docker-cluster","status":"{{status}}","timed_out":false,"number_of_nodes":1,"number_of_data_nodes":1,"active_primary_shards":{{active}},"active_shards":{{active}},"relocating_shards":0,"initializing_shards":0,"unassigned_shards":{{unassigned}},"unassigned_primary_shards":0,"delayed_unassigned_shards":0,"number_of_pending_tasks":0,"number_of_in_flight_fetch":0,"task_max_waiting_in_queue_millis":0,"active_shards_percent_as_number":{{percent}}}""";
    }
}
