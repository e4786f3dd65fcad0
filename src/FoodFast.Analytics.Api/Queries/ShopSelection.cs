using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace FoodFast.Analytics.Api.Queries;

/// <summary>The shop of an endpoint without a time window; narrowed to the caller's shop like <see cref="Window"/>.</summary>
public sealed record ShopSelection([property: FromQuery(Name = "shopId"), Description("Shop to read. Callers bound to a shop can only name their own.")] string? ShopId);
