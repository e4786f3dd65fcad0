using System.Text.Json;
using FoodFast.Analytics.Api.Errors;
using FoodFast.Analytics.Api.Queries;
using FoodFast.Analytics.Api.Security.Auditing;
using FoodFast.Analytics.Api.Security;
using FoodFast.Analytics.Core.Wire;
using FoodFast.Analytics.Reports.Delivery;
using FoodFast.Analytics.Reports.Jobs;
using FoodFast.Analytics.Reports.Schedules;
using FoodFast.Analytics.Reports.Writers;
using FoodFast.Analytics.ServiceData.ReportJobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FoodFast.Analytics.Api.Reports;

/// <summary>
/// <c>/api/v1/report-schedules</c>: reports produced on a Quartz cron in an IANA zone. Each firing queues a report job
/// with the schedule's id (GET /api/v1/reports?scheduleId=...). Another shop's schedule answers 404.
/// </summary>
internal static class ReportSchedulesApi
{
    public static void MapReportSchedulesApi(this IEndpointRouteBuilder app)
    {
        var schedules = app.MapGroup("/report-schedules").WithTags("Report schedules");
        schedules.MapPost("", Create).WithName("CreateReportSchedule").Audited("report_schedule.create")
            .WithSummary("Creates a schedule (name, kind, format, parameters, cron, timeZone); 201 with its next firing.");
        schedules.MapGet("", List).WithName("ListReportSchedules").WithSummary("The schedules, newest first, with their next firing.");
        schedules.MapGet("/{id:guid}", Get).WithName("GetReportSchedule").ProducesProblem(404);
        schedules.MapMethods("/{id:guid}", ["PATCH"], Update).WithName("UpdateReportSchedule").Audited("report_schedule.update")
            .WithSummary("Changes the given fields; enabled=false stops the firings.").ProducesProblem(404);
        schedules.MapDelete("/{id:guid}", Delete).WithName("DeleteReportSchedule").Audited("report_schedule.delete").ProducesProblem(404);
    }

    public static async Task<Results<Created<ScheduleResponse>, ValidationProblem>> Create(CreateScheduleRequest request, Caller caller, ReportScheduleStore store, ReportScheduler scheduler,
        ReportWriters writers, IOptions<DeliveryOptions> delivery, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var schedule = new ReportScheduleRecord
        {
            Id = Guid.CreateVersion7(), ShopId = caller.ResolveShop(request.ShopId), Name = request.Name ?? "", Kind = request.Kind ?? "",
            Format = request.Format ?? "", Parameters = Serialize(request.Parameters), Cron = request.Cron ?? "", TimeZone = request.TimeZone ?? "UTC",
            Enabled = request.Enabled ?? true, CreatedBy = caller.Id, CreatedAt = now, UpdatedAt = now, Delivery = DeliveryJson.Write(request.Delivery),
        };
        var problems = ScheduleValidation.Check(schedule, writers, delivery.Value, time.GetUtcNow());
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems, "Invalid report request");
        }
        await store.AddAsync(schedule, cancellationToken);
        var next = await scheduler.ScheduleAsync(schedule, cancellationToken);
        return TypedResults.Created($"/api/v1/report-schedules/{schedule.Id}", ScheduleResponse.From(schedule, next));
    }

    public static async Task<Ok<List<ScheduleResponse>>> List(Caller caller, [AsParameters] ShopSelection shop, ReportScheduleStore store, ReportScheduler scheduler, CancellationToken cancellationToken)
    {
        var responses = new List<ScheduleResponse>();
        foreach (var schedule in await store.ListAsync(caller.ResolveShop(shop.ShopId), cancellationToken))
        {
            responses.Add(ScheduleResponse.From(schedule, await scheduler.NextFireAsync(schedule.Id, cancellationToken)));
        }
        return TypedResults.Ok(responses);
    }

    public static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, ReportScheduleStore store, ReportScheduler scheduler, CancellationToken cancellationToken) =>
        await store.FindAsync(id, caller.ShopId, cancellationToken) is { } schedule
            ? TypedResults.Ok(ScheduleResponse.From(schedule, await scheduler.NextFireAsync(id, cancellationToken)))
            : NotFound(id);

    public static async Task<Results<Ok<ScheduleResponse>, ValidationProblem, ProblemHttpResult>> Update(Guid id, UpdateScheduleRequest request, Caller caller, ReportScheduleStore store, ReportScheduler scheduler,
        ReportWriters writers, IOptions<DeliveryOptions> delivery, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, caller.ShopId, cancellationToken) is not { } schedule)
        {
            return NotFound(id);
        }
        schedule.Name = request.Name ?? schedule.Name;
        schedule.Kind = request.Kind ?? schedule.Kind;
        schedule.Format = request.Format ?? schedule.Format;
        schedule.Parameters = request.Parameters is null ? schedule.Parameters : Serialize(request.Parameters);
        schedule.Cron = request.Cron ?? schedule.Cron;
        schedule.TimeZone = request.TimeZone ?? schedule.TimeZone;
        schedule.Enabled = request.Enabled ?? schedule.Enabled;
        schedule.Delivery = request.Delivery is null ? schedule.Delivery : DeliveryJson.Write(request.Delivery);
        schedule.UpdatedAt = time.GetUtcNow();
        var problems = ScheduleValidation.Check(schedule, writers, delivery.Value, time.GetUtcNow());
        if (problems.Count > 0)
        {
            return FieldProblems.Invalid(problems, "Invalid report request");
        }
        await store.UpdateAsync(schedule, cancellationToken);
        return TypedResults.Ok(ScheduleResponse.From(schedule, await scheduler.ScheduleAsync(schedule, cancellationToken)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, Caller caller, ReportScheduleStore store, ReportScheduler scheduler, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(id, caller.ShopId, cancellationToken))
        {
            return NotFound(id);
        }
        await scheduler.UnscheduleAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static string Serialize(FoodFast.Analytics.Reports.Definitions.ReportParameters? parameters) =>
        JsonSerializer.Serialize(parameters ?? new FoodFast.Analytics.Reports.Definitions.ReportParameters(), WireJson.Options);

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Schedule not found", detail: $"There is no report schedule {id} for you.",
            extensions: new Dictionary<string, object?> { ["field"] = "id" });
}
