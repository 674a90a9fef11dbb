using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FreeGpuPortal.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class CatalogChinese : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TitleZh",
                table: "PlatformSources",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "ConsZh",
                table: "Platforms",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "CpuCount_NoteZh",
                table: "Platforms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "GettingStartedZh",
                table: "Platforms",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "GpuAvailabilityNoteZh",
                table: "Platforms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdleTimeoutMinutes_NoteZh",
                table: "Platforms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MaxSessionHours_NoteZh",
                table: "Platforms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "ProsZh",
                table: "Platforms",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "RamGb_NoteZh",
                table: "Platforms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StorageGb_NoteZh",
                table: "Platforms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StorageNoteZh",
                table: "Platforms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SummaryZh",
                table: "Platforms",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WeeklyGpuHours_NoteZh",
                table: "Platforms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WeeklyQuotaResetRuleZh",
                table: "Platforms",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoteZh",
                table: "PlatformGpus",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoteZh",
                table: "PlatformFeatures",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoteZh",
                table: "GpuModels",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "Features",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "Features",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TitleZh",
                table: "PlatformSources");

            migrationBuilder.DropColumn(
                name: "ConsZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "CpuCount_NoteZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "GettingStartedZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "GpuAvailabilityNoteZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "IdleTimeoutMinutes_NoteZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "MaxSessionHours_NoteZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "ProsZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "RamGb_NoteZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "StorageGb_NoteZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "StorageNoteZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "SummaryZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "WeeklyGpuHours_NoteZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "WeeklyQuotaResetRuleZh",
                table: "Platforms");

            migrationBuilder.DropColumn(
                name: "NoteZh",
                table: "PlatformGpus");

            migrationBuilder.DropColumn(
                name: "NoteZh",
                table: "PlatformFeatures");

            migrationBuilder.DropColumn(
                name: "NoteZh",
                table: "GpuModels");

            migrationBuilder.DropColumn(
                name: "DescriptionZh",
                table: "Features");

            migrationBuilder.DropColumn(
                name: "NameZh",
                table: "Features");
        }
    }
}
