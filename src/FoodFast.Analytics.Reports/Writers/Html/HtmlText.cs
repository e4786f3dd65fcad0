using System.Text;

namespace FoodFast.Analytics.Reports.Writers.Html;

/// <summary>
/// Encodes text for HTML content and double-quoted attributes. Only the five markup characters are replaced,
/// so "Käsespätzle", "+4.2 %" and "抹茶" stay readable in the source (the framework's encoders escape those too).
/// </summary>
internal static class HtmlText
{
    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }
        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return encoded.ToString();
    }
}
