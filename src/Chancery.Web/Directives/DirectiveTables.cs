using Chancery.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Directives;

/// <summary>The module's tables, reached as <c>db.Directives</c>, <c>db.DirectiveTasks</c> … from any context.</summary>
public static class DirectiveTables
{
    extension(ChanceryDbContext db)
    {
        public DbSet<Directive> Directives => db.Set<Directive>();
        public DbSet<DirectiveTask> DirectiveTasks => db.Set<DirectiveTask>();
        public DbSet<TaskDeadlineChange> TaskDeadlineChanges => db.Set<TaskDeadlineChange>();
        public DbSet<TaskProgress> TaskProgress => db.Set<TaskProgress>();
        public DbSet<TaskNotice> TaskNotices => db.Set<TaskNotice>();
        public DbSet<OutboxMail> OutboxMails => db.Set<OutboxMail>();
        public DbSet<TaskLink> TaskLinks => db.Set<TaskLink>();
        public DbSet<ProgressDocument> ProgressDocuments => db.Set<ProgressDocument>();
    }
}
