using System;

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FreeGpuPortal.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class GpuModelAdmin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "GpuModels",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateOnly>(
                name: "SourceAsOf",
                table: "GpuModels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "PlatformId",
                table: "CatalogChanges",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "GpuModelSlug",
                table: "CatalogChanges",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogChanges_GpuModelSlug_AtUtc",
                table: "CatalogChanges",
                columns: new[] { "GpuModelSlug", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CatalogChanges_GpuModelSlug_AtUtc",
                table: "CatalogChanges");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "GpuModels");

            migrationBuilder.DropColumn(
                name: "SourceAsOf",
                table: "GpuModels");

            migrationBuilder.DropColumn(
                name: "GpuModelSlug",
                table: "CatalogChanges");

            migrationBuilder.AlterColumn<int>(
                name: "PlatformId",
                table: "CatalogChanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
