using Chancery.Web.Common.Audit;
using Chancery.Web.Common.Modules;
using Chancery.Web.Common.Search;
using Chancery.Web.Common.Writing;
using Chancery.Web.Directives.Components;
using Chancery.Web.Directives.Attachments;
using Chancery.Web.Directives.Importing;
using Chancery.Web.Directives.Links;
using Chancery.Web.Directives.Notifications;
using Chancery.Web.Common.Ui;
using Chancery.Web.Home;

namespace Chancery.Web.Directives;

/// <summary>Directives and their tasks: from the Prime Minister's conclusions to each unit's deadline,
/// with progress reports, the Government Office's scoreboard, recurring reporting tasks and deadline
/// warnings. The home page shows an officer their unit's tasks through its section extension point.</summary>
public sealed class DirectivesModule : IChanceryModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<DirectiveQueries>();
        services.AddScoped<DirectiveWriter>();
        services.AddScoped<TaskWriter>();
        services.AddScoped<TaskScoreboardQuery>();
        services.AddScoped<TaskLinks>();
        services.AddScoped<ProgressDocuments>();
        services.AddPickerSource<TaskCommitmentPickerSource>();
        services.AddAuditSubject<ProgressDocumentAuditSubject>();
        services.AddScoped<DirectiveImportDefinition>();
        services.AddScoped<TaskImportDefinition>();
        services.AddScoped<ProgressImportDefinition>();
        services.AddScoped<ISearchSource, DirectiveSearchSource>();
        services.AddScoped<ISearchSource, TaskSearchSource>();
        services.AddErrorTexts<DirectivesText>();
        services.AddAuditSubject<DirectiveAuditSubject>();
        services.AddAuditSubject<TaskAuditSubject>();
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.Configure<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<DeadlineNotifier>();
        services.AddScoped<MailSender>();
        services.AddScoped<NotificationQueries>();
        services.AddHostedService<DeadlineWarningService>();
    }

    public void MapApi(RouteGroupBuilder api)
    {
        api.MapDirectiveEndpoints();
        api.MapScoreboardEndpoints();
        api.MapNotificationEndpoints();
        api.MapTaskLinkEndpoints();
        api.MapProgressDocumentEndpoints();
    }

    public void MapOther(IEndpointRouteBuilder app) => app.MapProgressDocumentForm();

    /// <summary>"My unit's tasks" on the home page, the unread count in the header, and on the pages of
    /// activities, agreements and commitments the tasks they carry out.</summary>
    public IEnumerable<PageSection> Sections =>
    [
        new(HomePageSections.Name, typeof(MyUnitTasksSection), 10),
        new(LayoutSections.Header, typeof(NotificationBell), 10),
        new(Activities.ActivityPageSections.Name, typeof(ActivityTasks), 300),
        new(Agreements.AgreementPageSections.Name, typeof(AgreementTasks), 300),
        new(Commitments.CommitmentPageSections.Name, typeof(CommitmentTasks), 300),
    ];

    public IEnumerable<MenuEntry> Menu =>
    [
        new("/directives", typeof(DirectivesText), "Directives", 250),
        new("/tasks", typeof(DirectivesText), "TaskLists", 260),
        new("/reports/task-scoreboard", typeof(DirectivesText), "Scoreboard", 410, FullLoad: true),
    ];

    public IEnumerable<ApiTag> ApiTags =>
    [
        new("Directives", "Directives and the tasks they assign to units: deadlines, progress reports and notifications."),
    ];
}
