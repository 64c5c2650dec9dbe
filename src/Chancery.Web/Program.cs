using Chancery.Web;
using Chancery.Web.Data;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddChancery(builder.Configuration);

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseChancery();
app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
