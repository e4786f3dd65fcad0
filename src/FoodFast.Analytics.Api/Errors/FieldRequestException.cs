namespace FoodFast.Analytics.Api.Errors;

/// <summary>
/// A request the service refuses because of one named input: the field (a query parameter or a body's JSON path),
/// what was received and what is expected. <see cref="ClientErrorHandler"/> turns it into a 400 problem.
/// </summary>
public class FieldRequestException(string field, string message, string? received = null, string? expected = null,
    int statusCode = StatusCodes.Status400BadRequest, Exception? inner = null)
    : BadHttpRequestException(message, statusCode, inner!)
{
    public string Field { get; } = field;

    public string? Received { get; } = received;

    public string? Expected { get; } = expected;
}
