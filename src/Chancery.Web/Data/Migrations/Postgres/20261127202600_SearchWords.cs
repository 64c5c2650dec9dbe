using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Stored search texts in the word-cut form the search matches on (no model change).
            foreach (var table in SearchTextWords.Tables) migrationBuilder.Sql(SearchTextWords.Sql(table));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The word-cut texts are still found by a substring search: nothing to undo.
        }
    }
}
