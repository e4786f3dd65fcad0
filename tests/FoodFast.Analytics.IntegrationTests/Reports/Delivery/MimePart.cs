using System.Text;
using System.Text.RegularExpressions;

namespace FoodFast.Analytics.IntegrationTests.Reports.Delivery;

/// <summary>A small MIME reader (RFC 2045-2047) for what SmtpClient writes: headers, multipart bodies, base64 and quoted-printable.</summary>
public sealed partial record MimePart(IReadOnlyDictionary<string, string> Headers, string RawBody, IReadOnlyList<MimePart> Parts)
{
    public static MimePart Parse(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 4)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && last is not null)
            {
                headers[last] += " " + line.Trim(); // a folded header continues
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }
        var parts = new List<MimePart>();
        if (headers.TryGetValue("Content-Type", out var type) && type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = "--" + Parameter(type, "boundary");
            foreach (var chunk in body.Split(boundary).Skip(1))
            {
                if (!chunk.StartsWith("--", StringComparison.Ordinal))
                {
                    parts.Add(Parse(chunk.TrimStart('\r', '\n')));
                }
            }
        }
        return new MimePart(headers, body, parts);
    }

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? DecodeWords(value) : "";

    /// <summary>The decoded content of this part.</summary>
    public byte[] Content => (Headers.GetValueOrDefault("Content-Transfer-Encoding") ?? "").ToLowerInvariant() switch
    {
        "base64" => Convert.FromBase64String(string.Concat(RawBody.Where(c => !char.IsWhiteSpace(c)))),
        "quoted-printable" => QuotedPrintable(RawBody),
        _ => Encoding.Latin1.GetBytes(RawBody),
    };

    public string Text => Encoding.UTF8.GetString(Content);

    /// <summary>Every leaf part, depth first (the message itself when it is not multipart).</summary>
    public IEnumerable<MimePart> Leaves() => Parts.Count == 0 ? [this] : Parts.SelectMany(p => p.Leaves());

    public static string Parameter(string header, string name) =>
        Regex.Match(header, $"{name}=\"?([^\";]+)\"?", RegexOptions.IgnoreCase).Groups[1].Value;

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var soft = text.Replace("=\r\n", "", StringComparison.Ordinal);
        for (var i = 0; i < soft.Length; i++)
        {
            if (soft[i] == '=' && i + 2 < soft.Length && Uri.IsHexDigit(soft[i + 1]) && Uri.IsHexDigit(soft[i + 2]))
            {
                bytes.Add(Convert.ToByte(soft.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)soft[i]);
            }
        }
        return [.. bytes];
    }

    /// <summary>RFC 2047 encoded words (<c>=?utf-8?B?...?=</c>, <c>=?utf-8?Q?...?=</c>) in a header value.</summary>
    private static string DecodeWords(string value) => EncodedWord().Replace(BetweenWords().Replace(value, "?==?"), m =>
    {
        var encoding = Encoding.GetEncoding(m.Groups[1].Value);
        var data = m.Groups[3].Value;
        return m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? encoding.GetString(Convert.FromBase64String(data))
            : encoding.GetString(QuotedPrintable(data.Replace('_', ' ')));
    });

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    /// <summary>White space between two encoded words is not part of the text (RFC 2047 section 6.2).</summary>
    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();
}
