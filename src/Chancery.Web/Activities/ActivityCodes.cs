namespace Chancery.Web.Activities;

public enum ActivityKind
{
    StateVisit = 1, OfficialVisit, WorkingVisit, PrivateVisit, IncomingVisit,
    MultilateralConference, BilateralMeeting, PhoneCall, OnlineTalk, Reception,
}

public enum ActivityDirection { None = 0, Outgoing = 1, Incoming = 2 }

public enum ActivityStatus { Planned = 1, Confirmed, Completed, Postponed, Cancelled }

public enum ActivityChannel { Party = 1, State, Government, NationalAssembly, People, Ministry, Province }

public static class ActivityKinds
{
    public static readonly ActivityKind[] OutgoingVisits =
        [ActivityKind.StateVisit, ActivityKind.OfficialVisit, ActivityKind.WorkingVisit, ActivityKind.PrivateVisit];

    public static bool IsOutgoingVisit(this ActivityKind kind) => OutgoingVisits.Contains(kind);

    /// <summary>The direction a kind forces: outgoing visits go out, incoming visits come in. Other kinds
    /// (a call, a conference, a meeting) may be either or none, so any direction agrees with them.</summary>
    public static ActivityDirection? RequiredDirection(this ActivityKind kind) =>
        kind.IsOutgoingVisit() ? ActivityDirection.Outgoing
        : kind == ActivityKind.IncomingVisit ? ActivityDirection.Incoming
        : null;

    public static bool Agrees(this ActivityKind kind, ActivityDirection direction) =>
        kind.RequiredDirection() is not { } required || required == direction;

    public static ActivityDirection DefaultDirection(this ActivityKind kind) => kind.RequiredDirection() ?? ActivityDirection.None;
}

/// <summary>Theme codes an activity can carry, including the technology themes named in the directives.</summary>
public static class ActivityThemes
{
    public static readonly string[] Technology =
    [
        "semiconductors", "artificial_intelligence", "big_data", "cloud_computing", "internet_industry",
        "blockchain", "biomedicine", "new_energy", "new_materials",
    ];

    public static readonly string[] Other = ["trade", "investment", "security", "culture", "education", "health", "climate", "labour"];

    public static readonly HashSet<string> All = [.. Technology, .. Other];
}
