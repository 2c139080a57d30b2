using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Caicaini.Models.Data.Migrations
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog",
                schema: "models",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    display_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    tier = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    provider = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    upstream_model_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    context_window = table.Column<int>(type: "integer", nullable: false),
                    max_output_tokens = table.Column<int>(type: "integer", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    input_micros_per_m_tok = table.Column<long>(type: "bigint", nullable: false),
                    output_micros_per_m_tok = table.Column<long>(type: "bigint", nullable: false),
                    cache_read_micros_per_m_tok = table.Column<long>(type: "bigint", nullable: false),
                    cache_write_micros_per_m_tok = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog", x => x.id);
                    table.CheckConstraint("ck_catalog_prices_non_negative", "input_micros_per_m_tok >= 0 AND output_micros_per_m_tok >= 0 AND cache_read_micros_per_m_tok >= 0 AND cache_write_micros_per_m_tok >= 0");
                });

            migrationBuilder.CreateTable(
                name: "catalog_audit",
                schema: "models",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    model_id = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    editor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    change = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_catalog_audit", x => x.id);
                });

            migrationBuilder.InsertData(
                schema: "models",
                table: "catalog",
                columns: new[] { "id", "cache_read_micros_per_m_tok", "cache_write_micros_per_m_tok", "context_window", "description", "display_name", "enabled", "input_micros_per_m_tok", "max_output_tokens", "output_micros_per_m_tok", "position", "provider", "tier", "upstream_model_id" },
                values: new object[,]
                {
                    { "caicaini/auto", 0L, 0L, 200000, "The default: picks the model per message. Short factual questions go to a fast, cheap model; hard reasoning and long code to the best.", "Auto", true, 0L, 16000, 0L, 0, "router", "Router", "" },
                    { "caicaini/haiku", 10000000L, 125000000L, 200000, "Fast and cheap: quick facts, short answers, simple edits.", "Haiku", true, 100000000L, 8192, 500000000L, 3, "anthropic", "Fast", "claude-haiku-4-5" },
                    { "caicaini/kimi", 15000000L, 60000000L, 256000, "Fast and cheap, and strong in Chinese; served by Moonshot.", "Kimi", true, 60000000L, 8192, 250000000L, 4, "moonshot", "Fast", "kimi-k2-0905-preview" },
                    { "caicaini/opus", 50000000L, 625000000L, 200000, "Our best model for hard reasoning, proofs, long code and careful writing. The most expensive.", "Opus", true, 500000000L, 32000, 2500000000L, 1, "anthropic", "Best", "claude-opus-4-5" },
                    { "caicaini/sonnet", 30000000L, 375000000L, 200000, "Balanced: strong everyday writing, analysis and code at a fair price.", "Sonnet", true, 300000000L, 16000, 1500000000L, 2, "anthropic", "Balanced", "claude-sonnet-4-5" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_catalog_audit_model_id_at",
                schema: "models",
                table: "catalog_audit",
                columns: new[] { "model_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalog",
                schema: "models");

            migrationBuilder.DropTable(
                name: "catalog_audit",
                schema: "models");
        }
    }
}
