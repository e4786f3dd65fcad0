using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FoodFast.Analytics.ServiceData.ReportJobs;

/// <summary>The EF mapping of <c>report_jobs</c> (Migrations/service/0004, 0005, 0006): columns in snake_case.</summary>
internal sealed class ReportJobConfiguration : IEntityTypeConfiguration<ReportJobRecord>
{
    public void Configure(EntityTypeBuilder<ReportJobRecord> job)
    {
        job.ToTable("report_jobs");
        job.Property(j => j.Id).ValueGeneratedNever();
        job.Property(j => j.Parameters).HasColumnType("jsonb");
        job.Property(j => j.Delivery).HasColumnType("jsonb");
        job.Property(j => j.SizeBytes).HasColumnName("size_bytes");
        job.Property(j => j.Sha256).HasColumnName("sha256");
        SnakeCaseColumns.Apply(job.Metadata);
    }
}

/// <summary>The EF mapping of <c>report_schedules</c> (Migrations/service/0004, 0005).</summary>
internal sealed class ReportScheduleConfiguration : IEntityTypeConfiguration<ReportScheduleRecord>
{
    public void Configure(EntityTypeBuilder<ReportScheduleRecord> schedule)
    {
        schedule.ToTable("report_schedules");
        schedule.Property(s => s.Id).ValueGeneratedNever();
        schedule.Property(s => s.Parameters).HasColumnType("jsonb");
        schedule.Property(s => s.Delivery).HasColumnType("jsonb");
        SnakeCaseColumns.Apply(schedule.Metadata);
    }
}
