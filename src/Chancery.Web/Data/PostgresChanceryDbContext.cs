using Microsoft.EntityFrameworkCore;

namespace Chancery.Web.Data;

/// <summary>The PostgreSQL flavour (production); its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresChanceryDbContext(DbContextOptions<PostgresChanceryDbContext> options) : ChanceryDbContext(options);
