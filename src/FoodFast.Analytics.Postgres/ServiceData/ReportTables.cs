using Microsoft.EntityFrameworkCore;

namespace FoodFast.Analytics.Postgres.ServiceData;

/// <summary>The EF mapping of <c>report_jobs</c> and <c>report_schedules</c> (Migrations/service/0004, 0005): columns in snake_case.</summary>
internal static class ReportTables
{
    public static void Map(ModelBuilder model)
    {
        model.Entity<ReportJobRecord>(job =>
        {
            job.ToTable("report_jobs");
            job.Property(j => j.Id).ValueGeneratedNever();
            job.Property(j => j.Parameters).HasColumnType("jsonb");
            job.Property(j => j.Delivery).HasColumnType("jsonb");
            job.Property(j => j.SizeBytes).HasColumnName("size_bytes");
            job.Property(j => j.Sha256).HasColumnName("sha256");
            SnakeCaseColumns.Apply(job.Metadata);
        });
        model.Entity<ReportScheduleRecord>(schedule =>
        {
            schedule.ToTable("report_schedules");
            schedule.Property(s => s.Id).ValueGeneratedNever();
            schedule.Property(s => s.Parameters).HasColumnType("jsonb");
            schedule.Property(s => s.Delivery).HasColumnType("jsonb");
            SnakeCaseColumns.Apply(schedule.Metadata);
        });
    }
}
