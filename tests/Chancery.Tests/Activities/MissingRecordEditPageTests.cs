using System.Net;
using Chancery.Tests.Infrastructure;

namespace Chancery.Tests.Activities;

/// <summary>An edit page asked for a record that does not exist answers the not-found page (404), not an
/// error: the page must not go on to register its form after it has handed over to the not-found page.</summary>
public abstract class MissingRecordEditPageTests(AppFixture fixture)
{
    [Theory]
    [InlineData("/activities/987654/edit")]
    [InlineData("/agreements/987654/edit")]
    public async Task The_edit_page_of_a_record_that_does_not_exist_answers_not_found(string url)
    {
        var admin = await fixture.App.AdminClientAsync();

        var response = await admin.GetAsync(url, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

public sealed class MissingRecordEditPageTestsOnSqlite(SqliteApp fixture) : MissingRecordEditPageTests(fixture), IClassFixture<SqliteApp>;
