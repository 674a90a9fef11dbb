using Microsoft.EntityFrameworkCore.Migrations;

using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FreeGpuPortal.Web.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class Suggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SuggestionId",
                table: "CatalogChanges",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Suggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlatformId = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProposedKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProposedMin = table.Column<double>(type: "double precision", nullable: true),
                    ProposedMax = table.Column<double>(type: "double precision", nullable: true),
                    EvidenceUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Suggestions_Platforms_PlatformId",
                        column: x => x.PlatformId,
                        principalTable: "Platforms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogChanges_SuggestionId",
                table: "CatalogChanges",
                column: "SuggestionId");

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_Fingerprint_SubmittedAtUtc",
                table: "Suggestions",
                columns: new[] { "Fingerprint", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_PlatformId",
                table: "Suggestions",
                column: "PlatformId");

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_Status_SubmittedAtUtc",
                table: "Suggestions",
                columns: new[] { "Status", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Suggestions_Token",
                table: "Suggestions",
                column: "Token",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CatalogChanges_Suggestions_SuggestionId",
                table: "CatalogChanges",
                column: "SuggestionId",
                principalTable: "Suggestions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CatalogChanges_Suggestions_SuggestionId",
                table: "CatalogChanges");

            migrationBuilder.DropTable(
                name: "Suggestions");

            migrationBuilder.DropIndex(
                name: "IX_CatalogChanges_SuggestionId",
                table: "CatalogChanges");

            migrationBuilder.DropColumn(
                name: "SuggestionId",
                table: "CatalogChanges");
        }
    }
}
