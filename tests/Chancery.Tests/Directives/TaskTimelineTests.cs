using Chancery.Web.Directives;

namespace Chancery.Tests.Directives;

/// <summary>The status rule worked out by hand on single tasks (DOMAIN, task scoreboard).</summary>
public sealed class TaskTimelineTests
{
    private static readonly DateOnly Recorded = new(2025, 1, 10);
    private static readonly DateOnly Deadline = new(2025, 3, 10);

    private static TaskTimeline Task(DateOnly? deadline, DateOnly? done, params TaskDeadlineChange[] changes) => new(deadline, done, Recorded, changes);

    [Fact]
    public void Done_on_the_deadline_day_is_on_time() =>
        Task(Deadline, Deadline).On(new DateOnly(2025, 6, 1))!.Value.State.ShouldBe(TaskState.DoneOnTime);

    [Fact]
    public void Done_the_day_after_the_deadline_is_late() =>
        Task(Deadline, Deadline.AddDays(1)).On(new DateOnly(2025, 6, 1))!.Value.State.ShouldBe(TaskState.DoneLate);

    [Fact]
    public void As_of_a_day_before_it_was_done_the_task_was_open()
    {
        var task = Task(Deadline, new DateOnly(2025, 3, 20));
        task.On(new DateOnly(2025, 3, 10))!.Value.State.ShouldBe(TaskState.InProgress); // the deadline day itself is still in time
        task.On(new DateOnly(2025, 3, 11))!.Value.State.ShouldBe(TaskState.Overdue);
        task.On(new DateOnly(2025, 3, 20))!.Value.State.ShouldBe(TaskState.DoneLate);
    }

    [Fact]
    public void A_deadline_moved_after_the_task_was_done_does_not_make_it_on_time()
    {
        // Due 10 March, done 11 March (late); on 20 March the deadline was moved to 31 March.
        var task = Task(new DateOnly(2025, 3, 31), new DateOnly(2025, 3, 11),
            new TaskDeadlineChange { Id = 1, ChangedOn = new DateOnly(2025, 3, 20), Previous = Deadline, Next = new DateOnly(2025, 3, 31) });
        var standing = task.On(new DateOnly(2025, 6, 1))!.Value;
        standing.State.ShouldBe(TaskState.DoneLate);
        standing.Deadline.ShouldBe(Deadline);
    }

    [Fact]
    public void A_deadline_moved_before_the_day_is_the_one_an_open_task_is_judged_by()
    {
        var task = Task(new DateOnly(2025, 3, 31), null,
            new TaskDeadlineChange { Id = 1, ChangedOn = new DateOnly(2025, 3, 5), Previous = Deadline, Next = new DateOnly(2025, 3, 31) });
        task.On(new DateOnly(2025, 3, 4))!.Value.Deadline.ShouldBe(Deadline);
        task.On(new DateOnly(2025, 3, 15))!.Value.State.ShouldBe(TaskState.InProgress); // 31 March is in force since 5 March
    }

    [Fact]
    public void A_standing_task_stays_in_progress_until_done()
    {
        var task = Task(null, null);
        var standing = task.On(new DateOnly(2030, 1, 1))!.Value;
        standing.State.ShouldBe(TaskState.InProgress);
        standing.IsStanding.ShouldBeTrue();
    }

    [Fact]
    public void A_task_recorded_after_the_day_is_not_in_that_days_report() =>
        Task(Deadline, null).On(Recorded.AddDays(-1)).ShouldBeNull();

    [Fact]
    public void The_on_time_rate_over_nothing_due_is_null_not_zero()
    {
        ScoreTally.Rate(0, 0, 0).ShouldBeNull();
        ScoreTally.Rate(1, 1, 1).ShouldBe(0.3333m);
        ScoreTally.Rate(2, 1, 0).ShouldBe(0.6667m);
    }

    [Fact]
    public void A_standing_task_counts_only_as_standing_and_a_done_one_in_nothing()
    {
        var tally = new ScoreTally();
        tally.Add(new TaskStanding(TaskState.InProgress, null));
        tally.Add(new TaskStanding(TaskState.DoneOnTime, null));
        tally.ToScore().ShouldBe(new TaskScore(0, 0, 0, 0, 0, 1, null, null));
    }
}
