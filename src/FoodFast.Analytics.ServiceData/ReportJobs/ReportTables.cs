using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FoodFast.Analytics.ServiceData.ReportJobs;

/// <summary><c>report_jobs</c> (Migrations/service/0004, 0005, 0006).</summary>
internal sealed class ReportJobConfiguration() : ServiceTable<ReportJobRecord>("report_jobs")
{
    protected override void Map(EntityTypeBuilder<ReportJobRecord> job)
    {
        job.Property(j => j.Id).ValueGeneratedNever();
        job.Property(j => j.Parameters).HasColumnType("jsonb");
        job.Property(j => j.Delivery).HasColumnType("jsonb");
    }
}

/// <summary><c>report_schedules</c> (Migrations/service/0004, 0005).</summary>
internal sealed class ReportScheduleConfiguration() : ServiceTable<ReportScheduleRecord>("report_schedules")
{
    protected override void Map(EntityTypeBuilder<ReportScheduleRecord> schedule)
    {
        schedule.Property(s => s.Id).ValueGeneratedNever();
        schedule.Property(s => s.Parameters).HasColumnType("jsonb");
        schedule.Property(s => s.Delivery).HasColumnType("jsonb");
    }
}
