using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Caicaini.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plans",
                schema: "billing",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    monthly_price_usd_cents = table.Column<int>(type: "integer", nullable: false),
                    monthly_credits_micros = table.Column<long>(type: "bigint", nullable: false),
                    includes_cli = table.Column<bool>(type: "boolean", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => x.id);
                    table.CheckConstraint("ck_plans_non_negative", "monthly_price_usd_cents >= 0 AND monthly_credits_micros >= 0");
                });

            migrationBuilder.CreateTable(
                name: "credit_accounts",
                schema: "billing",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    period_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    period_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_through = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    subscription_micros = table.Column<long>(type: "bigint", nullable: false),
                    top_up_micros = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_accounts", x => x.user_id);
                    table.CheckConstraint("ck_credit_accounts_subscription_non_negative", "subscription_micros >= 0");
                    table.CheckConstraint("ck_credit_accounts_top_up_non_negative", "top_up_micros >= 0");
                    table.ForeignKey(
                        name: "fk_credit_accounts_plans_plan_id",
                        column: x => x.plan_id,
                        principalSchema: "billing",
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                schema: "billing",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bucket = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount_micros = table.Column<long>(type: "bigint", nullable: false),
                    reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    balance_after_micros = table.Column<long>(type: "bigint", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_ledger_entries_credit_accounts_user_id",
                        column: x => x.user_id,
                        principalSchema: "billing",
                        principalTable: "credit_accounts",
                        principalColumn: "user_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_credit_accounts_period_end",
                schema: "billing",
                table: "credit_accounts",
                column: "period_end");

            migrationBuilder.CreateIndex(
                name: "ix_credit_accounts_plan_id",
                schema: "billing",
                table: "credit_accounts",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_kind_bucket_reference",
                schema: "billing",
                table: "ledger_entries",
                columns: new[] { "kind", "bucket", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_user_id_id",
                schema: "billing",
                table: "ledger_entries",
                columns: new[] { "user_id", "id" });

            // The plans. 1 credit is about US$0.01 of model usage at list prices; paid plans get more
            // credits per dollar as they grow. Prices are whole US cents, credits micro-credits.
            migrationBuilder.InsertData(
                schema: "billing",
                table: "plans",
                columns: ["id", "name", "monthly_price_usd_cents", "monthly_credits_micros", "includes_cli", "position"],
                values: new object[,]
                {
                    { "free", "Free", 0, 100_000_000L, false, 10 },
                    { "starter", "Starter", 500, 500_000_000L, false, 20 },
                    { "pro", "Pro", 2_000, 2_200_000_000L, true, 30 },
                    { "power", "Power", 5_000, 5_750_000_000L, true, 40 },
                    { "ultra", "Ultra", 10_000, 12_000_000_000L, true, 50 },
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ledger_entries",
                schema: "billing");

            migrationBuilder.DropTable(
                name: "credit_accounts",
                schema: "billing");

            migrationBuilder.DropTable(
                name: "plans",
                schema: "billing");
        }
    }
}
