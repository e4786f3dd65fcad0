using System.Text.Json;
using FoodFast.Analytics.Core.Queries;
using FoodFast.Analytics.Core.Validation;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.Reports.Definitions;
using FoodFast.Analytics.Reports.Delivery;
using FoodFast.Analytics.Reports.Writers;
using FoodFast.Analytics.ServiceData.ReportJobs;

namespace FoodFast.Analytics.Api.Reports;

/// <param name="Name">What the schedule is for, shown in listings.</param>
/// <param name="Kind">A report kind, as for POST /api/v1/reports.</param>
/// <param name="Format">csv, xlsx, pdf, html or json.</param>
/// <param name="Parameters">Each run's parameters; without from/to a run covers the days before it (days, or the kind's default).</param>
/// <param name="Cron">Quartz cron (seconds first): <c>0 0 6 * * ?</c> is every day at 06:00.</param>
/// <param name="TimeZone">IANA zone the cron is read in, e.g. Europe/Berlin. Default UTC.</param>
/// <param name="ShopId">The shop; callers bound to a shop can only name their own.</param>
/// <param name="Enabled">Default true.</param>
/// <param name="Delivery">Where each run's report is sent: e-mail (<c>to</c>) or webhook (<c>url</c>, <c>secret</c>); at most 10 targets.</param>
public sealed record CreateScheduleRequest(string? Name, string? Kind, string? Format, ReportParameters? Parameters, string? Cron, string? TimeZone,
    string? ShopId, bool? Enabled, IReadOnlyList<DeliveryTarget>? Delivery = null);

/// <summary>Only the fields given change; <c>delivery</c> replaces the whole list (<c>[]</c> removes every target).</summary>
public sealed record UpdateScheduleRequest(string? Name, string? Kind, string? Format, ReportParameters? Parameters, string? Cron, string? TimeZone, bool? Enabled,
    IReadOnlyList<DeliveryTarget>? Delivery = null);

/// <param name="Delivery">The delivery targets, without their secrets.</param>
public sealed record ScheduleResponse(Guid Id, string? ShopId, string Name, string Kind, string Format, ReportParameters Parameters, string Cron,
    string TimeZone, bool Enabled, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? NextFireAt,
    IReadOnlyList<DeliveryTarget> Delivery)
{
    internal static ScheduleResponse From(ReportScheduleRecord s, DateTimeOffset? next) => new(
        s.Id, s.ShopId, s.Name, s.Kind, s.Format, ParametersOf(s), s.Cron, s.TimeZone, s.Enabled, s.CreatedBy, s.CreatedAt, s.UpdatedAt, next,
        DeliveryJson.Targets(s.Delivery).Select(t => t.Public()).ToList());

    internal static ReportParameters ParametersOf(ReportScheduleRecord s) =>
        JsonSerializer.Deserialize<ReportParameters>(s.Parameters, WireJson.Options) ?? new ReportParameters();
}

internal static class ScheduleValidation
{
    /// <summary>The report fields as for a report request (delivery included), plus the cron expression, the zone and the name.</summary>
    public static List<FieldProblem> Check(ReportScheduleRecord s, ReportWriters writers, DeliveryOptions delivery, DateTimeOffset now)
    {
        var problems = ReportValidation.Check(s.Kind, s.Format, ScheduleResponse.ParametersOf(s), writers);
        problems.AddRange(DeliveryValidation.Check(DeliveryJson.Targets(s.Delivery), delivery.WebhookSecret is not null, delivery.AllowPrivateNetworkWebhooks));
        if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Length > 200 || !Patterns.IsStorableText(s.Name))
        {
            problems.Add(new("name", "must be 1 to 200 characters of valid Unicode text without NUL"));
        }
        var zoneKnown = IanaTimeZone.IsValid(s.TimeZone);
        if (!Quartz.CronExpression.TryParse(s.Cron, out _))
        {
            problems.Add(new("cron", $"'{s.Cron}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week), e.g. '0 0 6 * * ?'"));
        }
        else if (new Quartz.CronExpression(s.Cron).GetNextValidTimeAfter(now) is null)
        {
            problems.Add(new("cron", $"'{s.Cron}' never fires after {now:O} (a year in the past?)"));
        }
        if (!zoneKnown)
        {
            problems.Add(new("timeZone", IanaTimeZone.Problem(s.TimeZone)));
        }
        return problems;
    }
}
