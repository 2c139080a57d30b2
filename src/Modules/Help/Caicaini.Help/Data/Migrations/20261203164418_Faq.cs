using System;
using Caicaini.Help.Data.Seed;
using Caicaini.Help.Domain;
using Caicaini.Shared.Text;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Caicaini.Help.Data.Migrations
{
    /// <inheritdoc />
    public partial class Faq : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "faq_sections",
                schema: "help",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_sections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "faq_entries",
                schema: "help",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    section_id = table.Column<int>(type: "integer", nullable: false),
                    slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    question = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    answer_markdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    answer_text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    published = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_faq_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_faq_entries_sections_section_id",
                        column: x => x.section_id,
                        principalSchema: "help",
                        principalTable: "faq_sections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_faq_entries_section_id",
                schema: "help",
                table: "faq_entries",
                column: "section_id");

            migrationBuilder.CreateIndex(
                name: "ix_faq_entries_slug",
                schema: "help",
                table: "faq_entries",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_faq_sections_slug",
                schema: "help",
                table: "faq_sections",
                column: "slug",
                unique: true);

            // Search: question (weight A) over answer (weight B), kept in step by PostgreSQL itself.
            migrationBuilder.Sql("""
                ALTER TABLE help.faq_entries ADD COLUMN search_vector tsvector
                    GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', question), 'A') ||
                        setweight(to_tsvector('english', answer_text), 'B')) STORED;
                CREATE INDEX ix_faq_entries_search_vector ON help.faq_entries USING GIN (search_vector);
                """);

            SeedContent(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "faq_entries",
                schema: "help");

            migrationBuilder.DropTable(
                name: "faq_sections",
                schema: "help");
        }

        private static void SeedContent(MigrationBuilder migrationBuilder)
        {
            var seededAt = new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero);
            var entryId = 0;
            for (var sectionIndex = 0; sectionIndex < FaqContent.Sections.Length; sectionIndex++)
            {
                var section = FaqContent.Sections[sectionIndex];
                var sectionId = sectionIndex + 1;
                migrationBuilder.InsertData("faq_sections", ["id", "slug", "title", "position"],
                    [sectionId, section.Slug, section.Title, sectionId * 10], "help");
                for (var position = 0; position < section.Entries.Length; position++)
                {
                    var entry = section.Entries[position];
                    migrationBuilder.InsertData("faq_entries",
                        ["id", "section_id", "slug", "question", "answer_markdown", "answer_text", "position", "published", "updated_at"],
                        [++entryId, sectionId, entry.Slug, entry.Question, entry.Answer, MarkdownRenderer.ToPlainText(entry.Answer), (position + 1) * 10, true, seededAt],
                        "help");
                }
            }

            // Identity columns continue after the seeded ids.
            migrationBuilder.Sql("""
                SELECT setval(pg_get_serial_sequence('help.faq_sections', 'id'), (SELECT max(id) FROM help.faq_sections));
                SELECT setval(pg_get_serial_sequence('help.faq_entries', 'id'), (SELECT max(id) FROM help.faq_entries));
                """);
        }
    }
}
