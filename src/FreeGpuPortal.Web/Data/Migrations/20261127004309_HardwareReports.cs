using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FreeGpuPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class HardwareReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SubmittedReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlatformId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RawText = table.Column<string>(type: "TEXT", nullable: false),
                    GpuName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GpuMemoryMiB = table.Column<int>(type: "INTEGER", nullable: true),
                    GpuCount = table.Column<int>(type: "INTEGER", nullable: true),
                    DriverVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CudaVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CpuModel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LogicalCpus = table.Column<int>(type: "INTEGER", nullable: true),
                    ThreadsPerCore = table.Column<int>(type: "INTEGER", nullable: true),
                    Sockets = table.Column<int>(type: "INTEGER", nullable: true),
                    MemTotalKiB = table.Column<long>(type: "INTEGER", nullable: true),
                    ParsedJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModeratedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ModeratedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ModeratedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AppliedChangeId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmittedReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmittedReports_CatalogChanges_AppliedChangeId",
                        column: x => x.AppliedChangeId,
                        principalTable: "CatalogChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubmittedReports_Platforms_PlatformId",
                        column: x => x.PlatformId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedReports_AppliedChangeId",
                table: "SubmittedReports",
                column: "AppliedChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedReports_PlatformId_Status_SessionDate",
                table: "SubmittedReports",
                columns: new[] { "PlatformId", "Status", "SessionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmittedReports_Status_SubmittedAtUtc",
                table: "SubmittedReports",
                columns: new[] { "Status", "SubmittedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SubmittedReports");
        }
    }
}
