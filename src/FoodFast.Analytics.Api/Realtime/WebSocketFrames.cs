namespace FoodFast.Analytics.Api.Realtime;

/// <summary>
/// Server-to-client WebSocket frames (RFC 6455 §5.2) built once per message and shared by every client of the room:
/// a final, unmasked text frame is a 2-, 4- or 10-byte header and the payload.
/// </summary>
public static class WebSocketFrames
{
    private const byte FinalText = 0x81;

    public static byte[] Text(ReadOnlySpan<byte> payload)
    {
        var header = payload.Length switch
        {
            < 126 => 2,
            <= ushort.MaxValue => 4,
            _ => 10,
        };
        var frame = new byte[header + payload.Length];
        frame[0] = FinalText;
        switch (header)
        {
            case 2:
                frame[1] = (byte)payload.Length;
                break;
            case 4:
                frame[1] = 126;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
                break;
            default:
                frame[1] = 127;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)payload.Length);
                break;
        }
        payload.CopyTo(frame.AsSpan(header));
        return frame;
    }
}
