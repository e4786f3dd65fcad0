namespace FoodFast.Analytics.Core.Storage;

/// <summary>
/// The store answered, and what it said means this service can never use it as configured (a server version or
/// product it does not support, credentials that lack a privilege). Retrying cannot help: start-up stops with
/// <see cref="Exception.Message"/>, one line naming what was found and what is needed. An unreachable or failing
/// store is not this: that is retried.
/// </summary>
public sealed class StoreRefusedException : Exception
{
    public StoreRefusedException()
    {
    }

    public StoreRefusedException(string message)
        : base(message)
    {
    }

    public StoreRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
