using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caicaini.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class Holds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "holds",
                schema: "billing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subscription_micros = table.Column<long>(type: "bigint", nullable: false),
                    top_up_micros = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    charged_subscription_micros = table.Column<long>(type: "bigint", nullable: false),
                    charged_top_up_micros = table.Column<long>(type: "bigint", nullable: false),
                    shortfall_micros = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_holds", x => x.id);
                    table.CheckConstraint("ck_holds_non_negative", "subscription_micros >= 0 AND top_up_micros >= 0 AND charged_subscription_micros >= 0 AND charged_top_up_micros >= 0 AND shortfall_micros >= 0");
                    table.ForeignKey(
                        name: "fk_holds_credit_accounts_user_id",
                        column: x => x.user_id,
                        principalSchema: "billing",
                        principalTable: "credit_accounts",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_holds_created_at",
                schema: "billing",
                table: "holds",
                column: "created_at",
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_holds_reference",
                schema: "billing",
                table: "holds",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_holds_user_id",
                schema: "billing",
                table: "holds",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "holds",
                schema: "billing");
        }
    }
}
