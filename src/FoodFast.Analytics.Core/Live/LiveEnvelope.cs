using System.Text.Json;

namespace FoodFast.Analytics.Core.Live;

/// <summary>A serialized message with what routing needs: its shop, type and aimed-at user, and the JSON clients get.</summary>
public sealed record LiveEnvelope(string ShopId, string Type, byte[] Json)
{
    public string? UserId { get; init; }

    /// <summary>
    /// The envelope of a message heard from another instance: reads the top-level <c>type</c> and <c>userId</c>, stopping
    /// at <c>data</c> (written last), so routing does not parse the payload. Null when the JSON has no type.
    /// </summary>
    public static LiveEnvelope? Read(string shopId, byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        string? type = null, userId = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("data"u8))
            {
                break;
            }
            var isType = reader.ValueTextEquals("type"u8);
            var isUser = !isType && reader.ValueTextEquals("userId"u8);
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                reader.Skip();
            }
            else if (isType)
            {
                type = reader.GetString();
            }
            else if (isUser)
            {
                userId = reader.GetString();
            }
        }
        return type is null ? null : new LiveEnvelope(shopId, type, json) { UserId = userId };
    }
}
