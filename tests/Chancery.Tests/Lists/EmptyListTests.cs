using Chancery.Tests.Infrastructure;
using static Chancery.Tests.Activities.PageHtml;

namespace Chancery.Tests.Lists;

/// <summary>Before anything is imported, the lists say what to do (a database of its own: nothing may be in it).</summary>
public sealed class EmptyListTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_empty_list_says_how_to_fill_it_in_both_languages()
    {
        var admin = await fixture.App.AdminClientAsync();

        var vi = await PageAsync(admin, "/activities", Ct);
        vi.ShouldContain("Chưa có hoạt động nào. Hãy nhập tệp hoạt động hoặc thêm một hoạt động.");
        Between(vi, "empty-state", "</div>").ShouldContain("href=\"/activities/import\"");
        Between(vi, "empty-state", "</div>").ShouldContain("href=\"/activities/new\"");
        vi.ShouldNotContain("Xoá bộ lọc");
        var en = await PageAsync(admin, "/activities?culture=en", Ct);
        en.ShouldContain("No activities yet. Import a file of activities or add one.");

        var people = await PageAsync(admin, "/people", Ct);
        people.ShouldContain("Chưa có ai. Lãnh đạo và người đối tác được thêm khi nhập hoạt động.");
        Between(people, "empty-state", "</div>").ShouldContain("href=\"/activities/import\"");
        (await PageAsync(admin, "/people?culture=en", Ct)).ShouldContain("No people yet. Leaders and counterparts are added when activities are imported.");
    }
}
