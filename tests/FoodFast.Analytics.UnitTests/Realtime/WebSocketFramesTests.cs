using System.Net.WebSockets;
using FoodFast.Analytics.Api.Realtime;

namespace FoodFast.Analytics.UnitTests.Realtime;

/// <summary>Frames the live feed builds once per message, read back by .NET's own WebSocket client as the oracle.</summary>
public sealed class WebSocketFramesTests
{
    [Fact]
    public async Task Frames_of_every_header_size_written_back_to_back_read_as_separate_text_messages()
    {
        int[] lengths = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];
        var payloads = lengths.Select(n => Enumerable.Range(0, n).Select(i => (byte)('a' + (i % 26))).ToArray()).ToList();
        var wire = new MemoryStream();
        var transport = new WebSocketTransportStream(wire);
        await transport.WriteFramesAsync(payloads.Select(p => WebSocketFrames.Text(p)).ToList(), TestContext.Current.CancellationToken);
        wire.Position = 0;
        using var client = WebSocket.CreateFromStream(wire, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });

        foreach (var payload in payloads)
        {
            var received = new MemoryStream();
            var buffer = new byte[4096];
            ValueWebSocketReceiveResult result;
            do
            {
                result = await client.ReceiveAsync(buffer.AsMemory(), TestContext.Current.CancellationToken);
                Assert.Equal(WebSocketMessageType.Text, result.MessageType);
                received.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            Assert.Equal(payload, received.ToArray());
        }
        Assert.Equal(wire.Length, wire.Position);
    }
}
