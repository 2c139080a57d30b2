using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Caicaini.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class PaymentsAndAdjustments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "admin_adjustments",
                schema: "billing",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    admin_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    bucket = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    amount_micros = table.Column<long>(type: "bigint", nullable: false),
                    plan_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    periods = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_admin_adjustments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payment_applications",
                schema: "billing",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payment_reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_micros = table.Column<long>(type: "bigint", nullable: false),
                    applied_micros = table.Column<long>(type: "bigint", nullable: false),
                    shortfall_micros = table.Column<long>(type: "bigint", nullable: false),
                    plan_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    periods = table.Column<int>(type: "integer", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_applications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_admin_adjustments_reference",
                schema: "billing",
                table: "admin_adjustments",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_admin_adjustments_user_id_at",
                schema: "billing",
                table: "admin_adjustments",
                columns: new[] { "user_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_payment_applications_kind_payment_reference",
                schema: "billing",
                table: "payment_applications",
                columns: new[] { "kind", "payment_reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_applications_user_id",
                schema: "billing",
                table: "payment_applications",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admin_adjustments",
                schema: "billing");

            migrationBuilder.DropTable(
                name: "payment_applications",
                schema: "billing");
        }
    }
}
