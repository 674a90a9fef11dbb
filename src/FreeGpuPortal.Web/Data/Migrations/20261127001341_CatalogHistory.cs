using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FreeGpuPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlatformId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RevertOfChangeId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorDisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EvidenceUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ConcurrencyStampAfter = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "CatalogFieldChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChangeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OldJson = table.Column<string>(type: "TEXT", nullable: true),
                    NewJson = table.Column<string>(type: "TEXT", nullable: true),
                    OldDisplay = table.Column<string>(type: "TEXT", nullable: true),
                    NewDisplay = table.Column<string>(type: "TEXT", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogFieldChanges");

            migrationBuilder.DropTable(
                name: "CatalogChanges");
        }
    }
}
