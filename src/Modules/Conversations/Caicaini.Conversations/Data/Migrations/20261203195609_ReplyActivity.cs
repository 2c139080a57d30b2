using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caicaini.Conversations.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReplyActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_activity_at",
                schema: "conversations",
                table: "messages",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_activity_at",
                schema: "conversations",
                table: "messages");
        }
    }
}
