using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Data;

/// <summary>The SQLite flavour (the embedded default); its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteChanceryDbContext(DbContextOptions<SqliteChanceryDbContext> options) : ChanceryDbContext(options);
