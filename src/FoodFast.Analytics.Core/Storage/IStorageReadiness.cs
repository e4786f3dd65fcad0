namespace FoodFast.Analytics.Core.Storage;

/// <summary>Completes once the schema is applied and the analytics store is ready; background work awaits it.</summary>
public interface IStorageReadiness
{
    Task Ready { get; }
}
