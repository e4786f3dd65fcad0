using System.Text.Json;

namespace FoodFast.Analytics.Core.Wire;

/// <summary>A JSON value the wire converters refuse, with what they expect there (the serializer adds the path).</summary>
public sealed class WireValueException(string message, string expected) : JsonException(message)
{
    public string Expected { get; } = expected;
}
