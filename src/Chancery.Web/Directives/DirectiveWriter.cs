using Chancery.Web.Common.Classification;
using Chancery.Web.Common.Concurrency;
using Chancery.Web.Common.Time;
using Chancery.Web.Common.Writing;
using Chancery.Web.Data;
using Chancery.Web.Units;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Directives;

/// <summary>The one place that stores directives: created with their task tree in one write (the
/// issuer assigns tasks to any unit), edited field by field afterwards (tasks through <see cref="TaskWriter"/>).</summary>
public sealed class DirectiveWriter(ChanceryDbContext db, DirectiveQueries queries, TimeProvider clock)
{
    public async Task<WriteOutcome<DirectiveDetail>> CreateAsync(DirectiveRequest request, CancellationToken ct = default)
    {
        var problems = new Problems();
        DirectiveRules.CheckDirective(request, problems);
        var directive = new Directive { ExternalRef = "D-" + Guid.NewGuid().ToString("N")[..10], Issuer = "", Title = "" };
        Apply(directive, request, problems);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, ct);
        var limited = new List<Limited> { new(directive) };
        AddTasks(directive, null, request.Tasks ?? [], units, problems, "tasks", limited);
        db.Directives.Add(directive);
        return await CheckedSave.SaveAsync(db, limited, problems, c => queries.GetAsync(directive.Id, c), WriteStatus.Created, ct);
    }

    public async Task<WriteOutcome<DirectiveDetail>> UpdateAsync(int id, DirectiveRequest request, CancellationToken ct = default)
    {
        var directive = await db.Directives.SingleOrDefaultAsync(d => d.Id == id, ct);
        if (directive is null) return WriteOutcome<DirectiveDetail>.NotFound();
        var problems = new Problems();
        DirectiveRules.CheckDirective(request, problems);
        db.ExpectVersion(directive, request.Version);
        Apply(directive, request, problems);
        return await CheckedSave.SaveAsync(db, directive, problems, c => queries.GetAsync(id, c), WriteStatus.Saved, ct);
    }

    private void Apply(Directive d, DirectiveRequest r, Problems problems)
    {
        d.Number = DirectiveRules.Blank(r.Number);
        d.Date = r.Date ?? d.Date;
        d.Issuer = r.Issuer?.Trim() ?? "";
        d.Title = r.Title?.Trim() ?? "";
        d.Text = DirectiveRules.Blank(r.Text);
        d.Source = DirectiveRules.Blank(r.Source);
        var stored = d.Id == 0 ? (ClassificationLevel?)null : d.Classification;
        if (WriteGuard.Classification(r.Classification, db.Clearance, stored, ClassificationLevel.Internal, problems) is { } level)
            d.Classification = level;
    }

    private void AddTasks(Directive directive, DirectiveTask? parent, IReadOnlyList<TaskRequest> requests, IReadOnlyDictionary<string, Unit> units,
        Problems problems, string prefix, List<Limited> limited)
    {
        var today = clock.Today();
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            var p = $"{prefix}[{i}].";
            var task = new DirectiveTask { ExternalRef = "T-" + Guid.NewGuid().ToString("N")[..10], Title = "", Directive = directive, Parent = parent, RecordedOn = today };
            DirectiveRules.Apply(task, r, units, db.Clearance, directive.Classification, problems, p);
            task.Deadline = r.Deadline;
            directive.Tasks.Add(task);
            parent?.Children.Add(task);
            limited.Add(new Limited(task, p));
            AddTasks(directive, task, r.SubTasks ?? [], units, problems, p + "subTasks", limited);
        }
    }
}
