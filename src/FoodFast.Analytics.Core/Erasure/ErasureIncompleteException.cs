namespace FoodFast.Analytics.Core.Erasure;

/// <summary>
/// The store could not finish an erasure (documents changed while it ran, a time-out, a failed batch). What was done
/// stays done and running it again is safe: it only touches what still carries the customer's identity. The message
/// names the step and the store's reason, never the customer.
/// </summary>
public sealed class ErasureIncompleteException : Exception
{
    public ErasureIncompleteException(string step, string reason)
        : base($"The erasure stopped at '{step}': {reason}. Run it again; it only touches what still carries the customer's identity.")
    {
        Step = step;
        Reason = reason;
    }

    public ErasureIncompleteException()
        : this("erasure", "unknown")
    {
    }

    public ErasureIncompleteException(string message)
        : this("erasure", message)
    {
    }

    public ErasureIncompleteException(string message, Exception inner)
        : base(message, inner)
    {
        Step = "erasure";
        Reason = message;
    }

    public string Step { get; }

    public string Reason { get; }
}
