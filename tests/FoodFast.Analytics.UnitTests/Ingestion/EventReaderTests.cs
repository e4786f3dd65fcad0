using System.Text.Json;
using FoodFast.Analytics.Core.Events;
using FoodFast.Analytics.Core.Ingestion.Validation;
using FoodFast.Analytics.Core.Validation;

namespace FoodFast.Analytics.UnitTests.Ingestion;

public sealed class EventReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
    private static readonly ValidationRules Rules = new(Now, TimeSpan.FromMinutes(5), Now.AddYears(-1));

    private static (ActivityEvent? Event, List<FieldProblem> Problems) Read(string json)
    {
        var problems = new List<FieldProblem>();
        return (EventReader.Read(JsonDocument.Parse(json).RootElement, Rules, problems), problems);
    }

    [Fact]
    public void A_search_event_infers_its_category_and_keeps_its_fields()
    {
        var (activity, problems) = Read("""
            {"shopId":"s","eventId":"5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10","occurredAt":"2026-11-21T11:00:00Z","type":"search",
             "query":"hafermilch","resultsCount":0,"properties":{"ab":"b","n":3}}
            """);

        Assert.Empty(problems);
        Assert.Equal(EventCategory.User, activity!.Category);
        Assert.Equal(0, activity.ResultsCount);
        Assert.Equal(3, activity.Properties!["n"].GetInt32());
    }

    [Theory]
    [InlineData("supplier_updated", "supplierId", "\"sup-7\"", "sup-7")]
    [InlineData("purchase_created", "purchaseId", "\"po-1\"", "po-1")]
    [InlineData("purchase_received", "purchaseId", "1042", "1042")]
    public void Supply_events_are_product_events_and_keep_their_reference(string type, string key, string value, string expected)
    {
        var (activity, problems) = Read($$$"""
            {"shopId":"s","eventId":"5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10","occurredAt":"2026-11-21T11:00:00Z","type":"{{{type}}}","properties":{"{{{key}}}":{{{value}}}}}
            """);

        Assert.Empty(problems);
        Assert.Equal(EventCategory.Product, activity!.Category);
        Assert.Equal(expected, SupplyReferences.Text(activity.Properties, key));
    }

    [Theory]
    [InlineData("supplier_updated", "", "properties.supplierId")]
    [InlineData("purchase_created", ",\"properties\":{\"supplierId\":\"sup-7\"}", "properties.purchaseId")]
    [InlineData("purchase_received", ",\"properties\":{\"purchaseId\":\"\"}", "properties.purchaseId")]
    public void Supply_events_without_their_reference_are_rejected_naming_the_property(string type, string properties, string field)
    {
        var (activity, problems) = Read($$$"""
            {"shopId":"s","eventId":"5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10","occurredAt":"2026-11-21T11:00:00Z","type":"{{{type}}}"{{{properties}}}}
            """);

        Assert.Null(activity);
        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
        Assert.Equal($"is required for {type} events (a string or number)", problem.Message);
    }

    [Fact]
    public void Price_is_read_as_value()
    {
        var (activity, _) = Read("""{"shopId":"s","eventId":"5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10","occurredAt":"2026-11-21T11:00:00Z","type":"add_to_cart","price":2.49}""");

        Assert.Equal(2.49m, activity!.Value);
    }

    [Fact]
    public void Nested_properties_an_empty_uuid_and_a_bad_rating_are_each_named()
    {
        var (activity, problems) = Read("""
            {"shopId":"s","eventId":"00000000-0000-0000-0000-000000000000","occurredAt":"2026-11-21T11:00:00Z","type":"review",
             "rating":6,"properties":{"deep":{"x":1}}}
            """);

        Assert.Null(activity);
        Assert.Equal(
            [new FieldProblem("eventId", "must be a non-empty UUID such as 5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10"),
             new FieldProblem("rating", "must be between 1 and 5, got 6"),
             new FieldProblem("properties.deep", "must be a string or a number (properties are a flat map)")],
            problems);
    }

    [Fact]
    public void Too_many_property_keys_are_rejected()
    {
        var properties = string.Join(",", Enumerable.Range(0, ValidationRules.DefaultMaxPropertyKeys + 1).Select(i => $"\"k{i}\":{i}"));

        var json = "{\"shopId\":\"s\",\"eventId\":\"5b6f3c0e-8d7e-4a52-9c8e-2f8b1f7a9e10\",\"occurredAt\":\"2026-11-21T11:00:00Z\",\"type\":\"login\",\"properties\":{" + properties + "}}";

        var (_, problems) = Read(json);

        Assert.Equal([new FieldProblem("properties", "must have at most 50 keys (the limit Ingestion:MaxPropertyKeys)")], problems);
    }
}
