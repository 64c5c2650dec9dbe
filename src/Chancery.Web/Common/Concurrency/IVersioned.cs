namespace Chancery.Web.Common.Concurrency;

/// <summary>An editable record with an optimistic-concurrency version. The version is a plain
/// integer (portable across SQLite and PostgreSQL), bumped on every update by the save interceptor;
/// an update that carries a stale version fails with a concurrency conflict, answered as 409.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
