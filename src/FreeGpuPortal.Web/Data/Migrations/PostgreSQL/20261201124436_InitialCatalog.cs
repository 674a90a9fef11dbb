using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FreeGpuPortal.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class InitialCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Features",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    DisplayOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Features", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GpuModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Vendor = table.Column<string>(type: "text", nullable: true),
                    Architecture = table.Column<string>(type: "text", nullable: true),
                    MemoryGb = table.Column<double>(type: "double precision", nullable: true),
                    MemoryType = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    SourceUrl = table.Column<string>(type: "text", nullable: true),
                    SourceTitle = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GpuModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Platforms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Vendor = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Website = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SuccessorSlug = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    GpuAvailabilityNote = table.Column<string>(type: "text", nullable: true),
                    CpuModel = table.Column<string>(type: "text", nullable: true),
                    StorageNote = table.Column<string>(type: "text", nullable: true),
                    WeeklyQuotaKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WeeklyQuotaResetRule = table.Column<string>(type: "text", nullable: true),
                    Pros = table.Column<List<string>>(type: "text[]", nullable: false),
                    Cons = table.Column<List<string>>(type: "text[]", nullable: false),
                    GettingStarted = table.Column<List<string>>(type: "text[]", nullable: false),
                    LastVerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "uuid", nullable: false),
                    CpuCount_AsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    CpuCount_Max = table.Column<double>(type: "double precision", nullable: true),
                    CpuCount_Min = table.Column<double>(type: "double precision", nullable: true),
                    CpuCount_Note = table.Column<string>(type: "text", nullable: true),
                    CpuCount_SourceTitle = table.Column<string>(type: "text", nullable: true),
                    CpuCount_SourceUrl = table.Column<string>(type: "text", nullable: true),
                    IdleTimeoutMinutes_AsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    IdleTimeoutMinutes_Max = table.Column<double>(type: "double precision", nullable: true),
                    IdleTimeoutMinutes_Min = table.Column<double>(type: "double precision", nullable: true),
                    IdleTimeoutMinutes_Note = table.Column<string>(type: "text", nullable: true),
                    IdleTimeoutMinutes_SourceTitle = table.Column<string>(type: "text", nullable: true),
                    IdleTimeoutMinutes_SourceUrl = table.Column<string>(type: "text", nullable: true),
                    MaxSessionHours_AsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    MaxSessionHours_Max = table.Column<double>(type: "double precision", nullable: true),
                    MaxSessionHours_Min = table.Column<double>(type: "double precision", nullable: true),
                    MaxSessionHours_Note = table.Column<string>(type: "text", nullable: true),
                    MaxSessionHours_SourceTitle = table.Column<string>(type: "text", nullable: true),
                    MaxSessionHours_SourceUrl = table.Column<string>(type: "text", nullable: true),
                    RamGb_AsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    RamGb_Max = table.Column<double>(type: "double precision", nullable: true),
                    RamGb_Min = table.Column<double>(type: "double precision", nullable: true),
                    RamGb_Note = table.Column<string>(type: "text", nullable: true),
                    RamGb_SourceTitle = table.Column<string>(type: "text", nullable: true),
                    RamGb_SourceUrl = table.Column<string>(type: "text", nullable: true),
                    StorageGb_AsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    StorageGb_Max = table.Column<double>(type: "double precision", nullable: true),
                    StorageGb_Min = table.Column<double>(type: "double precision", nullable: true),
                    StorageGb_Note = table.Column<string>(type: "text", nullable: true),
                    StorageGb_SourceTitle = table.Column<string>(type: "text", nullable: true),
                    StorageGb_SourceUrl = table.Column<string>(type: "text", nullable: true),
                    WeeklyGpuHours_AsOf = table.Column<DateOnly>(type: "date", nullable: true),
                    WeeklyGpuHours_Max = table.Column<double>(type: "double precision", nullable: true),
                    WeeklyGpuHours_Min = table.Column<double>(type: "double precision", nullable: true),
                    WeeklyGpuHours_Note = table.Column<string>(type: "text", nullable: true),
                    WeeklyGpuHours_SourceTitle = table.Column<string>(type: "text", nullable: true),
                    WeeklyGpuHours_SourceUrl = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Platforms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CatalogChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlatformId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RevertOfChangeId = table.Column<int>(type: "integer", nullable: true),
                    ActorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorDisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EvidenceUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConcurrencyStampAfter = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogChanges_CatalogChanges_RevertOfChangeId",
                        column: x => x.RevertOfChangeId,
                        principalTable: "CatalogChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CatalogChanges_Platforms_PlatformId",
                        column: x => x.PlatformId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlatformFeatures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlatformId = table.Column<int>(type: "integer", nullable: false),
                    FeatureId = table.Column<int>(type: "integer", nullable: false),
                    Available = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    SourceUrl = table.Column<string>(type: "text", nullable: true),
                    SourceTitle = table.Column<string>(type: "text", nullable: true),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlatformId = table.Column<int>(type: "integer", nullable: false),
                    GpuModelId = table.Column<int>(type: "integer", nullable: false),
                    GpusPerSession = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    SourceUrl = table.Column<string>(type: "text", nullable: true),
                    SourceTitle = table.Column<string>(type: "text", nullable: true),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlatformId = table.Column<int>(type: "integer", nullable: false),
                    Url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AccessedOn = table.Column<DateOnly>(type: "date", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "CatalogFieldChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChangeId = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OldJson = table.Column<string>(type: "text", nullable: true),
                    NewJson = table.Column<string>(type: "text", nullable: true),
                    OldDisplay = table.Column<string>(type: "text", nullable: true),
                    NewDisplay = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogFieldChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogFieldChanges_CatalogChanges_ChangeId",
                        column: x => x.ChangeId,
                        principalTable: "CatalogChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SubmittedReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlatformId = table.Column<int>(type: "integer", nullable: false),
                    SessionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RawText = table.Column<string>(type: "text", nullable: false),
                    GpuName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GpuMemoryMiB = table.Column<int>(type: "integer", nullable: true),
                    GpuCount = table.Column<int>(type: "integer", nullable: true),
                    DriverVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CudaVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CpuModel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LogicalCpus = table.Column<int>(type: "integer", nullable: true),
                    ThreadsPerCore = table.Column<int>(type: "integer", nullable: true),
                    Sockets = table.Column<int>(type: "integer", nullable: true),
                    MemTotalKiB = table.Column<long>(type: "bigint", nullable: true),
                    ParsedJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModeratedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModeratedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ModeratedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AppliedChangeId = table.Column<int>(type: "integer", nullable: true)
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

            migrationBuilder.InsertData(
                table: "CatalogVersions",
                columns: new[] { "Id", "Stamp" },
                values: new object[] { 1, new Guid("00000000-0000-0000-0000-000000000000") });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogChanges_ActorUserId_AtUtc",
                table: "CatalogChanges",
                columns: new[] { "ActorUserId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogChanges_AtUtc",
                table: "CatalogChanges",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogChanges_PlatformId_AtUtc",
                table: "CatalogChanges",
                columns: new[] { "PlatformId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogChanges_RevertOfChangeId",
                table: "CatalogChanges",
                column: "RevertOfChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogFieldChanges_ChangeId",
                table: "CatalogFieldChanges",
                column: "ChangeId");

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
                name: "CatalogFieldChanges");

            migrationBuilder.DropTable(
                name: "CatalogVersions");

            migrationBuilder.DropTable(
                name: "PlatformFeatures");

            migrationBuilder.DropTable(
                name: "PlatformGpus");

            migrationBuilder.DropTable(
                name: "PlatformSources");

            migrationBuilder.DropTable(
                name: "SubmittedReports");

            migrationBuilder.DropTable(
                name: "Features");

            migrationBuilder.DropTable(
                name: "GpuModels");

            migrationBuilder.DropTable(
                name: "CatalogChanges");

            migrationBuilder.DropTable(
                name: "Platforms");
        }
    }
}
