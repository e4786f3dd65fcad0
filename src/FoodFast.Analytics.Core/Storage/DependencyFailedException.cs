using FoodFast.Analytics.Core.Observability;

namespace FoodFast.Analytics.Core.Storage;

/// <summary>
/// A call to a dependency failed: the analytics store (Postgres or Elasticsearch) or the ingest log. Each adapter turns
/// its driver's failures into this, so nothing outside an adapter knows which database answered. The message is the
/// driver's; <see cref="Unavailable"/> says whether it was an outage (no answer, a time-out, an overloaded or failing
/// server), which the API answers with a 503 naming <see cref="Dependency"/>.
/// </summary>
public class DependencyFailedException : Exception
{
    public DependencyFailedException(string dependency, string step, string message, bool unavailable, Exception? inner = null)
        : base(message, inner)
    {
        Dependency = dependency;
        Step = step;
        Unavailable = unavailable;
    }

    public DependencyFailedException()
        : this(Dependencies.Postgres, "request", "the dependency failed", unavailable: true)
    {
    }

    public DependencyFailedException(string message)
        : this(Dependencies.Postgres, "request", message, unavailable: true)
    {
    }

    public DependencyFailedException(string message, Exception inner)
        : this(Dependencies.Postgres, "request", message, unavailable: true, inner)
    {
    }

    /// <summary>As <see cref="Dependencies"/> names it: <c>postgres</c>, <c>elasticsearch</c>.</summary>
    public string Dependency { get; }

    /// <summary>What was being done: the store face's step (<c>aggregate</c>, <c>erasure</c>) or the request's operation.</summary>
    public string Step { get; }

    /// <summary>The dependency could not answer (try again later), rather than answered with an error.</summary>
    public bool Unavailable { get; }
}
