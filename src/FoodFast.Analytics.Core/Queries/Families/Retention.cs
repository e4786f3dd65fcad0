namespace FoodFast.Analytics.Core.Queries.Families;

/// <summary>
/// Cohorts of customers by the period (month or ISO week, in the time zone) of their first order in the shop,
/// for first orders within [From, To); for each cohort, how many of its customers ordered in each following
/// period (offset 0 is the cohort's own period), up to <see cref="Periods"/> offsets.
/// </summary>
public sealed record RetentionQuery(string? ShopId, DateTimeOffset From, DateTimeOffset To, string TimeZone, TimeBucket Period, int Periods);

/// <param name="Cohort">Key of the cohort's period (<c>2026-10-01</c> for October, the Monday for weeks).</param>
/// <param name="Active">Customers active at offsets 0, 1, 2, ... (offsets still in the future are left out).</param>
/// <param name="Rates">Active / Size, per offset.</param>
public sealed record RetentionCohort(string Cohort, long Size, IReadOnlyList<long> Active, IReadOnlyList<decimal> Rates);

public sealed record RetentionResult(string Period, IReadOnlyList<RetentionCohort> Cohorts, ResultMeta Meta);
