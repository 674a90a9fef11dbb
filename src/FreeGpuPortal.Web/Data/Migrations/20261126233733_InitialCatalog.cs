using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FreeGpuPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Features",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    DisplayOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Features", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GpuModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Vendor = table.Column<string>(type: "TEXT", nullable: true),
                    Architecture = table.Column<string>(type: "TEXT", nullable: true),
                    MemoryGb = table.Column<double>(type: "REAL", nullable: true),
                    MemoryType = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    SourceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    SourceTitle = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GpuModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platforms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Vendor = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SuccessorSlug = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    GpuAvailabilityNote = table.Column<string>(type: "TEXT", nullable: true),
                    CpuModel = table.Column<string>(type: "TEXT", nullable: true),
                    StorageNote = table.Column<string>(type: "TEXT", nullable: true),
                    WeeklyQuotaKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WeeklyQuotaResetRule = table.Column<string>(type: "TEXT", nullable: true),
                    Pros = table.Column<string>(type: "TEXT", nullable: false),
                    Cons = table.Column<string>(type: "TEXT", nullable: false),
                    GettingStarted = table.Column<string>(type: "TEXT", nullable: false),
                    LastVerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    CpuCount_AsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CpuCount_Max = table.Column<double>(type: "REAL", nullable: true),
                    CpuCount_Min = table.Column<double>(type: "REAL", nullable: true),
                    CpuCount_Note = table.Column<string>(type: "TEXT", nullable: true),
                    CpuCount_SourceTitle = table.Column<string>(type: "TEXT", nullable: true),
                    CpuCount_SourceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    IdleTimeoutMinutes_AsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IdleTimeoutMinutes_Max = table.Column<double>(type: "REAL", nullable: true),
                    IdleTimeoutMinutes_Min = table.Column<double>(type: "REAL", nullable: true),
                    IdleTimeoutMinutes_Note = table.Column<string>(type: "TEXT", nullable: true),
                    IdleTimeoutMinutes_SourceTitle = table.Column<string>(type: "TEXT", nullable: true),
                    IdleTimeoutMinutes_SourceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    MaxSessionHours_AsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MaxSessionHours_Max = table.Column<double>(type: "REAL", nullable: true),
                    MaxSessionHours_Min = table.Column<double>(type: "REAL", nullable: true),
                    MaxSessionHours_Note = table.Column<string>(type: "TEXT", nullable: true),
                    MaxSessionHours_SourceTitle = table.Column<string>(type: "TEXT", nullable: true),
                    MaxSessionHours_SourceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    RamGb_AsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RamGb_Max = table.Column<double>(type: "REAL", nullable: true),
                    RamGb_Min = table.Column<double>(type: "REAL", nullable: true),
                    RamGb_Note = table.Column<string>(type: "TEXT", nullable: true),
                    RamGb_SourceTitle = table.Column<string>(type: "TEXT", nullable: true),
                    RamGb_SourceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    StorageGb_AsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StorageGb_Max = table.Column<double>(type: "REAL", nullable: true),
                    StorageGb_Min = table.Column<double>(type: "REAL", nullable: true),
                    StorageGb_Note = table.Column<string>(type: "TEXT", nullable: true),
                    StorageGb_SourceTitle = table.Column<string>(type: "TEXT", nullable: true),
                    StorageGb_SourceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    WeeklyGpuHours_AsOf = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WeeklyGpuHours_Max = table.Column<double>(type: "REAL", nullable: true),
                    WeeklyGpuHours_Min = table.Column<double>(type: "REAL", nullable: true),
                    WeeklyGpuHours_Note = table.Column<string>(type: "TEXT", nullable: true),
                    WeeklyGpuHours_SourceTitle = table.Column<string>(type: "TEXT", nullable: true),
                    WeeklyGpuHours_SourceUrl = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platforms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlatformFeatures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlatformId = table.Column<int>(type: "INTEGER", nullable: false),
                    FeatureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Available = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    SourceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    SourceTitle = table.Column<string>(type: "TEXT", nullable: true),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlatformFeatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlatformFeatures_Features_FeatureId",
                        column: x => x.FeatureId,
                        principalTable: "Features",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlatformFeatures_Platforms_PlatformId",
                        column: x => x.PlatformId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlatformGpus",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlatformId = table.Column<int>(type: "INTEGER", nullable: false),
                    GpuModelId = table.Column<int>(type: "INTEGER", nullable: false),
                    GpusPerSession = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    SourceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    SourceTitle = table.Column<string>(type: "TEXT", nullable: true),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlatformGpus", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlatformGpus_GpuModels_GpuModelId",
                        column: x => x.GpuModelId,
                        principalTable: "GpuModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlatformGpus_Platforms_PlatformId",
                        column: x => x.PlatformId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlatformSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlatformId = table.Column<int>(type: "INTEGER", nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AccessedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlatformSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlatformSources_Platforms_PlatformId",
                        column: x => x.PlatformId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Features_Key",
                table: "Features",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GpuModels_Slug",
                table: "GpuModels",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlatformFeatures_FeatureId",
                table: "PlatformFeatures",
                column: "FeatureId");

            migrationBuilder.CreateIndex(
                name: "IX_PlatformFeatures_PlatformId_FeatureId",
                table: "PlatformFeatures",
                columns: new[] { "PlatformId", "FeatureId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlatformGpus_GpuModelId",
                table: "PlatformGpus",
                column: "GpuModelId");

            migrationBuilder.CreateIndex(
                name: "IX_PlatformGpus_PlatformId_GpuModelId",
                table: "PlatformGpus",
                columns: new[] { "PlatformId", "GpuModelId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Platforms_Slug",
                table: "Platforms",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlatformSources_PlatformId",
                table: "PlatformSources",
                column: "PlatformId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlatformFeatures");

            migrationBuilder.DropTable(
                name: "PlatformGpus");

            migrationBuilder.DropTable(
                name: "PlatformSources");

            migrationBuilder.DropTable(
                name: "Features");

            migrationBuilder.DropTable(
                name: "GpuModels");

            migrationBuilder.DropTable(
                name: "Platforms");
        }
    }
}
