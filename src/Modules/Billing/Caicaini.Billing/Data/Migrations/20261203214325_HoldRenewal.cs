using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caicaini.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class HoldRenewal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "renewed_at",
                schema: "billing",
                table: "holds",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "renewed_at",
                schema: "billing",
                table: "holds");
        }
    }
}
