using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BusinessManager.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnershipAcceptedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AcceptedAt",
                table: "partnerships",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcceptedAt",
                table: "partnerships");
        }
    }
}
