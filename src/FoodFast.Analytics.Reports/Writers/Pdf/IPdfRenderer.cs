namespace FoodFast.Analytics.Reports.Writers.Pdf;

/// <summary>
/// Prints an HTML file to PDF. Today a Chromium process per report (<see cref="ChromiumPdfRenderer"/>);
/// a long-lived browser can take its place behind this port.
/// </summary>
public interface IPdfRenderer
{
    /// <summary>Prints <paramref name="htmlPath"/> (a local file; its page CSS decides size and margins) into <paramref name="destination"/>.</summary>
    /// <exception cref="PdfRenderingException">The renderer is missing, failed or timed out.</exception>
    Task RenderAsync(string htmlPath, Stream destination, CancellationToken cancellationToken);
}

/// <summary>A PDF could not be printed; the message says why in words a person can act on.</summary>
public sealed class PdfRenderingException : Exception
{
    public PdfRenderingException(string message)
        : base(message)
    {
    }

    public PdfRenderingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PdfRenderingException()
    {
    }
}
