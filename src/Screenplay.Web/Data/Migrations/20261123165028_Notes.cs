using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Screenplay.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Notes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scenes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    script_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: true),
                    heading = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    vanished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    vanished_text = table.Column<string>(type: "text", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scenes", x => x.id);
                    table.ForeignKey(
                        name: "fk_scenes_scripts_script_id",
                        column: x => x.script_id,
                        principalTable: "scripts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    script_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scene_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_id = table.Column<string>(type: "text", nullable: true),
                    body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    mentions = table.Column<List<string>>(type: "text[]", nullable: false),
                    passage_from = table.Column<int>(type: "integer", nullable: true),
                    passage_to = table.Column<int>(type: "integer", nullable: true),
                    passage_version = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    resolved_by_id = table.Column<string>(type: "text", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    deleted_by_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_notes_notes_parent_id",
                        column: x => x.parent_id,
                        principalTable: "notes",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_notes_scenes_scene_id",
                        column: x => x.scene_id,
                        principalTable: "scenes",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_notes_scripts_script_id",
                        column: x => x.script_id,
                        principalTable: "scripts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notes_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_notes_users_deleted_by_id",
                        column: x => x.deleted_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_notes_users_resolved_by_id",
                        column: x => x.resolved_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notes_author_id",
                table: "notes",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_notes_deleted_by_id",
                table: "notes",
                column: "deleted_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_notes_mentions",
                table: "notes",
                column: "mentions")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_notes_parent_id",
                table: "notes",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_notes_resolved_by_id",
                table: "notes",
                column: "resolved_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_notes_scene_id",
                table: "notes",
                column: "scene_id");

            migrationBuilder.CreateIndex(
                name: "ix_notes_script_id_created_at",
                table: "notes",
                columns: new[] { "script_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notes_script_id_scene_id_created_at",
                table: "notes",
                columns: new[] { "script_id", "scene_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_scenes_script_id_ordinal",
                table: "scenes",
                columns: new[] { "script_id", "ordinal" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notes");

            migrationBuilder.DropTable(
                name: "scenes");
        }
    }
}
