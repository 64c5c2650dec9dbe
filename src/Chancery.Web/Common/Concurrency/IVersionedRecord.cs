namespace Chancery.Web.Common.Concurrency;

/// <summary>A record as the API and pages show it, carrying the version an edit must send back.</summary>
public interface IVersionedRecord
{
    int Version { get; }
}
