using Chancery.Web.Common.Api;

namespace Chancery.Web.Directives;

/// <summary>The status of a task with sub-tasks, which is their roll-up (DOMAIN: it is not counted
/// itself): overdue while any sub-task is overdue; done once all are done (late when any was late);
/// otherwise in progress.</summary>
public static class TaskRollup
{
    public static string Status(IEnumerable<string> subTaskStatuses)
    {
        var all = subTaskStatuses.Select(s => Codes<TaskState>.TryParse(s, out var state) ? state : TaskState.InProgress).ToList();
        if (all.Count == 0) return Codes<TaskState>.ToCode(TaskState.InProgress);
        if (all.Contains(TaskState.Overdue)) return Codes<TaskState>.ToCode(TaskState.Overdue);
        if (all.All(s => s is TaskState.DoneOnTime or TaskState.DoneLate))
            return Codes<TaskState>.ToCode(all.Contains(TaskState.DoneLate) ? TaskState.DoneLate : TaskState.DoneOnTime);
        return Codes<TaskState>.ToCode(TaskState.InProgress);
    }
}
