using System.Text.Json.Serialization;

namespace FoodFast.Analytics.Elasticsearch.Connection;

/// <summary>Our documents in their stored JSON form, used to estimate each bulk item's size (the client's source serializer writes the same).</summary>

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(Documents.OrderDocument))]
[JsonSerializable(typeof(Documents.OrderLineDocument))]
[JsonSerializable(typeof(Documents.EventDocument))]
internal sealed partial class EsJson : JsonSerializerContext;
