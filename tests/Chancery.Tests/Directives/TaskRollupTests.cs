using Chancery.Web.Directives;

namespace Chancery.Tests.Directives;

/// <summary>A parent's status from its sub-tasks', worked out by hand.</summary>
public sealed class TaskRollupTests
{
    [Theory]
    [InlineData("in_progress", "done_on_time,in_progress")]
    [InlineData("overdue", "done_on_time,overdue,in_progress")]
    [InlineData("done_on_time", "done_on_time,done_on_time")]
    [InlineData("done_late", "done_on_time,done_late")]
    [InlineData("in_progress", "done_late,in_progress")]
    public void A_parent_is_overdue_while_any_sub_task_is_and_done_once_all_are(string expected, string subTasks) =>
        TaskRollup.Status(subTasks.Split(',')).ShouldBe(expected);
}
