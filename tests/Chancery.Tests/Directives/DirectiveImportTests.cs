using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Chancery.Tests.Directives;

/// <summary>The three formats through the shared import pipeline: a sub-task before its parent, every
/// problem of every row at once and nothing stored, and the same files again changing nothing.</summary>
public abstract class DirectiveImportTests(DirectivesAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(HttpClient client, string path, string csv)
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "file.csv" } };
        var response = await client.PostAsync(path, content, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    private const string Directives = "id,number,date,issuer,title,text,classification,source\n" +
        "imp-d1,01/TB,2025-01-06,Thủ tướng,Imported directive,Full text,internal,https://example.org/a\n";
    private const string Tasks = "id,directive_id,parent_id,title,lead_unit,coordinating_units,deadline,done_date,key_task,indicator_name,indicator_target,indicator_unit,classification,notes\n" +
        "imp-t1a,imp-d1,imp-t1,Child first,MOFA-ECON,MOIT;MPI,2025-01-09,2025-01-08,true,Markets,3,markets,,\n" +
        "imp-t1,imp-d1,,Parent after,MOFA-ECON,,2025-12-31,,false,,,,,\n";
    private const string Progress = "task_id,date,percent,text,author\nimp-t1a,2025-03-31,50,Half way,Economic Diplomacy\n";

    [Fact]
    public async Task The_three_files_import_with_a_sub_task_before_its_parent_and_again_change_nothing()
    {
        var admin = await fixture.App.AdminClientAsync();
        (await ImportAsync(admin, "/api/v1/directives/import", Directives)).Status.ShouldBe(HttpStatusCode.OK);
        var tasks = await ImportAsync(admin, "/api/v1/tasks/import", Tasks);
        tasks.Status.ShouldBe(HttpStatusCode.OK, tasks.Body.GetRawText());
        tasks.Body.GetProperty("created").GetInt32().ShouldBe(2);
        (await ImportAsync(admin, "/api/v1/task-progress/import", Progress)).Status.ShouldBe(HttpStatusCode.OK);

        var again = await ImportAsync(admin, "/api/v1/tasks/import", Tasks);
        again.Body.GetProperty("unchanged").GetInt32().ShouldBe(2, again.Body.GetRawText());
        (await ImportAsync(admin, "/api/v1/directives/import", Directives)).Body.GetProperty("unchanged").GetInt32().ShouldBe(1);
        (await ImportAsync(admin, "/api/v1/task-progress/import", Progress)).Body.GetProperty("unchanged").GetInt32().ShouldBe(1);

        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/directives?q=imported", Ct);
        var id = list.EnumerateArray().Single(d => d.GetProperty("ref").GetString() == "imp-d1").GetProperty("id").GetInt32();
        var directive = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/directives/{id}", Ct);
        var parent = directive.GetProperty("tasks").EnumerateArray().Single();
        parent.GetProperty("title").GetString().ShouldBe("Parent after");
        var child = parent.GetProperty("subTasks").EnumerateArray().Single();
        child.GetProperty("status").GetString().ShouldBe("done_on_time");
        parent.GetProperty("percent").GetInt32().ShouldBe(100); // rolled up from its one sub-task, done
    }

    [Fact]
    public async Task A_file_with_problems_lists_every_one_and_stores_nothing()
    {
        var admin = await fixture.App.AdminClientAsync();
        (await ImportAsync(admin, "/api/v1/directives/import", Directives.Replace("imp-d1", "bad-d1"))).Status.ShouldBe(HttpStatusCode.OK);
        var csv = "id,directive_id,parent_id,title,lead_unit,coordinating_units,deadline,done_date,key_task,indicator_name,indicator_target,indicator_unit,classification,notes\n" +
            "bad-ok,bad-d1,,Fine row,MOFA-ECON,,2025-06-30,,false,,,,,\n" +
            "bad-1,no-such-directive,,Row two,NOPE,XX,2025-13-01,,maybe,,ten,,,\n" +
            "bad-2,bad-d1,bad-3,Loop a,MOFA-ECON,,,,,,,,,\n" +
            "bad-3,bad-d1,bad-2,Loop b,MOFA-ECON,,,,,,,,,\n";
        var (status, body) = await ImportAsync(admin, "/api/v1/tasks/import", csv);
        status.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problems = body.GetProperty("problems").EnumerateArray().Select(p => $"{p.GetProperty("line").GetInt32()}:{p.GetProperty("column").GetString()}").ToList();
        problems.ShouldContain("3:directive_id");
        problems.ShouldContain("3:lead_unit");
        problems.ShouldContain("3:coordinating_units");
        problems.ShouldContain("3:deadline");
        problems.ShouldContain("3:key_task");
        problems.ShouldContain("3:indicator_target");
        problems.ShouldContain("4:parent_id");
        problems.ShouldContain("5:parent_id");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/v1/directives?q=imported", Ct);
        var id = list.EnumerateArray().Single(d => d.GetProperty("ref").GetString() == "bad-d1").GetProperty("id").GetInt32();
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/directives/{id}", Ct)).GetProperty("tasks").GetArrayLength().ShouldBe(0);
    }
}

public sealed class DirectiveImportTestsOnSqlite(DirectivesSqliteApp fixture) : DirectiveImportTests(fixture), IClassFixture<DirectivesSqliteApp>;

public sealed class DirectiveImportTestsOnPostgres(DirectivesPostgresApp fixture) : DirectiveImportTests(fixture), IClassFixture<DirectivesPostgresApp>;
